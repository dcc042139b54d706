// Reading cells of the input tables into fen, dates and texts, reporting parse-level findings
// (SPEC §1–§3, §8) as it goes.
import type { ColumnMapEntry } from "../column-map";
import { CellError, isBlank, type CellValue, type SheetGrid } from "../grid";
import type { FindingCode, FindingSink, ParamsArg } from "../findings";
import type { SheetDef } from "../schema";
import { headerKey, locateHeader, prepareSheet, textAt, unitFromText, valueAt, type HeaderMatch, type PreparedSheet } from "../sheet-reader";
import type { AmountUnit, CellPos } from "../types";
import { parseAmount } from "./amount";
import { applyMapColumns } from "./column-apply";
import { parseDate } from "./date";
import { normalizeName, toText } from "./text";

export const pos = (sheet: string, row: number, col: number): CellPos => ({ sheet, row, col });

/** Placeholder cells (SPEC §8): a dash or 无 in an amount or score column means nothing was entered. */
const PLACEHOLDERS = new Set(["/", "—", "——", "-", "－", "–", "无", "\\"]);

export function isPlaceholder(v: CellValue): boolean {
  return typeof v === "string" && v.length <= 4 && PLACEHOLDERS.has(v.trim());
}

/** What an amount cell must hold; shared constants, not an object per call. */
export interface AmountRule {
  required: boolean;
  positive: boolean;
}
export const REQUIRED_POSITIVE: AmountRule = { required: true, positive: true };
export const REQUIRED_ANY: AmountRule = { required: true, positive: false };
export const OPTIONAL_POSITIVE: AmountRule = { required: false, positive: true };
export const OPTIONAL_ANY: AmountRule = { required: false, positive: false };

/** A table located on its sheet; `readable` is false after a column-missing (nothing more is said about it). */
export interface Table<F extends string> {
  grid: SheetGrid;
  p: PreparedSheet;
  m: HeaderMatch<F>;
  readable: boolean;
}

export class Reader {
  /** Amount cells holding an error value or unreadable text: sheet -> row × 2^14 + col. */
  private readonly unreadable = new Map<string, Set<number>>();
  private readonly repairedSheets = new Set<string>();

  constructor(readonly sink: FindingSink) {}

  private markUnreadable(sheet: string, row: number, col: number): void {
    let cells = this.unreadable.get(sheet);
    if (!cells) this.unreadable.set(sheet, (cells = new Set()));
    cells.add(row * 16384 + col);
  }

  isUnreadable(sheet: string, row: number, col: number | undefined): boolean {
    return col !== undefined && this.unreadable.get(sheet)?.has(row * 16384 + col) === true;
  }

  emit<C extends FindingCode>(code: C, sheet: string, row: number, col: number, ...params: ParamsArg<C>): void {
    this.sink.add(code, pos(sheet, row, col), ...params);
  }

  /** A sheet whose merged ranges overlapped: one merge-repaired, however often the sheet is read. */
  prepare(grid: SheetGrid): PreparedSheet {
    const p = prepareSheet(grid);
    if (p.repaired.length > 0 && !this.repairedSheets.has(grid.name)) {
      this.repairedSheets.add(grid.name);
      this.emit("merge-repaired", grid.name, 0, 0, { raw: p.repaired.join("、") });
    }
    return p;
  }

