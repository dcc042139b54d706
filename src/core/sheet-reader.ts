// Locating input sheets and their header rows, and walking data rows (SPEC §1).
import { CellError, gridWidth, isBlank, rangeToA1, spreadMerges, type CellRange, type CellValue, type SheetGrid, type WorkbookGrids } from "./grid";
import { isSquashed, normalizeHeader, simplify, toText } from "./parse/text";
import type { ColumnDef, SheetDef } from "./schema";
import type { AmountUnit } from "./types";

/** Real tables put titles, captions and unit lines above the header (SPEC §8): it is searched this far. */
export const HEADER_SCAN_ROWS = 30;
/** Total-row words (SPEC §8), simplified and traditional; the subtotal words close a segment only. */
const TOTAL_WORDS = new Set(["合计", "小计", "总计", "共计", "累计", "总额", "总分", "总合计", "合計", "總計", "小計", "共計", "累計", "總額", "total", "subtotal", "grandtotal"]);
const SUBTOTAL_WORDS = new Set(["小计", "小計", "共计", "共計", "subtotal"]);
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
const TOTAL_LEADS = codes("合小总共累總");
/** What a squashed text keying to one of TOTAL_WORDS starts with. */
const TOTAL_START = /^(?:合计|小计|总计|共计|累计|总额|总分|总合计|合計|總計|小計|共計|累計|總額|total|subtotal|grandtotal)/;

export function headerKey(s: string): string {
  return normalizeHeader(s).key;
}

export function findSheet<F extends string>(wb: WorkbookGrids, def: SheetDef<F>): SheetGrid | null {
  const wanted = new Set([def.name, ...def.aliases].map(headerKey));
  for (const s of wb.sheets) if (wanted.has(headerKey(s.name))) return s;
  return null;
}

export interface HeaderMatch<F extends string> {
  /** Zero-based header row (the lower row of a two-row header). */
  row: number;
  cols: Partial<Record<F, number>>;
  /** Unit written in a header such as 批复金额（万元）, or in the group header above it. */
  units: Partial<Record<F, AmountUnit>>;
  missing: ColumnDef<F>[];
  /** Each recognised column's header cell as headerKey gives it: what a repeated header row holds. */
  keys: { col: number; key: string }[];
  /** False when no row within the first 30 holds a single known header: there is no table to read. */
  found: boolean;
  /** Every header cell as written (a two-row header combined: 省本级/金额), by column. */
  headers: string[];
  /** The unit a line above the header states (单位：万元), for every money column without its own. */
  tableUnit: AmountUnit | null;
}

export function unitFromText(unit: string | null): AmountUnit | null {
  if (unit === "万元" || unit === "万" || unit === "萬元" || unit === "萬") return "wan";
  if (unit === "元") return "yuan";
  return null;
}

/** 单位：万元, 金额单位：万元, （单位：万元）, 單位:萬元 — anywhere in a cell above the header. */
const UNIT_LINE = /(?:^|[^\p{Script=Han}]|金额)[单單]位[:：]\s*(万元|萬元|元)/u;

export function unitLineOf(text: string): AmountUnit | null {
  const m = UNIT_LINE.exec(text.normalize("NFKC"));
  return m ? unitFromText(m[1]) : null;
}

function lookupOf<F extends string>(def: SheetDef<F>): Map<string, ColumnDef<F>> {
  const lookup = new Map<string, ColumnDef<F>>();
  for (const c of def.columns) {
    for (const name of [c.header, ...c.aliases]) {
      const k = headerKey(name);
      if (!lookup.has(k)) lookup.set(k, c);
    }
  }
  return lookup;
}

/** 2017年补助金额 -> 补助金额: a year before an amount header does not change what it is. */
const YEAR_PREFIX = /^(?:19|20)\d{2}年(?:度)?/;

/** The column a header names: its key, else its key without a year prefix. */
function columnFor<F extends string>(lookup: Map<string, ColumnDef<F>>, key: string): ColumnDef<F> | undefined {
  return lookup.get(key) ?? (YEAR_PREFIX.test(key) ? lookup.get(key.replace(YEAR_PREFIX, "")) : undefined);
}

/** The group header above each column of row r: the value of a merge spanning columns in row r-1. */
function groupsAbove(rows: CellValue[][], r: number, merges: CellRange[] | undefined): Map<number, string> {
  const groups = new Map<number, string>();
  if (r === 0 || !merges) return groups;
  const used = (rows[r] ?? []).map((v, c) => (isBlank(v) ? -1 : c)).filter((c) => c >= 0);
  for (const m of merges) {
    if (m.top !== r - 1 || m.bottom !== r - 1 || m.right <= m.left) continue;
    // A title merged across the whole table heads no group of columns.
    if (used.length >= 2 && m.left <= used[0] && m.right >= used[used.length - 1]) continue;
    const v = rows[r - 1]?.[m.left];
    if (typeof v !== "string" || isBlank(v)) continue;
    for (let c = m.left; c <= m.right; c++) groups.set(c, v.trim());
  }
  return groups;
}

