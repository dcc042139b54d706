// --map (SPEC §8 column map) on a real table, and a map that cannot be used: one located line, exit 2.
import * as fs from "fs";
import * as path from "path";
import { cli, ROOT, tempDir } from "./helpers";

const YUNFU = path.join(ROOT, "test", "fixtures", "real", "yunfu-2024-sme-fund-plan.xlsx");

function mapFile(json: unknown): string {
  const file = path.join(tempDir(), "map.json");
  fs.writeFileSync(file, typeof json === "string" ? json : JSON.stringify(json));
  return file;
}

describe("fund-audit validate --map", () => {
  it("a map stating the unit: yunfu read in 万元, no unit-suspect", async () => {
    const map = mapFile({ sheets: { 资金分配: { sheet: "项目计划表", headerRow: 3, unit: "万元", columns: { 单位名称: "项目单位", 批复金额: "E" } } } });
    const r = await cli(["validate", YUNFU, "--format", "json", "--map", map]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { summary: { approved: number; recipients: number }; findings: { code: string; cell: string }[] };
    expect(report.summary).toMatchObject({ approved: 1380000, recipients: 5 });
    expect(report.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["role-absent@项目计划表!A1"]);
  });

  it("a bad map: one line naming the JSON path, exit 2", async () => {
    const r = await cli(["validate", YUNFU, "--map", mapFile({ sheets: { 资金分配: { headerRow: 0 } } })]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("sheets.资金分配.headerRow");
  });

  it("a map that is not JSON, or missing: one clear line, exit 2", async () => {
    const bad = await cli(["validate", YUNFU, "--map", mapFile("{ sheets: ")]);
    expect([bad.code, bad.stderr.trim().split("\n").length]).toEqual([2, 1]);
    expect(bad.stderr).toContain("不是有效的 JSON");
    const missing = await cli(["validate", YUNFU, "--map", path.join(tempDir(), "none.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("无法读取列映射文件");
  });

  it("fill accepts --map", async () => {
    const out = path.join(tempDir(), "yunfu.checked.xlsx");
    const map = mapFile({ sheets: { 资金分配: { unit: "万元" } } });
    const r = await cli(["fill", YUNFU, "-o", out, "--map", map]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });
});
