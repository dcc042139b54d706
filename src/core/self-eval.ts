// The official 项目支出绩效自评表 (SPEC §5) as a layout model, rendered by the CLI and the add-in.
import { spreadMerges, type SheetGrid } from "./grid";
import type { CellStyle, LayoutCell, LayoutMerge, SheetLayout } from "./layout";
import { cleanLevel } from "./parse/workbook";
import { SELF_EVAL_SHEET } from "./output-sheets";
import { toText } from "./parse/text";
import type { FundingRow } from "./form/model";
import { fundingRowFor } from "./funding";
import { allocationTotals } from "./metrics";
import type { ResultWithoutLines, WorkbookModel } from "./types";

export { SELF_EVAL_SHEET };

const WAN = '0.00"万元"';
const border: CellStyle = { border: "thin", vAlign: "middle", wrap: true };
const label: CellStyle = { ...border, hAlign: "center", bold: true };
const text: CellStyle = { ...border, hAlign: "left" };
const num: CellStyle = { ...border, hAlign: "center" };

export function indicatorKey(level1: string, level2: string, name: string): string {
  return `${cleanLevel(level1)}|${cleanLevel(level2)}|${name.replace(/\s+/g, "")}`;
}

const STANDARD_SOURCES = ["当年财政拨款", "上年结转资金", "其他资金"] as const;

/**
 * The 其中 rows: from the 资金来源 sheet when there is one (the standard three, then a province's
 * own rows), a form's own rows when the form is the input, else 项目信息's single figure of each
 * source under 全年预算数 only (it is not the source's 年初预算数 nor its 执行数).
 */
function fundingRows(model: Omit<WorkbookModel, "lines">): Omit<FundingRow, "row">[] {
  const p = model.project;
  if (model.funding) {
    const used = new Set<FundingRow>();
    const rows = STANDARD_SOURCES.map((label) => {
      const row = fundingRowFor(model.funding, label);
      if (row) used.add(row);
      return { label, fen: row?.fen ?? { initial: null, budget: null, executed: null } };
    });
    return [...rows, ...model.funding.rows.filter((r) => !used.has(r))];
  }
  if (model.form?.role === "input" && model.form.read.parts.length > 0) return model.form.read.parts;
  const single = [p.fiscalFen, p.carryoverFen, p.otherFen];
  return STANDARD_SOURCES.map((label, i) => ({ label, fen: { initial: null, budget: single[i], executed: null } }));
}

