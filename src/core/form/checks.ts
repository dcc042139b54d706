// The checks of a filled 绩效自评表 (SPEC §9), each at the cell that is wrong; and, for a typed
// copy beside the input sheets, form-mismatch where it differs from the computed form.
import { round2, formatPercent, formatWan } from "../messages/format";
import type { RuleContext, Rule } from "../rules/context";
import { gradeOf } from "../scoring";
import { indicatorKey } from "../self-eval";
import type { CellPos, Evaluation } from "../types";
import { FUNDING_COLUMNS, FUNDING_LABEL, type FormRead } from "./model";

/** 优秀 -> 优, 良好 -> 良, 中等 -> 中, 差 / 不合格 -> 差; null when it names no grade. */
export function parseFormGrade(text: string): Evaluation["grade"] | null {
  const t = text.replace(/^[\s:：]+/, "");
  if (t.startsWith("优")) return "优";
  if (t.startsWith("良")) return "良";
  if (t.startsWith("中")) return "中";
  if (t.startsWith("差") || t.startsWith("不合格")) return "差";
  return null;
}

/**
 * 执行率得分 + Σ 得分 as typed (得分 left blank counts 0; 不适用 rows rescaled to the full weight,
 * as §4 does), or null when the form types no indicator score to add up.
 */
export function typedSum(read: FormRead, executionScore: number): number | null {
  let all = 0;
  let applicable = 0;
  let sum = 0;
  let typed = 0;
  for (const ind of read.indicators) {
    all += ind.weight;
    if (ind.notApplicable) continue;
    applicable += ind.weight;
    if (ind.typedScore !== null) typed++;
    sum += ind.typedScore ?? 0;
  }
  if (typed === 0) return null;
  const indicators = applicable > 0 && applicable < all ? (sum * all) / applicable : sum;
  return round2(read.executionScore?.value ?? executionScore) + indicators;
}

/** The typed 总分 is not the sum of the typed scores. */
export function totalMismatch(read: FormRead, executionScore: number): { typed: number; sum: number } | null {
  const typed = read.totalScore?.value;
  const sum = typedSum(read, executionScore);
  if (typed === null || typed === undefined || sum === null) return null;
  return Math.abs(typed - round2(sum)) >= 0.005 ? { typed, sum: round2(sum) } : null;
}

const wanText = (fen: number): string => formatWan(fen, 4);

function checkInputForm(read: FormRead, { scoring, totals, emit }: RuleContext): void {
  const cell = (row: number, col: number | undefined): CellPos | undefined => (col === undefined ? undefined : { sheet: read.sheet, row, col });
  if (read.total) {
    for (const k of FUNDING_COLUMNS) {
      const filled = read.parts.filter((p) => p.fen[k] !== null);
      if (filled.length === 0) continue;
      const sum = filled.reduce((a, p) => a + (p.fen[k] as number), 0);
      const total = read.total.fen[k] ?? 0;
      if (sum !== total) emit("form-funding-sum-mismatch", cell(read.total.row, read.fundingCols[k]), { field: FUNDING_LABEL[k], actualFen: total, expectedFen: sum });
    }
  }
  const rate = totals.executionRate;
  const typedRate = read.executionRate?.value;
  if (rate !== null && typedRate !== null && typedRate !== undefined && Math.abs(typedRate - rate) > 0.00005 + 1e-12) {
    emit("form-execution-rate-mismatch", read.executionRate?.cell, { actual: formatPercent(typedRate), expected: formatPercent(rate) });
  }
  const typedScore = read.executionScore?.value;
  if (rate !== null && typedScore !== null && typedScore !== undefined) {
    const expected = Math.min(Math.max(rate, 0), 1) * scoring.evaluation.executionWeight;
    if (Math.abs(typedScore - expected) > 0.01 + 1e-9) emit("form-execution-score-mismatch", read.executionScore?.cell, { actual: typedScore, expected: round2(expected) });
  }
  for (const o of scoring.outcomes) {
    const ind = o.indicator;
    if (ind.notApplicable) continue;
    const typed = ind.typedScore;
    const over = typed !== null && typed > ind.weight + 1e-9;
    if (over) emit("score-over-weight", ind.cells.score, { actual: typed, expected: ind.weight });
    const quantitative = ind.target.kind === "quantitative";
    if (quantitative && ind.actualText && ind.actualValue === null) {
      emit("actual-not-comparable", ind.cells.actual, { expected: ind.targetText, actual: ind.actualText });
    }
    if (typed !== null && !over && quantitative && o.actual !== null && o.met !== null) {
      const full = Math.abs(typed - ind.weight) < 0.005;
      if (o.met ? !full : full) emit("score-contradicts-actual", ind.cells.score, { actual: ind.actualText, expected: ind.targetText, level: o.met ? "met" : "missed" });
    }
    // 得分 < 分值 needs a reason; a missed or overshot target already has its finding (indicatorValues).
    if (typed !== null && typed < ind.weight - 0.005 && !ind.reason && o.hasActual && o.met !== false && !o.overshoot) {
      emit("missing-deviation-reason", ind.cells.reason ?? ind.cells.score, { actual: "missed" });
    }
  }
  const mismatch = totalMismatch(read, scoring.evaluation.executionScore);
  if (mismatch) emit("form-total-mismatch", read.totalScore?.cell, { actual: mismatch.typed, expected: mismatch.sum });
  const total = read.totalScore?.value;
  const grade = read.grade ? parseFormGrade(read.grade.text) : null;
  if (read.grade && grade !== null && total !== null && total !== undefined && grade !== gradeOf(total)) {
    emit("form-grade-mismatch", read.grade.cell, { actual: read.grade.text, expected: gradeOf(total), raw: String(total) });
  }
}

