// The smallest patch of a user's worksheet part: the `s` attribute of a few cells (a cell that
// is not there gets a bare <c r s/>, in order), and the <legacyDrawing> element that points at
// the sheet's notes. Every other byte of the part is kept.
import { columnIndex, rangeFromA1, toA1, type CellRange } from "../../core";
import { applySplices, attrOf, elementAt, findTag, rootPrefix, tagEnd, withAttr, withoutAttr, type Splice } from "./xml";

/** New style index from the old one (0 when the cell has no `s`). */
export type Restyle = (s: number) => number;

export function sheetMerges(xml: string): CellRange[] {
  const P = rootPrefix(xml, "worksheet");
  const out: CellRange[] = [];
  for (let at = findTag(xml, `${P}mergeCell`, 0); at >= 0; at = findTag(xml, `${P}mergeCell`, at + 1)) {
    const r = rangeFromA1(attrOf(xml.slice(at, tagEnd(xml, at) + 1), "ref") ?? "");
    if (r) out.push(r);
  }
  return out;
}

function cellPos(ref: string | undefined, fallbackCol: number): number {
  if (ref === undefined) return fallbackCol;
  const m = /^\$?([A-Z]+)/.exec(ref.toUpperCase());
  return m ? columnIndex(m[1]) : fallbackCol;
}

/**
 * Applies `restyle` to the cells keyed "row,col" (zero-based). A cell restyled to 0 that we
 * would have inserted (a bare <c r s/>) is removed again, and so is a row left empty that holds
 * nothing but its number, so marking and clearing give back the original bytes.
 */
export function restyleCells(xml: string, restyle: Map<string, Restyle>): string {
  const P = rootPrefix(xml, "worksheet");
  const rowsWanted = new Map<number, Map<number, Restyle>>();
  for (const [k, f] of restyle) {
    const [r, c] = k.split(",").map(Number);
    const m = rowsWanted.get(r) ?? new Map<number, Restyle>();
    m.set(c, f);
    rowsWanted.set(r, m);
  }
  const splices: Splice[] = [];
  const dataAt = findTag(xml, `${P}sheetData`, 0);
  if (dataAt < 0) throw new Error("worksheet without sheetData");
  const data = elementAt(xml, `${P}sheetData`, dataAt);
  const missingRows: [number, string][] = [];
  const rowClose = `</${P}row>`;
  let rowIndex = -1;
  let pos = data.openEnd;
  const dataEnd = data.selfClosing ? data.openEnd : data.end - `</${P}sheetData>`.length;
  const wanted = [...rowsWanted.keys()].sort((a, b) => a - b);
  let next = 0;
  while (next < wanted.length) {
    const at = findTag(xml, `${P}row`, pos, dataEnd);
    if (at < 0) break;
    const gt = tagEnd(xml, at);
    const self = xml.charCodeAt(gt - 1) === 47;
    const end = self ? gt + 1 : xml.indexOf(rowClose, gt) + rowClose.length;
    const r = attrOf(xml.slice(at, gt + 1), "r");
    rowIndex = r !== undefined ? Number(r) - 1 : rowIndex + 1;
    for (; next < wanted.length && wanted[next] < rowIndex; next++) missingRows.push([at, newRow(P, wanted[next], rowsWanted.get(wanted[next]) as Map<number, Restyle>)]);
    if (next < wanted.length && wanted[next] === rowIndex) {
      patchRow(xml, P, rowIndex, at, gt, self, end, rowsWanted.get(rowIndex) as Map<number, Restyle>, splices);
      next++;
    }
    pos = end;
  }
  for (; next < wanted.length; next++) missingRows.push([dataEnd, newRow(P, wanted[next], rowsWanted.get(wanted[next]) as Map<number, Restyle>)]);
  const inserted = missingRows.filter(([, text]) => text !== "");
  if (inserted.length && data.selfClosing) {
    splices.push({ start: data.start, end: data.end, text: `<${P}sheetData>${inserted.map(([, t]) => t).join("")}</${P}sheetData>` });
  } else {
    for (const [at, text] of inserted) splices.push({ start: at, end: at, text });
  }
  return applySplices(xml, splices);
}

function bareCell(P: string, row: number, col: number, s: number): string {
  return s === 0 ? "" : `<${P}c r="${toA1(row, col)}" s="${s}"/>`;
}

function newRow(P: string, row: number, cells: Map<number, Restyle>): string {
  const body = [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([c, f]) => bareCell(P, row, c, f(0))).join("");
  return body ? `<${P}row r="${row + 1}">${body}</${P}row>` : "";
}