export function selfEvaluationLayout(result: ResultWithoutLines, opts: { keptReasons?: Map<string, string> } = {}): SheetLayout {
  const { model, evaluation } = result;
  const p = model.project;
  const cells: LayoutCell[] = [];
  const merges: LayoutMerge[] = [];
  const put = (row: number, col: number, value: string | number | null, style: CellStyle = text): void => {
    cells.push({ row, col, value, style });
  };
  // Every cell of a merge gets the border style, so the grid prints whole.
  const box = (top: number, left: number, bottom: number, right: number, value: string | number | null, style: CellStyle = text): void => {
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) put(r, c, r === top && c === left ? value : null, style);
    if (top !== bottom || left !== right) merges.push({ top, left, bottom, right });
  };
  const wan = (fen: number | null): number | null => (fen === null ? null : Math.round(fen / 100) / 10000);

  box(0, 0, 0, 9, `（${p.year ?? ""}年度）项目支出绩效自评表`, { bold: true, fontSize: 16, hAlign: "center", vAlign: "middle" });
  box(1, 0, 1, 1, "项目名称", label);
  box(1, 2, 1, 9, p.name);
  box(2, 0, 2, 1, "主管部门", label);
  box(2, 2, 2, 5, p.department);
  box(2, 6, 2, 7, "实施单位", label);
  box(2, 8, 2, 9, p.implementer);

  const fundRows = fundingRows(model);
  const fundEnd = 4 + fundRows.length;
  box(3, 0, fundEnd, 1, "项目资金（万元）", label);
  box(3, 2, 3, 3, null, label);
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => put(3, 4 + i, h, label));
  const money = { ...num, numberFormat: WAN };
  // 全年执行数 is the sum in fen (项目信息's, else the allocation's), never rate × budget.
  const executed = p.executedFen ?? allocationTotals(model).executedFen;
  box(4, 2, 4, 3, "年度资金总额", text);
  put(4, 4, wan(p.budgetInitialFen), money);
  put(4, 5, wan(p.budgetFen), money);
  put(4, 6, wan(executed), money);
  put(4, 7, evaluation.executionWeight, num);
  put(4, 8, evaluation.executionRate, { ...num, numberFormat: "0.00%" });
  put(4, 9, evaluation.executionScore, { ...num, numberFormat: "0.00" });
  fundRows.forEach((f, i) => {
    const r = 5 + i;
    box(r, 2, r, 3, i === 0 ? `其中：${f.label}` : f.label, text);
    put(r, 4, wan(f.fen.initial), money);
    put(r, 5, wan(f.fen.budget), money);
    put(r, 6, wan(f.fen.executed), money);
    for (let c = 7; c <= 9; c++) put(r, c, "—", num);
  });

  const goalRow = fundEnd + 1;
  box(goalRow, 0, goalRow + 1, 0, "年度总体目标", label);
  box(goalRow, 1, goalRow, 5, "预期目标", label);
  box(goalRow, 6, goalRow, 9, "实际完成情况", label);
  box(goalRow + 1, 1, goalRow + 1, 5, p.overallGoal);
  box(goalRow + 1, 6, goalRow + 1, 9, p.overallGoalActual);

  const headerRow = goalRow + 2;
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"].forEach((h, i) => put(headerRow, 1 + i, h, label));
  box(headerRow, 8, headerRow, 9, "偏差原因分析及改进措施", label);
  const inds = evaluation.indicators;
  const first = headerRow + 1;
  inds.forEach((ind, i) => {
    const r = first + i;
    const src = model.indicators[i];
    const kept = opts.keptReasons?.get(indicatorKey(ind.level1, ind.level2, ind.name));
    put(r, 3, ind.name);
    // As typed, or 指标性质 + value + 度量单位 (≤30万元): evaluation.target says it whole.
    put(r, 4, ind.target);
    put(r, 5, ind.notApplicable ? "不适用" : ind.actual);
    put(r, 6, ind.weight, num);
    put(r, 7, ind.notApplicable ? "—" : ind.score, { ...num, numberFormat: "0.00" });
    box(r, 8, r, 9, kept || src?.reason || "");
  });
  // 一级 / 二级 merged vertically over runs of the same value.
  const runs = (col: number, key: (i: number) => string): void => {
    let start = 0;
    for (let i = 1; i <= inds.length; i++) {
      if (i < inds.length && key(i) === key(start)) continue;
      box(first + start, col, first + i - 1, col, col === 1 ? inds[start].level1 : inds[start].level2, { ...text, hAlign: "center" });
      start = i;
    }
  };
  if (inds.length > 0) {
    runs(1, (i) => inds[i].level1);
    runs(2, (i) => `${inds[i].level1}|${inds[i].level2}`);
  }
  const last = first + Math.max(inds.length, 1) - 1;
  if (inds.length === 0) for (let c = 1; c <= 9; c++) put(first, c, null);
  box(headerRow, 0, last, 0, "绩效指标", label);
  const totalRow = last + 1;
  box(totalRow, 0, totalRow, 5, "总分", label);
  put(totalRow, 6, 100, num);
  put(totalRow, 7, evaluation.total, { ...num, bold: true, numberFormat: "0.00" });
  box(totalRow, 8, totalRow, 9, `自评等级：${evaluation.grade}`, { ...label });

  const rowHeights: Record<number, number> = { 0: 30, [goalRow + 1]: 60 };
  for (let r = first; r <= last; r++) rowHeights[r] = 32;
  return {
    name: SELF_EVAL_SHEET,
    cells,
    merges,
    columnWidths: [8, 12, 14, 18, 20, 18, 11, 9, 12, 17],
    rowHeights,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, printArea: `A1:J${totalRow + 1}` },
  };
}

/** User-typed 偏差原因分析及改进措施 on an existing 绩效自评表, by indicator. */
export function readKeptReasons(grid: SheetGrid): Map<string, string> {
  const rows = spreadMerges(grid);
  const out = new Map<string, string>();
  let header = -1;
  for (let r = 0; r < rows.length; r++) {
    if (header < 0) {
      if (toText(rows[r]?.[1] ?? null) === "一级指标") header = r;
      continue;
    }
    const row = rows[r] ?? [];
    if (toText(row[0] ?? null) === "总分") break;
    const reason = toText(row[8] ?? null);
    const name = toText(row[3] ?? null);
    if (reason && name) out.set(indicatorKey(toText(row[1] ?? null), toText(row[2] ?? null), name), reason);
  }
  return out;
}
