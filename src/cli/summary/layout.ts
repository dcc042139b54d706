// The summary workbook of a batch (SPEC §12) as data: 汇总, 问题明细 and 按代码统计, each a
// SheetLayout like 审核结果 plus what only these sheets need (filters, conditional fills, header
// rows repeated on every printed page). Pure: the file links come from the caller.
import { columnLetter, type CellStyle, type LayoutCell, type SheetLayout } from "../../core";
import { severityLabel, type BatchFile, type BatchIssue } from "./rows";
import { batchTotals, codeStats, CLAIM_GAP } from "./stats";

export const SUMMARY_SHEET = "汇总";
export const ISSUES_SHEET = "问题明细";
export const CODES_SHEET = "按代码统计";

export const SUMMARY_HEADERS = ["序号", "文件", "项目名称", "主管部门", "实施单位", "全年预算数\n（万元）", "全年执行数\n（万元）", "执行率", "自评得分", "复核得分", "等级", "错误", "警告", "提示", "主要问题", "状态"];
export const ISSUES_HEADERS = ["序号", "文件", "级别", "代码", "单元格", "说明"];
export const CODES_HEADERS = ["代码", "级别", "次数", "文件数", "涉及文件（序号）", "示例说明"];

/** Excel's sheet has 1,048,576 rows; 问题明细 stops well before. */
export const MAX_ISSUE_ROWS = 1_000_000;
/** Excel refuses a HYPERLINK argument longer than this; a longer path is written as text. */
const LINK_MAX = 255;
const FILES_LISTED = 20;

const RED = "#FFC7CE";
const AMBER = "#FFEB9C";
const head: CellStyle = { bold: true, border: "thin", fill: "#D9E1F2", hAlign: "center", vAlign: "middle", wrap: true };
const body: CellStyle = { border: "thin", vAlign: "top" };
const wrapped: CellStyle = { ...body, wrap: true };
const wan: CellStyle = { ...body, numberFormat: "#,##0.00" };
const percent: CellStyle = { ...body, numberFormat: "0.00%" };
const score: CellStyle = { ...body, numberFormat: "0.00" };
const count: CellStyle = { ...body, numberFormat: "0" };
const total: CellStyle = { bold: true, border: "thin", fill: "#F2F2F2", vAlign: "top" };

export interface SummarySheet {
  layout: SheetLayout;
  /** A1 range of the header row and the data under it. */
  autoFilter: string;
  /** Fill where a formula (written for the range's top-left cell) is true. */
  conditionalFills: { range: string; formula: string; fill: string }[];
  /** Rows repeated at the top of every printed page, e.g. "1:2". */
  printTitleRows: string;
}

export interface SummaryOptions {
  time: Date;
  /** The link target of a file (relative to the summary workbook), or its file#sheet!cell. */
  linkOf: (file: string) => string;
}

const pad = (n: number): string => String(n).padStart(2, "0");
const localTime = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
const quoted = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const wanOf = (yuan: number | null): number | null => (yuan === null ? null : yuan / 10000);

/** HYPERLINK(target, text) where Excel accepts it; null when the target is too long. */
function hyperlink(target: string, text: string): string | null {
  if (target.length > LINK_MAX || text.length > LINK_MAX) return null;
  return `HYPERLINK(${quoted(target)},${quoted(text)})`;
}

export function summaryLayouts(files: readonly BatchFile[], opts: SummaryOptions): SummarySheet[] {
  const ordered = [...files].sort((a, b) => a.row.index - b.row.index);
  return [summarySheet(ordered, opts), issuesSheet(ordered, opts), codesSheet(ordered)];
}

