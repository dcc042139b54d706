// A column map entry's columns laid over a located header (SPEC §8 column map).
import { columnIndex, type CellValue } from "../grid";
import { COLUMN_LETTER, mapColumnDef } from "../column-map";
import type { SheetDef } from "../schema";
import { headerKey, standIn, unitFromText, type HeaderMatch } from "../sheet-reader";
import { normalizeHeader } from "./text";

/**
 * Sets each mapped column (by letter, or by the header text in the header row) in `m`, replacing
 * what detection found for that field. Returns the references that name no column of the table.
 */
export function applyMapColumns<F extends string>(m: HeaderMatch<F>, def: SheetDef<F>, columns: Record<string, string>, rows: CellValue[][]): string[] {
  const unresolved: string[] = [];
  for (const [name, ref] of Object.entries(columns)) {
    const cdef = mapColumnDef(def as SheetDef<string>, name, headerKey) as SheetDef<F>["columns"][number] | undefined;
    if (!cdef) continue;
    let col = COLUMN_LETTER.test(ref) ? columnIndex(ref) : -1;
    if (col < 0) {
      const want = headerKey(ref);
      const header = rows[m.row] ?? [];
      col = m.headers.findIndex((h) => h !== undefined && headerKey(h) === want);
      if (col < 0) col = header.findIndex((v) => typeof v === "string" && headerKey(v) === want);
    }
    if (col < 0) {
      unresolved.push(`${cdef.header}（映射为「${ref}」）`);
      continue;
    }
    m.cols[cdef.field] = col;
    const text = m.headers[col] ?? "";
    const u = unitFromText(normalizeHeader(text).unit);
    if (u) m.units[cdef.field] = u;
    m.found = true;
  }
  standIn(def, m.cols);
  m.missing = def.columns.filter((c) => c.required && m.cols[c.field] === undefined);
  return unresolved;
}
