// Reads a filled 项目支出绩效自评表 (SPEC §9) by its labels, whatever the sheet is called: the
// national layout (§5) and the provincial column variants (Sichuan: 指标性质 / 指标值 / 度量单位 /
// 完成值 / 权重 / 得分 / 未完成原因分析; 调整后预算数 / 预算执行数).
import { CellError, isBlank, type CellValue, type SheetGrid, type WorkbookGrids } from "../grid";
import { parseAmount } from "../parse/amount";
import { parseActual, parseTarget } from "../parse/target";
import { toText } from "../parse/text";
import { cleanLevel, isNotApplicable, parseGrade } from "../parse/workbook";
import { ALLOCATION_SHEET, INDICATOR_SHEET, PROJECT_SHEET, SCOPE_SHEET, SPENDING_SHEET } from "../schema";
import { findSheet, headerKey, prepareSheet, textAt, unitFromText, valueAt } from "../sheet-reader";
import type { AmountUnit, CellPos, Indicator } from "../types";
import { isSelfEvalForm } from "./detect";
import type { FormRead, FundingColumn, FundingRow, TypedNumber } from "./model";
import { natureOp, targetDisplay } from "./target-text";

/** Reports a cell the reader could not read (invalid-amount). */
export type FormEmit = (pos: CellPos, raw: string, field: string) => void;

const INPUT_DEFS = [PROJECT_SHEET, ALLOCATION_SHEET, SPENDING_SHEET, SCOPE_SHEET, INDICATOR_SHEET];
/** Sheets the product writes besides the form (审核结果): never a form. */
const OUTPUT_NAMES = new Set(["审核结果", "findings"]);

/** An input sheet of SPEC §1 (项目信息, 资金分配, 支出明细, 支出范围, 绩效指标), found by name. */
export function inputSheets(wb: WorkbookGrids): SheetGrid[] {
  return INPUT_DEFS.map((d) => findSheet(wb, d)).filter((s): s is SheetGrid => s !== null);
}

/** The first sheet that is a filled 绩效自评表 and not an input sheet. */
export function findForm(wb: WorkbookGrids): SheetGrid | null {
  const inputs = new Set(inputSheets(wb));
  return wb.sheets.find((s) => !inputs.has(s) && !OUTPUT_NAMES.has(headerKey(s.name)) && isSelfEvalForm(s)) ?? null;
}

/** "（100字以内）": a template's prompt left in place, not an answer. */
const PROMPT = /[(（]\d+字以内[)）]/;
const answer = (s: string): string => (PROMPT.test(s) ? "" : s);

const NONE = new Set(["—", "-", "/", "／", "－", "——", "无"]);

/** A score, weight or rate as typed; "—" and "/" are no number. */
function numberOf(v: CellValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v instanceof CellError || isBlank(v)) return null;
  const s = toText(v).normalize("NFKC").replace(/\s+/g, "");
  if (NONE.has(s)) return null;
  const m = /^(-?\d+(?:\.\d+)?)(%|分)?$/.exec(s.replace(/,/g, ""));
  return m ? Number(m[1]) : null;
}

type Row = CellValue[];
const keyOf = (v: CellValue | undefined): string => (typeof v === "string" && v.length <= 60 ? headerKey(v) : "");
/** 预算数 (A), 得分 (20 分*执行率): a header's key without the notes in brackets after it. */
const bareKey = (v: CellValue | undefined): string => keyOf(v).replace(/(\([^()]*\))+$/, "");

function findCell(rows: Row[], test: (key: string) => boolean, fromRow = 0, toRow = rows.length): { row: number; col: number } | null {
  for (let r = fromRow; r < Math.min(toRow, rows.length); r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) if (test(keyOf(row[c]))) return { row: r, col: c };
  }
  return null;
}

/** Columns of a header row: the first cell whose key passes each test. */
function headerCols<K extends string>(row: Row, tests: [K, (k: string) => boolean][]): Partial<Record<K, number>> {
  const cols: Partial<Record<K, number>> = {};
  for (let c = 0; c < row.length; c++) {
    const k = bareKey(row[c]);
    if (!k) continue;
    for (const [name, test] of tests) {
      if (cols[name] === undefined && test(k)) {
        cols[name] = c;
        break;
      }
    }
  }
  return cols;
}

type FundingTest = FundingColumn | "weight" | "rate" | "score" | "reason";
const FUNDING_TESTS: [FundingTest, (k: string) => boolean][] = [
  ["initial", (k) => k.startsWith("年初预算")],
  ["budget", (k) => k.startsWith("全年预算") || k.startsWith("调整后预算") || k.startsWith("调整预算") || k === "预算数"],
  ["rate", (k) => k.includes("执行率")],
  ["executed", (k) => k.startsWith("全年执行") || k.startsWith("预算执行数") || k === "执行数" || k.startsWith("实际执行")],
  ["weight", (k) => k === "分值" || k === "权重"],
  ["score", (k) => k === "得分"],
  ["reason", (k) => k.includes("原因")],
];