/** A previous fill's form, edited by hand: each typed figure against the computed one. */
function compareCopy(read: FormRead, { scoring, totals, emit }: RuleContext): void {
  const e = scoring.evaluation;
  const differ = (cell: CellPos | undefined, field: string, actual: string, expected: string): void => emit("form-mismatch", cell, { field, actual, expected });
  const executed = read.total?.fen.executed;
  const col = read.fundingCols.executed;
  if (read.total && col !== undefined && executed !== null && executed !== undefined && totals.executedFen !== null && Math.round(executed / 100) !== Math.round(totals.executedFen / 100)) {
    differ({ sheet: read.sheet, row: read.total.row, col }, "全年执行数", wanText(executed), wanText(totals.executedFen));
  }
  const rate = read.executionRate;
  if (rate && rate.value !== null && e.executionRate !== null && Math.abs(rate.value - e.executionRate) > 0.00005 + 1e-12) {
    differ(rate.cell, "执行率", formatPercent(rate.value), formatPercent(e.executionRate));
  }
  const score = (typed: { value: number | null; text: string; cell: CellPos } | null | undefined, field: string, want: number): void => {
    if (typed && typed.value !== null && Math.abs(typed.value - want) >= 0.005) differ(typed.cell, field, typed.text, want.toFixed(2));
  };
  score(read.executionScore, "预算执行率得分", e.executionScore);
  const computed = new Map(e.indicators.map((i) => [indicatorKey(i.level1, i.level2, i.name), i]));
  for (const ind of read.indicators) {
    const c = computed.get(indicatorKey(ind.level1, ind.level2, ind.name));
    if (!c || c.notApplicable || ind.typedScore === null || !ind.cells.score) continue;
    score({ value: ind.typedScore, text: String(ind.typedScore), cell: ind.cells.score }, `「${ind.name}」得分`, c.score);
  }
  score(read.totalScore, "总分", e.total);
  const grade = read.grade ? parseFormGrade(read.grade.text) : null;
  if (read.grade && grade !== null && grade !== e.grade) differ(read.grade.cell, "自评等级", read.grade.text, e.grade);
}

export const formChecks: Rule = {
  name: "filled 绩效自评表",
  codes: [
    "form-funding-sum-mismatch", "form-execution-rate-mismatch", "form-execution-score-mismatch", "score-over-weight", "form-total-mismatch",
    "form-grade-mismatch", "score-contradicts-actual", "actual-not-comparable", "missing-deviation-reason", "form-mismatch",
  ],
  check(ctx) {
    const form = ctx.model.form;
    if (!form) return;
    if (form.role === "input") checkInputForm(form.read, ctx);
    else compareCopy(form.read, ctx);
  },
};
