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

/** Every field a finding's params may carry, with its meaning; each code takes its own few (FindingParamsMap). */
export interface FindingFields {
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
  level?: string;
  otherRow?: number;
  /** Overrides the code's default severity (row-arithmetic-mismatch: error for a sum, warning for a ratio). */
  severity?: Severity;
}

/** Every code has an entry, and each entry's fields are FindingFields' fields. */
type EveryCode<T extends Record<FindingCode, FindingFields>> = T;

/** A line of a spending sheet: who, what, how much. */
interface LineParams { recipient: string; raw: string; amountFen?: number }
/** Money against a limit, for a recipient. */
interface OverLimit { recipient: string; amountFen: number; limitFen: number }
/** A typed figure against the computed one, in fen. */
interface FenMismatch { field: string; actualFen: number; expectedFen: number }
/** A typed score or figure against the computed one. */
interface Compared<T> { actual: T; expected: T }

/**
 * What each code's finding says: the params its messages read and its JSON carries (recipient,
 * category, keyword, amountFen, limitFen, expected(Fen), actual(Fen), raw), nothing else.
 */
export type FindingParamsMap = EveryCode<{
  /** raw: what a table that is no fund table is (三公); list: the header found. */
  "sheet-missing": { target: string; list?: string; raw?: string };
  "column-missing": { target: string; field: string; list?: string; keyword?: string };
  "hidden-row": Record<never, never>;
  "cell-error": { raw: string };
  "required-missing": { field: string; recipient?: string };
  "invalid-amount": { raw: string; recipient?: string };
  "amount-precision": { raw: string; amountFen: number; recipient?: string };
  "non-positive-amount": { amountFen: number; field: string; recipient?: string };
  "invalid-date": { raw: string; recipient?: string };
  "date-outside-year": { actual: string; expected: number; recipient: string };
  "invalid-credit-code": { raw: string; actual: "length" | "charset" | "checksum"; recipient?: string };
  "duplicate-recipient": { recipient: string; otherRow: number; field: string; raw?: string };
  "unknown-support-area": { recipient: string; actual: string; list: string };
  "ineligible-district": { recipient: string; actual: string; list: string };
  "disbursed-over-approved": OverLimit;
  "disbursed-under-approved": OverLimit;
  "allocation-over-budget": { amountFen: number; limitFen: number };
  "executed-total-mismatch": FenMismatch;
  "total-row-mismatch": FenMismatch;
  "unknown-recipient": { recipient: string };
  "spend-over-disbursed": OverLimit & { field: string };
  "spend-under-disbursed": OverLimit & { field: string };
  "no-spending": { recipient: string; limitFen: number };
  "forbidden-category": LineParams & { category: string; keyword?: string };
  "category-not-allowed-for-area": LineParams & { category: string; actual: string };
  "unknown-category": LineParams;
  "unclassified-line": LineParams;
  "inferred-category": LineParams & { category: string; keyword: string };
  "paid-traffic": LineParams & { category: string; keyword: string };
  "category-cap-exceeded": OverLimit & { category: string; percent?: number };
  "duplicate-voucher": { recipient: string; raw: string; otherRow: number };
  "duplicate-line": { recipient: string; raw: string; otherRow: number };
  "weights-not-100": Compared<number>;
  "nonstandard-weights": Compared<number> & { level: string };
  "unparseable-target": { raw: string };
  "missing-actual": Record<never, never>;
  "target-not-met": Compared<string>;
  "missing-deviation-reason": { actual: "missed" | "over" };
  /** percent: the execution rate; expected: the threshold rate. */
  "missing-execution-reason": { percent: number; expected: number };
  "indicator-not-applicable": { actual: string };
  "claimed-score-mismatch": Compared<number>;
  /** Money metrics in fen with the typed text as raw; counts and rates as texts. */
  "actual-mismatch":
    | { field: string; raw: string; actualFen: number; expectedFen: number; actual?: undefined; expected?: undefined }
    | { field: string; actual: string; expected: string; raw?: undefined; expectedFen?: undefined };
  "role-absent": { list: string };
  "unit-suspect": { field: string };
  "unlabelled-total-row": { field: string; actualFen: number };
  "row-arithmetic-mismatch": FenMismatch & { raw: string; severity?: Severity };
  "merge-repaired": { raw: string };
  /** target: the sheet whose total is checked; none on the form itself. */
  "form-funding-sum-mismatch": FenMismatch & { target?: string };
  "form-execution-rate-mismatch": Compared<string>;
  "form-execution-score-mismatch": Compared<number>;
  "score-over-weight": Compared<number>;
  "form-total-mismatch": Compared<number>;
  /** raw: the total whose grade is expected. */
  "form-grade-mismatch": Compared<string> & { raw: string };
  "score-contradicts-actual": Compared<string> & { level: "met" | "missed" };
  "actual-not-comparable": Compared<string>;
  "form-mismatch": Compared<string> & { field: string };
  "unpriced-detail": { recipient: string; amountFen: number };
}>;

/** The params argument of a code: optional only when none of its params is required. */
export type ParamsArg<C extends FindingCode> = Partial<FindingParamsMap[C]> extends FindingParamsMap[C] ? [params?: FindingParamsMap[C]] : [params: FindingParamsMap[C]];

/** A message catalogue: each code's message takes exactly that code's params. */
export type MessageCatalogue = { [C in FindingCode]: (p: FindingParamsMap[C]) => string };

/** A finding emitted without a cell: a rule that cannot say where is a programming error, never a silent drop. */
export class UnplacedFindingError extends Error {
  constructor(readonly code: FindingCode) {
    super(`finding ${code} has no cell`);
  }
}

/**
 * Collects findings in one pass; rules never stop at the first. Each is rendered as it is added:
 * its params and position then die young instead of living, with 60k others, to the end of the run.
 */
export class FindingSink {
  readonly items: Finding[] = [];
  constructor(
    private readonly render: <C extends FindingCode>(code: C, pos: CellPos, params: FindingParamsMap[C]) => Finding,
    private readonly keeps: (code: FindingCode) => boolean = () => true,
  ) {}
  add<C extends FindingCode>(code: C, pos: CellPos | undefined, ...[params]: ParamsArg<C>): void {
    if (!pos) throw new UnplacedFindingError(code);
    if (this.keeps(code)) this.items.push(this.render(code, pos, params ?? ({} as FindingParamsMap[C])));
  }
}
