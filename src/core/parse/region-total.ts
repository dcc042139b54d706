// Totals labelled with a region's own name (和田地区 1997 above its eight counties) and masked
// placeholder rows (本级单位**) of published tables (SPEC §8). No gazetteer: a region label is a total
// only when its level is above every row it closes and its amount is their sum, or when the title
// names it; a recipient that happens to equal the sum of its neighbours stays a recipient.
import { isBlank, type CellValue } from "../grid";
import { isNoteRow, isRepeatedHeader, isUnusedRow, totalKindAt, valueAt, type HeaderMatch, type PreparedSheet } from "../sheet-reader";
import type { AmountUnit } from "../types";
import { quietFen } from "./reader";
import { simplify } from "./text";

/** 全省 / 全市 / 全区 … : the whole of the table's region. */
const WHOLE = /^全(?:省|市|区|州|县|盟|旗|地区)$/;

/**
 * How high a row's name sits (smaller is higher), or null when it is not a region. A 市 may be a
 * prefecture (海东市) or a county-level city (和田市): as a row it ranks between the two.
 */
function rowRank(name: string): number | null {
  if (name.length < 2) return null;
  if (name.endsWith("本级")) return 6;
  if (/(?:省|自治区)$/.test(name)) return 1;
  if (/(?:地区|州|盟)$/.test(name)) return 2;
  if (name.endsWith("市")) return 2.5;
  if (/(?:县|区|旗)$/.test(name)) return 3;
  if (/(?:乡|镇|街道|苏木)$/.test(name)) return 4;
  if (/(?:村|社区|嘎查)$/.test(name)) return 5;
  return null;
}

/** How high a label sits as a parent region; a 市 is taken at its lowest (a county-level city). */
function parentRank(label: string): number | null {
  if (WHOLE.test(label)) return 0;
  const r = rowRank(label);
  if (r === null || r === 6) return null;
  return r === 2.5 ? 3 : r;
}

/** The first text before the first amount column, squashed and simplified: a row's name. */
function labelOf(row: CellValue[] | undefined, limit: number): string {
  for (let c = 0; c < Math.min(limit, row?.length ?? 0); c++) {
    const v = row?.[c] ?? null;
    if (isBlank(v) || typeof v === "number") continue;
    return typeof v === "string" ? simplify(v.normalize("NFKC").replace(/\s+/g, "")) : "";
  }
  return "";
}

/**
 * A masked line left in a published template (本级单位**, ***): every filled cell is text with an
 * asterisk, so it holds no amount. Not a recipient, and nothing to report.
 */
export function isPlaceholderRow(row: CellValue[] | undefined): boolean {
  let seen = false;
  for (const v of row ?? []) {
    if (isBlank(v)) continue;
    if (typeof v !== "string" || !/[*＊]/.test(v)) return false;
    seen = true;
  }
  return seen;
}

/** Rows a table walk passes over: unused, a repeated header, a note, a masked placeholder. */
export function isSkippedRow<F extends string>(p: PreparedSheet, r: number, m: HeaderMatch<F>): boolean {
  return isUnusedRow(p, r) || isRepeatedHeader(p, r, m) || isNoteRow(p, r) || isPlaceholderRow(p.rows[r]);
}

/** Title rows above the header, a leading year dropped (“2018年和田地区…” opens with 和田地区). */
function titles(p: PreparedSheet, headerRow: number): string[] {
  const out: string[] = [];
  for (let r = 0; r < headerRow; r++) {
    const t = labelOf(p.rows[r], p.rows[r]?.length ?? 0).replace(/^\d{4}年度?/, "");
    if (t) out.push(t);
  }
  return out;
}

/**
 * Do the rows from `from` stepping by `step` (up to the next labelled total or the table's edge)
 * each sit below `rank`, and do their amounts add up to `fen`? Stops at the first row that does not.
 */
function closesAsParent(p: PreparedSheet, skip: (r: number) => boolean, from: number, step: 1 | -1, stop: number, col: number, unit: AmountUnit, rank: number, fen: number): boolean {
  let sum = 0;
  let rows = 0;
  for (let r = from; r !== stop; r += step) {
    if (skip(r)) continue;
    if (totalKindAt(p, r, col)) break;
    const below = rowRank(labelOf(p.rows[r], col));
    if (below === null || below <= rank) return false;
    const v = valueAt(p.rows, r, col);
    const f = quietFen(v, unit);
    if (f === null && !isBlank(v)) return false;
    sum += f ?? 0;
    rows++;
  }
  return rows >= 2 && sum === fen;
}

/**
 * The first and last rows of a table when their label names a region that closes the rows of that
 * region: the first closing the rows below it, the last the rows above it (up to a labelled total),
 * each by level and sum; or labelled exactly as the region the title opens with (checked as a total,
 * so a wrong sum is total-row-mismatch). Only the two edge rows are looked at: a table of any length
 * costs a few rows, unless its edge row really is a region above all the others.
 */
export function regionTotalRows<F extends string>(p: PreparedSheet, m: HeaderMatch<F>, col: number, unit: AmountUnit): Set<number> {
  const found = new Set<number>();
  const skip = (r: number): boolean => isSkippedRow(p, r, m);
  let first = m.row + 1;
  while (first < p.rows.length && skip(first)) first++;
  let last = p.rows.length - 1;
  while (last > first && skip(last)) last--;
  if (last <= first) return found;
  const edges: [number, 1 | -1, number][] = [[first, 1, p.rows.length], [last, -1, first]];
  for (const [r, step, stop] of edges) {
    if (totalKindAt(p, r, col)) continue;
    const label = labelOf(p.rows[r], col);
    const rank = parentRank(label);
    if (rank === null) continue;
    const fen = quietFen(valueAt(p.rows, r, col), unit);
    const titled = label.length >= 3 && titles(p, m.row).some((t) => t.startsWith(label));
    // The last row closes the rows above it, down to (not into) a first row already taken as a total.
    const end = step === -1 && found.has(first) ? first : stop - (step === -1 ? 1 : 0);
    if (titled || (fen !== null && closesAsParent(p, skip, r + step, step, end, col, unit, rank, fen))) found.add(r);
  }
  return found;
}
