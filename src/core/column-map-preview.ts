// What the add-in's column-map dialog shows (SPEC §8 column map): which roles detection missed, the
// headers of a chosen row, and the first data rows as the engine will read them under a map entry.
// It reads through the engine's own functions (header location, the map laid over it, the row-skipping
// tests, quietFen) in the order Reader.openTable applies them, so the
// preview cannot disagree with validation.
import { ROLE_SHEETS, type ColumnMap, type ColumnMapEntry, type RoleName } from "./column-map";
import { columnLetter, type SheetGrid } from "./grid";
import { formatYuan } from "./messages/format";
import { applyMapColumns } from "./parse/column-apply";
import { isPlaceholder, quietFen } from "./parse/reader";
import { toText } from "./parse/text";
import { HEADER_SCAN_ROWS, headerKey, isNoteRow, isRepeatedHeader, isUnusedRow, locateHeader, prepareSheet, totalKindAt, unitFromText, valueAt } from "./sheet-reader";
import type { AmountUnit, Finding, Role } from "./types";

/** Roles a table is read for (项目信息 is a key/value sheet, not a table of columns). */
export const MAPPABLE_ROLES: RoleName[] = ["资金分配", "支出明细", "支出范围", "绩效指标"];

export const ROLE_KEYS: Record<RoleName, Role> = { 项目信息: "project", 资金分配: "allocation", 支出明细: "spending", 支出范围: "scope", 绩效指标: "indicators" };

/** Rows the preview shows. */
export const PREVIEW_ROWS = 5;
/** Rows below the header searched for them (blank, note and total rows are skipped). */
const PREVIEW_SCAN_ROWS = 500;

/**
 * The roles a map could fix, in role order: a column-missing on a role's sheet, or a sheet-missing
 * naming the role. `sheets` is ValidationResult.model.sheets (role -> the sheet read for it).
 */
export function rolesToMap(findings: Pick<Finding, "code" | "sheet" | "message">[], sheets: Partial<Record<Role, string | null>>): RoleName[] {
  const out = new Set<RoleName>();
  for (const f of findings) {
    if (f.code === "column-missing") {
      const role = MAPPABLE_ROLES.find((r) => sheets[ROLE_KEYS[r]] === f.sheet);
      if (role) out.add(role);
    } else if (f.code === "sheet-missing") {
      for (const r of MAPPABLE_ROLES) if (f.message.includes(r)) out.add(r);
    }
  }
  return MAPPABLE_ROLES.filter((r) => out.has(r));
}

export interface HeaderCell {
  /** Zero-based column. */
  col: number;
  letter: string;
  text: string;
}

export interface HeaderGuess {
  /** 1-based. */
  headerRow: number;
  /** Whether the engine itself recognised a header there. */
  recognised: boolean;
}

function rowsUpTo(grid: SheetGrid, n: number): SheetGrid {
  return grid.rows.length <= n ? grid : { ...grid, rows: grid.rows.slice(0, n) };
}

/**
 * The header row to offer first: the engine's own pick when it recognises one, else the row of
 * the first 30 holding the most text cells (a header is a row of labels).
 */
export function guessHeaderRow(grid: SheetGrid, role: RoleName): HeaderGuess {
  const p = prepareSheet(rowsUpTo(grid, HEADER_SCAN_ROWS));
  const m = locateHeader(p.rows, ROLE_SHEETS[role], p.grid.merges);
  if (m.found) return { headerRow: m.row + 1, recognised: true };
  let best = 0;
  let bestCount = 0;
  p.rows.forEach((row, r) => {
    const count = row.filter((v) => typeof v === "string" && v.trim() !== "").length;
    if (count > bestCount) [best, bestCount] = [r, count];
  });
  return { headerRow: best + 1, recognised: false };
}

/** The header cells of a row (1-based), a merged group above combined as the engine does (省本级/金额). */
export function headersInRow(grid: SheetGrid, role: RoleName, headerRow: number): HeaderCell[] {
  const p = prepareSheet(rowsUpTo(grid, headerRow));
  const m = locateHeader(p.rows, ROLE_SHEETS[role], p.grid.merges, headerRow - 1);
  const out: HeaderCell[] = [];
  m.headers.forEach((text, col) => {
    if (text) out.push({ col, letter: columnLetter(col), text });
  });
  return out;
}