function matchColumns<F extends string>(rows: CellValue[][], r: number, def: SheetDef<F>, lookup: Map<string, ColumnDef<F>>, merges?: CellRange[]): HeaderMatch<F> & { hits: number } {
  const cols: Partial<Record<F, number>> = {};
  const units: Partial<Record<F, AmountUnit>> = {};
  const keys: { col: number; key: string }[] = [];
  const headers: string[] = [];
  let hits = 0;
  const cells = rows[r] ?? [];
  const groups = groupsAbove(rows, r, merges);
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (typeof v !== "string" || isBlank(v)) continue;
    const group = groups.get(c);
    // A vertical merge over both rows spreads the same text into both: that is no group.
    headers[c] = group && group !== v.trim() ? `${group}/${v.trim()}` : v.trim();
    // Templates mark required columns with a leading or trailing *.
    const clean = (t: string): ReturnType<typeof normalizeHeader> => normalizeHeader(t.replace(/^[\s*＊]+/u, ""));
    const own = clean(v);
    const combined = group && group !== v.trim() ? clean(`${group}/${v}`) : null;
    const def1 = (combined && columnFor(lookup, combined.key)) || columnFor(lookup, own.key);
    // The first occurrence of a duplicated header wins.
    if (!def1 || cols[def1.field] !== undefined) continue;
    cols[def1.field] = c;
    const u = unitFromText(own.unit) ?? (group ? unitFromText(normalizeHeader(group).unit) : null);
    if (u) units[def1.field] = u;
    keys.push({ col: c, key: headerKey(v) });
    hits++;
  }
  standIn(def, cols);
  const missing = def.columns.filter((c) => c.required && cols[c.field] === undefined);
  return { row: r, cols, units, missing, keys, hits, found: hits > 0, headers, tableUnit: null };
}

/** A table of regions: its 区域 column names the recipients when no 单位名称 column is there. */
export function standIn<F extends string>(def: SheetDef<F>, cols: Partial<Record<F, number>>): void {
  const n = def.nameFrom;
  if (n && cols[n.field] === undefined && cols[n.from] !== undefined && n.unless.every((f) => cols[f] === undefined)) cols[n.field] = cols[n.from];
}

/** The unit a line above the header states, nearest first. */
function tableUnitAbove(rows: CellValue[][], headerRow: number): AmountUnit | null {
  for (let r = headerRow - 1; r >= 0; r--) {
    for (const v of rows[r] ?? []) {
      if (typeof v !== "string" || v.length > 200) continue;
      const u = unitLineOf(v);
      if (u) return u;
    }
  }
  return null;
}

/**
 * The header row is the row within the first 30 matching the most columns of the sheet's role
 * (the first of equals); title, caption and unit rows above it are skipped. A merged group header
 * over it (省本级 over 金额 / 比例) is combined with the row below.
 */
export function locateHeader<F extends string>(rows: CellValue[][], def: SheetDef<F>, merges?: CellRange[], headerRow?: number): HeaderMatch<F> {
  const lookup = lookupOf(def);
  let best: (HeaderMatch<F> & { hits: number }) | null = null;
  const from = headerRow ?? 0;
  const n = headerRow !== undefined ? headerRow + 1 : Math.min(HEADER_SCAN_ROWS, rows.length);
  for (let r = from; r < n; r++) {
    const m = matchColumns(rows, r, def, lookup, merges);
    if (!best || m.hits > best.hits || (m.hits === best.hits && m.missing.length < best.missing.length)) best = m;
  }
  if (best && (best.hits > 0 || headerRow !== undefined)) {
    best.tableUnit = tableUnitAbove(rows, best.row);
    return best;
  }
  return { row: 0, cols: {}, units: {}, missing: def.columns.filter((c) => c.required), keys: [], found: false, headers: [], tableUnit: null };
}

/** How well a sheet's best header row fits a role: recognised headers, and whether all required are there. */
export function headerFit<F extends string>(rows: CellValue[][], def: SheetDef<F>, merges?: CellRange[]): { hits: number; complete: boolean } {
  const m = locateHeader(rows, def, merges);
  return { hits: m.keys.length, complete: m.found && m.missing.length === 0 };
}

export function isEmptyRow(row: CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const v of row) if (!isBlank(v)) return false;
  return true;
}

