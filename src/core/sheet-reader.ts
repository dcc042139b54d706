// Locating input sheets and their header rows, and walking data rows (SPEC §1).
import { CellError, isBlank, spreadMerges, type CellValue, type SheetGrid, type WorkbookGrids } from "./grid";
import { normalizeHeader, toText } from "./parse/text";
import type { ColumnDef, SheetDef } from "./schema";
import type { AmountUnit } from "./types";

const HEADER_SCAN_ROWS = 10;
const TOTAL_WORDS = new Set(["合计", "小计", "总计", "total", "subtotal", "grandtotal", "总合计"]);

export function headerKey(s: string): string {
  return normalizeHeader(s).key;
}

export function findSheet<F extends string>(wb: WorkbookGrids, def: SheetDef<F>): SheetGrid | null {
  const wanted = new Set([def.name, ...def.aliases].map(headerKey));
  for (const s of wb.sheets) if (wanted.has(headerKey(s.name))) return s;
  return null;
}

export interface HeaderMatch<F extends string> {
  /** Zero-based header row. */
  row: number;
  cols: Partial<Record<F, number>>;
  /** Unit written in a header such as 批复金额（万元）. */
  units: Partial<Record<F, AmountUnit>>;
  missing: ColumnDef<F>[];
}

export function unitFromText(unit: string | null): AmountUnit | null {
  if (unit === "万元" || unit === "万") return "wan";
  if (unit === "元") return "yuan";
  return null;
}

function matchColumns<F extends string>(row: CellValue[] | undefined, def: SheetDef<F>): HeaderMatch<F> & { hits: number } {
  const lookup = new Map<string, ColumnDef<F>>();
  for (const c of def.columns) {
    for (const name of [c.header, ...c.aliases]) {
      const k = headerKey(name);
      if (!lookup.has(k)) lookup.set(k, c);
    }
  }
  const cols: Partial<Record<F, number>> = {};
  const units: Partial<Record<F, AmountUnit>> = {};
  let hits = 0;
  const cells = row ?? [];
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (typeof v !== "string") continue;
    const { key, unit } = normalizeHeader(v);
    const def1 = lookup.get(key);
    // The first occurrence of a duplicated header wins.
    if (!def1 || cols[def1.field] !== undefined) continue;
    cols[def1.field] = c;
    const u = unitFromText(unit);
    if (u) units[def1.field] = u;
    hits++;
  }
  const missing = def.columns.filter((c) => c.required && cols[c.field] === undefined);
  return { row: 0, cols, units, missing, hits };
}

/**
 * The header row is the first within the first 10 rows holding all required headers; when none
 * does, the row with the most recognised headers (its missing columns are reported).
 */
export function locateHeader<F extends string>(rows: CellValue[][], def: SheetDef<F>): HeaderMatch<F> {
  let best: (HeaderMatch<F> & { hits: number }) | null = null;
  const n = Math.min(HEADER_SCAN_ROWS, rows.length);
  for (let r = 0; r < n; r++) {
    const m = matchColumns(rows[r], def);
    m.row = r;
    if (m.missing.length === 0) return m;
    if (!best || m.hits > best.hits) best = m;
  }
  if (best && best.hits > 0) return best;
  return { row: 0, cols: {}, units: {}, missing: def.columns.filter((c) => c.required) };
}

export function isEmptyRow(row: CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const v of row) if (!isBlank(v)) return false;
  return true;
}

/** 合计 / 小计 / 总计 / Total rows: the first non-empty text cell decides. */
export function totalKind(row: CellValue[]): "subtotal" | "total" | null {
  for (const v of row) {
    if (isBlank(v)) continue;
    if (typeof v !== "string") return null;
    const k = headerKey(v).replace(/[:：]$/, "");
    if (!TOTAL_WORDS.has(k)) return null;
    return k === "小计" || k === "subtotal" ? "subtotal" : "total";
  }
  return null;
}

export interface PreparedSheet {
  grid: SheetGrid;
  rows: CellValue[][];
  hidden: Set<number>;
}

export function prepareSheet(grid: SheetGrid): PreparedSheet {
  return { grid, rows: spreadMerges(grid), hidden: new Set(grid.hiddenRows ?? []) };
}

export function textAt(rows: CellValue[][], r: number, c: number | undefined): string {
  if (c === undefined) return "";
  const v = rows[r]?.[c];
  if (v === undefined || v === null || v instanceof CellError) return "";
  return toText(v);
}

export function valueAt(rows: CellValue[][], r: number, c: number | undefined): CellValue {
  if (c === undefined) return null;
  const v = rows[r]?.[c];
  return v === undefined ? null : v;
}
