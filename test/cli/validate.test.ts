// `fund-audit validate`: the text report on the seed example, the JSON shape, several files,
// usage errors and exit codes (SPEC §6).
import * as fs from "fs";
import * as path from "path";
import { cli, EXAMPLE, fixture, ROOT, tempDir } from "./helpers";

const EXAMPLE_AS_TYPED = path.relative(ROOT, EXAMPLE);

describe("the seed example", () => {
  it("reads like a reviewer's report (snapshot)", async () => {
    const { code, stdout, stderr } = await cli(["validate", EXAMPLE_AS_TYPED]);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(stdout).toMatchSnapshot();
  });

  it("surfaces the report's own contradictions", async () => {
    const { stdout } = await cli(["validate", EXAMPLE, "--format", "json"]);
    const report = JSON.parse(stdout);
    const pairs = report.findings.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`);
    expect(pairs).toEqual(
      expect.arrayContaining([
        "claimed-score-mismatch@项目信息!B17",
        "actual-mismatch@绩效指标!E2",
        "missing-execution-reason@项目信息!B19",
        "forbidden-category@支出明细!C57",
      ]),
    );
    expect(pairs.filter((p: string) => p.startsWith("paid-traffic@")).length).toBeGreaterThan(0);
    expect(report.summary).toMatchObject({ recipients: 26, budget: 5000000, approved: 3825000, disbursed: 3825000, spent: 3825000, executionRate: 0.765, grade: "优" });
    expect(report.summary.score).toBeCloseTo(94.65, 2);
    expect(report.evaluation.indicators).toHaveLength(9);
  });

  it("speaks English with --lang en", async () => {
    const { stdout } = await cli(["validate", EXAMPLE, "--lang", "en"]);
    expect(stdout).toContain("Special fund audit report");
    expect(stdout).toContain("Execution rate");
    expect(stdout).not.toContain("审核结论");
  });

  it("colours only when asked (stdout is a TTY)", async () => {
    expect((await cli(["validate", EXAMPLE])).stdout).not.toContain("\x1b[");
    expect((await cli(["validate", EXAMPLE], { color: true })).stdout).toContain("\x1b[31m");
  });
});

describe("JSON", () => {
  it("is one object per workbook with the SPEC §6 fields", async () => {
    const { code, stdout } = await cli(["validate", fixture("ok.minimal"), "--format", "json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(["workbook", "ok", "rulesetVersion", "summary", "findings", "evaluation"]));
    expect(Object.keys(report.summary).sort()).toEqual(
      ["errors", "warnings", "infos", "recipients", "lines", "budget", "approved", "disbursed", "spent", "executionRate", "score", "grade"].sort(),
    );
    expect(report).toMatchObject({ ok: true, summary: { score: 100, grade: "优", approved: 400000 } });
  });

  it("is an array for several files; a bad file does not stop the others and the exit code is the worst", async () => {
    const dir = tempDir();
    const bad = path.join(dir, "not-a-workbook.xlsx");
    fs.writeFileSync(bad, "序号,单位名称\n1,示例\n");
    const { code, stdout, stderr } = await cli(["validate", fixture("ok.minimal"), bad, fixture("error.forbidden-category"), "--format", "json"]);
    expect(code).toBe(2);
    const reports = JSON.parse(stdout);
    expect(reports).toHaveLength(3);
    expect(reports.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, false]);
    expect(reports[1]).toMatchObject({ workbook: bad, error: { code: "csv" } });
    expect(reports[2].findings.some((f: { code: string }) => f.code === "forbidden-category")).toBe(true);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain("not-a-workbook.xlsx");
  });
});

describe("several files as text", () => {
  it("prints each report in order and a closing tally", async () => {
    const { code, stdout } = await cli(["validate", fixture("ok.minimal"), fixture("error.invalid-amount")]);
    expect(code).toBe(1);
    expect(stdout.indexOf("ok.minimal.xlsx")).toBeLessThan(stdout.indexOf("error.invalid-amount.xlsx"));
    expect(stdout).toContain("共 2 个工作簿：1 个通过，1 个有错误，0 个无法读取");
  });
});

describe("usage errors exit 2 with one line on stderr", () => {
  it.each([
    [["validate"], "至少一个"],
    [["validate", "a.xlsx", "--format", "xml"], "text 或 json"],
    [["validate", "a.xlsx", "--lang", "fr"], "zh 或 en"],
    [["validate", "a.xlsx", "--bogus"], "未知选项 --bogus"],
    [["frobnicate"], "未知命令"],
    [["validate", "a.xlsx", "--in-place"], "不接受选项 --in-place"],
    [["fill", "a.xlsx"], "-o"],
    [["template"], "-o"],
  ])("%j", async (argv, fragment) => {
    const { code, stdout, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(fragment);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a missing file", async () => {
    const { code, stderr } = await cli(["validate", "/nonexistent/分配表.xlsx"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^fund-audit: .*找不到文件/);
  });

  it("a config that is not JSON", async () => {
    const dir = tempDir();
    const config = path.join(dir, "rules.json");
    fs.writeFileSync(config, "{ executionReasonThreshold: 0.8 ");
    const { code, stderr } = await cli(["validate", fixture("ok.minimal"), "--config", config]);
    expect(code).toBe(2);
    expect(stderr).toContain("不是有效的 JSON");
  });
});

it("--config changes the thresholds", async () => {
  const dir = tempDir();
  const config = path.join(dir, "rules.json");
  fs.writeFileSync(config, JSON.stringify({ executionReasonThreshold: 0.7 }));
  const { stdout } = await cli(["validate", EXAMPLE, "--format", "json", "--config", config]);
  expect(JSON.parse(stdout).findings.map((f: { code: string }) => f.code)).not.toContain("missing-execution-reason");
});

it("--config picks the scope profile, and names a wrong one", async () => {
  const dir = tempDir();
  const config = path.join(dir, "rules.json");
  fs.writeFileSync(config, JSON.stringify({ profile: "经济分类" }));
  const { stdout } = await cli(["validate", EXAMPLE, "--format", "json", "--config", config]);
  // The seed's 直通车 lines mean nothing to the 经济分类 items.
  const unclassified = JSON.parse(stdout).findings.filter((f: { code: string; cell: string }) => f.code === "unclassified-line").map((f: { cell: string }) => f.cell);
  expect(unclassified).toContain("支出明细!C31");
  fs.writeFileSync(config, JSON.stringify({ profile: "农业" }));
  const bad = await cli(["validate", EXAMPLE, "--config", config]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('profile 只能是 "电商" 或 "经济分类" 或 "auto"（收到 "农业"）');
});

it("--help and --version", async () => {
  expect((await cli(["--help"])).stdout).toContain("fund-audit validate");
  expect((await cli([])).stdout).toContain("用法");
  expect((await cli(["--version"])).stdout).toMatch(/^fund-audit \d+\.\d+\.\d+\n$/);
});

test("--skip and --select pick the codes reported; an unknown code is a usage error", async () => {
  const all = JSON.parse((await cli(["validate", EXAMPLE, "--format", "json"])).stdout);
  const codes = (r: { findings: { code: string }[] }) => [...new Set(r.findings.map((f) => f.code))].sort();
  expect(codes(all)).toEqual(expect.arrayContaining(["inferred-category", "paid-traffic"]));

  const skipped = await cli(["validate", EXAMPLE, "--format", "json", "--skip", "inferred-category,paid-traffic"]);
  expect(codes(JSON.parse(skipped.stdout))).toEqual(codes(all).filter((c) => c !== "inferred-category" && c !== "paid-traffic"));

  const selected = await cli(["validate", EXAMPLE, "--format", "json", "--select", "paid-traffic"]);
  expect([selected.code, codes(JSON.parse(selected.stdout))]).toEqual([0, ["paid-traffic"]]);

  const bad = await cli(["validate", EXAMPLE, "--skip", "no-such-code"]);
  expect([bad.code, bad.stderr]).toEqual([2, "fund-audit: --skip: 「no-such-code」不是问题代码（见 docs/codes.md）\n"]);
});
