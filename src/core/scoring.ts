// 财预〔2020〕10号 scoring (SPEC §4), pure: model + computed metrics in, evaluation out.
import { targetDisplay } from "./form/target-text";
import { round2 } from "./messages/format";
import { metricFor, type Metric, type Totals } from "./metrics";
import { scaleToUnit } from "./parse/target";
import type { Evaluation, Indicator, IndicatorScore, QualitativeGrade, RuleConfig, WorkbookModel } from "./types";

export const DEFAULT_QUALITATIVE: Record<QualitativeGrade, number> = { 达成: 1, 部分达成: 0.7, 未达成: 0.3 };
/** Official bands of each grade, as a share of the weight: [low, high). */
const BANDS: Record<QualitativeGrade, [number, number]> = { 达成: [0.8, 1.0000001], 部分达成: [0.6, 0.8], 未达成: [0, 0.6] };

export interface IndicatorOutcome {
  indicator: Indicator;
  score: number;
  met: boolean | null;
  /** Actual used for scoring, after 数据来源 and unit scaling; null when qualitative. */
  actual: number | null;
  target: number | null;
  /** Ratio actual/target for higher-is-better targets (overshoot check). */
  overshoot: boolean;
  /** Computed metric from 数据来源 and whether the typed actual disagrees with it. */
  computed: { name: string; metric: Metric } | null;
  mismatch: boolean;
  /** The typed 实际完成值 in the computed metric's unit, when both exist. */
  typed: number | null;
  hasActual: boolean;
  grade: QualitativeGrade | null;
}

/** 如期完成 → 达成; text with 未/没有 → 未达成; 部分/基本 → 部分达成. */
function gradeFromText(text: string): QualitativeGrade | null {
  if (!text) return null;
  if (/部分|基本/.test(text)) return "部分达成";
  if (/未|没有|尚未|无法/.test(text)) return "未达成";
  return "达成";
}

export function gradeOf(total: number): Evaluation["grade"] {
  if (total >= 90) return "优";
  if (total >= 80) return "良";
  if (total >= 60) return "中";
  return "差";
}

function qualitativeScore(ind: Indicator, grade: QualitativeGrade, pcts: Record<QualitativeGrade, number>): number {
  const w = Math.max(0, ind.weight);
  if (ind.typedScore !== null && w > 0) {
    const share = ind.typedScore / w;
    const [lo, hi] = BANDS[grade];
    if (share >= lo && share < hi) return ind.typedScore;
  }
  return pcts[grade] * w;
}

/**
 * On a filled form (SPEC §9) an indicator §4 cannot score (no numeric actual, no 评价等级) keeps
 * its typed 得分, capped at its 分值: the unit's judgment, not a guess from the actual's wording.
 */
function typedFallback(out: IndicatorOutcome): IndicatorOutcome {
  const ind = out.indicator;
  if (ind.typedScore === null || ind.grade !== null || out.actual !== null || ind.notApplicable) return out;
  out.score = Math.min(Math.max(ind.typedScore, 0), Math.max(0, ind.weight));
  return out;
}