type IndicatorCol = "level1" | "level2" | "name" | "target" | "nature" | "unit" | "actual" | "weight" | "grade" | "score" | "reason";
const INDICATOR_TESTS: [IndicatorCol, (k: string) => boolean][] = [
  ["level1", (k) => k === "一级指标"],
  ["level2", (k) => k === "二级指标"],
  ["name", (k) => k === "三级指标"],
  ["nature", (k) => k === "指标性质"],
  ["unit", (k) => k === "度量单位" || k === "计量单位"],
  ["target", (k) => k === "年度指标值" || k === "指标值" || k.endsWith("目标值")],
  ["actual", (k) => k === "实际完成值" || k === "完成值" || k === "实际值" || k.endsWith("实际完成值")],
  ["weight", (k) => k === "分值" || k === "权重"],
  ["grade", (k) => k === "评价等级"],
  ["score", (k) => k === "得分"],
  ["reason", (k) => k.includes("原因")],
];

/** Rows that end the funding block (the goals, the indicator table, another block). */
const BLOCK_END = (k: string): boolean => k.startsWith("年度总体目标") || k.startsWith("项目年度目标") || k === "一级指标" || k.startsWith("绩效指标") || k.startsWith("项目基本情况");
const TOTAL_LABELS = new Set(["年度资金总额", "资金总额", "总额", "合计", "总计"]);
const isTotalLabel = (k: string): boolean => TOTAL_LABELS.has(k) || k.endsWith("资金总额");
const TOTAL_ROW = (k: string): boolean => k.startsWith("总分") || k.startsWith("合计") || k.startsWith("总计") || k.startsWith("得分合计");

/** The value right of a label (skipping the label's own merged cells). */
function valueRightOf(rows: Row[], at: { row: number; col: number }): { text: string; col: number } {
  const row = rows[at.row] ?? [];
  const label = row[at.col];
  for (let c = at.col + 1; c < row.length; c++) {
    const v = row[c];
    if (isBlank(v) || v === label) continue;
    return { text: toText(v), col: c };
  }
  return { text: "", col: at.col + 1 };
}

export function readForm(grid: SheetGrid, emit: FormEmit): FormRead {
  const rows = prepareSheet(grid).rows;
  const s = grid.name;
  const pos = (row: number, col: number): CellPos => ({ sheet: s, row, col });
  const form: FormRead = {
    sheet: s, name: "", department: "", implementer: "", year: null, cells: {}, fundingCols: {}, fundingHeaderRow: null, total: null, parts: [],
    executionWeight: null, executionRate: null, executionScore: null, executionReason: "", goal: "", goalActual: "", indicators: [], weightHeader: null,
    totalScore: null, grade: null,
  };
  const typed = (row: number, col: number | undefined): TypedNumber | null => {
    if (col === undefined) return null;
    const v = valueAt(rows, row, col);
    return { value: numberOf(v), text: textAt(rows, row, col), cell: pos(row, col) };
  };

  for (let r = 0; r < Math.min(rows.length, 4) && form.year === null; r++) {
    for (const v of rows[r] ?? []) {
      const m = typeof v === "string" ? /(\d{4})\s*年度?/.exec(v.normalize("NFKC")) : null;
      if (m) form.year = Number(m[1]);
    }
  }
  for (const [field, label] of [["name", "项目名称"], ["department", "主管部门"], ["implementer", "实施单位"]] as const) {
    const at = findCell(rows, (k) => k.startsWith(label), 0, 12);
    if (!at) continue;
    const v = valueRightOf(rows, at);
    form[field] = v.text;
    form.cells[field] = pos(at.row, v.col);
  }

  const indHeader = findCell(rows, (k) => k === "一级指标");
  readFunding(rows, form, pos, typed, emit, indHeader ? indHeader.row : rows.length);
  readGoals(rows, form);
  if (indHeader) readIndicators(rows, form, pos, typed, indHeader.row);
  return form;
}

