// The 审核结果 sheet (SPEC §5): summary block and findings table with reviewer columns that
// survive a re-run (matched by code + cell).
import { quoteSheet, type SheetGrid } from "./grid";
import type { CellStyle, LayoutCell, SheetLayout } from "./layout";
import { formatPercent, formatWan } from "./messages/format";
import { SEVERITY_LABEL } from "./marks";
import { FINDINGS_SHEET } from "./output-sheets";
import { toText } from "./parse/text";
import type { Lang, ResultWithoutLines } from "./types";

export { FINDINGS_SHEET };

export const REVIEW_STATES = ["待复核", "已确认", "已忽略"];
export const FINDINGS_HEADERS = ["序号", "级别", "代码", "工作表", "单元格", "单位名称", "说明", "复核状态", "复核意见"];

export interface Review {
  status: string;
  comment: string;
}

const head: CellStyle = { bold: true, border: "thin", fill: "#D9E1F2", hAlign: "center", vAlign: "middle", wrap: true };
const body: CellStyle = { border: "thin", vAlign: "top", wrap: true };

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function localTime(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function reviewKey(code: string, cell: string): string {
  return `${code}|${cell}`;
}

export function findingsLayout(result: ResultWithoutLines, opts: { workbook: string; time: Date; reviews?: Map<string, Review>; lang?: Lang }): SheetLayout {
  const lang = opts.lang ?? "zh";
  const s = result.summary;
  const cells: LayoutCell[] = [];
  const put = (row: number, col: number, value: string | number | null, style?: CellStyle, formula?: string): void => {
    cells.push({ row, col, value, style, formula });
  };
  put(0, 0, "专项资金审核结果", { bold: true, fontSize: 14 });
  const wanOrDash = (yuan: number | null): string => (yuan === null ? "—" : formatWan(Math.round(yuan * 100)));
  const summary: [string, string | number][] = [
    ["工作簿", opts.workbook],
    ["规则版本", result.rulesetVersion],
    ["校验时间", localTime(opts.time)],
    ["错误 / 警告 / 提示", `${s.errors} / ${s.warnings} / ${s.infos}`],
    ["受助单位数 / 支出行数", `${s.recipients} / ${s.lines}`],
    ["全年预算数", wanOrDash(s.budget)],
    ["批复金额合计", wanOrDash(s.approved)],
    ["拨付金额合计", wanOrDash(s.disbursed)],
    ["支出金额合计", wanOrDash(s.spent)],
    ["预算执行率", s.executionRate === null ? "—" : formatPercent(s.executionRate)],
    ["计算得分", s.score],
    ["自评等级", s.grade],
  ];
  summary.forEach(([k, v], i) => {
    put(1 + i, 0, k, { bold: true });
    put(1 + i, 1, v, { hAlign: "left" });
  });
  const headerRow = summary.length + 2;
  FINDINGS_HEADERS.forEach((h, c) => put(headerRow, c, h, head));
  result.findings.forEach((f, i) => {
    const r = headerRow + 1 + i;
    const review = opts.reviews?.get(reviewKey(f.code, f.cell));
    const link = `#${quoteSheet(f.sheet)}!${f.cell.slice(f.cell.lastIndexOf("!") + 1)}`;
    put(r, 0, i + 1, body);
    put(r, 1, SEVERITY_LABEL[lang][f.severity], { ...body, fill: f.severity === "error" ? "#FFC7CE" : f.severity === "warning" ? "#FFEB9C" : undefined });
    put(r, 2, f.code, body);
    put(r, 3, f.sheet, body);
    put(r, 4, f.cell, { ...body, hAlign: "left" }, `HYPERLINK("${link.replace(/"/g, '""')}","${f.cell.replace(/"/g, '""')}")`);
    put(r, 5, f.recipient ?? "", body);
    put(r, 6, f.message, body);
    put(r, 7, review?.status || REVIEW_STATES[0], body);
    put(r, 8, review?.comment ?? "", body);
  });
  const lastRow = headerRow + Math.max(result.findings.length, 1);
  return {
    name: FINDINGS_SHEET,
    cells,
    merges: [],
    columnWidths: [14, 8, 26, 12, 16, 26, 70, 10, 30],
    frozenRows: headerRow + 1,
    validations: [{ range: `H${headerRow + 2}:H${lastRow + 1}`, list: REVIEW_STATES }],
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  };
}

/** Reviewer columns of an existing 审核结果 sheet, by code + cell. */
export function readReviews(grid: SheetGrid): Map<string, Review> {
  const out = new Map<string, Review>();
  let cols: Record<string, number> | null = null;
  for (const row of grid.rows) {
    if (!row) continue;
    const texts = row.map((v) => toText(v ?? null));
    if (!cols) {
      if (texts.includes("代码") && texts.includes("单元格") && texts.includes("复核状态")) {
        cols = {};
        texts.forEach((t, i) => {
          if (t && cols && cols[t] === undefined) cols[t] = i;
        });
      }
      continue;
    }
    const code = texts[cols["代码"]] ?? "";
    const cell = texts[cols["单元格"]] ?? "";
    if (!code || !cell) continue;
    const status = texts[cols["复核状态"]] ?? "";
    const comment = cols["复核意见"] !== undefined ? texts[cols["复核意见"]] ?? "" : "";
    if ((status && status !== REVIEW_STATES[0]) || comment) out.set(reviewKey(code, cell), { status, comment });
  }
  return out;
}
