// The fake host's workbook: plain data plus the cell semantics office-js exposes (values vs
// formulas, text number format, merges, hidden rows, fills). No Office, no Node, no DOM.
import { columnIndex, columnLetter } from "../../src/core/grid";

export type Scalar = string | number | boolean;

/** Zero-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FillState {
  color: string;
  pattern: string;
  patternColor: string | null;
}

export interface BorderState {
  style: string;
  weight: string;
}

export interface CellFormat {
  numberFormat?: string;
  /** null = explicitly no fill (overrides a seeded fill layer). */
  fill?: FillState | null;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borders?: Partial<Record<"top" | "bottom" | "left" | "right", BorderState>>;
}

export interface NoteState {
  content: string;
  author: string;
}

export interface CommentState {
  id: string;
  row: number;
  col: number;
  content: string;
  author: string;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea: string | null;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export function keyToCell(key: number): { row: number; col: number } {
  return { row: Math.floor(key / MAX_COLS), col: key % MAX_COLS };
}


export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function rectA1(r: Rect): string {
  const p = a1(r.top, r.left);
  const q = a1(r.bottom, r.right);
  return p === q ? p : `${p}:${q}`;
}

/** "A1", "$B$2:C9", "A:C", "3:5" (no sheet) -> Rect; null when not an address. */
export function parseRect(ref: string): Rect | null {
  const parts = ref.replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length > 2) return null;
  const ends = parts.map((p) => {
    let m = /^([A-Z]{1,3})([0-9]{1,7})$/.exec(p);
    if (m) return { row: Number(m[2]) - 1, col: columnIndex(m[1]), kind: "cell" as const };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { row: -1, col: columnIndex(m[1]), kind: "col" as const };
    m = /^([0-9]{1,7})$/.exec(p);
    if (m) return { row: Number(m[1]) - 1, col: -1, kind: "row" as const };
    return null;
  });
  const [p, q0] = ends;
  const q = q0 === undefined ? p : q0;
  if (!p || !q || p.kind !== q.kind) return null;
  if (p.kind === "col") return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(p.col, q.col), right: Math.max(p.col, q.col) };
  if (p.kind === "row") return { top: Math.min(p.row, q.row), bottom: Math.max(p.row, q.row), left: 0, right: MAX_COLS - 1 };
  const r = { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
  if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS) return null;
  return r;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!A1:B2" or "'My sheet'!A1" -> {sheet, ref}; sheet is null when there is no prefix. */
export function splitSheetRef(address: string): { sheet: string | null; ref: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1) };
}

export function rectCells(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The value Excel shows for a formula the fake understands: HYPERLINK, literals; else 0. */
export function evaluateFormula(formula: string): Scalar {
  const body = formula.replace(/^=/, "").trim();
  const link = /^HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:,\s*"((?:[^"]|"")*)"\s*)?\)$/i.exec(body);
  if (link) return (link[2] ?? link[1]).replace(/""/g, '"');
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return str[1].replace(/""/g, '"');
  if (NUMERIC.test(body)) return Number(body);
  if (/^(TRUE|FALSE)$/i.test(body)) return body.toUpperCase() === "TRUE";
  return 0;
}

export class SheetModel {
  values: (Scalar | undefined)[][] = [];
  formulas = new Map<number, string>();
  formats = new Map<number, CellFormat>();
  /** Seeded fills over large areas (e.g. a whole formatted column); per-cell formats win. */
  fillLayers: { rect: Rect; fill: FillState }[] = [];
  merges: Rect[] = [];
  hiddenRows = new Set<number>();
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  frozenRows = 0;
  validations: { rect: Rect; rule: unknown }[] = [];
  notes = new Map<number, NoteState>();
  pageLayout: PageLayoutState = { orientation: "Portrait", paperSize: "Letter", zoom: { scale: 100 }, printArea: null };
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** Worksheet protection: cell edits (values, formats, notes) fail while it is on. */
  protected = false;
  /** The sheet's own selection, restored when it is activated. */
  selection = "A1";

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  getValue(row: number, col: number): Scalar | undefined {
    const r = this.values[row];
    return r ? r[col] : undefined;
  }

