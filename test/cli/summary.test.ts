// validate --summary (SPEC §12) over a folder mixing good workbooks, workbooks with planted faults
// (the golden fixtures of build-fixtures.js) and unreadable files: every row of 汇总 and the counts
// of 按代码统计, read back with the product's own reader.
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { summaryLayouts } from "../../src/cli/summary/layout";
import type { BatchFile } from "../../src/cli/summary/rows";
import { writeSummaryWorkbook } from "../../src/cli/summary/write";
import { FIXTURES } from "../fixtures/build-fixtures";
import { readXlsxFile } from "../../src/cli/xlsx";
import type { CellValue } from "../../src/core";
import { cli, fixture, FIXTURES_DIR, formulasIn, ROOT, sheetXml, tempDir } from "./helpers";

const PROJECT = "示例市电子商务发展专项资金";
const DEPT = "示例市商务局";

interface Built {
  dir: string;
  /** Display name -> fixture it is a copy of (null: not a workbook). */
  files: [string, string | null][];
}

/** The batch folder: files in the order the summary lists them (folders walked in name order). */
function buildFolder(): Built {
  const dir = tempDir();
  const files: [string, string | null][] = [
    ["-2.xlsx", "ok.minimal"],
    ["a-ok/ok.minimal.xlsx", "ok.minimal"],
    ["a-ok/ok.wan-units.xlsx", "ok.wan-units"],
    ["b-faults/error.allocation-over-budget.xlsx", "error.allocation-over-budget"],
    ["b-faults/error.disbursed-over-approved.xlsx", "error.disbursed-over-approved"],
    ["b-faults/error.sheet-missing.xlsx", "error.sheet-missing"],
    ["b-faults/error.weights-not-100.xlsx", "error.weights-not-100"],
    ["c-bad/empty.xlsx", null],
    ["c-bad/unreadable.not-a-zip.xlsx", null],
  ];
  for (const [name, from] of files) {
    const target = path.join(dir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (from) fs.copyFileSync(fixture(from), target);
  }
  fs.writeFileSync(path.join(dir, "c-bad/empty.xlsx"), "");
  fs.copyFileSync(path.join(FIXTURES_DIR, "bad", "unreadable.not-a-zip.xlsx"), path.join(dir, "c-bad/unreadable.not-a-zip.xlsx"));
  // Never listed: Excel's lock file, a file that is not .xlsx.
  fs.writeFileSync(path.join(dir, "c-bad", "~$ok.minimal.xlsx"), "lock");
  fs.writeFileSync(path.join(dir, "c-bad", "说明.txt"), "text");
  return { dir, files };
}

const rowsOf = async (file: string, sheet: string, width: number): Promise<CellValue[][]> => {
  const grids = await readXlsxFile(file);
  const s = grids.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return s.rows.map((r) => Array.from({ length: width }, (_, i) => (r?.[i] === undefined ? null : r[i])));
};

interface JsonFileReport {
  summary: { errors: number; warnings: number; infos: number; score: number; grade: string; executionRate: number | null };
  findings: { code: string; severity: string; message: string; cell: string }[];
}

async function perFile(file: string): Promise<JsonFileReport> {
  const r = await cli(["validate", file, "--format", "json"]);
  return JSON.parse(r.stdout) as JsonFileReport;
}

describe("validate --summary over a mixed folder", () => {
  let built: Built;
  let out: string;
  let run: { code: number; stdout: string; stderr: string };
  const reports = new Map<string, JsonFileReport>();

  beforeAll(async () => {
    built = buildFolder();
    out = path.join(built.dir, "汇总.xlsx");
    // A summary left in the folder by an earlier run is not an input of the next one.
    await cli(["validate", built.dir, "--summary", out]);
    run = await cli(["validate", built.dir, "--summary", out]);
    for (const [name, from] of built.files) if (from) reports.set(name, await perFile(path.join(built.dir, name)));
  });

  it("exits 1 (files with errors and unreadable files) and prints the table", () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("共 9 个文件：可读 7 个（有错误 4 个），无法读取 2 个");
    expect(run.stdout).toContain(`汇总工作簿已写入 ${out}`);
    const lines = run.stdout.split("\n");
    expect(lines[0].split(/\s+/)).toEqual(["序号", "文件", "项目名称", "预算(万元)", "执行(万元)", "执行率", "自评", "复核", "等级", "错误", "警告", "提示", "状态"]);
    expect(lines[3].trim().split(/\s+/)).toEqual(["2", "a-ok/ok.minimal.xlsx", "示例市电子商务发展…", "40.00", "40.00", "100.00%", "100.00", "100.00", "优", "0", "0", "0", "可读"]);
    // The gap of error.weights-not-100 (claimed 100, computed 95) is starred.
    expect(lines[8].trim().split(/\s+/).slice(6, 8)).toEqual(["100.00*", "95.00*"]);
    expect(run.stdout).toContain("\n  9. c-bad/unreadable.not-a-zip.xlsx：文件不是 xlsx 工作簿（无法识别的文件格式）");
  });

  it("汇总 has one row per file, in order, with the project, money, scores, counts, main problems and status", async () => {
    const rows = await rowsOf(out, "汇总", 16);
    expect(rows[0][0]).toMatch(/^专项资金批量审核汇总：共 9 个文件，4 个有错误，2 个无法读取，1 个自评得分与复核得分相差 5 分及以上/);
    expect(rows[1]).toEqual(["序号", "文件", "项目名称", "主管部门", "实施单位", "全年预算数\n（万元）", "全年执行数\n（万元）", "执行率", "自评得分", "复核得分", "等级", "错误", "警告", "提示", "主要问题", "状态"]);
    const expected = built.files.map(([name, from], i): CellValue[] => {
      if (!from) return [i + 1, name, null, null, null, null, null, null, null, null, null, null, null, null, null, null];
      const rep = reports.get(name) as JsonFileReport;
      const s = rep.summary;
      expect(s.errors).toBe(FIXTURES[from].errors.length);
      const problems = rep.findings.filter((f) => f.severity === "error").slice(0, 3).map((f) => f.message).join("\n");
      const project = from === "error.sheet-missing" ? [null, null, null] : [PROJECT, DEPT, DEPT];
      const budget = from === "error.sheet-missing" ? null : from === "error.allocation-over-budget" ? 30 : 40;
      const executed = from === "error.sheet-missing" ? null : 40;
      const claimed = from === "error.sheet-missing" ? null : 100;
      return [i + 1, name, ...project, budget, executed, s.executionRate, claimed, s.score, s.grade, s.errors, s.warnings, s.infos, problems || null, "可读"];
    });
    // Unreadable files: the reason after 无法读取.
    expected[7][15] = "无法读取：文件是空的（0 字节），可能复制或下载没有完成：请重新获取该文件后重试";
    expected[8][15] = "无法读取：文件不是 xlsx 工作簿（无法识别的文件格式）：请在 Excel 中打开并另存为 .xlsx（Excel 工作簿）后重试";
    expect(rows.slice(2, 11)).toEqual(expected);
    // Scores as the engine computes them for these files.
    expect(rows.slice(2, 11).map((r) => r[9])).toEqual([100, 100, 100, 100, 100, 90, 95, null, null]);
    expect(rows.slice(2, 11).map((r) => r[11])).toEqual([0, 0, 0, 1, 1, 1, 1, null, null]);
    // Totals row, then nothing.
    expect(rows[11]).toEqual(["合计", "9 个文件（可读 7，无法读取 2）", null, null, null, 230, 240, 240 / 230, null, null, null, 4, expect.any(Number), expect.any(Number), null, "有错误 4 个"]);
    const sum = (k: "warnings" | "infos"): number => [...reports.values()].reduce((n, r) => n + r.summary[k], 0);
    expect(rows[11].slice(12, 14)).toEqual([sum("warnings"), sum("infos")]);
    expect(rows.length).toBe(12);
  });

  it("按代码统计 counts every code across files, most frequent first", async () => {
    const rows = await rowsOf(out, "按代码统计", 6);
    expect(rows[0]).toEqual(["代码", "级别", "次数", "文件数", "涉及文件（序号）", "示例说明"]);
    // Counted independently from the per-file JSON reports.
    const want = new Map<string, { count: number; files: Set<number> }>();
    built.files.forEach(([name], i) => {
      for (const f of reports.get(name)?.findings ?? []) {
        const key = `${f.code}|${{ error: "错误", warning: "警告", info: "提示" }[f.severity]}`;
        const w = want.get(key) ?? { count: 0, files: new Set<number>() };
        w.count++;
        w.files.add(i + 1);
        want.set(key, w);
      }
    });
    want.set("empty|无法读取", { count: 1, files: new Set([8]) });
    want.set("not-zip|无法读取", { count: 1, files: new Set([9]) });
    const got = new Map(rows.slice(1).map((r) => [`${r[0]}|${r[1]}`, { count: r[2], files: new Set(String(r[4]).split("、").map(Number)) }]));
    expect(got).toEqual(want);
    const counts = rows.slice(1).map((r) => r[2] as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(rows.slice(1).find((r) => r[0] === "nonstandard-weights")?.slice(0, 5)).toEqual(["nonstandard-weights", "警告", 1, 1, "7"]);
  });

  it("问题明细 lists every error and warning of every file, and why a file could not be read", async () => {
    const rows = await rowsOf(out, "问题明细", 6);
    expect(rows[0]).toEqual(["序号", "文件", "级别", "代码", "单元格", "说明"]);
    const want: CellValue[][] = [];
    built.files.forEach(([name], i) => {
      for (const f of reports.get(name)?.findings ?? []) {
        if (f.severity !== "info") want.push([i + 1, name, f.severity === "error" ? "错误" : "警告", f.code, f.cell, f.message]);
      }
    });
    want.push([8, "c-bad/empty.xlsx", "无法读取", "empty", null, "文件是空的（0 字节），可能复制或下载没有完成：请重新获取该文件后重试"]);
    want.push([9, "c-bad/unreadable.not-a-zip.xlsx", "无法读取", "not-zip", null, "文件不是 xlsx 工作簿（无法识别的文件格式）：请在 Excel 中打开并另存为 .xlsx（Excel 工作簿）后重试"]);
    expect(rows.slice(1)).toEqual(want);
  });

  it("links each file relative to the summary, with totals, filters, frozen header and conditional fills", () => {
    const xml = sheetXml(out);
    const links = formulasIn(xml["汇总"]).filter((f) => f.startsWith("HYPERLINK"));
    expect(links).toEqual(built.files.map(([name]) => `HYPERLINK("${name}","${name}")`));
    const decoded = (sheet: string): string[] => formulasIn(xml[sheet]).map((f) => f.replace(/&gt;/g, ">").replace(/&apos;/g, "'"));
    expect(decoded("汇总")).toEqual(expect.arrayContaining(["SUBTOTAL(109,F3:F11)", "SUBTOTAL(109,L3:L11)", 'IF(F12>0,G12/F12,"")']));
    expect(decoded("问题明细")).toContain(`HYPERLINK("b-faults/error.allocation-over-budget.xlsx#'项目信息'!B8","项目信息!B8")`);
    // Filters, frozen header and the two conditional fills.
    expect(xml["汇总"]).toContain('<autoFilter ref="A2:P11"');
    expect(xml["汇总"]).toMatch(/<pane [^>]*ySplit="2"/);
    expect(xml["汇总"]).toContain("<formula>$L3&gt;0</formula>");
    expect(xml["汇总"]).toContain("<formula>AND(ISNUMBER($I3),ISNUMBER($J3),ABS($I3-$J3)&gt;=5)</formula>");
    expect(xml["问题明细"]).toContain('<autoFilter ref="A1:F');
    expect(xml["按代码统计"]).toContain('<autoFilter ref="A1:F');
  });
});

describe("validate --summary", () => {
  it("--format json prints one object per file with the documented keys", async () => {
    const dir = tempDir();
    fs.copyFileSync(fixture("ok.minimal"), path.join(dir, "县甲.xlsx"));
    fs.writeFileSync(path.join(dir, "县乙.xlsx"), "not a workbook");
    const r = await cli(["validate", dir, "--summary", path.join(dir, "汇总.xlsx"), "--format", "json"]);
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout);
    expect(rows.map((x: object) => Object.keys(x))).toEqual(
      Array(2).fill(["index", "file", "name", "status", "reason", "project", "department", "implementer", "budget", "executed", "executionRate", "claimedScore", "score", "grade", "errors", "warnings", "infos", "mainProblems"]),
    );
    expect(rows[0]).toMatchObject({ index: 1, name: "县乙.xlsx", status: "unreadable", errors: null, mainProblems: [] });
    expect(rows[0].reason).toMatch(/^文件不是 xlsx 工作簿/);
    expect(rows[1]).toEqual({
      index: 2,
      file: path.join(dir, "县甲.xlsx"),
      name: "县甲.xlsx",
      status: "readable",
      reason: null,
      project: PROJECT,
      department: DEPT,
      implementer: DEPT,
      budget: 400000,
      executed: 400000,
      executionRate: 1,
      claimedScore: 100,
      score: 100,
      grade: "优",
      errors: 0,
      warnings: 0,
      infos: 0,
      mainProblems: [],
    });
    expect(r.stderr).toContain("汇总工作簿已写入");
  });

  it("exits 0 when every file is readable and without errors", async () => {
    const dir = tempDir();
    fs.copyFileSync(fixture("ok.minimal"), path.join(dir, "a.xlsx"));
    const r = await cli(["validate", dir, fixture("ok.wan-units"), "--summary", path.join(tempDir(), "s.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("共 2 个文件：可读 2 个（有错误 0 个），无法读取 0 个");
  });

  it("usage errors exit 2 with one line", async () => {
    const dir = tempDir();
    const notXlsx = await cli(["validate", dir, "--summary", "汇总.csv"]);
    expect([notXlsx.code, notXlsx.stderr]).toEqual([2, "fund-audit: --summary 的文件名应以 .xlsx 结尾（收到 汇总.csv），例如：--summary 汇总.xlsx\n"]);
    const none = await cli(["validate", dir, "--summary", path.join(dir, "s.xlsx")]);
    expect([none.code, none.stderr]).toEqual([2, `fund-audit: 在 ${dir} 中没有找到 .xlsx 文件\n`]);
    const self = await cli(["validate", fixture("ok.minimal"), "--summary", fixture("ok.minimal")]);
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/不能同时作为输入文件/);
    const other = await cli(["fill", fixture("ok.minimal"), "-o", path.join(dir, "x.xlsx"), "--summary", "s.xlsx"]);
    expect([other.code, other.stderr]).toEqual([2, "fund-audit: 命令 fill 不接受选项 --summary：运行 fund-audit --help 查看用法\n"]);
  });
});

describe("the summary workbook", () => {
  const hostile = "=HYPERLINK(\"http://x\",\"y\")";
  const file = (index: number, name: string): BatchFile => ({
    row: {
      index,
      file: name,
      name,
      status: "readable",
      reason: null,
      project: hostile,
      department: "+1+1",
      implementer: "@SUM(A1)",
      budget: 123456.78,
      executed: 100000,
      executionRate: 0.81,
      claimedScore: 98,
      score: 80,
      grade: "良",
      errors: 1,
      warnings: 0,
      infos: 0,
      mainProblems: ["-2 不是有效金额"],
    },
    issues: [{ index, file: name, severity: "error", code: "invalid-amount", sheet: "支出明细", cell: "支出明细!E3", message: "-2 不是有效金额" }],
    codeCounts: new Map([["invalid-amount|error", { code: "invalid-amount", severity: "error", count: 1, example: "-2 不是有效金额" }]]),
  });

  it("writes text that looks like a formula as text, and a path too long for HYPERLINK as plain text", async () => {
    const out = path.join(tempDir(), "s.xlsx");
    const long = `${"很长的文件夹名/".repeat(40)}县.xlsx`;
    await writeSummaryWorkbook(summaryLayouts([file(1, "=1+1.xlsx"), file(2, long)], { time: new Date(2022, 0, 1), linkOf: (f) => f }), out);
    const rows = await rowsOf(out, "汇总", 16);
    expect(rows[2].slice(0, 5)).toEqual([1, "=1+1.xlsx", hostile, "+1+1", "@SUM(A1)"]);
    expect(rows[3].slice(1, 2)).toEqual([long]);
    expect(rows[2].slice(5, 8)).toEqual([12.345678, 10, 0.81]);
    const xml = sheetXml(out);
    expect(formulasIn(xml["汇总"]).filter((f) => f.startsWith("HYPERLINK"))).toEqual(['HYPERLINK("=1+1.xlsx","=1+1.xlsx")']);
    expect((await rowsOf(out, "问题明细", 6))[1]).toEqual([1, "=1+1.xlsx", "错误", "invalid-amount", "支出明细!E3", "-2 不是有效金额"]);
    expect(formulasIn(xml["问题明细"])).toEqual([`HYPERLINK("=1+1.xlsx#'支出明细'!E3","支出明细!E3")`.replace(/'/g, "&apos;")]);
    // No cell other than the links and totals is a formula, whatever its text.
    expect(formulasIn(xml["汇总"]).filter((f) => !/^(HYPERLINK|SUBTOTAL|IF)\(/.test(f))).toEqual([]);
    expect(formulasIn(xml["按代码统计"])).toEqual([]);
  });
});

describe("the compiled CLI", () => {
  beforeAll(() => {
    // The worker pool runs only from dist-cli: compile it when the sources are newer.
    const main = path.join(ROOT, "dist-cli", "cli", "summary", "command.js");
    const src = path.join(ROOT, "src", "cli", "summary", "command.ts");
    if (!fs.existsSync(main) || fs.statSync(main).mtimeMs < fs.statSync(src).mtimeMs) {
      execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.cli.json")], { cwd: ROOT, stdio: "inherit" });
    }
  }, 120000);

  it("validates the files on worker threads and prints the same summary as in-process", async () => {
    const { dir } = buildFolder();
    const argv = ["validate", dir, "--summary", path.join(tempDir(), "s.xlsx"), "--format", "json"];
    const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "fund-audit.js"), ...argv], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(1);
    const inProcess = await cli(argv);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(inProcess.stdout));
    expect(JSON.parse(r.stdout)).toHaveLength(9);
  });
});