function readFunding(rows: Row[], form: FormRead, pos: (r: number, c: number) => CellPos, typed: (r: number, c: number | undefined) => TypedNumber | null, emit: FormEmit, end: number): void {
  const header = fundingHeader(rows, end);
  if (!header) return;
  const cols = header.cols;
  form.fundingCols = cols;
  form.fundingHeaderRow = header.row;
  // 项目资金（万元）/ 年度预算数(万元): a form's amounts are in 万元 unless it says otherwise.
  let unit: AmountUnit = "wan";
  for (let r = Math.max(0, header.row - 1); r <= header.row; r++) {
    for (const v of rows[r] ?? []) {
      const u = typeof v === "string" ? unitFromText(/[(（]([^()（）]+)[)）]/.exec(v.normalize("NFKC"))?.[1] ?? null) : null;
      if (u) unit = u;
    }
  }
  const first = Math.min(cols.initial ?? 99, cols.budget ?? 99, cols.executed ?? 99);
  const labelCol = first - 1;
  if (labelCol < 0) return;
  const amount = (r: number, c: number | undefined, field: string): number | null => {
    if (c === undefined) return null;
    const v = valueAt(rows, r, c);
    if (v instanceof CellError || isBlank(v) || (typeof v === "string" && NONE.has(v.trim()))) return null;
    const res = parseAmount(v, unit);
    if (res.ok) return res.fen;
    emit(pos(r, c), res.raw || toText(v), field);
    return null;
  };
  for (let r = header.row + 1; r < Math.min(end, header.row + 12); r++) {
    const row = rows[r] ?? [];
    if (row.some((v) => BLOCK_END(keyOf(v)))) break;
    const label = rowLabel(rows, r, labelCol).replace(/^\s*其中\s*[:：]?\s*/, "").replace(/[:：]\s*$/, "");
    if (!label) break;
    const fr: FundingRow = {
      label, row: r,
      fen: { initial: amount(r, cols.initial, "年初预算数"), budget: amount(r, cols.budget, "全年预算数"), executed: amount(r, cols.executed, "全年执行数") },
    };
    if (!form.total && isTotalLabel(headerKey(label))) {
      form.total = fr;
      form.executionWeight = typed(r, cols.weight);
      form.executionScore = typed(r, cols.score);
      const rate = typed(r, cols.rate);
      if (rate && rate.value !== null) {
        // 100.00% typed as text, or a number cell shown as a percentage (1 = 100%).
        const isPercentText = rate.text.includes("%") || rate.value > 2;
        rate.value = isPercentText ? rate.value / 100 : rate.value;
      }
      form.executionRate = rate;
      form.executionReason = answer(textAt(rows, r, cols.reason));
    } else {
      form.parts.push(fr);
    }
  }
  // 预算执行情况(10分): the weight in the block's label when its 分值 cell is blank.
  if (form.executionWeight?.value === null || !form.executionWeight) {
    const m = /(\d+(?:\.\d+)?)\s*分/.exec(textAt(rows, header.row, 0).normalize("NFKC"));
    if (m) form.executionWeight = { value: Number(m[1]), text: m[0], cell: form.executionWeight?.cell ?? pos(header.row, 0) };
  }
}

/** The funding header: 年初预算数 …, or a 全年预算数 (A) / 预算数 (A) beside an 执行数 (B). */
function fundingHeader(rows: Row[], end: number): { row: number; cols: ReturnType<typeof headerCols<FundingTest>> } | null {
  for (let r = 0; r < end; r++) {
    const cols = headerCols(rows[r] ?? [], FUNDING_TESTS);
    if (cols.initial !== undefined || (cols.budget !== undefined && cols.executed !== undefined)) return { row: r, cols };
  }
  return null;
}

/** The block's own label (项目资金（万元）, 预算执行情况(10分)) spans the rows: it names no row. */
const BLOCK_LABEL = (k: string): boolean => k.startsWith("项目资金") || k.startsWith("预算执行情况") || k.startsWith("年度预算数");

/** A funding row's label: the nearest text left of the figures that is not the block's label. */
function rowLabel(rows: Row[], r: number, from: number): string {
  for (let c = from; c >= 0; c--) {
    const t = textAt(rows, r, c);
    if (t) return BLOCK_LABEL(headerKey(t)) ? "" : t;
  }
  return "";
}

function readGoals(rows: Row[], form: FormRead): void {
  const goal = findCell(rows, (k) => k === "预期目标" || k === "项目年度目标" || k === "年度目标");
  if (!goal) return;
  const row = rows[goal.row] ?? [];
  const actualCol = row.findIndex((v) => {
    const k = keyOf(v);
    return k === "实际完成情况" || k === "年度目标完成情况" || k === "目标完成情况";
  });
  form.goal = answer(textAt(rows, goal.row + 1, goal.col));
  if (actualCol >= 0) form.goalActual = answer(textAt(rows, goal.row + 1, actualCol));
}

