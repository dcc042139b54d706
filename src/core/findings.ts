// Finding codes are a public contract (SPEC §3): kebab-case, never renamed.
import type { CellPos, Finding, Severity } from "./types";

export const FINDING_SEVERITY = {
  "sheet-missing": "error",
  "column-missing": "error",
  "hidden-row": "info",
  "cell-error": "error",
  "required-missing": "error",
  "invalid-amount": "error",
  "amount-precision": "warning",
  "non-positive-amount": "error",
  "invalid-date": "warning",
  "date-outside-year": "warning",
  "invalid-credit-code": "error",
  "duplicate-recipient": "warning",
  "unknown-support-area": "error",
  "ineligible-district": "error",
  "disbursed-over-approved": "error",
  "disbursed-under-approved": "warning",
  "allocation-over-budget": "error",
  "executed-total-mismatch": "warning",
  "total-row-mismatch": "error",
  "unknown-recipient": "error",
  "spend-over-disbursed": "error",
  "spend-under-disbursed": "warning",
  "no-spending": "warning",
  "forbidden-category": "error",
  "category-not-allowed-for-area": "error",
  "unknown-category": "warning",
  "unclassified-line": "warning",
  "inferred-category": "info",
  "paid-traffic": "info",
  "category-cap-exceeded": "error",
  "duplicate-voucher": "warning",
  "duplicate-line": "warning",
  "weights-not-100": "error",
  "nonstandard-weights": "warning",
  "unparseable-target": "warning",
  "missing-actual": "warning",
  "target-not-met": "warning",
  "missing-deviation-reason": "warning",
  "missing-execution-reason": "warning",
  "indicator-not-applicable": "info",
  "claimed-score-mismatch": "warning",
  "actual-mismatch": "warning",
  // §8 real workbooks (#12)
  "role-absent": "info",
  "unit-suspect": "warning",
  "unlabelled-total-row": "info",
  /** error for a sum relation, warning for a ratio: the finding carries params.severity. */
  "row-arithmetic-mismatch": "error",
  "merge-repaired": "info",

  // §9 a filled 绩效自评表 (#13)
  "form-funding-sum-mismatch": "error",
  "form-execution-rate-mismatch": "error",
  "form-execution-score-mismatch": "error",
  "score-over-weight": "error",
  "form-total-mismatch": "error",
  "form-grade-mismatch": "error",
  "score-contradicts-actual": "warning",
  "actual-not-comparable": "warning",
  "form-mismatch": "warning",

  // §10 scope profiles (#17)
  "unpriced-detail": "warning",
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FINDING_SEVERITY;
export const FINDING_CODES = Object.keys(FINDING_SEVERITY) as FindingCode[];

/** What a finding is about; amounts in fen, rendered by the message catalogues. */
export interface FindingParams {
  recipient?: string;
  category?: string;
  keyword?: string;
  amountFen?: number;
  limitFen?: number;
  /** Non-money expected/actual values (scores, counts, rates, texts). */
  expected?: number | string;
  actual?: number | string;
  expectedFen?: number;
  actualFen?: number;
  raw?: string;
  /** Header or field label the finding is about (e.g. 批复金额). */
  field?: string;
  /** Sheet name a finding names in its text (sheet-missing). */
  target?: string;
  /** Free-form list (allowed values, districts). */
  list?: string;
  /** Percent value, e.g. a cap or a rate. */
  percent?: number;
  unit?: string;
  level?: string;
  otherRow?: number;
  /** Overrides the code's default severity (row-arithmetic-mismatch: error for a sum, warning for a ratio). */
  severity?: Severity;
}

/**
 * Collects findings in one pass; rules never stop at the first. Each is rendered as it is added:
 * its params and position then die young instead of living, with 60k others, to the end of the run.
 */
export class FindingSink {
  readonly items: Finding[] = [];
  constructor(
    private readonly render: (code: FindingCode, pos: CellPos, params: FindingParams) => Finding,
    private readonly keeps: (code: FindingCode) => boolean = () => true,
  ) {}
  add(code: FindingCode, pos: CellPos, params: FindingParams = {}): void {
    if (this.keeps(code)) this.items.push(this.render(code, pos, params));
  }
}