function scoreIndicator(ind: Indicator, model: WorkbookModel, totals: Totals, config: RuleConfig): IndicatorOutcome {
  const pcts = { ...DEFAULT_QUALITATIVE, ...(config.qualitative ?? {}) };
  const overshootRatio = config.overshootRatio ?? 1.3;
  const computed = metricFor(ind.source, model, totals);
  const out: IndicatorOutcome = {
    indicator: ind, score: 0, met: null, actual: null, target: null, overshoot: false, computed, mismatch: false, typed: null,
    hasActual: !!ind.actualText || ind.actualValue !== null || ind.grade !== null || computed !== null, grade: ind.grade,
  };
  if (ind.notApplicable) return out;
  const t = ind.target;
  let actual = ind.actualValue;
  if (computed) {
    if (actual) {
      let typed = scaleToUnit(actual.value, actual.unit, computed.metric.unit) ?? actual.value;
      // A percentage typed as a number cell (1 shown as 100%), as for targets below.
      if (computed.metric.unit === "%" && !actual.unit && Math.abs(typed) <= 1) typed *= 100;
      out.mismatch = Math.abs(typed - computed.metric.value) > 0.005 + 1e-9 * Math.abs(computed.metric.value);
      out.typed = typed;
    }
    actual = { value: computed.metric.value, unit: computed.metric.unit };
  }
  if (t.kind === "quantitative" && actual) {
    let a = actual.unit && t.unit ? scaleToUnit(actual.value, actual.unit, t.unit) ?? actual.value : actual.value;
    // A percentage typed as a number cell (0.96 shown as 96%).
    if (t.unit === "%" && !actual.unit && Math.abs(a) <= 1 && t.value > 1) a = a * 100;
    const v = t.value;
    // A negative 分值 is reported by weights-not-100; it never scores below zero.
    const w = Math.max(0, ind.weight);
    let met: boolean;
    let ratio: number;
    switch (t.op) {
      case ">=": met = a >= v; ratio = v > 0 ? a / v : met ? 1 : 0; break;
      case ">": met = a > v; ratio = v > 0 ? a / v : met ? 1 : 0; break;
      case "<=": case "rank": met = a <= v; ratio = a > 0 ? v / a : met ? 1 : 0; break;
      case "<": met = a < v; ratio = a > 0 ? v / a : met ? 1 : 0; break;
      case "=": met = Math.abs(a - v) < 1e-9; ratio = a === 0 || v === 0 ? (met ? 1 : 0) : Math.min(a / v, v / a); break;
    }
    out.met = met;
    out.actual = a;
    out.target = v;
    out.score = met ? w : Math.max(0, Math.min(1, ratio)) * w;
    out.overshoot = (t.op === ">=" || t.op === ">") && v > 0 && a >= v * overshootRatio;
    return out;
  }
  const grade = ind.grade ?? gradeFromText(ind.actualText);
  out.grade = grade;
  if (!grade) return out;
  out.met = grade === "达成";
  out.score = qualitativeScore(ind, grade, pcts);
  return out;
}

export interface ScoringResult {
  evaluation: Evaluation;
  outcomes: IndicatorOutcome[];
}

export function score(model: WorkbookModel, totals: Totals, config: RuleConfig = {}): ScoringResult {
  const ew = model.project.executionWeight;
  const rate = totals.executionRate;
  const executionScore = rate === null ? 0 : round2(Math.min(Math.max(rate, 0), 1) * Math.max(0, ew));
  const fromForm = model.form?.role === "input";
  const outcomes = model.indicators.map((ind) => {
    const o = scoreIndicator(ind, model, totals, config);
    return fromForm ? typedFallback(o) : o;
  });
  let allWeight = 0;
  let applicableWeight = 0;
  let sum = 0;
  for (const o of outcomes) {
    allWeight += o.indicator.weight;
    if (o.indicator.notApplicable) continue;
    applicableWeight += o.indicator.weight;
    sum += round2(o.score);
  }
  // 用适用指标得分汇总后按百分制折算: rescale to the full indicator weight.
  const indicatorTotal = applicableWeight > 0 && applicableWeight < allWeight ? (sum * allWeight) / applicableWeight : sum;
  const total = round2(executionScore + indicatorTotal);
  const indicators: IndicatorScore[] = outcomes.map((o) => ({
    level1: o.indicator.level1,
    level2: o.indicator.level2,
    name: o.indicator.name,
    target: targetDisplay(o.indicator.targetText, o.indicator.nature, o.indicator.unit),
    actual: o.computed ? formatMetric(o.computed.metric) : o.indicator.actualText || (o.indicator.grade ?? ""),
    weight: o.indicator.weight,
    score: round2(o.score),
    met: o.met,
    ...(o.indicator.notApplicable ? { notApplicable: true } : {}),
  }));
  return {
    evaluation: { executionRate: rate === null ? null : Math.round(rate * 1e6) / 1e6, executionScore, executionWeight: ew, indicators, total, grade: gradeOf(total) },
    outcomes,
  };
}

export function formatMetric(m: Metric): string {
  const v = Number.isInteger(m.value) ? String(m.value) : String(round2(m.value));
  return `${v}${m.unit}`;
}
