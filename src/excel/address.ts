// Addresses as Excel returns them ("Sheet1!B3:F100", "'My sheet'!A1", RangeAreas lists such as
// "Sheet1!A1:B4, Sheet1!D1:D4", whole rows "Sheet1!3:5"). The A1 math itself is core/grid's.
import { rangeFromA1, type CellRange } from "../core/grid";

const LAST_ROW = 1048576;

/** Split "S!A1:B2, 'a, b'!C3" on the commas that are not inside a quoted sheet name. */
function splitList(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** "Sheet1!B3:F100" -> { sheet, ref }; the sheet is unquoted; null sheet when there is no "!". */
export function splitAddress(address: string): { sheet: string | null; ref: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, ref: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1).trim() };
}

/** A1 reference to a zero-based range; whole rows/columns become full-width/height ranges. */
export function refToRange(ref: string): CellRange | null {
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(ref);
  if (rows) return rangeFromA1(`A${rows[1]}:XFD${rows[2]}`);
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(ref);
  if (cols) return rangeFromA1(`${cols[1]}1:${cols[2]}${LAST_ROW}`);
  return rangeFromA1(ref.replace(/\$/g, ""));
}

export function addressToRange(address: string): CellRange | null {
  return refToRange(splitAddress(address).ref);
}

/** A RangeAreas address to its rectangles. */
export function areasToRanges(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const part of splitList(address)) {
    const r = addressToRange(part);
    if (r) out.push(r);
  }
  return out;
}
