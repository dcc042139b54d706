// Cell-level pieces of the sheet scanner: A1 references bounded to XFD1048576, attributes, error
// values shared per code, and t="d" ISO dates.
import { CellError, UNCALCULATED_FORMULA, type CellValue } from "../../core/grid";
import { APOS, EQ, QUOTE, SLASH, findByte, isSpace } from "./bytes";

const errorValues = new Map<string, CellError>();
export const UNCALCULATED = new CellError(UNCALCULATED_FORMULA);

export function errorValue(code: string): CellError {
  let e = errorValues.get(code);
  if (!e) {
    e = new CellError(code);
    errorValues.set(code, e);
  }
  return e;
}

/** Excel's last row and column (XFD1048576), zero-based. */
export const MAX_ROW = 1_048_575;
export const MAX_COL = 16_383;
/**
 * Gaps wider than this (cells right of a row's last value, rows below the last row) are left as
 * holes (SheetGrid.rows is sparse there), so memory follows the cells present, not the address.
 */
export const SPARSE_GAP = 1024;

export const OUT_OF_RANGE = -2;

/**
 * Column index from an A1 reference; -1 when it has no letters, OUT_OF_RANGE past column XFD
 * or row 1,048,576 (checked here, before anything is allocated for the cell).
 */
export function parseColumn(buf: Buffer, a: number, b: number): number {
  let n = 0;
  let i = a;
  for (; i < b; i++) {
    let c = buf[i];
    if (c === 36) continue; // $
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
    if (n > MAX_COL + 1) return OUT_OF_RANGE;
  }
  let row = 0;
  for (; i < b; i++) {
    const c = buf[i];
    if (c === 36) continue;
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
    if (row > MAX_ROW + 1) return OUT_OF_RANGE;
  }
  return n - 1;
}

export function forEachAttr(buf: Buffer, a: number, gt: number, visit: (ns: number, ne: number, vs: number, ve: number) => void): void {
  let i = a;
  while (i < gt) {
    const c = buf[i];
    if (isSpace(c) || c === SLASH) {
      i++;
      continue;
    }
    const ns = i;
    while (i < gt && buf[i] !== EQ && !isSpace(buf[i])) i++;
    const ne = i;
    while (i < gt && buf[i] !== QUOTE && buf[i] !== APOS) i++;
    if (i >= gt) return;
    const vs = i + 1;
    const ve = findByte(buf, buf[i], vs, gt);
    if (ve < 0) return;
    // Attribute names may carry a prefix (x14ac:dyDescent); report the local part.
    let ls = ns;
    for (let k = ns; k < ne; k++) if (buf[k] === 58) ls = k + 1;
    visit(ls, ne, vs, ve);
    i = ve + 1;
  }
}

/** t="d" cells hold ISO 8601 text; a date-time without a zone is wall-clock time, kept as UTC. */
export function isoDate(s: string): CellValue {
  const t = s.trim();
  let text = t;
  if (/^\d{4}-\d\d-\d\d$/.test(t)) text = `${t}T00:00:00Z`;
  else if (t.includes("T") && !/(Z|[+-]\d\d:?\d\d)$/i.test(t)) text = `${t}Z`;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? new Date(ms) : t;
}
