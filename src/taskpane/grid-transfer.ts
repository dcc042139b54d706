// Rows cross to the validation worker packed: each cell's kind in a byte, its number (or date, or
// string index) in a float, and each distinct text once. Structured-cloning 100k rows as arrays makes
// a million strings on the worker's side (~0.5 s at 100k lines, the longest step of a validation);
// packed, the typed arrays are transferred without a copy and a recipient's name repeated on 30
// lines crosses once. It also keeps a CellError a CellError: a structured clone drops the class and
// the engine would read "#REF!" as an ordinary object.
import { CellError, type CellValue } from "../core/grid";

/** A cell's kind in `kinds`. */
const Kind = { Hole: 0, Null: 1, Number: 2, Text: 3, True: 4, False: 5, Date: 6, Error: 7 } as const;

/** A missing row (a hole of a sparse rows array) in `lengths`. */
const NO_ROW = 0xffffffff;

export interface PackedRows {
  /** Cells in each row, or NO_ROW for a hole. */
  lengths: Uint32Array;
  /** Each cell's kind, row after row. */
  kinds: Uint8Array;
  /** A number's value, a date's time, or a text's or error code's index in the strings table. */
  values: Float64Array;
  /** Texts first seen in this slice; they extend the table that earlier slices built. */
  newStrings: string[];
}

/** The pane's side: one packer per request, so a text sent in one slice is an index in the next. */
export class RowPacker {
  private readonly ids = new Map<string, number>();
  private fresh: string[] = [];

  private id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(s, id);
      this.fresh.push(s);
    }
    return id;
  }

  pack(rows: readonly (readonly CellValue[] | undefined)[]): PackedRows {
    let cells = 0;
    for (let r = 0; r < rows.length; r++) cells += rows[r]?.length ?? 0;
    const lengths = new Uint32Array(rows.length);
    const kinds = new Uint8Array(cells);
    const values = new Float64Array(cells);
    let k = 0;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) {
        lengths[r] = NO_ROW;
        continue;
      }
      lengths[r] = row.length;
      for (let c = 0; c < row.length; c++, k++) {
        const v = row[c];
        if (typeof v === "string") {
          kinds[k] = Kind.Text;
          values[k] = this.id(v);
        } else if (typeof v === "number") {
          kinds[k] = Kind.Number;
          values[k] = v;
        } else if (v === null) kinds[k] = Kind.Null;
        else if (v === undefined) kinds[k] = Kind.Hole;
        else if (typeof v === "boolean") kinds[k] = v ? Kind.True : Kind.False;
        else if (v instanceof Date) {
          kinds[k] = Kind.Date;
          values[k] = v.getTime();
        } else {
          kinds[k] = Kind.Error;
          values[k] = this.id(v.code);
        }
      }
    }
    const newStrings = this.fresh;
    this.fresh = [];
    return { lengths, kinds, values, newStrings };
  }
}

/** The worker's side: the strings table grows with each slice, in the order the slices were sent. */
export class RowUnpacker {
  private readonly strings: string[] = [];

  unpack(p: PackedRows): CellValue[][] {
    for (const s of p.newStrings) this.strings.push(s);
    const { lengths, kinds, values } = p;
    const strings = this.strings;
    // Filled in order from empty, so the arrays stay packed (faster for the engine) unless there is a hole.
    const rows: CellValue[][] = [];
    let k = 0;
    for (let r = 0; r < lengths.length; r++) {
      const n = lengths[r];
      if (n === NO_ROW) continue;
      const row: CellValue[] = [];
      for (let c = 0; c < n; c++, k++) {
        switch (kinds[k]) {
          case Kind.Null:
            row[c] = null;
            break;
          case Kind.Number:
            row[c] = values[k];
            break;
          case Kind.Text:
            row[c] = strings[values[k]];
            break;
          case Kind.True:
            row[c] = true;
            break;
          case Kind.False:
            row[c] = false;
            break;
          case Kind.Date:
            row[c] = new Date(values[k]);
            break;
          case Kind.Error:
            row[c] = new CellError(strings[values[k]]);
            break;
          default: // a hole stays a hole
        }
      }
      row.length = n;
      rows[r] = row;
    }
    rows.length = lengths.length;
    return rows;
  }
}

/** The buffers a packed slice can hand over instead of copying (postMessage's transfer list). */
export function transferables(p: PackedRows): ArrayBuffer[] {
  return [p.lengths.buffer as ArrayBuffer, p.kinds.buffer as ArrayBuffer, p.values.buffer as ArrayBuffer];
}