function readIndicators(rows: Row[], form: FormRead, pos: (r: number, c: number) => CellPos, typed: (r: number, c: number | undefined) => TypedNumber | null, headerRow: number): void {
  const c = headerCols(rows[headerRow] ?? [], INDICATOR_TESTS);
  if (c.weight !== undefined) form.weightHeader = pos(headerRow, c.weight);
  const lastLabelCol = Math.max(c.name ?? 0, c.level1 ?? 0);
  let l1 = "";
  let l2 = "";
  // No 分值 column: 产出指标 (60 分) gives its group's weight, shared equally by its rows.
  const groupWeights = new Map<string, number>();
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    let isTotal = false;
    for (let k = 0; k <= lastLabelCol && !isTotal; k++) isTotal = TOTAL_ROW(keyOf(row[k]));
    if (isTotal) {
      form.totalScore = typed(r, c.score);
      // A 分值 typed in the 总分 row is the figure a wrong sum of weights contradicts.
      const weight = typed(r, c.weight);
      if (weight && weight.value !== null) form.weightHeader = weight.cell;
      readGrade(rows, form, pos, r);
      break;
    }
    const raw1 = textAt(rows, r, c.level1);
    const typed1 = cleanLevel(raw1);
    const labelWeight = /(\d+(?:\.\d+)?)\s*分/.exec(raw1.normalize("NFKC"));
    if (c.weight === undefined && typed1 && labelWeight) groupWeights.set(typed1, Number(labelWeight[1]));
    const name = textAt(rows, r, c.name);
    const typed2 = cleanLevel(textAt(rows, r, c.level2));
    if (!name && !typed1 && !typed2) break;
    // Left blank under a filled one (a form without merges), a level continues the one above.
    const level1 = typed1 || l1;
    const level2 = typed2 || (level1 === l1 ? l2 : "");
    l1 = level1;
    l2 = level2;
    // A placeholder 二级 row with no 三级指标: part of the printed form, not an indicator.
    if (!name) continue;
    form.indicators.push(indicator(rows, r, c, pos, { level1, level2, name }));
  }
  for (const [level1, weight] of groupWeights) {
    const group = form.indicators.filter((i) => i.level1 === level1);
    for (const ind of group) ind.weight = weight / group.length;
  }
  if (c.weight === undefined && groupWeights.size > 0) form.weightHeader = pos(headerRow, 0);
}

function indicator(rows: Row[], r: number, c: Partial<Record<IndicatorCol, number>>, pos: (r: number, c: number) => CellPos, names: { level1: string; level2: string; name: string }): Indicator {
  const nature = textAt(rows, r, c.nature);
  const unit = textAt(rows, r, c.unit);
  const targetText = targetDisplay(textAt(rows, r, c.target), nature, unit);
  const qualitative = headerKey(nature) === "定性" || (nature !== "" && !natureOp(nature) && headerKey(nature) !== "定量");
  const actualV = valueAt(rows, r, c.actual);
  const actualText = textAt(rows, r, c.actual);
  let actualValue: Indicator["actualValue"] = null;
  if (typeof actualV === "number") actualValue = { value: actualV, unit };
  else if (actualText) {
    const a = parseActual(actualText);
    actualValue = a ? { value: a.value, unit: a.unit || unit } : null;
  }
  const scoreV = valueAt(rows, r, c.score);
  const gradeText = textAt(rows, r, c.grade);
  const cells: Indicator["cells"] = {};
  for (const key of ["level1", "level2", "name", "target", "actual", "weight", "grade", "score", "reason"] as const) {
    if (c[key] !== undefined) cells[key] = pos(r, c[key] as number);
  }
  return {
    row: r, ...names, targetText,
    target: qualitative ? { kind: "qualitative", text: targetText } : parseTarget(targetText),
    actualText, actualValue,
    weight: numberOf(valueAt(rows, r, c.weight)) ?? 0,
    grade: parseGrade(gradeText),
    typedScore: numberOf(scoreV),
    source: "",
    reason: answer(textAt(rows, r, c.reason)),
    notApplicable: isNotApplicable(actualText) || isNotApplicable(gradeText) || isNotApplicable(toText(scoreV)),
    nature, unit, cells,
  };
}

/** 自评等级：优 in the total row or the rows under it; the grade after the colon or in the next cell. */
function readGrade(rows: Row[], form: FormRead, pos: (r: number, c: number) => CellPos, from: number): void {
  for (let r = from; r < Math.min(rows.length, from + 4); r++) {
    const row = rows[r] ?? [];
    for (let col = 0; col < row.length; col++) {
      const k = keyOf(row[col]);
      if (!k.startsWith("自评等级") && !k.startsWith("评价等级")) continue;
      const after = k.replace(/^(自评等级|评价等级)[:：]?/, "");
      if (after) {
        form.grade = { text: after, cell: pos(r, col) };
        return;
      }
      const v = valueRightOf(rows, { row: r, col });
      if (v.text) form.grade = { text: v.text.trim(), cell: pos(r, v.col) };
      return;
    }
  }
}