function patchRow(xml: string, P: string, row: number, at: number, gt: number, self: boolean, end: number, wanted: Map<number, Restyle>, splices: Splice[]): void {
  const todo = new Map(wanted);
  const local: Splice[] = [];
  let kept = 0;
  let col = -1;
  let pos = gt + 1;
  const stop = self ? gt + 1 : end - `</${P}row>`.length;
  const cellClose = `</${P}c>`;
  while (!self) {
    const c = findTag(xml, `${P}c`, pos, stop);
    if (c < 0) break;
    const cgt = tagEnd(xml, c);
    const tag = xml.slice(c, cgt + 1);
    const cself = xml.charCodeAt(cgt - 1) === 47;
    const cend = cself ? cgt + 1 : xml.indexOf(cellClose, cgt) + cellClose.length;
    col = cellPos(attrOf(tag, "r"), col + 1);
    for (const [w, f] of [...todo].filter(([w]) => w < col).sort((a, b) => a[0] - b[0])) {
      const text = bareCell(P, row, w, f(0));
      if (text) local.push({ start: c, end: c, text });
      todo.delete(w);
    }
    const f = todo.get(col);
    if (f) {
      todo.delete(col);
      const old = Number(attrOf(tag, "s") ?? 0);
      const s = f(old);
      if (s === 0 && cself && /^<[\w:]*c\s+r="[A-Z]+\d+"\s+s="\d+"\s*\/>$/.test(tag)) {
        local.push({ start: c, end: cend, text: "" });
        pos = cend;
        continue;
      }
      if (s !== old) local.push({ start: c, end: cgt + 1, text: s === 0 ? withoutAttr(tag, "s") : withAttr(tag, "s", String(s)) });
    }
    kept++;
    pos = cend;
  }
  const tail = [...todo].sort((a, b) => a[0] - b[0]).map(([w, f]) => bareCell(P, row, w, f(0))).join("");
  if (tail) {
    if (self) local.push({ start: at, end: gt + 1, text: `${xml.slice(at, gt - 1).trimEnd()}>${tail}</${P}row>` });
    else local.push({ start: stop, end: stop, text: tail });
  }
  const openTag = xml.slice(at, gt + 1);
  if (kept === 0 && !tail && !self && /^<[\w:]*row\s+r="\d+"\s*>$/.test(openTag) && xml.slice(gt + 1, stop).replace(/<[\w:]*c\s+r="[A-Z]+\d+"\s+s="\d+"\s*\/>/g, "").trim() === "") {
    splices.push({ start: at, end, text: "" });
    return;
  }
  splices.push(...local);
}

const LEGACY_FOLLOWERS = ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** The sheet with <legacyDrawing r:id="id"/> in its schema place. */
export function addLegacyDrawing(xml: string, relNs: string, id: string): string {
  const P = rootPrefix(xml, "worksheet");
  const data = elementAt(xml, `${P}sheetData`, findTag(xml, `${P}sheetData`, 0));
  const prefix = new RegExp(`xmlns:([\\w.-]+)="${relNs}"`).exec(xml)?.[1];
  const tag = `<${P}legacyDrawing ${prefix ? `${prefix}:id="${id}"` : `xmlns:r="${relNs}" r:id="${id}"`}/>`;
  let at = -1;
  for (const name of LEGACY_FOLLOWERS) {
    const i = findTag(xml, P + name, data.end);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = xml.lastIndexOf(`</${P}worksheet>`);
  return xml.slice(0, at) + tag + xml.slice(at);
}

/** The sheet without the <legacyDrawing> that points at relationship `id`. */
export function removeLegacyDrawing(xml: string, id: string): string {
  const P = rootPrefix(xml, "worksheet");
  const at = findTag(xml, `${P}legacyDrawing`, 0);
  if (at < 0) return xml;
  const e = elementAt(xml, `${P}legacyDrawing`, at);
  const tag = xml.slice(at, e.openEnd);
  return /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1] === id ? xml.slice(0, at) + xml.slice(e.end) : xml;
}

/** The rel id of the sheet's <legacyDrawing>, if it has one. */
export function legacyDrawingId(xml: string): string | undefined {
  const P = rootPrefix(xml, "worksheet");
  const at = findTag(xml, `${P}legacyDrawing`, 0);
  return at < 0 ? undefined : /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(xml.slice(at, tagEnd(xml, at) + 1))?.[1];
}