/**
 * 合计 / 小计 / 总计 / 共计 … rows: the first text cell before column `limit` (the first amount)
 * decides; numbers before it (a 序号) are passed over.
 */
export function totalKind(row: CellValue[], limit = row.length): "subtotal" | "total" | null {
  const n = Math.min(limit, row.length);
  for (let c = 0; c < n; c++) {
    const v = row[c];
    if (isBlank(v) || typeof v === "number") continue;
    // The longest total word with spaces and a colon fits in 24 characters: skip normalising data.
    if (typeof v !== "string" || v.length > 24) return null;
    // A name or content is rejected without normalising: on its first character, or (squashed text
    // keys to a prefix of itself) on how it starts.
    const lead = leadingIdeograph(v);
    if ((lead >= 0 && !TOTAL_LEADS.has(lead)) || (isSquashed(v) && !TOTAL_START.test(v) && !TOTAL_START.test(simplify(v)))) return null;
    const k = headerKey(v).replace(/[:：]$/, "");
    if (!TOTAL_WORDS.has(k)) return null;
    return SUBTOTAL_WORDS.has(k) ? "subtotal" : "total";
  }
  return null;
}

export interface PreparedSheet {
  grid: SheetGrid;
  /** Rows with merged values spread into every cell of their merge. */
  rows: CellValue[][];
  hidden: Set<number>;
  /** Merged ranges dropped because a larger one overlapped them (WPS writes such files), as A1 ranges. */
  repaired: string[];
}

export function prepareSheet(grid: SheetGrid): PreparedSheet {
  const clamped = clampMerges(grid);
  const { merges, dropped } = repairMerges(clamped.merges);
  const fixed = dropped.length > 0 ? { ...clamped, merges } : clamped;
  return { grid: fixed, rows: spreadMerges(fixed), hidden: new Set(grid.hiddenRows ?? []), repaired: dropped.map(rangeToA1) };
}

const area = (m: CellRange): number => (m.bottom - m.top + 1) * (m.right - m.left + 1);
const overlaps = (a: CellRange, b: CellRange): boolean => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** Overlapping merges, as Excel repairs them: the outermost (largest) range wins, the ranges it overlaps go. */
export function repairMerges(merges: CellRange[] | undefined): { merges: CellRange[]; dropped: CellRange[] } {
  if (!merges || merges.length < 2) return { merges: merges ?? [], dropped: [] };
  const byTop = merges.map((m, i) => ({ m, i })).sort((a, b) => a.m.top - b.m.top || a.m.left - b.m.left);
  // Sorted by top, only ranges starting above another's bottom can overlap it: a short scan each.
  const clash = new Set<number>();
  for (let x = 0; x < byTop.length; x++) {
    for (let y = x + 1; y < byTop.length && byTop[y].m.top <= byTop[x].m.bottom; y++) {
      if (overlaps(byTop[x].m, byTop[y].m)) clash.add(byTop[x].i).add(byTop[y].i);
    }
  }
  if (clash.size === 0) return { merges, dropped: [] };
  const kept: CellRange[] = merges.filter((_, i) => !clash.has(i));
  const dropped: CellRange[] = [];
  for (const i of [...clash].sort((a, b) => area(merges[b]) - area(merges[a]) || a - b)) {
    const m = merges[i];
    if (kept.some((k) => overlaps(k, m))) dropped.push(m);
    else kept.push(m);
  }
  return { merges: kept, dropped };
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
const NOTE_LABEL = /^(注|附注|备注|说明|填表人|制表人|填报人|审核人|复核人|负责人|单位负责人|财务负责人|经办人|联系人|联系电话|填报日期|填表日期|制表日期|填报单位)[0-9]*[:：]/;
/** The first characters of NOTE_LABEL's labels. */
const NOTE_LEADS = codes("注附备说填制审复负单财经联");

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
    // Keys are simplified: a traditional header (資金合計) is compared in simplified form.
    if (lead >= 0 && lead !== key.charCodeAt(0) && simplify(v[0]) !== key[0]) return false;
    if ((isSquashed(v) && !v.startsWith(key) && !simplify(v).startsWith(key)) || headerKey(v) !== key) return false;
  }
  return m.keys.length > 1;
}

/**
 * Total rows are recognised on the row as typed, before merges are spread, so a 小计 under a
 * vertically merged 单位名称 is still a total row; the spread row decides when the label is itself
 * merged across the row.
 */
export function totalKindAt(p: PreparedSheet, r: number, limit?: number): "subtotal" | "total" | null {
  return totalKind(p.grid.rows[r] ?? [], limit) ?? (p.rows !== p.grid.rows ? totalKind(p.rows[r] ?? [], limit) : null);
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