function summarySheet(files: readonly BatchFile[], opts: SummaryOptions): SummarySheet {
  const rows = files.map((f) => f.row);
  const t = batchTotals(rows);
  const cells: LayoutCell[] = [];
  const put = (row: number, col: number, value: string | number | null, style?: CellStyle, formula?: string): void => {
    cells.push({ row, col, value, style, formula });
  };
  put(
    0,
    0,
    `专项资金批量审核汇总：共 ${t.files} 个文件，${t.withErrors} 个有错误，${t.unreadable} 个无法读取，${t.scoreGaps} 个自评得分与复核得分相差 ${CLAIM_GAP} 分及以上（金额单位：万元；生成于 ${localTime(opts.time)}）`,
    { bold: true, fontSize: 12 },
  );
  SUMMARY_HEADERS.forEach((h, c) => put(1, c, h, head));
  const first = 2;
  rows.forEach((r, i) => {
    const y = first + i;
    put(y, 0, r.index, { ...count, hAlign: "center" });
    put(y, 1, r.name, { ...wrapped, hAlign: "left" }, hyperlink(opts.linkOf(r.file), r.name) ?? undefined);
    put(y, 2, r.project, wrapped);
    put(y, 3, r.department, wrapped);
    put(y, 4, r.implementer, wrapped);
    put(y, 5, wanOf(r.budget), wan);
    put(y, 6, wanOf(r.executed), wan);
    put(y, 7, r.executionRate, percent);
    put(y, 8, r.claimedScore, score);
    put(y, 9, r.score, score);
    put(y, 10, r.grade, { ...body, hAlign: "center" });
    put(y, 11, r.errors, count);
    put(y, 12, r.warnings, count);
    put(y, 13, r.infos, count);
    put(y, 14, r.mainProblems.join("\n"), wrapped);
    put(y, 15, r.status === "readable" ? "可读" : `无法读取：${r.reason ?? ""}`, r.status === "readable" ? body : { ...wrapped, fill: RED });
  });
  const last = first + Math.max(rows.length, 1) - 1;
  const totalRow = last + 1;
  const range = (c: number): string => `${columnLetter(c)}${first + 1}:${columnLetter(c)}${last + 1}`;
  // SUBTOTAL(109, …) leaves out rows hidden by the filter: the totals follow what is shown.
  const sub = (c: number): string => `SUBTOTAL(109,${range(c)})`;
  put(totalRow, 0, "合计", total);
  put(totalRow, 1, `${t.files} 个文件（可读 ${t.readable}，无法读取 ${t.unreadable}）`, total);
  for (const c of [2, 3, 4, 8, 9, 10, 14]) put(totalRow, c, null, total);
  put(totalRow, 5, wanOf(t.budget), { ...total, numberFormat: "#,##0.00" }, sub(5));
  put(totalRow, 6, wanOf(t.executed), { ...total, numberFormat: "#,##0.00" }, sub(6));
  const [F, G] = [`${columnLetter(5)}${totalRow + 1}`, `${columnLetter(6)}${totalRow + 1}`];
  put(totalRow, 7, t.executionRate ?? "", { ...total, numberFormat: "0.00%" }, `IF(${F}>0,${G}/${F},"")`);
  put(totalRow, 11, t.errors, { ...total, numberFormat: "0" }, sub(11));
  put(totalRow, 12, t.warnings, { ...total, numberFormat: "0" }, sub(12));
  put(totalRow, 13, t.infos, { ...total, numberFormat: "0" }, sub(13));
  put(totalRow, 15, `有错误 ${t.withErrors} 个`, total);
  const top = first + 1;
  return {
    layout: {
      name: SUMMARY_SHEET,
      cells,
      merges: [],
      columnWidths: [6, 32, 24, 14, 14, 12, 12, 9, 9, 9, 6, 6, 6, 6, 50, 46],
      rowHeights: { 1: 30 },
      frozenRows: 2,
      print: { orientation: "landscape", paper: "A4", fitToWidth: true },
    },
    autoFilter: `A2:${columnLetter(SUMMARY_HEADERS.length - 1)}${last + 1}`,
    conditionalFills: [
      { range: range(11), formula: `$L${top}>0`, fill: RED },
      { range: `I${top}:J${last + 1}`, formula: `AND(ISNUMBER($I${top}),ISNUMBER($J${top}),ABS($I${top}-$J${top})>=${CLAIM_GAP})`, fill: AMBER },
    ],
    printTitleRows: "1:2",
  };
}

function issuesSheet(files: readonly BatchFile[], opts: SummaryOptions): SummarySheet {
  const cells: LayoutCell[] = [];
  const put = (row: number, col: number, value: string | number | null, style?: CellStyle, formula?: string): void => {
    cells.push({ row, col, value, style, formula });
  };
  ISSUES_HEADERS.forEach((h, c) => put(0, c, h, head));
  let y = 1;
  let left = 0;
  for (const f of files) {
    for (const issue of f.issues) {
      if (y > MAX_ISSUE_ROWS) {
        left++;
        continue;
      }
      issueRow(put, y++, f.row.name, issue, opts);
    }
  }
  if (left > 0) put(y++, 5, `另有 ${left} 条未列出（超过工作表行数上限），请查看各文件的审核结果`, { bold: true });
  const last = Math.max(y - 1, 1);
  return {
    layout: { name: ISSUES_SHEET, cells, merges: [], columnWidths: [6, 30, 8, 26, 20, 80], frozenRows: 1, print: { orientation: "landscape", paper: "A4", fitToWidth: true } },
    autoFilter: `A1:F${last + 1}`,
    conditionalFills: [],
    printTitleRows: "1:1",
  };
}

function issueRow(put: (row: number, col: number, value: string | number | null, style?: CellStyle, formula?: string) => void, y: number, name: string, i: BatchIssue, opts: SummaryOptions): void {
  const fill = i.severity === "warning" ? AMBER : i.severity === "info" ? undefined : RED;
  put(y, 0, i.index, count);
  put(y, 1, name, body);
  put(y, 2, severityLabel(i.severity, "zh"), { ...body, hAlign: "center", fill });
  put(y, 3, i.code, body);
  const local = i.cell.slice(i.cell.lastIndexOf("!") + 1);
  const target = i.sheet && local ? `${opts.linkOf(i.file)}#'${i.sheet.replace(/'/g, "''")}'!${local}` : "";
  put(y, 4, i.cell, body, target ? hyperlink(target, i.cell) ?? undefined : undefined);
  put(y, 5, i.message, wrapped);
}

function codesSheet(files: readonly BatchFile[]): SummarySheet {
  const cells: LayoutCell[] = [];
  const put = (row: number, col: number, value: string | number | null, style?: CellStyle): void => {
    cells.push({ row, col, value, style });
  };
  CODES_HEADERS.forEach((h, c) => put(0, c, h, head));
  const stats = codeStats(files);
  stats.forEach((s, i) => {
    const y = 1 + i;
    const listed = s.files.slice(0, FILES_LISTED).join("、");
    put(y, 0, s.code, body);
    put(y, 1, severityLabel(s.severity, "zh"), { ...body, hAlign: "center", fill: s.severity === "warning" ? AMBER : s.severity === "info" ? undefined : RED });
    put(y, 2, s.count, count);
    put(y, 3, s.files.length, count);
    put(y, 4, s.files.length > FILES_LISTED ? `${listed} 等` : listed, wrapped);
    put(y, 5, s.example, wrapped);
  });
  const last = Math.max(stats.length, 1);
  return {
    layout: { name: CODES_SHEET, cells, merges: [], columnWidths: [28, 8, 8, 8, 24, 80], frozenRows: 1, print: { orientation: "landscape", paper: "A4", fitToWidth: true } },
    autoFilter: `A1:F${last + 1}`,
    conditionalFills: [],
    printTitleRows: "1:1",
  };
}
