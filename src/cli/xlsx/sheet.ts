// Streaming scanner for a worksheet part: <row>, <c> (with <v>, <is>, <f>) and <mergeCell>,
// found by scanning the raw bytes. Only cells holding a value allocate anything, so a
// sheet formatted down to row 1,048,576 costs one pass over its bytes.
import { rangeFromA1, toA1, type CellRange, type CellValue } from "../../core/grid";
import {
  APOS,
  EQ,
  GT,
  LT,
  QUOTE,
  SLASH,
  bytesEqual,
  closeTag,
  findByte,
  findClose1,
  decodeText,
  findTagEnd,
  isSpace,
  parseIndex,
  parseNumber,
  readTagName,
  tagName,
} from "./bytes";
import { serialToDate } from "./dates";
import { WorkbookReadError } from "./errors";
import { MAX_COL, MAX_ROW, OUT_OF_RANGE, SPARSE_GAP, UNCALCULATED, errorValue, forEachAttr, isoDate, parseColumn } from "./cell-refs";
import { InternTable } from "./intern";
import { richText } from "./rich-text";

const enum CellType {
  Number,
  Shared,
  Str,
  Bool,
  Error,
  Inline,
  IsoDate,
}

const V_CLOSE = Buffer.from("</v>");
const IS_CLOSE = Buffer.from("</is>");
/** Longer inline strings are rarely repeated: they are decoded each time, not interned. */
const INTERN_MAX_BYTES = 512;
const COMMENT_END = Buffer.from("-->");

/** Counts value cells across a workbook against ReadOptions.maxCells. */
export class CellBudget {
  used = 0;
  constructor(readonly limit: number) {}
}

export interface SheetContext {
  sheetName: string;
  sharedStrings: readonly string[];
  dateStyles: Uint8Array;
  date1904: boolean;
  cells: CellBudget;
}

function parseType(buf: Buffer, a: number, b: number): CellType {
  const len = b - a;
  const c = buf[a];
  if (len === 1) {
    if (c === 115) return CellType.Shared; // s
    if (c === 98) return CellType.Bool; // b
    if (c === 101) return CellType.Error; // e
    if (c === 100) return CellType.IsoDate; // d
    return CellType.Number;
  }
  if (bytesEqual(buf, a, b, "str")) return CellType.Str;
  if (bytesEqual(buf, a, b, "inlineStr")) return CellType.Inline;
  return CellType.Number;
}

export class SheetScanner {
  readonly rows: CellValue[][] = [];
  readonly hiddenRows: number[] = [];
  /** Error values made (#N/A, #REF!…): none lets the engine skip looking for them. */
  private errors = 0;
  /**
   * One Date per whole-day serial: a sheet's dates repeat (365 days a year over 100k lines), and
   * each Date object would otherwise live as long as the grid. Grid values are never mutated.
   */
  private readonly days = new Map<number, Date | null>();
  /** Inline-string contents and their text. */
  private readonly interned = new InternTable();

  private dateOf(serial: number): Date | null {
    if (!Number.isInteger(serial)) return serialToDate(serial, this.ctx.date1904);
    let d = this.days.get(serial);
    if (d === undefined) this.days.set(serial, (d = serialToDate(serial, this.ctx.date1904)));
    return d;
  }
  readonly merges: CellRange[] = [];
  private row = -1;
  private col = -1;
  private curRow = -1;
  private cur: CellValue[] = [];

  constructor(private readonly ctx: SheetContext) {}

  consume = (buf: Buffer): number => {
    const n = buf.length;
    let pos = 0;
    for (;;) {
      const lt = findByte(buf, LT, pos, n);
      if (lt < 0) return n;
      const next = buf[lt + 1];
      if (next === SLASH) {
        pos = lt + 2;
        continue;
      }
      if (next === 33 /* ! */) {
        if (lt + 4 > n) return lt;
        if (buf[lt + 2] === 45 && buf[lt + 3] === 45) {
          const end = buf.indexOf(COMMENT_END, lt + 4);
          if (end < 0) return lt;
          pos = end + 3;
        } else pos = lt + 2;
        continue;
      }
      if (!readTagName(buf, lt + 1, n)) return lt;
      const ls = tagName.local;
      const le = tagName.end;
      const len = le - ls;
      if (len === 1 && buf[ls] === 99 /* c */) {
        const end = this.cell(buf, lt, le, tagName.colon, n);
        if (end < 0) return lt;
        pos = end;
      } else if (len === 3 && bytesEqual(buf, ls, le, "row")) {
        const gt = findTagEnd(buf, le, n);
        if (gt < 0) return lt;
        this.rowStart(buf, le, gt);
        pos = gt + 1;
      } else if (len === 9 && bytesEqual(buf, ls, le, "mergeCell")) {
        const gt = findTagEnd(buf, le, n);
        if (gt < 0) return lt;
        this.mergeCell(buf, le, gt);
        pos = gt + 1;
      } else {
        pos = le;
      }
    }
  };

