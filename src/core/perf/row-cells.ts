// Lazy cell positions for 100k rows: speed only, no policy.
import type { CellPos } from "../types";

/**
 * One small object per row; a cell position is built only when a rule asks for it. A class with one
 * field (32 bytes) rather than Object.create(proto) (56 bytes): at 100k lines every byte per row is
 * copied by the young-generation GC, since all rows live to the end of the run.
 */
export function rowCells<F extends string>(sheet: string, cols: Partial<Record<F, number>>): (row: number) => Partial<Record<F, CellPos>> {
  class RowCells {
    constructor(readonly row: number) {}
  }
  for (const key of Object.keys(cols) as F[]) {
    const col = cols[key] as number;
    Object.defineProperty(RowCells.prototype, key, { enumerable: true, get(this: RowCells) { return { sheet, row: this.row, col }; } });
  }
  return (row) => new RowCells(row) as unknown as Partial<Record<F, CellPos>>;
}
