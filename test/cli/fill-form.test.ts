// SPEC §9 at the CLI: a filled 绩效自评表 is validated as a form; `fill` never writes a form graded from nothing.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { cli, FIXTURES_DIR, tempDir } from "./helpers";

const SICHUAN = path.join(FIXTURES_DIR, "form", "sichuan-qingshen-2023-selfeval-form.xlsx");

async function workbookWith(rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  rows.forEach((r) => ws.addRow(r));
  const file = path.join(tempDir(), "input.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("fill on a workbook with nothing readable", () => {
  it("exits 2 with one clear line and writes no file", async () => {
    const input = await workbookWith([["会议纪要"], ["随便写写", 3]]);
    const out = path.join(tempDir(), "out.xlsx");
    const r = await cli(["fill", input, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("未找到可读的内容");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("a form with no indicator row is nothing readable either", async () => {
    const input = await workbookWith([["（2023年度）项目支出绩效自评表"], ["项目资金（万元）", "年初预算数", "全年预算数"], ["年度总体目标"], ["绩效指标", "一级指标", "二级指标", "三级指标"], ["总分"]]);
    const out = path.join(tempDir(), "out.xlsx");
    const r = await cli(["fill", input, "-o", out]);
    expect(r.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("the real Sichuan form at the CLI", () => {
  it("validates with no sheet-missing: its weights and missing actuals are reported at the form's cells", async () => {
    const r = await cli(["validate", SICHUAN, "--format", "json"]);
    const report = JSON.parse(r.stdout);
    const pairs = report.findings.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`);
    expect(pairs).toEqual([
      "nonstandard-weights@部门预算项目支出绩效自评表!B15",
      "missing-actual@部门预算项目支出绩效自评表!H15",
      "missing-actual@部门预算项目支出绩效自评表!H16",
    ]);
    expect(report.summary).toMatchObject({ errors: 0, budget: 2518900, executionRate: 1, score: 10, grade: "差" });
  });

  it("fills: the form is readable", async () => {
    const out = path.join(tempDir(), "out.xlsx");
    const r = await cli(["fill", SICHUAN, "-o", out]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });
});
