// Grids -> typed model (SPEC §1, §8): roles found, each table read by its own module, then what the
// workbook lacks said once — sheet-missing only where a present role needs the absent one.
import type { FindingSink } from "../findings";
import type { SheetGrid, WorkbookGrids } from "../grid";
import type { OnEngineProgress } from "../progress";
import type { CellPos, Role, RoleState, RuleConfig, WorkbookModel } from "../types";
import { detailLines, parseAllocation } from "./allocation";
import { parseIndicators } from "./indicators";
import { parseProject } from "./project";
import { Reader } from "./reader";
import { detectRoles, ROLE_DEFS, ROLE_ORDER, roleName } from "./roles";
import { parseScope, parseSpending } from "./spending";
import { describeUnread } from "./unread";

export { cleanLevel, isNotApplicable, parseGrade } from "./indicators";

/** Roles a present role cannot be checked without (spending lines need the recipients; scores need the budget). */
const NEEDS: Partial<Record<Role, Role>> = { spending: "allocation", indicators: "project" };
/**
 * Amounts that look like 万元 typed without a unit: a budget under 10,000, a median approval under
 * 1,000, or approvals adding up to under 10,000 (a budget's worth: 焦作 2018's eight counties, 6480) (in fen).
 */
const SUSPECT_BUDGET_FEN = 1_000_000;
const SUSPECT_MEDIAN_FEN = 100_000;

export function parseWorkbook(wb: WorkbookGrids, sink: FindingSink, config: RuleConfig = {}, onProgress?: OnEngineProgress): WorkbookModel {
  const rd = new Reader(sink);
  const first = wb.sheets[0]?.name ?? "Sheet1";
  const map = config.columnMap;
  const entry = (role: Role) => map?.sheets[roleName(role)];
  const found = detectRoles(wb, map);
  for (const u of found.unknownMapped) rd.emit("sheet-missing", first, 0, 0, { target: `${u.sheet}（列映射中「${roleName(u.role)}」所指）` });
  const progress = sheetProgress(found.sheets, onProgress);
  const { project, headerRow: projectHeader, unitStated: projectUnitStated } = parseProject(found.sheets.project, rd, config, entry("project"));
  progress("project");
  const alloc = parseAllocation(found.sheets.allocation, rd, project, entry("allocation"));
  progress("allocation");
  const spend = parseSpending(found.sheets.spending, rd, project, entry("spending"));
  progress("spending");
  const lines = [...spend.lines, ...detailLines(alloc.recipients, spend.lines, project)];
  const scope = parseScope(found.sheets.scope, rd, project, config, lines, entry("scope"));
  progress("scope");
  const ind = parseIndicators(found.sheets.indicators, rd, entry("indicators"));
  progress("indicators");

  const hasDetail = alloc.recipients.some((r) => r.detailText);
  const state = (sheet: string | null, readable: boolean): RoleState => (sheet === null ? "absent" : readable ? "present" : "unreadable");
  const roles: Record<Role, RoleState> = {
    project: state(project.sheet, true),
    allocation: state(alloc.sheet, alloc.readable),
    spending: hasDetail && !spend.sheet ? "present" : state(spend.sheet, spend.readable),
    scope: state(scope.sheet, scope.readable),
    indicators: state(ind.sheet, ind.readable),
  };
  reportAbsent(rd, wb, roles, found.forms.length > 0, found.unknownMapped.map((u) => u.role));

  const unitCell = unitSuspect(alloc, project, projectUnitStated);
  if (unitCell) rd.emit("unit-suspect", unitCell.sheet, unitCell.row, unitCell.col, { field: unitCell.field });

  const headerRows: Record<string, number> = {};
  for (const [s, h] of [[project.sheet, projectHeader], [alloc.sheet, alloc.headerRow], [spend.sheet, spend.headerRow], [scope.sheet, scope.headerRow], [ind.sheet, ind.headerRow]] as const) {
    if (s && h !== null) headerRows[s] = h;
  }
  return {
    project, recipients: alloc.recipients, lines, indicators: ind.indicators, scope: scope.scope,
    sheets: { project: project.sheet, allocation: alloc.sheet, spending: spend.sheet, scope: scope.sheet, indicators: ind.sheet },
    headerRows, weightHeader: ind.weightHeader, roles,
    tables: [alloc.table, spend.table].filter((t) => t !== null),
  };
}

/** Reports the rows parsed so far after each role sheet (one that is absent adds nothing). */
function sheetProgress(sheets: Partial<Record<Role, SheetGrid>>, onProgress?: OnEngineProgress): (role: Role) => void {
  const rows = (role: Role): number => sheets[role]?.rows.length ?? 0;
  const total = ROLE_ORDER.reduce((n, r) => n + rows(r), 0);
  let done = 0;
  return (role) => {
    done += rows(role);
    onProgress?.({ phase: "read", done, total, sheet: sheets[role]?.name });
  };
}

/**
 * No role at all: sheet-missing naming the roles looked for and what the first sheet holds. A role a present role needs:
 * sheet-missing for it. Other absent roles: one role-absent naming them (none beside a lone form,
 * which is audited as such).
 */
function reportAbsent(rd: Reader, wb: WorkbookGrids, roles: Record<Role, RoleState>, hasForm: boolean, mapped: Role[]): void {
  const first = wb.sheets[0]?.name ?? "Sheet1";
  const absent = ROLE_ORDER.filter((r) => roles[r] === "absent" && !mapped.includes(r));
  if (ROLE_ORDER.every((r) => roles[r] === "absent")) {
    if (!hasForm && mapped.length === 0) rd.emit("sheet-missing", first, 0, 0, { target: ROLE_ORDER.map(roleName).join("、"), ...describeUnread(wb.sheets[0]) });
    return;
  }
  const needed = new Set<Role>();
  for (const r of ROLE_ORDER) {
    const need = NEEDS[r];
    if (roles[r] !== "absent" && need && roles[need] === "absent" && !mapped.includes(need)) needed.add(need);
  }
  for (const r of needed) rd.emit("sheet-missing", first, 0, 0, { target: ROLE_DEFS[r].name });
  // 支出范围 is optional (a built-in default applies): its absence is nothing to report.
  const notChecked = absent.filter((r) => r !== "scope" && !needed.has(r));
  if (notChecked.length > 0) rd.emit("role-absent", first, 0, 0, { list: notChecked.map(roleName).join("、") });
}

/** Where to say that amounts look like 万元 typed without a unit, if they do. */
function unitSuspect(
  alloc: ReturnType<typeof parseAllocation>, project: ReturnType<typeof parseProject>["project"], projectUnitStated: boolean,
): (CellPos & { field: string }) | null {
  if (projectUnitStated) return null;
  const approved = alloc.recipients.map((r) => r.approvedFen).filter((x): x is number => x !== null).sort((a, b) => a - b);
  const total = approved.reduce((a, b) => a + b, 0);
  const small = approved.length > 0 && (approved[Math.floor((approved.length - 1) / 2)] < SUSPECT_MEDIAN_FEN || total < SUSPECT_BUDGET_FEN);
  if (alloc.sheet && alloc.amountHeader && !alloc.unitStated && small) {
    return { sheet: alloc.sheet, row: alloc.amountHeader.row, col: alloc.amountHeader.col, field: alloc.amountHeader.header };
  }
  const budget = project.cells["全年预算数"];
  if (budget && project.budgetFen !== null && project.budgetFen > 0 && project.budgetFen < SUSPECT_BUDGET_FEN) return { ...budget, field: "全年预算数" };
  return null;
}
