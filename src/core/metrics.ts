// Values the engine computes from the workbook, which 数据来源 may name (SPEC §1).
import { normalizeName } from "./parse/text";
import type { WorkbookModel } from "./types";

export interface Totals {
  approvedFen: number;
  disbursedFen: number;
  /** True when at least one recipient has a 拨付金额. */
  hasDisbursed: boolean;
  /** Σ批复 / Σ拨付 include an amount that could not be read (its cell has its own finding). */
  approvedIncomplete: boolean;
  disbursedIncomplete: boolean;
  spentFen: number;
  /** Spending of known recipients in allowed categories. */
  compliantFen: number;
  executedFen: number | null;
  executionRate: number | null;
}

export interface Metric {
  value: number;
  unit: string;
}

export const METRIC_NAMES = ["受助单位数", "批复总额", "拨付总额", "支出总额", "预算执行率", "合规支出占比", "按时拨付率"] as const;

/** Σ批复 / Σ拨付 and the executed figure: what the allocation alone gives, without the spending lines. */
export function allocationTotals(model: Pick<WorkbookModel, "project" | "recipients">): Omit<Totals, "spentFen" | "compliantFen"> {
  let approvedFen = 0;
  let disbursedFen = 0;
  let hasDisbursed = false;
  let approvedIncomplete = false;
  let disbursedIncomplete = false;
  for (const r of model.recipients) {
    approvedIncomplete ||= r.unreadable?.approved === true;
    disbursedIncomplete ||= r.unreadable?.disbursed === true;
    approvedFen += r.approvedFen ?? 0;
    if (r.disbursedFen !== null) {
      hasDisbursed = true;
      disbursedFen += r.disbursedFen;
    }
  }
  const p = model.project;
  const executedFen = p.executedFen ?? (hasDisbursed ? disbursedFen : model.recipients.length ? approvedFen : null);
  const executionRate = p.budgetFen && p.budgetFen > 0 && executedFen !== null ? executedFen / p.budgetFen : null;
  return { approvedFen, disbursedFen, hasDisbursed, approvedIncomplete, disbursedIncomplete, executedFen, executionRate };
}

export function computeTotals(model: WorkbookModel, forbiddenLineIdx: Set<number>, unknownLineIdx: Set<number>): Totals {
  let spentFen = 0;
  let compliantFen = 0;
  // A plain loop: sums captured by a closure would box a new heap number per line.
  for (let i = 0; i < model.lines.length; i++) {
    const fen = model.lines[i].amountFen;
    if (fen === null) continue;
    spentFen += fen;
    if (!forbiddenLineIdx.has(i) && !unknownLineIdx.has(i)) compliantFen += fen;
  }
  return { ...allocationTotals(model), spentFen, compliantFen };
}

/** The metric a 数据来源 text names, or null. */
export function metricFor(source: string, model: WorkbookModel, totals: Totals): { name: string; metric: Metric } | null {
  const s = normalizeName(source);
  if (!s) return null;
  const name = METRIC_NAMES.find((n) => s.includes(n));
  if (!name) return null;
  const pct = (x: number | null): number => (x === null ? 0 : Math.round(x * 1e6) / 1e4);
  switch (name) {
    case "受助单位数":
      return { name, metric: { value: model.recipients.length, unit: "家" } };
    case "批复总额":
      return { name, metric: { value: totals.approvedFen / 100, unit: "元" } };
    case "拨付总额":
      return { name, metric: { value: totals.disbursedFen / 100, unit: "元" } };
    case "支出总额":
      return { name, metric: { value: totals.spentFen / 100, unit: "元" } };
    case "预算执行率":
      return { name, metric: { value: pct(totals.executionRate), unit: "%" } };
    case "合规支出占比":
      return { name, metric: { value: pct(totals.spentFen > 0 ? totals.compliantFen / totals.spentFen : null), unit: "%" } };
    case "按时拨付率": {
      const year = model.project.year;
      const paid = model.recipients.filter((r) => r.disbursedFen !== null && r.disbursedFen > 0);
      const onTime = paid.filter((r) => r.disbursedDate !== null && year !== null && r.disbursedDate.getUTCFullYear() <= year);
      return { name, metric: { value: pct(paid.length ? onTime.length / paid.length : null), unit: "%" } };
    }
  }
  return null;
}