  private rowStart(buf: Buffer, a: number, gt: number): void {
    let r = -1;
    let hidden = false;
    forEachAttr(buf, a, gt, (ns, ne, vs, ve) => {
      if (ne - ns === 1 && buf[ns] === 114 /* r */) r = parseIndex(buf, vs, ve);
      else if (bytesEqual(buf, ns, ne, "hidden")) hidden = buf[vs] === 49 /* 1 */ || buf[vs] === 116; /* true */
    });
    this.row = r > 0 ? r - 1 : this.row + 1;
    if (this.row > MAX_ROW) this.outOfRange(`第 ${this.row + 1} 行`);
    this.col = -1;
    if (hidden) this.hiddenRows.push(this.row);
  }

  private mergeCell(buf: Buffer, a: number, gt: number): void {
    forEachAttr(buf, a, gt, (ns, ne, vs, ve) => {
      if (bytesEqual(buf, ns, ne, "ref")) {
        const range = rangeFromA1(buf.toString("latin1", vs, ve));
        if (range) this.merges.push(range);
      }
    });
  }

  /** Parses one <c> element starting at `lt`; returns the offset after it, or -1 if incomplete. */
  private cell(buf: Buffer, lt: number, le: number, colon: number, n: number): number {
    const gt = findTagEnd(buf, le, n);
    if (gt < 0) return -1;
    let colRef = -1;
    let refStart = -1;
    let refEnd = -1;
    let type = CellType.Number;
    let style = 0;
    // Attributes r, t, s (one-letter names; others such as cm/vm/ph are skipped). This is
    // forEachAttr inlined: it runs once per cell, so no visitor closure is made per cell.
    let i = le;
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
      if (i >= gt) break;
      const vs = i + 1;
      const ve = findByte(buf, buf[i], vs, gt);
      if (ve < 0) break;
      i = ve + 1;
      if (ne - ns !== 1) continue;
      const an = buf[ns];
      if (an === 114) {
        colRef = parseColumn(buf, vs, ve);
        refStart = vs;
        refEnd = ve;
      }
      else if (an === 116) type = parseType(buf, vs, ve);
      else if (an === 115) style = parseIndex(buf, vs, ve);
    }
    if (colRef === OUT_OF_RANGE) this.outOfRange(`单元格 ${buf.toString("latin1", refStart, Math.min(refEnd, refStart + 40))} `);
    const col = colRef >= 0 ? colRef : this.col + 1;
    if (col > MAX_COL) this.outOfRange(`第 ${Math.max(this.row, 0) + 1} 行第 ${col + 1} 列`);
    this.col = col;
    if (buf[gt - 1] === SLASH) return gt + 1;

    let close: number;
    let end: number;
    if (colon < 0) {
      close = findClose1(buf, 99 /* c */, gt + 1, n);
      end = close + 4;
    } else {
      const needle = closeTag(buf, lt + 1, le);
      close = buf.indexOf(needle, gt + 1);
      end = close + needle.length;
    }
    if (close < 0) return -1;

    let vs = -1;
    let ve = -1;
    let is = -1;
    let ie = -1;
    let formula = false;
    if (buf[gt + 1] === LT && buf[gt + 2] === 118 /* v */ && buf[gt + 3] === GT) {
      vs = gt + 4;
      ve = findClose1(buf, 118 /* v */, vs, close);
      if (ve < 0) return end;
    } else {
      let p = gt + 1;
      while (p < close) {
        const clt = findByte(buf, LT, p, close);
        if (clt < 0) break;
        if (buf[clt + 1] === SLASH) {
          p = clt + 2;
          continue;
        }
        if (!readTagName(buf, clt + 1, close)) break;
        const cls = tagName.local;
        const cle = tagName.end;
        const prefixed = tagName.colon >= 0;
        const cgt = findTagEnd(buf, cle, close);
        if (cgt < 0) break;
        if (buf[cgt - 1] === SLASH) {
          // <f t="shared" si="0"/>: a formula shared from another cell.
          if (cle - cls === 1 && buf[cls] === 102) formula = true;
          p = cgt + 1;
          continue;
        }
        const isV = cle - cls === 1 && buf[cls] === 118;
        const isF = cle - cls === 1 && buf[cls] === 102;
        const isIs = cle - cls === 2 && buf[cls] === 105 && buf[cls + 1] === 115;
        if (!isV && !isF && !isIs) {
          p = cgt + 1;
          continue;
        }
        const cNeedle = prefixed ? closeTag(buf, clt + 1, cle) : isV ? V_CLOSE : isIs ? IS_CLOSE : closeTag(buf, clt + 1, cle);
        const cclose = buf.indexOf(cNeedle, cgt + 1);
        if (cclose < 0 || cclose > close) break;
        if (isV) {
          vs = cgt + 1;
          ve = cclose;
        } else if (isF) {
          formula = true;
        } else if (isIs) {
          is = cgt + 1;
          ie = cclose;
        }
        p = cclose + cNeedle.length;
      }
    }

