// The declarative rule registry: every cross-cell check, in the order findings are produced, with
// the roles each reads (the engine skips a rule whose roles are absent or unreadable, SPEC §8).
// Parse-level codes (cell-error, invalid-amount, ...) are emitted while reading the grids.
import { formChecks } from "../form/checks";
import { fundingSums } from "../funding";
import type { Role } from "../types";
import { disbursement, duplicateRecipients, supportAreaAndDistrict } from "./allocation";
import type { Rule } from "./context";
import { crossFooting } from "./cross-footing";
import { indicatorValues, weights } from "./indicators";
import { budgetAndExecution, claimedScore } from "./project";
import { categoryCaps, duplicates, recipientTotals, scope, spendingDates } from "./spending";

const needing = (needs: readonly Role[], rule: Rule, uses: readonly Role[] = []): Rule => ({ ...rule, needs, uses });
/** What the score and the computed actuals (受助单位数, 支出总额 …) are made from. */
const FIGURES: readonly Role[] = ["allocation", "spending", "indicators"];

export const RULES: readonly Rule[] = [
  needing(["allocation"], duplicateRecipients),
  needing(["allocation"], supportAreaAndDistrict),
  needing(["allocation"], disbursement),
  needing(["project"], budgetAndExecution, ["allocation"]),
  needing(["allocation", "spending"], recipientTotals),
  needing(["spending"], scope),
  needing(["allocation", "spending"], categoryCaps),
  needing(["spending"], duplicates),
  needing(["spending"], spendingDates),
  needing(["indicators"], weights),
  needing(["indicators"], indicatorValues, FIGURES),
  needing(["project"], claimedScore, FIGURES),
  crossFooting,
  fundingSums,
  formChecks,
];
