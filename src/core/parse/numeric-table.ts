// The amount columns of a table, as fen, for cross-footing (SPEC §8): every column whose header is
// not a text field and whose data cells are (almost all) amounts, recognised or not (入库金额).
import { isBlank } from "../grid";
import { unitFromText, type HeaderMatch, type PreparedSheet } from "../sheet-reader";
import type { AmountUnit, NumericTable } from "../types";
import { isPlaceholder, quietFen } from "./reader";
import { normalizeHeader } from "./text";

export type { NumericTable };

/** Share of a column's filled data cells that must read as amounts for it to count as one. */
const AMOUNT_SHARE = 0.8;
/** A 序号 / 编号 column counts rows, it is no amount. */
const COUNTER = /^(序号|编号|no\.?|#|行次|排名|名次)$/;
/** Fewer amount columns than this hold no relation worth checking (SPEC §8). */
const MIN_COLUMNS = 3;

export function numericTable<F extends string>(p: PreparedSheet, m: HeaderMatch<F>, dataRows: number[], textFields: F[], unit: AmountUnit): NumericTable | null {
  if (dataRows.length === 0) return null;
  const skip = new Set(textFields.map((f) => m.cols[f]).filter((c): c is number => c !== undefined));
  const candidates: { col: number; header: string; unit: string | null }[] = [];
  m.headers.forEach((header, col) => {
    if (!header || skip.has(col)) return;
    const { key, unit: headerUnit } = normalizeHeader(header);
    if (!COUNTER.test(key)) candidates.push({ col, header, unit: headerUnit });
  });
  // Cross-footing needs three amount columns: a table with fewer candidates is not read again.
  if (candidates.length < MIN_COLUMNS) return null;
  const columns: NumericTable["columns"] = [];
  const values: (number | null)[][] = [];
  candidates.forEach(({ col, header, unit: headerUnit }) => {
    const u = unitFromText(headerUnit) ?? m.tableUnit ?? unit;
    let filled = 0;
    let amounts = 0;
    const column = dataRows.map((r) => {
      const v = p.rows[r]?.[col] ?? null;
      if (isBlank(v) || isPlaceholder(v)) return null;
      filled++;
      const fen = quietFen(v, u);
      if (fen !== null) amounts++;
      return fen;
    });
    if (filled === 0 || amounts < filled * AMOUNT_SHARE) return;
    columns.push({ col, header });
    values.push(column);
  });
  return columns.length ? { sheet: p.grid.name, rows: dataRows, columns, values } : null;
}
