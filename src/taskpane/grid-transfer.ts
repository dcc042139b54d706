// Rows cross to the validation worker packed, and findings come back the same way: each value's kind
// in a byte, its number (or date, or string index) in a float, and each distinct text once.
// Structured-cloning 100k rows as arrays makes a million strings on the worker's side (~0.5 s at 100k
// lines, the longest step of a validation); packed, the typed arrays are transferred without a copy
// and a recipient's name repeated on 30 lines crosses once. It also keeps a CellError a CellError: a
// structured clone drops the class and the engine would read "#REF!" as an ordinary object.
import { CellError, type CellValue } from "../core/grid";

/** A value's kind in `kinds`. Undefined is a hole in a row and an absent value in a record. */
const Kind = { Hole: 0, Null: 1, Number: 2, Text: 3, True: 4, False: 5, Date: 6, Error: 7, Json: 8 } as const;

/** A missing row (a hole of a sparse rows array) in `lengths`. */
const NO_ROW = 0xffffffff;

/** What every packed slice carries besides its own layout: kinds, values, and the texts it adds. */
interface PackedValues {
  /** Each value's kind, in order. */
  kinds: Uint8Array;
  /** A number's value, a date's time, or a text's (error code's, JSON's) index in the strings table. */
  values: Float64Array;
  /** Texts first seen in this slice; they extend the table that earlier slices built. */
  newStrings: string[];
}

export interface PackedRows extends PackedValues {
  /** Cells in each row, or NO_ROW for a hole. */
  lengths: Uint32Array;
}

/** Flat records (findings) packed: each record's key list once per distinct list, values in key order. */
export interface PackedRecords extends PackedValues {
  /** Each record's index in the key lists. */
  shapeOf: Uint32Array;
  /** Key lists first seen in this slice; they extend the earlier slices' lists. */
  newShapes: string[][];
}

/** The sending side's texts: each distinct text gets the next index, and crosses once. */
class StringIds {
  private readonly ids = new Map<string, number>();
  private fresh: string[] = [];

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(s, id);
      this.fresh.push(s);
    }
    return id;
  }

  /** The texts added since the last call. */
  take(): string[] {
    const out = this.fresh;
    this.fresh = [];
    return out;
  }
}

/** Writes one value at `k`: anything a cell or a finding holds (an other object goes as JSON). */
function putValue(v: unknown, k: number, kinds: Uint8Array, values: Float64Array, strings: StringIds): void {
  if (typeof v === "string") {
    kinds[k] = Kind.Text;
    values[k] = strings.id(v);
  } else if (typeof v === "number") {
    kinds[k] = Kind.Number;
    values[k] = v;
  } else if (v === null) kinds[k] = Kind.Null;
  else if (v === undefined) kinds[k] = Kind.Hole;
  else if (typeof v === "boolean") kinds[k] = v ? Kind.True : Kind.False;
  else if (v instanceof Date) {
    kinds[k] = Kind.Date;
    values[k] = v.getTime();
  } else if (v instanceof CellError) {
    kinds[k] = Kind.Error;
    values[k] = strings.id(v.code);
  } else {
    kinds[k] = Kind.Json;
    values[k] = strings.id(JSON.stringify(v));
  }
}

/** Reads the value at `k`; a hole reads as undefined. */
function getValue(k: number, kinds: Uint8Array, values: Float64Array, strings: readonly string[]): unknown {
  switch (kinds[k]) {
    case Kind.Null:
      return null;
    case Kind.Number:
      return values[k];
    case Kind.Text:
      return strings[values[k]];
    case Kind.True:
      return true;
    case Kind.False:
      return false;
    case Kind.Date:
      return new Date(values[k]);
    case Kind.Error:
      return new CellError(strings[values[k]]);
    case Kind.Json:
      return JSON.parse(strings[values[k]]);
    default:
      return undefined;
  }
}

/** The pane's side: one packer per request, so a text sent in one slice is an index in the next. */
export class RowPacker {
  private readonly strings = new StringIds();

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
      for (let c = 0; c < row.length; c++, k++) putValue(row[c], k, kinds, values, this.strings);
    }
    return { lengths, kinds, values, newStrings: this.strings.take() };
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
        if (kinds[k] !== Kind.Hole) row[c] = getValue(k, kinds, values, strings) as CellValue;
      }
      row.length = n;
      rows[r] = row;
    }
    rows.length = lengths.length;
    return rows;
  }
}

/**
 * The worker's side of the findings: 64k findings structured-cloned cost ~0.3 s to serialise in the
 * worker and as much again to read on the pane's thread; packed, a message repeated on 50k findings
 * and the code and sheet names cross once. Values must be texts, numbers, booleans, null or undefined
 * to come back identical (an other object comes back as its JSON).
 */
export class RecordPacker {
  private readonly strings = new StringIds();
  /** Each key list's id, by its keys joined; and the lists by id. */
  private readonly shapeIds = new Map<string, number>();
  private readonly shapes: string[][] = [];

  pack(records: readonly object[]): PackedRecords {
    const shapeOf = new Uint32Array(records.length);
    const sent = this.shapes.length;
    let last = -1;
    let n = 0;
    for (let i = 0; i < records.length; i++) {
      // Findings in a row mostly share one key list: checked in place, without a new array per record.
      if (last < 0 || !sameKeys(records[i], this.shapes[last])) {
        const keys = Object.keys(records[i]);
        const sig = keys.join("\u0000");
        let id = this.shapeIds.get(sig);
        if (id === undefined) {
          id = this.shapes.push(keys) - 1;
          this.shapeIds.set(sig, id);
        }
        last = id;
      }
      shapeOf[i] = last;
      n += this.shapes[last].length;
    }
    const kinds = new Uint8Array(n);
    const values = new Float64Array(n);
    let k = 0;
    for (let i = 0; i < records.length; i++) {
      const rec = records[i] as Record<string, unknown>;
      for (const key of this.shapes[shapeOf[i]]) putValue(rec[key], k++, kinds, values, this.strings);
    }
    return { shapeOf, newShapes: this.shapes.slice(sent), kinds, values, newStrings: this.strings.take() };
  }
}

/** Whether `rec`'s own keys are `keys`, in that order. */
function sameKeys(rec: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const key in rec) {
    if (!Object.prototype.hasOwnProperty.call(rec, key) || keys[i++] !== key) return false;
  }
  return i === keys.length;
}

/** The pane's side of the findings: records rebuilt with their keys in the order they had. */
export class RecordUnpacker {
  private readonly strings: string[] = [];
  private readonly shapes: string[][] = [];

  unpack<T extends object>(p: PackedRecords): T[] {
    for (const s of p.newStrings) this.strings.push(s);
    for (const s of p.newShapes) this.shapes.push(s);
    const { shapeOf, kinds, values } = p;
    const out: T[] = new Array<T>(shapeOf.length);
    let k = 0;
    for (let i = 0; i < shapeOf.length; i++) {
      const rec: Record<string, unknown> = {};
      for (const key of this.shapes[shapeOf[i]]) rec[key] = getValue(k++, kinds, values, this.strings);
      out[i] = rec as T;
    }
    return out;
  }
}

/** The buffers a packed slice can hand over instead of copying (postMessage's transfer list). */
export function transferables(p: PackedRows | PackedRecords): ArrayBuffer[] {
  const own = "lengths" in p ? p.lengths : p.shapeOf;
  return [own.buffer as ArrayBuffer, p.kinds.buffer as ArrayBuffer, p.values.buffer as ArrayBuffer];
}