    let value: CellValue = null;
    switch (type) {
      case CellType.Number:
        if (vs >= 0 && ve > vs) {
          const num = parseNumber(buf, vs, ve);
          if (num !== num) value = decodeText(buf, vs, ve);
          else if (style >= 0 && style < this.ctx.dateStyles.length && this.ctx.dateStyles[style] === 1) value = this.dateOf(num) ?? num;
          else value = num;
        }
        break;
      case CellType.Shared:
        if (vs >= 0) {
          const k = parseIndex(buf, vs, ve);
          if (k >= this.ctx.sharedStrings.length) this.missingSharedString(k, col);
          value = k >= 0 ? this.ctx.sharedStrings[k] : null;
        }
        break;
      case CellType.Str:
        if (vs >= 0) value = decodeText(buf, vs, ve);
        break;
      case CellType.Inline:
        if (is >= 0) value = this.inline(buf, is, ie);
        else if (vs >= 0) value = decodeText(buf, vs, ve);
        break;
      case CellType.Bool:
        if (vs >= 0 && ve > vs) value = buf[vs] === 49 || buf[vs] === 116;
        break;
      case CellType.Error:
        if (vs >= 0 && ve > vs) {
          value = errorValue(decodeText(buf, vs, ve).trim());
          this.errors++;
        }
        break;
      case CellType.IsoDate:
        if (vs >= 0 && ve > vs) value = isoDate(decodeText(buf, vs, ve));
        break;
    }
    if (formula && vs < 0 && is < 0) {
      // A formula Excel never calculated (written by a program, or saved with manual calculation):
      // its value is unknown, which is not the same as an empty cell.
      value = UNCALCULATED;
      this.errors++;
    }
    if (value === null || value === "") return end;
    this.put(col, value);
    return end;
  }

  /**
   * The text of an <is>, one string per distinct content (as a shared-string table gives): a
   * column of inline strings repeats its names and categories, and openpyxl writes each CJK
   * character as "&#NNNNN;", so decoding once and sharing the string saves the decoding, the
   * garbage and the memory of the copies.
   */
  private inline(buf: Buffer, a: number, b: number): string {
    return b - a > INTERN_MAX_BYTES ? richText(buf, a, b) : this.interned.get(buf, a, b, richText);
  }

  private outOfRange(what: string): never {
    throw new WorkbookReadError("corrupt", `工作簿已损坏（工作表“${this.ctx.sheetName}”的${what}超出了 Excel 的最大范围 XFD1048576）：请在 Excel 中打开（Excel 会提示修复）并另存为 .xlsx（Excel 工作簿）后重试`);
  }

  private missingSharedString(k: number, col: number): never {
    const where = toA1(Math.max(this.row, 0), col);
    const what = this.ctx.sharedStrings.length === 0 ? "共享字符串表（sharedStrings.xml）缺失" : `共享字符串表只有 ${this.ctx.sharedStrings.length} 条`;
    throw new WorkbookReadError("corrupt", `工作簿已损坏（${what}，工作表“${this.ctx.sheetName}”的 ${where} 引用了第 ${k + 1} 条）：请在 Excel 中打开（Excel 会提示修复）并另存为 .xlsx（Excel 工作簿）后重试`);
  }

  private put(col: number, value: CellValue): void {
    const row = this.row < 0 ? 0 : this.row;
    if (row !== this.curRow) {
      const rows = this.rows;
      if (row < rows.length) {
        this.cur = rows[row] ?? (rows[row] = []);
      } else if (row > rows.length + SPARSE_GAP) {
        // Far down (a value in row 1,048,576): a hole, not a million empty rows.
        this.cur = rows[row] = [];
      } else {
        while (rows.length < row) rows.push([]);
        this.cur = [];
        rows.push(this.cur);
      }
      this.curRow = row;
    }
    const cur = this.cur;
    if (col === cur.length) cur.push(value);
    else if (col > cur.length + SPARSE_GAP) {
      // Far right (a stray value in XFD): a hole, not 16,000 nulls per row.
      cur[col] = value;
    } else if (col > cur.length) {
      while (cur.length < col) cur.push(null);
      cur.push(value);
    } else cur[col] = value;
    const cells = this.ctx.cells;
    if (++cells.used > cells.limit) {
      throw new WorkbookReadError("too-large", `工作簿的数据超过 ${cells.limit.toLocaleString("en-US")} 个单元格的读取上限（在工作表“${this.ctx.sheetName}”），已停止读取：请删除多余数据或拆分工作簿后重试`);
    }
  }

  /** Hidden rows and merges limited to the rows that hold data. */
  finish(): { rows: CellValue[][]; hiddenRows: number[]; merges: CellRange[]; errorFree: boolean } {
    const height = this.rows.length;
    const hiddenRows = this.hiddenRows.filter((r) => r < height);
    const merges: CellRange[] = [];
    for (const m of this.merges) {
      if (m.top >= height) continue;
      merges.push(m.bottom < height ? m : { top: m.top, left: m.left, bottom: height - 1, right: m.right });
    }
    return { rows: this.rows, hiddenRows, merges, errorFree: this.errors === 0 };
  }
}
