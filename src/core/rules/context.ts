// What every rule sees: the model, derived facts computed once, and the finding sink.
import type { FindingCode, FindingSink, ParamsArg } from "../findings";
import type { Totals } from "../metrics";
import type { ScoringResult } from "../scoring";
import type { CellPos, Role, RuleConfig, ScopeCategory, SpendingField, SpendingLine, WorkbookModel } from "../types";

/** Where a line's field is: made when a rule reports it, none when the sheet has no such column. */
export function lineCell(l: SpendingLine, field: SpendingField): CellPos | undefined {
  const col = l.cols[field];
  return col === undefined ? undefined : { sheet: l.sheet, row: l.row, col };
}

/** Each spending line's class, by its index in model.lines: parallel arrays, no object per line. */
export interface LineClasses {
  category: (ScopeCategory | null)[];
  keyword: string[];
  /** 1 when the category was inferred from a keyword. */
  inferred: Uint8Array;
  /** 1 when a typed category is not found in the scope table. */
  unknownTyped: Uint8Array;
  trafficKeyword: (string | null)[];
  /** Index of the recipient, -1 when unknown. */
  recipient: Int32Array;
}

export interface RuleContext {
  model: WorkbookModel;
  config: RuleConfig;
  classes: LineClasses;
  totals: Totals;
  scoring: ScoringResult;
  /** pos undefined throws UnplacedFindingError: a rule must know where its finding is. */
  emit<C extends FindingCode>(code: C, pos: CellPos | undefined, ...params: ParamsArg<C>): void;
}

export interface Rule {
  name: string;
  codes: FindingCode[];
  /** Roles the rule reads (SPEC §8): it is skipped unless each is present and readable. */
  needs?: readonly Role[];
  /** Roles whose figures feed the rule when present (computed actuals, totals): it is skipped while one is unreadable. */
  uses?: readonly Role[];
  check(ctx: RuleContext): void;
}

/** A rule runs only on what the workbook holds: no finding from a table that is absent or unreadable. */
export function ruleApplies(rule: Rule, model: WorkbookModel): boolean {
  const roles = model.roles;
  if (!roles) return true;
  return (rule.needs ?? []).every((r) => roles[r] === "present") && (rule.uses ?? []).every((r) => roles[r] !== "unreadable");
}

export function makeEmit(sink: FindingSink): RuleContext["emit"] {
  return (code, pos, ...params) => sink.add(code, pos, ...params);
}
