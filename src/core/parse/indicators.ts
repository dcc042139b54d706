// The 绩效指标 table (SPEC §1): indicators, their targets, actuals and weights.
import type { ColumnMapEntry } from "../column-map";
import { CellError, isBlank, type SheetGrid } from "../grid";
import { INDICATOR_SHEET } from "../schema";
import { headerKey, isNoteRow, isRepeatedHeader, isUnusedRow, textAt, totalKindAt, valueAt } from "../sheet-reader";
import type { CellPos, Indicator, QualitativeGrade } from "../types";
import { isPlaceholder, parseNumber, pos, type Reader } from "./reader";
import { parseActual, parseTarget } from "./target";

export interface ParsedIndicators {
  indicators: Indicator[];
  sheet: string | null;
  headerRow: number | null;
  weightHeader: CellPos | null;
  readable: boolean;
}

const GRADES: Record<string, QualitativeGrade> = {
  达成: "达成", 完成: "达成", 已完成: "达成", 全部达成: "达成", achieved: "达成", met: "达成",
  部分达成: "部分达成", 基本达成: "部分达成", 部分完成: "部分达成", partial: "部分达成", partlyachieved: "部分达成",
  未达成: "未达成", 未完成: "未达成", notachieved: "未达成", notmet: "未达成",
};

export function parseGrade(text: string): QualitativeGrade | null {
  return GRADES[headerKey(text)] ?? null;
}

export function isNotApplicable(text: string): boolean {
  const k = headerKey(text);
  return k === "不适用" || k === "n/a" || k === "na" || k === "notapplicable";
}

/** 产出指标(50分) -> 产出指标 */
export function cleanLevel(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "").replace(/[(（][^)）]*[)）]$/, "");
}

export function parseIndicators(grid: SheetGrid | undefined, rd: Reader, entry?: ColumnMapEntry): ParsedIndicators {
  if (!grid) return { indicators: [], sheet: null, headerRow: null, weightHeader: null, readable: false };
  const { p, m, readable } = rd.openTable(grid, INDICATOR_SHEET, entry);
  if (!readable) return { indicators: [], sheet: grid.name, headerRow: m.row, weightHeader: null, readable: false };
  const s = grid.name;
  const c = m.cols;
  const indicators: Indicator[] = [];
  let lastL1 = "";
  let lastL2 = "";
  for (let r = m.row + 1; r < p.rows.length; r++) {
    const rows = p.rows;
    if (isUnusedRow(p, r) || totalKindAt(p, r) || isRepeatedHeader(p, r, m) || isNoteRow(p, r)) continue;
    if (p.hidden.has(r)) rd.emit("hidden-row", s, r, 0);
    // Level 1/2 left blank under a filled one continue it (merged-looking forms without merges).
    let level1 = cleanLevel(textAt(rows, r, c.level1));
    if (!level1 && lastL1) level1 = lastL1;
    else if (!level1) rd.required(s, rows, r, c.level1, "一级指标");
    let level2 = cleanLevel(textAt(rows, r, c.level2));
    if (!level2 && lastL2 && level1 === lastL1) level2 = lastL2;
    else if (!level2) rd.required(s, rows, r, c.level2, "二级指标");
    lastL1 = level1;
    lastL2 = level2;
    const name = rd.required(s, rows, r, c.name, "三级指标");
    const targetText = rd.required(s, rows, r, c.target, "年度指标值");
    const weightV = valueAt(rows, r, c.weight);
    let weight = 0;
    if (!(weightV instanceof CellError)) {
      if (isBlank(weightV) || isPlaceholder(weightV)) rd.required(s, rows, r, c.weight, "分值");
      else weight = parseNumber(weightV) ?? 0;
    }
    const actualText = textAt(rows, r, c.actual);
    const gradeText = textAt(rows, r, c.grade);
    const scoreV = valueAt(rows, r, c.score);
    const cells: Indicator["cells"] = {};
    for (const key of ["level1", "level2", "name", "target", "actual", "weight", "grade", "score", "source", "reason"] as const) {
      if (c[key] !== undefined) cells[key] = pos(s, r, c[key] as number);
    }
    const nature = textAt(rows, r, c.nature);
    const unit = textAt(rows, r, c.unit);
    indicators.push({
      row: r, level1, level2, name, targetText, target: parseTarget(applyNature(targetText, nature, unit)),
      actualText, actualValue: actualText ? parseActual(actualText) : typeof valueAt(rows, r, c.actual) === "number" ? { value: valueAt(rows, r, c.actual) as number, unit } : null,
      weight, grade: parseGrade(gradeText), typedScore: isBlank(scoreV) || isPlaceholder(scoreV) || scoreV instanceof CellError ? null : parseNumber(scoreV),
      source: textAt(rows, r, c.source), reason: textAt(rows, r, c.reason),
      notApplicable: isNotApplicable(actualText) || isNotApplicable(gradeText), nature, unit, cells,
    });
  }
  const weightHeader = c.weight !== undefined ? pos(s, m.row, c.weight) : pos(s, m.row, 0);
  return { indicators, sheet: s, headerRow: m.row, weightHeader, readable: true };
}

/** The structured 指标性质 / 度量单位 columns, when present, override text parsing. */
function applyNature(target: string, nature: string, unit: string): string {
  const k = headerKey(nature);
  if (!k) return target;
  if (k === "定性" || k === "qualitative") return target.replace(/\d/g, "");
  const op = k === "≥" || k === ">=" || k === "正向" ? "≥" : k === "≤" || k === "<=" || k === "反向" ? "≤" : k === "=" ? "=" : "";
  if (!op) return target;
  const num = /-?\d+(?:\.\d+)?/.exec(target.normalize("NFKC"));
  if (!num) return target;
  const u = unit || target.normalize("NFKC").slice(num.index + num[0].length).replace(/(以上|以下|以内|及以上)$/, "");
  return `${op}${num[0]}${u}`;
}
