// en-US messages, kept apart from the rules like zh-CN.
import type { MessageCatalogue } from "../findings";
import { UNCALCULATED_FORMULA } from "../grid";
import { formatPercent, formatWan, formatYuan } from "./format";

const money = (fen: number | undefined): string => (fen === undefined ? "—" : `${formatYuan(fen)} (${formatWan(fen, 2, " wan yuan")})`);
const who = (p: { recipient?: string }): string => (p.recipient ? `"${p.recipient}" ` : "");
const pct = (v: number | undefined): string => (v === undefined ? "—" : formatPercent(v));

export const enUS: MessageCatalogue = {
  "sheet-missing": (p) =>
    p.raw
      ? `This is a ${p.raw} table, not a fund's allocation or spending table: it cannot be audited as a special fund (found: ${p.list ?? "—"}; looked for: ${p.target}). Provide the fund's allocation table, spending lines or 绩效自评表.`
      : `Sheet "${p.target}" is missing${p.list ? ` (header found: ${p.list})` : ""}: add it as in the template (use "New template"), or point at the header with a column map (--map).`,
  "column-missing": (p) => `Sheet "${p.target}" lacks a required column (${p.list ? `found: ${p.list}; ` : ""}missing: ${p.field}${p.keyword ? `, also written "${p.keyword}"` : ""}): add it to the header row, rename a column, or give a column map (--map); the table was not checked.`,
  "hidden-row": () => `This row is hidden and is still validated: check that it should count.`,
  "cell-error": (p) =>
    p.raw === UNCALCULATED_FORMULA
      ? `The cell holds a formula that was never calculated (no value): recalculate in Excel (Formulas > Calculate Now, or F9), save and validate again.`
      : `The cell holds the error ${p.raw}: fix the formula or reference and validate again.`,
  "required-missing": (p) => `Required value "${p.field}" is empty: fill it in.`,
  "invalid-amount": (p) => `Amount "${p.raw}" cannot be read: enter a number (e.g. 35000, 3.5万).`,
  "amount-precision": (p) => `Amount "${p.raw}" has more than 2 decimals and was rounded to ${money(p.amountFen)}: check it to the fen.`,
  "non-positive-amount": (p) => `${p.field ?? "Amount"} is ${money(p.amountFen)}, not positive: correct it or delete the line.`,
  "invalid-date": (p) => `Date "${p.raw}" cannot be read: use 2021-12-20 or 2021年12月20日.`,
  "date-outside-year": (p) => `Date ${p.actual} is outside the fund year ${p.expected}: check the date or the fund year.`,
  "invalid-credit-code": (p) => `Credit code "${p.raw}" ${p.actual === "length" ? "is not 18 characters" : p.actual === "charset" ? "contains characters not allowed (I, O, Z, S, V)" : "has a wrong check digit"}: check the business licence.`,
  "duplicate-recipient": (p) => `Recipient ${who(p)}duplicates row ${p.otherRow} (same ${p.field}): merge or delete one.`,
  "unknown-support-area": (p) => `Support area "${p.actual}" is not one of the project's areas (${p.list}): use one of them or add it to the project sheet.`,
  "ineligible-district": (p) => `District "${p.actual}" is not an eligible district (${p.list}): check the recipient's eligibility.`,
  "disbursed-over-approved": (p) => `${who(p)}disbursed ${money(p.amountFen)}, more than the approved ${money(p.limitFen)}: check the payment; recover the excess.`,
  "disbursed-under-approved": (p) => `${who(p)}disbursed ${money(p.amountFen)}, less than the approved ${money(p.limitFen)}: explain why.`,
  "allocation-over-budget": (p) => `Approved total ${money(p.amountFen)} exceeds the annual budget ${money(p.limitFen)}: reduce allocations or adjust the budget.`,
  "executed-total-mismatch": (p) => `Annual execution ${money(p.actualFen)} differs from the ${p.field} total ${money(p.expectedFen)}: check it.`,
  "total-row-mismatch": (p) => `Total row ${p.field} ${money(p.actualFen)} differs from the sum of the rows it totals ${money(p.expectedFen)}: check the total.`,
  "unknown-recipient": (p) => `Spending recipient ${who(p)}is not on the allocation sheet: check the name (full/half width, spaces) or add it.`,
  "spend-over-disbursed": (p) => `${who(p)}spent ${money(p.amountFen)}, more than ${p.field} ${money(p.limitFen)}: the excess cannot be charged to the fund.`,
  "spend-under-disbursed": (p) => `${who(p)}spent ${money(p.amountFen)}, less than ${p.field} ${money(p.limitFen)}: add the missing lines or explain the balance.`,
  "no-spending": (p) => `${who(p)}received ${money(p.limitFen)} but has no spending lines: add them or explain in 明细说明.`,
  "forbidden-category": (p) => `Line "${p.raw}" is forbidden spending "${p.category}"${p.keyword ? ` (keyword "${p.keyword}")` : ""}, ${money(p.amountFen)}: the fund may not pay for it.`,
  "category-not-allowed-for-area": (p) => `Category "${p.category}" is not allowed for support area "${p.actual}": check the category or the area.`,
  "unknown-category": (p) => `Category "${p.raw}" is not in the scope table: use a defined category or add it.`,
  "unclassified-line": (p) => `Line "${p.raw}" has no category and matches no keyword: fill in the category.`,
  "inferred-category": (p) => `No category given; classified as "${p.category}" by keyword "${p.keyword}": please confirm.`,
  "paid-traffic": (p) => `Line "${p.raw}" buys traffic (keyword "${p.keyword}"): allowed by this fund's rules, forbidden for some national funds; review it.`,
  "category-cap-exceeded": (p) => `${who(p)}"${p.category}" spending ${money(p.amountFen)} exceeds the cap ${money(p.limitFen)}${p.percent !== undefined ? ` (${p.percent}% of approved)` : ""}: reduce it.`,
  "duplicate-voucher": (p) => `Voucher "${p.raw}" duplicates row ${p.otherRow}: check for double claims.`,
  "duplicate-line": (p) => `Identical to row ${p.otherRow} (recipient, item, amount, date): check for double entry.`,
  "weights-not-100": (p) => `Execution weight plus indicator weights total ${p.actual}, not 100: adjust the weights.`,
  "nonstandard-weights": (p) => `"${p.level}" weights total ${p.actual}, not the standard ${p.expected} of 财预〔2020〕10号: note the reason.`,
  "unparseable-target": (p) => `Target "${p.raw}" is neither a numeric nor a recognisable qualitative target: write e.g. "25家以上", "前4名", "如期完成".`,
  "missing-actual": () => `No actual value or rating: fill one in.`,
  "target-not-met": (p) => `Actual "${p.actual}" misses the target "${p.expected}": explain the deviation.`,
  "missing-deviation-reason": (p) => `${p.actual === "over" ? "Actual exceeds the target by 30% or more" : "Target missed"} and no deviation reason is given: add one.`,
  "missing-execution-reason": (p) => `Execution rate ${pct(p.percent)} is below ${pct(Number(p.expected))} and no reason is given: fill in 执行率偏差原因 on the project sheet (on a form, its reason cell).`,
  "indicator-not-applicable": () => `Indicator marked not applicable: not scored; the indicator total is rescaled.`,
  "claimed-score-mismatch": (p) => `Claimed score ${p.actual} differs from the computed ${p.expected}: check the self-evaluation score.`,
  "actual-mismatch": (p) => `Actual "${p.raw ?? p.actual}" differs from ${p.expectedFen !== undefined ? money(p.expectedFen) : p.expected} computed from source "${p.field}": check it.`,
  // §8 real workbooks (#12)
  "role-absent": (p) => `The workbook has no ${p.list}: those checks were not run.`,
  "unit-suspect": (p) => `No amount unit is stated and the figures look like 万元 ("${p.field}"): state the unit in the header or above the table (单位：万元), or set 金额单位 in 项目信息.`,
  "unlabelled-total-row": (p) => `Row has no 合计 label but its ${p.field} ${money(p.actualFen)} equals the sum of the rows it closes: read as a total row, not a recipient.`,
  "row-arithmetic-mismatch": (p) => `Row breaks the relation "${p.raw}" that the table's other rows follow: ${p.field} should be ${money(p.expectedFen)}, is ${money(p.actualFen)}: check it.`,
  "merge-repaired": (p) => `Merged ranges overlap (${p.raw}); read with the outermost range: merge the cells again in WPS or Excel.`,

  // §9 a filled 绩效自评表 (#13)
  "form-funding-sum-mismatch": (p) => (p.target
    ? `${p.target} ${p.field} ${money(p.actualFen)} differs from the sum of the funding sources ${money(p.expectedFen)}: check 当年财政拨款, 上年结转资金, 其他资金 (or the rows of the 资金来源 sheet).`
    : `年度资金总额 ${p.field} ${money(p.actualFen)} differs from the sum of its 其中 rows ${money(p.expectedFen)}: check the total and its rows.`),
  "form-execution-rate-mismatch": (p) => `Execution rate is typed as ${p.actual}; 全年执行数 / 全年预算数 gives ${p.expected}: check it.`,
  "form-execution-score-mismatch": (p) => `Execution score is typed as ${p.actual}; min(rate, 1) × weight gives ${p.expected}: check it.`,
  "score-over-weight": (p) => `Score ${p.actual} exceeds the indicator's weight ${p.expected}: check the score.`,
  "form-total-mismatch": (p) => `Total is typed as ${p.actual}; the execution score plus the indicator scores give ${p.expected}: check the total.`,
  "form-grade-mismatch": (p) => `Grade "${p.actual}" is not the grade of total ${p.raw}, which is "${p.expected}" (优 ≥ 90, 良 80–89.99, 中 60–79.99, 差 < 60): check it.`,
  "score-contradicts-actual": (p) => `Actual "${p.actual}" ${p.level === "met" ? "meets" : "misses"} the target "${p.expected}" but the score is ${p.level === "met" ? "below" : "equal to"} the weight: check the score or the actual.`,
  "actual-not-comparable": (p) => `Target "${p.expected}" is numeric but the actual "${p.actual}" has no number: fill in the actual figure.`,
  "form-mismatch": (p) => `The form's ${p.field} is typed as "${p.actual}"; the workbook's data give "${p.expected}": check it.`,

  // §10 scope profiles (#17)
  "unpriced-detail": (p) => `${who(p)}received ${money(p.amountFen)} but 明细说明 is text without amounts: the money is not itemised; write item + amount.`,
};
