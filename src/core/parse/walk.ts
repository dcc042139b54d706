// Walking the data rows of a table: empty, note and repeated-header rows skipped, total rows (above,
// below, nested, unlabelled) checked against the rows they close and never taken as data (SPEC §8).
import { CellError, isBlank, type CellValue } from "../grid";
import { totalKindAt, valueAt, type HeaderMatch, type PreparedSheet } from "../sheet-reader";
import type { AmountUnit } from "../types";
import { parseAmount } from "./amount";
import { quietFen, type Reader } from "./reader";
import { isSkippedRow, regionTotalRows } from "./region-total";

/** A running sum of data rows: how much, how many rows, and whether an amount could not be read. */
interface Run {
  fen: number;
  rows: number;
  unreadable: boolean;
}

const emptyRun = (): Run => ({ fen: 0, rows: 0, unreadable: false });

interface TotalCheck {
  field: string;
  col: number;
  /** Index of this column's amount in the array onRow fills (one slot per money column, present or not). */
  slot: number;
  unit: AmountUnit;
  /** Every data row above. */
  all: Run;
  /** Rows since the last 合计 (the block a 合计 closes). */
  block: Run;
  /** Rows since the last 合计 or 小计 (the segment a 小计 closes). */
  segment: Run;
}

function addToRun(run: Run, fen: number, unreadable: boolean): void {
  run.fen += fen;
  run.rows++;
  run.unreadable ||= unreadable;
}

/** A total row above every data row: it closes the rows below it, checked when the table ends. */
interface LeadingTotal {
  row: number;
  values: CellValue[];
}

/**
 * Walk data rows of a tabular sheet. A 小计/共计 closes the rows since the previous total row; a
 * 合计/总计 closes the rows since the previous 合计 (its 小计 groups included) or, when nothing is
 * left to close, is the grand total of all rows above; a 合计 equal to either reading is accepted.
 * A total row before any data row closes the rows below it. A row without any text whose amounts
 * equal the rows it would close is an unlabelled total. A row named after the region that holds the
 * rows it closes is a total (region-total.ts); a masked placeholder row (本级单位**) is skipped. A
 * sum with an unreadable amount in it is not compared: that cell already has its own finding.
 * Returns the data rows.
 */
export function walkRows<F extends string>(
  rd: Reader, p: PreparedSheet, m: HeaderMatch<F>, moneyCols: { field: F; label: string }[], unit: AmountUnit,
  onRow: (r: number, hidden: boolean, amounts: number[]) => void,
): number[] {
  const data: number[] = [];
  const sheet = p.grid.name;
  const checks: TotalCheck[] = moneyCols
    .map((mc, slot) => ({ mc, slot }))
    .filter(({ mc }) => m.cols[mc.field] !== undefined)
    .map(({ mc, slot }) => ({ field: mc.label, col: m.cols[mc.field] as number, slot, unit: m.units[mc.field] ?? m.tableUnit ?? unit, all: emptyRun(), block: emptyRun(), segment: emptyRun() }));
  // Total labels sit before the first amount column; a text after it is data.
  const limit = checks.length ? Math.min(...checks.map((c) => c.col)) : undefined;
  const leading: LeadingTotal[] = [];
  const regional = checks.length ? regionTotalRows(p, m, checks[0].col, checks[0].unit) : new Set<number>();
  // onRow writes each money column's amount here (0 when none): one array for the whole sheet.
  const amounts = moneyCols.map(() => 0);
  for (let r = m.row + 1; r < p.rows.length; r++) {
    if (isSkippedRow(p, r, m)) continue;
    const kind = totalKindAt(p, r, limit) ?? (regional.has(r) ? "total" : null) ?? (unlabelledTotal(p.rows[r], checks) ? "unlabelled" : null);
    if (kind) {
      if (kind === "unlabelled") {
        const ch = checks[0];
        rd.emit("unlabelled-total-row", sheet, r, ch.col, { field: ch.field, actualFen: quietFen(valueAt(p.rows, r, ch.col), ch.unit) ?? 0 });
      }
      if (data.length === 0) leading.push({ row: r, values: checks.map((ch) => valueAt(p.rows, r, ch.col)) });
      else for (const ch of checks) checkTotal(rd, sheet, r, kind === "subtotal" ? "subtotal" : "total", valueAt(p.rows, r, ch.col), ch);
      continue;
    }
    const hidden = p.hidden.has(r);
    if (hidden) rd.emit("hidden-row", sheet, r, 0);
    for (let i = 0; i < amounts.length; i++) amounts[i] = 0;
    onRow(r, hidden, amounts);
    data.push(r);
    for (let i = 0; i < checks.length; i++) {
      const ch = checks[i];
      const bad = rd.isUnreadable(sheet, r, ch.col);
      addToRun(ch.all, amounts[ch.slot], bad);
      addToRun(ch.block, amounts[ch.slot], bad);
      addToRun(ch.segment, amounts[ch.slot], bad);
    }
  }
  for (const t of leading) {
    checks.forEach((ch, i) => {
      const res = totalValue(t.values[i], ch.unit);
      if (res !== null && !ch.all.unreadable && res !== ch.all.fen) rd.emit("total-row-mismatch", sheet, t.row, ch.col, { field: ch.field, actualFen: res, expectedFen: ch.all.fen });
    });
  }
  return data;
}

/** A row with no text at all whose first amount equals the rows since the last total (two or more of them). */
function unlabelledTotal(row: CellValue[] | undefined, checks: TotalCheck[]): boolean {
  if (!row || checks.length === 0) return false;
  for (const v of row) if (typeof v === "string" && !isBlank(v)) return false;
  const ch = checks[0];
  const run = ch.block.rows > 0 ? ch.block : ch.all;
  if (run.rows < 2 || run.unreadable) return false;
  const fen = quietFen(row[ch.col] ?? null, ch.unit);
  return fen !== null && fen !== 0 && (fen === run.fen || fen === ch.all.fen);
}

function totalValue(v: CellValue, unit: AmountUnit): number | null {
  const res = isBlank(v) || v instanceof CellError ? null : parseAmount(v, unit);
  return res?.ok ? res.fen : null;
}

function checkTotal(rd: Reader, sheet: string, r: number, kind: "subtotal" | "total", v: CellValue, ch: TotalCheck): void {
  const closes = kind === "subtotal" ? ch.segment : ch.block.rows > 0 ? ch.block : ch.all;
  const fen = totalValue(v, ch.unit);
  if (fen !== null && !closes.unreadable) {
    const ok = fen === closes.fen || (kind === "total" && !ch.all.unreadable && fen === ch.all.fen);
    if (!ok) rd.emit("total-row-mismatch", sheet, r, ch.col, { field: ch.field, actualFen: fen, expectedFen: closes.fen });
  }
  ch.segment = emptyRun();
  if (kind === "total") ch.block = emptyRun();
}
