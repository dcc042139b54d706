// Which sheet plays which role (SPEC §8): the column map first, then the sheet's name, then its
// content — the sheet whose header row best fits a role's columns takes it. A filled 绩效自评表
// (SPEC §9) is recognised by the shared detector and never taken for another role.
import type { ColumnMap, RoleName } from "../column-map";
import { isSelfEvalForm } from "../form/detect";
import type { SheetGrid, WorkbookGrids } from "../grid";
import { ALLOCATION_SHEET, INDICATOR_SHEET, PROJECT_SHEET, SCOPE_SHEET, SPENDING_SHEET, type SheetDef } from "../schema";
import { findSheet, HEADER_SCAN_ROWS, headerFit, prepareSheet } from "../sheet-reader";
import type { Role } from "../types";
import { keyColumn } from "./project";

export const ROLE_ORDER: Role[] = ["project", "allocation", "spending", "scope", "indicators"];

export const ROLE_DEFS: Record<Role, SheetDef<string>> = {
  project: PROJECT_SHEET, allocation: ALLOCATION_SHEET, spending: SPENDING_SHEET, scope: SCOPE_SHEET, indicators: INDICATOR_SHEET,
};

/** The role's name in the map and in messages: 资金分配 … */
export const roleName = (role: Role): RoleName => ROLE_DEFS[role].name as RoleName;

/** A 项目信息 sheet without a header is recognised by this many of its keys. */
const MIN_PROJECT_KEYS = 3;
/** How far down a key/value sheet is looked at for its keys. */
const PROJECT_SCAN_ROWS = 60;

export interface RoleSheets {
  sheets: Partial<Record<Role, SheetGrid>>;
  /** Filled 绩效自评表 sheets: the form reader's (SPEC §9). */
  forms: SheetGrid[];
  /** Map entries naming a sheet the workbook does not have. */
  unknownMapped: { role: Role; sheet: string }[];
}

/** The first rows of a sheet, enough to find its header without copying a large sheet. */
function head(grid: SheetGrid): SheetGrid {
  return grid.rows.length <= HEADER_SCAN_ROWS ? grid : { ...grid, rows: grid.rows.slice(0, HEADER_SCAN_ROWS) };
}

/** How well a sheet fits a role by content: 0 when it does not (a table must hold every required column). */
function fit(grid: SheetGrid, role: Role): number {
  if (role === "project") {
    const rows = grid.rows.length <= PROJECT_SCAN_ROWS ? grid.rows : grid.rows.slice(0, PROJECT_SCAN_ROWS);
    const { hits } = keyColumn(rows);
    return hits >= MIN_PROJECT_KEYS ? hits : 0;
  }
  const h = prepareSheet(head(grid));
  const f = headerFit(h.rows, ROLE_DEFS[role], h.grid.merges);
  return f.complete && f.hits >= 2 ? f.hits : 0;
}

export function detectRoles(wb: WorkbookGrids, map?: ColumnMap): RoleSheets {
  const sheets: Partial<Record<Role, SheetGrid>> = {};
  const taken = new Set<SheetGrid>();
  const unknownMapped: RoleSheets["unknownMapped"] = [];
  for (const role of ROLE_ORDER) {
    const wanted = map?.sheets[roleName(role)]?.sheet;
    if (wanted === undefined) continue;
    const grid = wb.sheets.find((s) => s.name === wanted) ?? wb.sheets.find((s) => s.name.trim() === wanted.trim());
    if (grid && !taken.has(grid)) {
      sheets[role] = grid;
      taken.add(grid);
    } else if (!grid) unknownMapped.push({ role, sheet: wanted });
  }
  for (const role of ROLE_ORDER) {
    if (sheets[role] || unknownMapped.some((u) => u.role === role)) continue;
    const grid = findSheet({ sheets: wb.sheets.filter((s) => !taken.has(s)) }, ROLE_DEFS[role]);
    if (grid) {
      sheets[role] = grid;
      taken.add(grid);
    }
  }
  const forms = wb.sheets.filter((s) => !taken.has(s) && isSelfEvalForm(s));
  for (const f of forms) taken.add(f);
  const open = ROLE_ORDER.filter((r) => !sheets[r] && !unknownMapped.some((u) => u.role === r));
  const rest = wb.sheets.filter((s) => !taken.has(s));
  if (open.length === 0 || rest.length === 0) return { sheets, forms, unknownMapped };
  // Every (sheet, role) fit, best first; ties go to the earlier sheet and the earlier role.
  const fits: { grid: SheetGrid; role: Role; score: number; order: number }[] = [];
  rest.forEach((grid, i) => open.forEach((role, j) => {
    const score = fit(grid, role);
    if (score > 0) fits.push({ grid, role, score, order: i * 8 + j });
  }));
  fits.sort((a, b) => b.score - a.score || a.order - b.order);
  for (const f of fits) {
    if (sheets[f.role] || taken.has(f.grid)) continue;
    sheets[f.role] = f.grid;
    taken.add(f.grid);
  }
  return { sheets, forms, unknownMapped };
}
