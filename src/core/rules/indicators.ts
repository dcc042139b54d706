// Performance indicators: weights, targets, actuals and deviation reasons.
import { round2 } from "../messages/format";
import { formatMetric } from "../scoring";
import type { Rule } from "./context";

export const STANDARD_WEIGHTS: Record<string, number> = { 产出指标: 50, 效益指标: 30, 满意度指标: 10 };
const STANDARD_EXECUTION_WEIGHT = 10;

export const weights: Rule = {
  name: "indicator weights",
  codes: ["weights-not-100", "nonstandard-weights"],
  check({ model, config, emit }) {
    if (model.indicators.length === 0) return;
    const ew = model.project.executionWeight;
    const total = round2(ew + model.indicators.reduce((s, i) => s + i.weight, 0));
    // No weight cell read (a form without 分值): no typed weights to add up.
    if (model.weightHeader && Math.abs(total - 100) > 0.001) emit("weights-not-100", model.weightHeader, { actual: total, expected: 100 });
    const standard = { ...STANDARD_WEIGHTS, ...(config.standardWeights ?? {}) };
    const byLevel = new Map<string, { sum: number; first: (typeof model.indicators)[number] }>();
    for (const ind of model.indicators) {
      const e = byLevel.get(ind.level1);
      if (e) e.sum += ind.weight;
      else byLevel.set(ind.level1, { sum: ind.weight, first: ind });
    }
    for (const [level, { sum, first }] of byLevel) {
      const want = standard[level];
      if (want !== undefined && Math.abs(sum - want) > 0.001) {
        emit("nonstandard-weights", first.cells.level1 ?? first.cells.weight, { level, actual: round2(sum), expected: want });
      }
    }
    const wantExec = config.standardWeights?.["预算执行率"] ?? STANDARD_EXECUTION_WEIGHT;
    if (Math.abs(ew - wantExec) > 0.001) {
      emit("nonstandard-weights", model.project.cells["预算执行率分值"], { level: "预算执行率", actual: round2(ew), expected: wantExec });
    }
  },
};

export const indicatorValues: Rule = {
  name: "indicator targets and actuals",
  codes: ["unparseable-target", "missing-actual", "target-not-met", "missing-deviation-reason", "indicator-not-applicable", "actual-mismatch"],
  check({ scoring, emit }) {
    for (const o of scoring.outcomes) {
      const ind = o.indicator;
      const c = ind.cells;
      if (ind.notApplicable) {
        emit("indicator-not-applicable", c.weight, { actual: ind.name });
        continue;
      }
      if (ind.target.kind === "invalid" && ind.targetText) emit("unparseable-target", c.target, { raw: ind.targetText });
      if (o.computed && o.mismatch) {
        const m = o.computed.metric;
        // Money metrics carry yuan numbers (the JSON contract); counts and rates their text.
        const values = m.unit === "元" && o.typed !== null
          ? { raw: ind.actualText, actualFen: Math.round(o.typed * 100), expectedFen: Math.round(m.value * 100) }
          : { actual: ind.actualText, expected: formatMetric(m) };
        emit("actual-mismatch", c.actual, { ...values, field: o.computed.name });
      }
      const actualCell = c.actual ?? c.grade;
      if (!o.hasActual) {
        // A table with neither 实际完成值 nor 评价等级: no cell to fill in, per indicator.
        if (actualCell) emit("missing-actual", actualCell);
        continue;
      }
      const missed = o.met === false;
      if (missed) emit("target-not-met", actualCell, { actual: o.computed ? formatMetric(o.computed.metric) : ind.actualText || (o.grade ?? ""), expected: ind.targetText });
      if ((missed || o.overshoot) && !ind.reason) {
        // The reason cell, or where the column would be when the sheet has none.
        emit("missing-deviation-reason", c.reason ?? actualCell, { actual: missed ? "missed" : "over" });
      }
    }
  },
};
