// The declarative rule registry: every cross-cell check, in the order findings are produced.
// Parse-level codes (cell-error, invalid-amount, ...) are emitted while reading the grids.
import { formChecks } from "../form/checks";
import { fundingSums } from "../funding";
import { disbursement, duplicateRecipients, supportAreaAndDistrict } from "./allocation";
import type { Rule } from "./context";
import { indicatorValues, weights } from "./indicators";
import { budgetAndExecution, claimedScore } from "./project";
import { categoryCaps, duplicates, recipientTotals, scope, spendingDates } from "./spending";

export const RULES: readonly Rule[] = [
  duplicateRecipients,
  supportAreaAndDistrict,
  disbursement,
  budgetAndExecution,
  recipientTotals,
  scope,
  categoryCaps,
  duplicates,
  spendingDates,
  weights,
  indicatorValues,
  claimedScore,
  fundingSums,
  formChecks,
];