/** How a map names a column: its header text when no other header of the row reads the same, else its letter. */
export function columnRef(headers: HeaderCell[], col: number): string {
  const h = headers.find((x) => x.col === col);
  if (!h) return columnLetter(col);
  const k = headerKey(h.text);
  return headers.filter((x) => headerKey(x.text) === k).length === 1 && !/^[A-Z]{1,3}$/.test(h.text.trim()) ? h.text : h.letter;
}

export interface PreviewField {
  header: string;
  required: boolean;
  money: boolean;
  /** Zero-based column the engine reads the field from, or null. */
  col: number | null;
  /** The unit its amounts are read in. */
  unit: AmountUnit | null;
}

export interface PreviewCell {
  text: string;
  /** An amount cell the engine could not read (invalid-amount when validated). */
  unreadable: boolean;
}

export interface MapPreview {
  /** 1-based header row the engine uses. */
  headerRow: number;
  fields: PreviewField[];
  /** Required fields with no column: the table is not read (column-missing), so no rows. */
  missing: string[];
  /** Map references naming no column of the table. */
  unresolved: string[];
  /** The first data rows: 1-based sheet row and one cell per field of `fields` with a column. */
  rows: { row: number; cells: PreviewCell[] }[];
}

/**
 * The first data rows of `grid` as validation will read them under `entry`: the engine's header
 * location with the map laid over it, rows skipped as the engine skips them (empty, notes, repeated
 * headers, totals), amounts parsed and converted with the unit that applies (the map's, the
 * column's, the table's, else `fallback`).
 */
export function previewColumnMap(grid: SheetGrid, role: RoleName, entry: ColumnMapEntry, fallback: AmountUnit, count = PREVIEW_ROWS): MapPreview {
  const def = ROLE_SHEETS[role];
  // The first rows are all it shows: a large sheet is not prepared whole on every choice.
  const p = prepareSheet(rowsUpTo(grid, (entry.headerRow ?? HEADER_SCAN_ROWS) + PREVIEW_SCAN_ROWS));
  const m = locateHeader(p.rows, def, p.grid.merges, entry.headerRow !== undefined ? entry.headerRow - 1 : undefined);
  const unresolved = entry.columns ? applyMapColumns(m, def, entry.columns, p.rows) : [];
  const mapUnit = unitFromText(entry.unit ?? null);
  const fields: PreviewField[] = def.columns.map((c) => {
    const col = (m.cols as Record<string, number | undefined>)[c.field];
    const units = m.units as Record<string, AmountUnit | undefined>;
    return { header: c.header, required: c.required, money: c.money === true, col: col ?? null, unit: c.money ? mapUnit ?? units[c.field] ?? m.tableUnit ?? fallback : null };
  });
  const shown = fields.filter((f) => f.col !== null);
  const firstAmount = Math.min(...shown.filter((f) => f.money).map((f) => f.col as number), Infinity);
  const rows: MapPreview["rows"] = [];
  if (m.found && m.missing.length === 0 && unresolved.length === 0) {
    for (let r = m.row + 1; r < p.rows.length && rows.length < count; r++) {
      if (isUnusedRow(p, r) || isRepeatedHeader(p, r, m) || isNoteRow(p, r)) continue;
      if (totalKindAt(p, r, Number.isFinite(firstAmount) ? firstAmount : undefined)) continue;
      rows.push({ row: r + 1, cells: shown.map((f) => cellText(valueAt(p.rows, r, f.col as number), f.unit)) });
    }
  }
  return { headerRow: m.row + 1, fields, missing: m.missing.map((c) => c.header), unresolved, rows };
}

function cellText(v: ReturnType<typeof valueAt>, unit: AmountUnit | null): PreviewCell {
  const text = v === null ? "" : toText(v);
  if (!unit || text.trim() === "" || v === null) return { text, unreadable: false };
  const fen = quietFen(v, unit);
  if (fen !== null) return { text: formatYuan(fen), unreadable: false };
  return { text, unreadable: !isPlaceholder(v) };
}

/** `map` with one role's entry replaced; an entry with nothing in it removes the role. */
export function withEntry(map: ColumnMap | undefined, role: RoleName, entry: ColumnMapEntry): ColumnMap {
  const sheets = { ...(map?.sheets ?? {}) };
  const empty = entry.sheet === undefined && entry.headerRow === undefined && entry.unit === undefined && Object.keys(entry.columns ?? {}).length === 0;
  if (empty) delete sheets[role];
  else sheets[role] = entry;
  return { sheets };
}

/** The map as the CLI's `--map` file holds it (two-space JSON, a final newline). */
export function columnMapJson(map: ColumnMap): string {
  return `${JSON.stringify({ sheets: map.sheets }, null, 2)}\n`;
}