  /** Report error values in every used cell of a sheet region. */
  cellErrors(p: PreparedSheet, fromRow: number): void {
    const { rows, grid } = p;
    if (grid.errorFree) return;
    for (let r = fromRow; r < rows.length; r++) {
      const row = grid.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v instanceof CellError) this.emit("cell-error", grid.name, r, c, { raw: v.code });
      }
    }
  }

  amount(sheet: string, rows: CellValue[][], r: number, c: number | undefined, unit: AmountUnit, field: string, opts: AmountRule, recipient?: string): number | null {
    if (c === undefined) return null;
    const v = valueAt(rows, r, c);
    if (v instanceof CellError) {
      this.markUnreadable(sheet, r, c);
      return null;
    }
    if (isBlank(v) || isPlaceholder(v)) {
      if (opts.required) this.emit("required-missing", sheet, r, c, { field, recipient });
      return null;
    }
    let fen = typeof v === "number" ? wholeFen(v, unit) : null;
    if (fen === null) {
      const res = parseAmount(v, unit);
      if (!res.ok) {
        this.markUnreadable(sheet, r, c);
        this.emit("invalid-amount", sheet, r, c, { raw: res.raw || toText(v), recipient });
        return null;
      }
      if (res.precisionLoss) this.emit("amount-precision", sheet, r, c, { raw: toText(v), amountFen: res.fen, recipient });
      fen = res.fen;
    }
    if (opts.positive && fen <= 0) {
      this.emit("non-positive-amount", sheet, r, c, { amountFen: fen, field, recipient });
      return null;
    }
    return fen;
  }

  date(sheet: string, rows: CellValue[][], r: number, c: number | undefined, recipient?: string): Date | null {
    if (c === undefined) return null;
    const v = valueAt(rows, r, c);
    if (v instanceof CellError || isBlank(v)) return null;
    const d = parseDate(v);
    if (!d) this.emit("invalid-date", sheet, r, c, { raw: toText(v), recipient });
    return d;
  }

  required(sheet: string, rows: CellValue[][], r: number, c: number | undefined, field: string, recipient?: string): string {
    if (c === undefined) return "";
    const v = valueAt(rows, r, c);
    if (v instanceof CellError) return "";
    const t = textAt(rows, r, c);
    if (!t) this.emit("required-missing", sheet, r, c, { field, recipient });
    return t;
  }

  /**
   * A tabular input sheet: header located (or placed by the column map), checked, error values
   * reported. A table lacking a required column gets one column-missing at its header row naming
   * what was found, and is not read further.
   */
  openTable<F extends string>(grid: SheetGrid, def: SheetDef<F>, entry?: ColumnMapEntry): Table<F> {
    const p = this.prepare(grid);
    const m = locateHeader(p.rows, def, p.grid.merges, entry?.headerRow !== undefined ? entry.headerRow - 1 : undefined);
    const unresolved = entry?.columns ? applyMapColumns(m, def, entry.columns, p.rows) : [];
    const mapUnit = unitFromText(entry?.unit ?? null);
    if (mapUnit) m.tableUnit = mapUnit;
    const readable = m.found && m.missing.length === 0 && unresolved.length === 0;
    if (!readable) this.columnMissing(grid.name, def, m, unresolved);
    else this.cellErrors(p, m.row + 1);
    return { grid: p.grid, p, m, readable };
  }

  private columnMissing<F extends string>(sheet: string, def: SheetDef<F>, m: HeaderMatch<F>, unresolved: string[]): void {
    const found = m.headers.filter((h) => h);
    const missing = [...m.missing.map((c) => c.header), ...unresolved];
    const hint = m.missing.map((c) => nearestAlias(c.header, c.aliases, found)).filter((x) => x).join("、");
    this.emit("column-missing", sheet, m.row, 0, { target: sheet, field: missing.join("、"), list: found.length ? found.join("、") : "（无）", keyword: hint || undefined });
  }
}

/** The alias of a missing column closest to what the table has (shared characters), else its first Chinese alias. */
function nearestAlias(header: string, aliases: string[], found: string[]): string {
  const chinese = aliases.filter((a) => /[\u4e00-\u9fff]/.test(a));
  let best = chinese[0] ?? "";
  let bestScore = 0;
  for (const a of chinese) {
    for (const f of found) {
      const fk = headerKey(f);
      const score = [...headerKey(a)].filter((ch) => fk.includes(ch)).length;
      if (score > bestScore) [best, bestScore] = [a, score];
    }
  }
  return best && best !== header ? best : "";
}

/** Whole-fen numbers (the common case) skip the exact decimal parser; null sends the rest to it. */
export function wholeFen(v: number, unit: AmountUnit): number | null {
  const scaled = v * (unit === "wan" ? 1000000 : 100);
  const fen = Math.round(scaled);
  if (!Number.isSafeInteger(fen) || Math.abs(scaled - fen) > 1e-9 * Math.max(1, Math.abs(scaled))) return null;
  return fen;
}

/** A cell read as fen without findings (cross-footing, unlabelled totals): null when not an amount. */
export function quietFen(v: CellValue, unit: AmountUnit): number | null {
  if (isBlank(v) || isPlaceholder(v) || v instanceof CellError || typeof v === "boolean" || v instanceof Date) return null;
  if (typeof v === "number") return wholeFen(v, unit) ?? Math.round(v * (unit === "wan" ? 1000000 : 100));
  const res = parseAmount(v, unit);
  return res.ok ? res.fen : null;
}

export class NameCache {
  private readonly map = new Map<string, string>();
  private last = "";
  private lastNorm = "";
  get(name: string): string {
    // A recipient's lines usually come together: the previous name first, then the map.
    if (name === this.last) return this.lastNorm;
    let n = this.map.get(name);
    if (n === undefined) {
      n = normalizeName(name);
      this.map.set(name, n);
    }
    this.last = name;
    this.lastNorm = n;
    return n;
  }
}

/** Scores, weights and percentages: nobody types a billion points; beyond that it is not a number. */
const MAX_PLAIN_NUMBER = 1e9;

export function parseNumber(v: CellValue): number | null {
  if (isPlaceholder(v)) return null;
  const n = typeof v === "number" ? v : (/-?\d+(?:\.\d+)?/.exec(toText(v).normalize("NFKC")) ?? [])[0];
  if (n === undefined) return null;
  const x = Number(n);
  return Number.isFinite(x) && Math.abs(x) <= MAX_PLAIN_NUMBER ? x : null;
}
