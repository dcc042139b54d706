// Locating input sheets and their header rows, and walking data rows (SPEC §1).
import { CellError, gridWidth, isBlank, spreadMerges, type CellValue, type SheetGrid, type WorkbookGrids } from "./grid";
import { isSquashed, normalizeHeader, toText } from "./parse/text";
import type { ColumnDef, SheetDef } from "./schema";
import type { AmountUnit } from "./types";

const HEADER_SCAN_ROWS = 10;
const TOTAL_WORDS = new Set(["合计", "小计", "总计", "total", "subtotal", "grandtotal", "总合计"]);
/**
 * A CJK unified ideograph (U+4E00–U+9FFF) has no compatibility form, so NFKC, squashing and header
 * keys all keep it as the text's first character: data rows are rejected on that one character.
 */
function leadingIdeograph(v: string): number {
  const c = v.charCodeAt(0);
  return c >= 0x4e00 && c <= 0x9fff ? c : -1;
}
/** Character codes: a one-character string per row would be an allocation and a hash. */
const codes = (chars: string): Set<number> => new Set([...chars].map((ch) => ch.charCodeAt(0)));
const TOTAL_LEADS = codes("合小总");
/** What a squashed text keying to one of TOTAL_WORDS starts with. */
const TOTAL_START = /^(?:合计|小计|总计|总合计|total|subtotal|grandtotal)/;

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
  /** Each recognised column's header cell as headerKey gives it: what a repeated header row holds. */
  keys: { col: number; key: string }[];
  /** False when no row within the first 10 holds a single known header: there is no table to read. */
  found: boolean;
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
  const keys: { col: number; key: string }[] = [];
  let hits = 0;
  const cells = row ?? [];
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (typeof v !== "string") continue;
    // Templates mark required columns with a leading or trailing *.
    const { key, unit } = normalizeHeader(v.replace(/^[\s*＊]+/u, ""));
    const def1 = lookup.get(key);
    // The first occurrence of a duplicated header wins.
    if (!def1 || cols[def1.field] !== undefined) continue;
    cols[def1.field] = c;
    const u = unitFromText(unit);
    if (u) units[def1.field] = u;
    keys.push({ col: c, key: headerKey(v) });
    hits++;
  }
  const missing = def.columns.filter((c) => c.required && cols[c.field] === undefined);
  return { row: 0, cols, units, missing, keys, hits, found: hits > 0 };
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
  return { row: 0, cols: {}, units: {}, missing: def.columns.filter((c) => c.required), keys: [], found: false };
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
    // The longest total word with spaces and a colon fits in 24 characters: skip normalising data.
    if (typeof v !== "string" || v.length > 24) return null;
    // A name or content is rejected without normalising: on its first character, or (squashed text
    // keys to a prefix of itself) on how it starts.
    const lead = leadingIdeograph(v);
    if ((lead >= 0 && !TOTAL_LEADS.has(lead)) || (isSquashed(v) && !TOTAL_START.test(v))) return null;
    const k = headerKey(v).replace(/[:：]$/, "");
    if (!TOTAL_WORDS.has(k)) return null;
    return k === "小计" || k === "subtotal" ? "subtotal" : "total";
  }
  return null;
}

export interface PreparedSheet {
  grid: SheetGrid;
  /** Rows with merged values spread into every cell of their merge. */
  rows: CellValue[][];
  hidden: Set<number>;
}

export function prepareSheet(grid: SheetGrid): PreparedSheet {
  return { grid, rows: spreadMerges(clampMerges(grid)), hidden: new Set(grid.hiddenRows ?? []) };
}

/** Merges cut to the sheet's data: a merge down to row 1,048,576 must not allocate a million rows. */
function clampMerges(grid: SheetGrid): SheetGrid {
  if (!grid.merges || grid.merges.length === 0) return grid;
  const bottom = grid.rows.length - 1;
  const right = gridWidth(grid) - 1;
  const merges = grid.merges
    .filter((m) => m.top <= bottom && m.left <= right && m.top <= m.bottom && m.left <= m.right)
    .map((m) => ({ ...m, bottom: Math.min(m.bottom, bottom), right: Math.min(m.right, right) }));
  return { ...grid, merges };
}

/**
 * A row nobody typed in: empty in the sheet itself. A merge reaching past the data (区域 merged
 * down over a spare row) does not make a row.
 */
export function isUnusedRow(p: PreparedSheet, r: number): boolean {
  // Without merges the spread rows are the grid's own: one look is enough.
  return isEmptyRow(p.grid.rows[r]) || (p.rows !== p.grid.rows && isEmptyRow(p.rows[r]));
}

/** Signature and note lines under a form: 填表人：张三, 注：…, 联系电话：… */
const NOTE_LABEL = /^(注|附注|说明|填表人|制表人|填报人|审核人|复核人|负责人|单位负责人|财务负责人|经办人|联系人|联系电话|填报日期|填表日期|制表日期|填报单位)[0-9]*[:：]/;
/** The first characters of NOTE_LABEL's labels. */
const NOTE_LEADS = codes("注附说填制审复负单财经联");

/**
 * A footer line of the form (its first non-empty cell is text like 填表人：张三 or 注：…): not data.
 * Only labels followed by a colon count, so a recipient can never be mistaken for one.
 */
export function isNoteRow(p: PreparedSheet, r: number): boolean {
  for (const v of p.grid.rows[r] ?? []) {
    if (isBlank(v)) continue;
    // A label ends in a colon: text without one is data, whatever else it says.
    if (typeof v !== "string") return false;
    const lead = leadingIdeograph(v);
    if (lead >= 0 && !NOTE_LEADS.has(lead)) return false;
    return (v.includes(":") || v.includes("：") || v.includes("﹕")) && NOTE_LABEL.test(v.normalize("NFKC").replace(/\s+/g, ""));
  }
  return false;
}

/**
 * The header row repeated inside the data (pages pasted together, a header printed on every page):
 * every recognised column holds its header text again. Not data.
 */
export function isRepeatedHeader<F extends string>(p: PreparedSheet, r: number, m: HeaderMatch<F>): boolean {
  if (r === m.row) return false;
  for (const { col, key } of m.keys) {
    const v = p.rows[r]?.[col];
    // Most data is rejected unnormalised: on its first character, or (squashed text keys to a
    // prefix of itself) on how it starts.
    if (typeof v !== "string") return false;
    const lead = leadingIdeograph(v);
    if ((lead >= 0 && lead !== key.charCodeAt(0)) || (isSquashed(v) && !v.startsWith(key)) || headerKey(v) !== key) return false;
  }
  return m.keys.length > 1;
}

/**
 * Total rows are recognised on the row as typed, before merges are spread, so a 小计 under a
 * vertically merged 单位名称 is still a total row; the spread row decides when the label is itself
 * merged across the row.
 */
export function totalKindAt(p: PreparedSheet, r: number): "subtotal" | "total" | null {
  return totalKind(p.grid.rows[r] ?? []) ?? (p.rows !== p.grid.rows ? totalKind(p.rows[r] ?? []) : null);
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
