// The bad-input corpus of issue 8 (test/fixtures/bad, built by make-bad.js), each file run
// through the whole CLI with its exact outcome: exit 2 and one located line on stderr only for
// unreadable files; otherwise the findings, with the rest of the workbook still validated.
// Never a stack trace.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { readXlsxFile } from "../../src/cli/xlsx";
import { CellError, UNCALCULATED_FORMULA } from "../../src/core/grid";
import { ROOT, cli } from "./helpers";

const BAD = path.join(ROOT, "test", "fixtures", "bad");
const bad = (name: string): string => path.join(BAD, `${name}.xlsx`);

interface JsonFinding {
  code: string;
  severity: string;
  cell: string;
  sheet: string;
  row: number;
}

interface JsonFindingMessage extends JsonFinding {
  message: string;
}

interface JsonReport {
  ok: boolean;
  summary: { errors: number; lines: number; recipients: number; spent: number; approved: number; disbursed: number };
  findings: JsonFindingMessage[];
}

async function validateJson(name: string): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const r = await cli(["validate", bad(name), "--format", "json"]);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

const pairs = (report: JsonReport, severity: string): string[] =>
  report.findings
    .filter((f) => f.severity === severity)
    .map((f) => `${f.code} ${f.cell}`)
    .sort();

const STACK = /^\s+at .+\(.+:\d+:\d+\)$/m;

