// Project-level totals: budget, execution, claimed score.
import { totalMismatch } from "../form/checks";
import { round2 } from "../messages/format";
import type { Rule } from "./context";

export const budgetAndExecution: Rule = {
  name: "budget and execution",
  codes: ["allocation-over-budget", "executed-total-mismatch", "missing-execution-reason"],
  check({ model, totals, config, emit }) {
    const p = model.project;
    if (p.budgetFen !== null && totals.approvedFen > p.budgetFen) {
      emit("allocation-over-budget", p.cells["全年预算数"], { amountFen: totals.approvedFen, limitFen: p.budgetFen });
    }
    if (p.executedFen !== null && model.recipients.length > 0) {
      const expected = totals.hasDisbursed ? totals.disbursedFen : totals.approvedFen;
      const unknown = totals.hasDisbursed ? totals.disbursedIncomplete : totals.approvedIncomplete;
      if (p.executedFen !== expected && !unknown) {
        emit("executed-total-mismatch", p.cells["全年执行数"], { actualFen: p.executedFen, expectedFen: expected, field: totals.hasDisbursed ? "拨付金额" : "批复金额" });
      }
    }
    const threshold = config.executionReasonThreshold ?? 0.9;
    if (totals.executionRate !== null && totals.executionRate < threshold && !p.executionReason) {
      // The 执行率偏差原因 row is the cell to fill, when the sheet has one.
      emit("missing-execution-reason", p.cells["执行率偏差原因"] ?? p.cells["全年执行数"] ?? p.cells["全年预算数"], { percent: totals.executionRate, expected: threshold });
    }
  },
};

export const claimedScore: Rule = {
  name: "claimed score",
  codes: ["claimed-score-mismatch"],
  check({ model, scoring, emit }) {
    // A form's 总分 that is not the sum of its own scores has form-total-mismatch, and only that.
    if (model.form?.role === "input" && totalMismatch(model.form.read, scoring.evaluation.executionScore)) return;
    const claimed = model.project.claimedScore;
    const total = scoring.evaluation.total;
    if (claimed !== null && Math.abs(claimed - total) >= 0.005) {
      emit("claimed-score-mismatch", model.project.cells["自评得分"], { actual: round2(claimed), expected: total });
    }
  },
};