  setRaw(row: number, col: number, v: Scalar | undefined): void {
    let r = this.values[row];
    if (!r) {
      if (v === undefined) return;
      r = this.values[row] = [];
    }
    r[col] = v;
  }

  format(row: number, col: number): CellFormat | undefined {
    return this.formats.get(cellKey(row, col));
  }

  editFormat(row: number, col: number): CellFormat {
    const k = cellKey(row, col);
    let f = this.formats.get(k);
    if (!f) {
      f = {};
      this.formats.set(k, f);
    }
    return f;
  }

  numberFormat(row: number, col: number): string {
    return this.format(row, col)?.numberFormat ?? "General";
  }

  fill(row: number, col: number): FillState | null {
    const f = this.format(row, col);
    if (f && f.fill !== undefined) return f.fill;
    for (let i = this.fillLayers.length - 1; i >= 0; i--) if (contains(this.fillLayers[i].rect, row, col)) return this.fillLayers[i].fill;
    return null;
  }

  /** What typing `input` into a cell does, as office-js `values`/`formulas` setters do. */
  input(row: number, col: number, input: unknown): void {
    if (input === null || input === undefined) return;
    const k = cellKey(row, col);
    this.formulas.delete(k);
    if (typeof input === "number" || typeof input === "boolean") {
      this.setRaw(row, col, input);
      return;
    }
    const s = String(input);
    if (s === "") {
      this.setRaw(row, col, undefined);
      return;
    }
    if (this.numberFormat(row, col) === "@") {
      this.setRaw(row, col, s);
      return;
    }
    if (s.startsWith("'")) {
      this.setRaw(row, col, s.slice(1));
      return;
    }
    if (NUMERIC.test(s)) {
      this.setRaw(row, col, Number(s));
      return;
    }
    const c = s.charAt(0);
    if (s.length > 1 && (c === "=" || c === "+" || c === "-" || c === "@")) {
      const formula = c === "=" ? s : `=${s}`;
      this.formulas.set(k, formula);
      this.setRaw(row, col, c === "=" ? evaluateFormula(formula) : "#NAME?");
      return;
    }
    this.setRaw(row, col, s);
  }

  /** Bounding box of cells with a value (valuesOnly) or with a value or format. */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (let r = 0; r < this.values.length; r++) {
      const row = this.values[r];
      if (!row) continue;
      let first = -1;
      let last = -1;
      for (let c = 0; c < row.length; c++) {
        if (row[c] !== undefined) {
          if (first < 0) first = c;
          last = c;
        }
      }
      if (last < 0) continue;
      if (top < 0) top = r;
      bottom = r;
      if (first < left) left = first;
      if (last > right) right = last;
    }
    let rect: Rect | null = top < 0 ? null : { top, bottom, left, right };
    if (!valuesOnly) {
      const grow = (r: Rect): void => {
        rect = rect ? { top: Math.min(rect.top, r.top), left: Math.min(rect.left, r.left), bottom: Math.max(rect.bottom, r.bottom), right: Math.max(rect.right, r.right) } : { ...r };
      };
      for (const k of this.formats.keys()) {
        const { row, col } = keyToCell(k);
        grow({ top: row, left: col, bottom: row, right: col });
      }
      for (const l of this.fillLayers) grow(l.rect);
    }
    return rect;
  }
}

export interface CommentStore {
  next: number;
  items: (CommentState & { sheetId: string })[];
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  activeSheetId: string | null = null;
  comments: CommentStore = { next: 1, items: [] };
  private nextSheet = 1;

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** Excel compares sheet names case-insensitively. */
  sheetByName(name: string): SheetModel | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  addSheet(name?: string): SheetModel {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    const s = new SheetModel(`{sheet-${this.nextSheet++}}`, n);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  activeSheet(): SheetModel {
    return this.sheetById(this.activeSheetId ?? "") ?? this.sheets[0];
  }
}
