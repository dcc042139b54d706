// Cell values, sheet grids and A1 address math. The ONLY module that converts between
// A1 notation and zero-based {row, col}.

/** An Excel error value such as #REF! kept as data, never thrown. */
export class CellError {
  constructor(readonly code: string) {}
  toString(): string {
    return this.code;
  }
}

/** A cell's value as the engine sees it: the cached value for formulas. */
export type CellValue = string | number | boolean | Date | CellError | null;

/** Zero-based, inclusive rectangle. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  /** The sheet's name exactly as it is in the workbook. */
  name: string;
  /** rows[r][c], zero-based; rows may be ragged and short, and sparse (holes) far from the data. */
  rows: CellValue[][];
  merges?: CellRange[];
  /** Zero-based indices of hidden rows. */
  hiddenRows?: number[];
  hidden?: boolean;
  /**
   * Set by a reader that made every cell and no CellError among them: the engine then skips its
   * scan of every cell for error values. Absent means "not known"; nothing is skipped.
   */
  errorFree?: boolean;
}

export interface WorkbookGrids {
  sheets: SheetGrid[];
}

/**
 * The CellError code a reader gives a formula cell without a cached value (never calculated):
 * reported as 公式未计算, not as an empty cell.
 */
export const UNCALCULATED_FORMULA = "#UNCALCULATED";

export const ERROR_CODES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"];

export function isCellError(v: unknown): v is CellError {
  return v instanceof CellError;
}

/** 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(col: number): string {
  return col >= 0 && col < FIRST_LETTERS.length ? FIRST_LETTERS[col] : lettersOf(col);
}

function lettersOf(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A -> 0, AA -> 26; -1 when not a column. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    if (c < 65 || c > 90) return -1;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** A–IV, built once: every finding names a cell, and tables rarely go further right. */
const FIRST_LETTERS = Array.from({ length: 256 }, (_, c) => lettersOf(c));

/** Zero-based {row, col} -> "E17". */
export function toA1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "E17" or "$E$17" -> zero-based {row, col}; null when not an address. */
export function fromA1(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?([0-9]{1,7})$/.exec(a1.toUpperCase());
  if (!m) return null;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]);
  if (row < 0 || col < 0) return null;
  return { row, col };
}

/** "A1:J3" -> range; a single cell gives a 1x1 range. */
export function rangeFromA1(ref: string): CellRange | null {
  const [a, b] = ref.split(":");
  const p = fromA1(a);
  const q = b === undefined ? p : fromA1(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export function rangeToA1(r: CellRange): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** Quote a sheet name for use in a formula or an address like 'Sheet 1'!A1. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** 支出明细!E17 — how a cell is named to the user. */
export function cellRef(sheet: string, row: number, col: number): string {
  return `${sheet}!${toA1(row, col)}`;
}

export function cellAt(grid: SheetGrid, row: number, col: number): CellValue {
  const r = grid.rows[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

/**
 * Not a character String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator: tab to CR,
 * space, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF).
 */
export function isKeptChar(c: number): boolean {
  return (c > 0x20 && c < 0x7f) || (c > 0x3000 && c !== 0xfeff) || (c > 0xa0 && c < 0x1680);
}

export function isBlank(v: CellValue): boolean {
  // Text starting with a kept character is not blank: no trim() for every filled cell looked at.
  return v === null || (typeof v === "string" && (v.length === 0 || (!isKeptChar(v.charCodeAt(0)) && v.trim() === "")));
}

/** Width of the widest row. */
export function gridWidth(grid: SheetGrid): number {
  let w = 0;
  for (const r of grid.rows) if (r && r.length > w) w = r.length;
  return w;
}

/**
 * Copy the top-left value of every merge into the cells it spans (the value belongs to every
 * row of the merge). Returns a new rows array; the input grid is not changed.
 */
export function spreadMerges(grid: SheetGrid): CellValue[][] {
  if (!grid.merges || grid.merges.length === 0) return grid.rows;
  const rows = grid.rows.map((r) => (r ? r.slice() : []));
  for (const m of grid.merges) {
    const v = rows[m.top]?.[m.left] ?? null;
    if (v === null) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      if (!rows[r]) rows[r] = [];
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const cur = rows[r][c];
        if (cur === undefined || cur === null || cur === "") rows[r][c] = v;
      }
    }
  }
  return rows;
}