describe("unreadable files: exit 2, one line on stderr naming the file and what to do", () => {
  it.each<[string, string, RegExp]>([
    ["unreadable.empty", "empty", /文件是空的（0 字节）.*请重新获取该文件/],
    ["unreadable.not-a-zip", "not-zip", /文件不是 xlsx 工作簿（无法识别的文件格式）：请在 Excel 中打开并另存为 \.xlsx/],
    ["unreadable.truncated", "truncated", /文件不完整（压缩包结尾缺失.*请重新获取原文件/],
    ["unreadable.csv-renamed", "csv", /可能是改了扩展名的 CSV.*另存为 \.xlsx 后重试/],
    ["unreadable.xls-renamed", "xls", /旧版 Excel 97-2003（\.xls）.*另存为 \.xlsx/],
    ["unreadable.encrypted", "encrypted", /设有打开密码（已加密）.*清除密码并保存后重试/],
    ["unreadable.no-workbook", "not-xlsx", /缺少 xl\/workbook\.xml.*请确认选择了正确的 \.xlsx 文件/],
    ["unreadable.zip-bomb", "too-large", /解压后超过 1 GiB 的读取上限.*已停止读取/],
  ])("%s", async (name, code, message) => {
    const file = bad(name);
    // The bomb's code is checked in its own process below (it takes seconds to refuse).
    if (code !== "too-large") await expect(readXlsxFile(file)).rejects.toMatchObject({ code });
    const r = await cli(["validate", file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toEqual([expect.stringContaining(`fund-audit: ${file}：`)]);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK);
  });

  it("reports an unreadable file in JSON and still validates the others", async () => {
    const r = await cli(["validate", bad("unreadable.encrypted"), bad("reader.rows-1048576"), "--format", "json"]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { ok: boolean; error?: { code: string } }[];
    expect(out.map((o) => [o.ok, o.error?.code])).toEqual([
      [false, "encrypted"],
      [true, undefined],
    ]);
  });

  // Measured (Node 20, 2 cores): the 1.16 MB bomb inflates 1 GiB of its 1.1 GiB sheet (its
  // headers claim 4 KiB) before it is refused: ~1.2 s and a peak RSS of ~92 MB for the whole
  // CLI process on the native zlib path (~2.7 s / ~120 MB on the synchronous fflate path).
  it("refuses the zip bomb with bounded memory", () => {
    const reader = path.join(ROOT, "dist-cli", "cli", "xlsx", "index.js");
    if (!fs.existsSync(reader)) return; // the compiled CLI (npm run prepare) is needed for a clean process
    const script = `require(${JSON.stringify(reader)}).readXlsxFile(${JSON.stringify(bad("unreadable.zip-bomb"))}).then(() => process.exit(3), (e) => { process.stdout.write(JSON.stringify({ code: e.code, maxRssKb: process.resourceUsage().maxRSS })); });`;
    const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    const result = JSON.parse(child.stdout) as { code: string; maxRssKb: number };
    expect(result.code).toBe("too-large");
    expect(result.maxRssKb / 1024).toBeLessThan(250);
  });
});

describe("odd but readable workbooks", () => {
  it("a sheet formatted down to row 1,048,576 with 10 used rows costs nothing", async () => {
    const started = Date.now();
    const grids = await readXlsxFile(bad("reader.rows-1048576"));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(grids.sheets.find((s) => s.name === "支出明细")?.rows.length).toBe(6);
    const { code, report } = await validateJson("reader.rows-1048576");
    expect(code).toBe(0);
    expect(report.summary.lines).toBe(5);
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("formulas give their cached value; a formula never calculated is 公式未计算, not an empty cell", async () => {
    const grids = await readXlsxFile(bad("reader.formulas"));
    const alloc = grids.sheets.find((s) => s.name === "资金分配");
    expect(alloc?.rows[1][6]).toBe(100000);
    expect(alloc?.rows[2][6]).toEqual(new CellError(UNCALCULATED_FORMULA));
    const { code, report } = await validateJson("reader.formulas");
    expect(code).toBe(1);
    expect(pairs(report, "error")).toEqual(["cell-error 资金分配!G3"]);
    expect(report.findings.find((f) => f.code === "cell-error")?.message).toMatch(/公式未计算.*重新计算.*保存/);
    // 拨付金额 G3 is unknown, so 项目信息!B9 (全年执行数) is not compared with a partial total.
    expect(pairs(report, "warning")).toEqual([]);
    expect(report.summary.disbursed).toBe(250000);
  });

  it("error values are cell-error findings at their cells and the rest is still validated", async () => {
    const { code, report } = await validateJson("reader.error-values");
    expect(code).toBe(1);
    expect(pairs(report, "error")).toEqual(["cell-error 支出明细!E2", "cell-error 支出明细!E6", "cell-error 支出明细!F3"]);
    expect(report.summary.lines).toBe(5);
    // A line whose amount is an error value leaves its recipient's total unknown: no
    // over/under-spending claim is made for 资金分配!G2 and G4.
    expect(pairs(report, "warning")).toEqual([]);
  });

  it("32,767-character text, emoji and 𠀀 in names survive to the report", async () => {
    const grids = await readXlsxFile(bad("reader.long-text-emoji"));
    const alloc = grids.sheets.find((s) => s.name === "资金分配");
    expect((alloc?.rows[1][8] as string).length).toBe(32767);
    expect(alloc?.rows[3][2]).toBe("𠀀𪚥服饰😀有限公司");
    const { code, report } = await validateJson("reader.long-text-emoji");
    expect(code).toBe(0);
    expect(report.summary.spent).toBe(400000);
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});

describe("engine-level mistakes, validated end to end", () => {
  it("missing sheets no present role needs: one role-absent at A1 of the first sheet, the rest still scored (SPEC §8)", async () => {
    const { code, report } = await validateJson("engine.missing-sheets");
    expect(code).toBe(0);
    expect(pairs(report, "error")).toEqual([]);
    expect(pairs(report, "info")).toEqual(["role-absent 项目信息!A1"]);
    expect(report.findings.map((f) => f.code)).toContain("claimed-score-mismatch");
  });

  it("headers on row 7 below a title block are found", async () => {
    const { code, report } = await validateJson("engine.headers-on-row-7");
    expect(code).toBe(0);
    expect(report.summary.lines).toBe(5);
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("a duplicated header: the first column is used", async () => {
    const { code, report } = await validateJson("engine.duplicated-headers");
    expect(code).toBe(0);
    expect(report.summary.approved).toBe(400000);
  });

  it("a merged title above the header row is not a header", async () => {
    const { report } = await validateJson("engine.merged-header-cells");
    expect(report.findings.filter((f) => f.sheet === "资金分配" && f.severity !== "info")).toEqual([]);
  });

  it("a header merged over two rows is one header, its copy in the second row is not data", async () => {
    const { code, report } = await validateJson("engine.merged-header-cells");
    expect(report.findings.filter((f) => f.sheet === "支出明细" && f.severity !== "info")).toEqual([]);
    expect(code).toBe(0);
  });

  it("dates as text, serials and yyyymmdd numbers are read; unreadable ones are located", async () => {
    const { code, report } = await validateJson("engine.dates-text-and-serials");
    expect(code).toBe(0);
    // 资金分配!H4 holds the number 20221130: a yyyymmdd date (SPEC §2), so no finding there.
    expect(pairs(report, "warning")).toEqual(["invalid-date 支出明细!F5"]);
  });

  it("amounts in every odd form; negative, zero and unreadable ones are located", async () => {
    const { code, report } = await validateJson("engine.amounts-odd-forms");
    expect(code).toBe(1);
    expect(report.summary.approved).toBe(400000);
    expect(pairs(report, "error")).toEqual(["invalid-amount 支出明细!E9", "non-positive-amount 支出明细!E7", "non-positive-amount 支出明细!E8", "spend-over-disbursed 资金分配!G4"]);
    expect(pairs(report, "warning")).toEqual(["amount-precision 支出明细!E10", "spend-under-disbursed 资金分配!G3"]);
  });

  it("小计 rows in the middle are not data; a wrong 合计 is located", async () => {
    const { code, report } = await validateJson("engine.total-rows-in-middle");
    expect(code).toBe(1);
    expect(report.summary.lines).toBe(5);
    expect(pairs(report, "error")).toEqual(["total-row-mismatch 支出明细!E9"]);
  });

  it("hidden rows are data (hidden-row info); hidden sheets are read", async () => {
    const { code, report } = await validateJson("engine.hidden-rows-and-sheets");
    expect(code).toBe(0);
    expect(report.summary.lines).toBe(5);
    expect(pairs(report, "info").filter((p) => p.startsWith("hidden-row"))).toEqual(["hidden-row 支出明细!A3", "hidden-row 支出明细!A5"]);
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("names differing only by full/half-width brackets or spaces match", async () => {
    const { code, report } = await validateJson("engine.names-full-half-width");
    expect(code).toBe(0);
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});
