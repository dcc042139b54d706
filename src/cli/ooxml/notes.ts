// A worksheet's legacy notes (the comments part and its VML drawing), patched: our note text is
// taken out of every comment that has it and put back where the findings are now. A comment of
// the user's keeps its bytes up to where our text was appended; parts we created are removed again
// when no note of ours is left in them. Our parts get the names Excel gives them (xl/commentsN.xml,
// xl/drawings/vmlDrawingN.vml): some readers (exceljs) find notes only there.
import { NOTE_PREFIX, toA1 } from "../../core";
import { relsPathFor, resolvePartPath } from "../xlsx/workbook-parts";
import { decodeXmlText } from "../xlsx/xml-text";
import { CT } from "./content-types";
import type { ZipPackage } from "./package";
import { EMPTY_RELS, RelsPatch, relativeTarget, type Rel } from "./rels";
import { addLegacyDrawing, legacyDrawingId, removeLegacyDrawing } from "./sheet-cells";
import { applySplices, attrOf, elementAt, elements, escapeCellText, findTag, rootPrefix, type Splice } from "./xml";
import type { WorkbookPatch } from "./workbook-patch";

const AUTHOR = "专项资金审核";
/** Stands for authorId="n" until the author's index in <authors> is known. */
const AUTHOR_SLOT = "authorId=\"\u0001\"";
const RUN_PROPS = '<rPr><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr>';
const EMPTY_COMMENTS = (ns: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${ns}"><authors></authors><commentList></commentList></comments>`;
const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';
const EMPTY_VML = (idmap: number): string =>
  `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>${SHAPETYPE}</xml>`;

export const cellKey = (row: number, col: number): string => `${row},${col}`;

function parseRef(ref: string): [number, number] | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(ref.toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}

/** The note's text, decoded (runs joined). */
function commentText(xml: string, P: string): string {
  return elements(xml, `${P}t`)
    .map((e) => decodeXmlText(xml.slice(e.openEnd, e.selfClosing ? e.openEnd : e.end - `</${P}t>`.length)))
    .join("");
}

/** The comment without our text, or "" when nothing of the user's is left. */
function withoutOurs(xml: string, P: string): string {
  const at = xml.indexOf(NOTE_PREFIX);
  const tOpen = Math.max(xml.lastIndexOf(`<${P}t>`, at), xml.lastIndexOf(`<${P}t `, at));
  const tStart = xml.indexOf(">", tOpen) + 1;
  const textClose = xml.lastIndexOf(`</${P}text>`);
  const rOpen = Math.max(xml.lastIndexOf(`<${P}r>`, at), xml.lastIndexOf(`<${P}r `, at));
  const inRun = rOpen > xml.lastIndexOf(`</${P}r>`, at);
  const before = xml.slice(tStart, at).replace(/(\s|&#1[03];|&#x[aAdD];)+$/, "");
  let kept: string;
  if (before === "") kept = xml.slice(0, inRun ? rOpen : tOpen);
  else kept = `${xml.slice(0, at - (xml.slice(tStart, at).length - before.length))}</${P}t>${inRun ? `</${P}r>` : ""}`;
  if (commentText(kept, P).trim() === "") return "";
  return kept + xml.slice(textClose);
}

function noteShape(id: number, row: number, col: number): string {
  const top = Math.max(row - 1, 0);
  return `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:90pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${top}, 10, ${col + 4}, 15, ${top + 6}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
}

interface Comment {
  key: string;
  start: number;
  end: number;
  xml: string;
}

export class SheetNotes {
  private readonly relsPath: string;
  private readonly rels: RelsPatch;
  private readonly relsExisted: boolean;
  private readonly commentsRel?: Rel;
  private readonly vmlRel?: Rel;
  private readonly commentsPart?: string;
  private readonly vmlPart?: string;
  private readonly commentsXml?: string;
  private readonly P: string = "";
  private readonly comments: Comment[] = [];
  private readonly splices: Splice[] = [];
  private readonly added: string[] = [];
  private readonly removedShapes = new Set<string>();
  private readonly addedShapes: [number, number][] = [];
  private remaining = 0;

  constructor(
    private readonly pkg: ZipPackage,
    private readonly wb: WorkbookPatch,
    private readonly sheetPart: string,
  ) {
    this.relsPath = relsPathFor(sheetPart);
    const relsXml = pkg.text(this.relsPath);
    this.relsExisted = relsXml !== undefined;
    this.rels = new RelsPatch(relsXml ?? EMPTY_RELS);
    const resolve = (r: Rel): string | undefined => pkg.nameOf(resolvePartPath(sheetPart, decodeURIComponentSafe(r.target)));
    this.commentsRel = this.rels.rels.find((r) => r.type.endsWith("/comments") && resolve(r));
    this.vmlRel = this.rels.rels.find((r) => r.type.endsWith("/vmlDrawing") && resolve(r));
    this.commentsPart = this.commentsRel && resolve(this.commentsRel);
    this.vmlPart = this.vmlRel && resolve(this.vmlRel);
    if (this.commentsPart) {
      const xml = pkg.text(this.commentsPart) ?? "";
      this.commentsXml = xml;
      this.P = rootPrefix(xml, "comments");
      for (const e of elements(xml, `${this.P}comment`)) {
        const ref = parseRef(attrOf(xml.slice(e.start, e.openEnd), "ref") ?? "");
        if (ref) this.comments.push({ key: cellKey(ref[0], ref[1]), start: e.start, end: e.end, xml: xml.slice(e.start, e.end) });
      }
      this.remaining = this.comments.length;
    }
  }

  /** Cells whose note carries our text (a previous run's marks). */
  ourCells(): Set<string> {
    return new Set(this.comments.filter((c) => c.xml.includes(NOTE_PREFIX)).map((c) => c.key));
  }

  /** Takes our text out of every comment; a comment left empty is removed with its shape. */
  stripOurs(): void {
    for (const c of this.comments) {
      if (!c.xml.includes(NOTE_PREFIX)) continue;
      const rest = withoutOurs(c.xml, this.P);
      this.splices.push({ start: c.start, end: c.end, text: rest });
      c.xml = rest;
      if (rest === "") {
        this.remaining--;
        this.removedShapes.add(c.key);
      }
    }
  }

  /** Adds our note to the cell: appended to the user's comment there, or a new one. */
  add(row: number, col: number, note: string): void {
    const P = this.P;
    const text = escapeCellText(note);
    const own = this.comments.find((c) => c.key === cellKey(row, col) && c.xml !== "");
    if (own) {
      const close = own.xml.lastIndexOf(`</${P}text>`);
      const s = this.splices.find((x) => x.start === own.start);
      own.xml = `${own.xml.slice(0, close)}<${P}r>${RUN_PROPS.replace(/<(\/?)/g, `<$1${P}`)}<${P}t xml:space="preserve">&#10;${text}</${P}t></${P}r>${own.xml.slice(close)}`;
      if (s) s.text = own.xml;
      else this.splices.push({ start: own.start, end: own.end, text: own.xml });
      return;
    }
    const comment = `<${P}comment ref="${toA1(row, col)}" ${AUTHOR_SLOT}><${P}text><${P}r>${RUN_PROPS.replace(/<(\/?)/g, `<$1${P}`)}<${P}t xml:space="preserve">${text}</${P}t></${P}r></${P}text></${P}comment>`;
    // A comment that held only our text is written again where it was, keeping its shape.
    const emptied = this.comments.find((c) => c.key === cellKey(row, col) && c.xml === "");
    const s = emptied && this.splices.find((x) => x.start === emptied.start);
    if (emptied && s) {
      emptied.xml = s.text = comment;
      this.remaining++;
      this.removedShapes.delete(emptied.key);
      return;
    }
    this.added.push(comment);
    this.addedShapes.push([row, col]);
  }

  /** Writes the notes parts and returns the sheet XML with its <legacyDrawing> as needed. */
  finish(sheetXml: string, nextIdmap: () => number): string {
    let sheet = sheetXml;
    this.finishComments();
    sheet = this.finishVml(sheet, nextIdmap);
    if (this.rels.changed) {
      if (this.rels.count === 0) this.pkg.delete(this.relsPath);
      else this.pkg.set(this.relsPath, this.rels.toXml());
    } else if (!this.relsExisted && this.rels.count > 0) this.pkg.set(this.relsPath, this.rels.toXml());
    return sheet;
  }

  private finishComments(): void {
    const total = this.remaining + this.added.length;
    const authors = this.commentsXml === undefined ? [] : elements(this.commentsXml, `${this.P}author`).map((e) => this.commentsXml?.slice(e.openEnd, e.end - `</${this.P}author>`.length));
    // A part left without comments once ours are out, that no one else wrote in, is ours: removed.
    if (this.commentsPart && this.commentsRel && total === 0 && this.comments.length > 0 && authors.every((a) => a === AUTHOR)) {
      this.pkg.delete(this.commentsPart);
      this.wb.contentTypes.removeOverride(this.commentsPart);
      this.rels.remove(this.commentsRel);
      return;
    }
    if (this.splices.length === 0 && this.added.length === 0) return;
    let part = this.commentsPart;
    let xml = this.commentsXml;
    if (!part || xml === undefined) {
      part = this.freePart("xl/comments", "xml");
      xml = EMPTY_COMMENTS(this.wb.ns);
      this.wb.contentTypes.override(part, CT.comments);
      this.rels.add(this.wb.relType("comments"), relativeTarget(this.sheetPart, part));
    }
    const P = this.P;
    const splices = [...this.splices];
    let author = -1;
    if (this.added.length || splices.some((x) => x.text.includes(AUTHOR_SLOT))) {
      const authors = elements(xml, `${P}author`).map((e) => decodeXmlText(xml.slice(e.openEnd, e.selfClosing ? e.openEnd : e.end - `</${P}author>`.length)));
      author = authors.indexOf(AUTHOR);
      if (author < 0) {
        author = authors.length;
        const a = findTag(xml, `${P}authors`, 0);
        const el = elementAt(xml, `${P}authors`, a);
        splices.push(el.selfClosing ? { start: el.start, end: el.end, text: `<${P}authors><${P}author>${AUTHOR}</${P}author></${P}authors>` } : { start: el.end - `</${P}authors>`.length, end: el.end - `</${P}authors>`.length, text: `<${P}author>${AUTHOR}</${P}author>` });
      }
    }
    if (this.added.length) {
      const list = elementAt(xml, `${P}commentList`, findTag(xml, `${P}commentList`, 0));
      const body = this.added.join("");
      const close = list.end - `</${P}commentList>`.length;
      splices.push(list.selfClosing ? { start: list.start, end: list.end, text: `<${P}commentList>${body}</${P}commentList>` } : { start: close, end: close, text: body });
    }
    // Our author, last in the list and no longer named by any comment, goes again.
    if (author < 0 && this.commentsXml !== undefined && authors[authors.length - 1] === AUTHOR && authors.length > 1) {
      const last = elements(xml, `${P}author`).pop();
      if (last && !this.comments.some((c) => c.xml.includes(`authorId="${authors.length - 1}"`))) splices.push({ start: last.start, end: last.end, text: "" });
    }
    const slot = `authorId="${author}"`;
    this.pkg.set(part, applySplices(xml, splices.map((x) => ({ ...x, text: x.text.split(AUTHOR_SLOT).join(slot) }))));
  }

  private finishVml(sheetXml: string, nextIdmap: () => number): string {
    if (this.vmlPart && this.vmlRel) {
      const xml = this.pkg.text(this.vmlPart) ?? "";
      const splices: Splice[] = [];
      let shapes = 0;
      let maxId = 1024;
      for (const e of elements(xml, "v:shape")) {
        const shape = xml.slice(e.start, e.end);
        maxId = Math.max(maxId, Number(/_x0000_s(\d+)/.exec(shape)?.[1] ?? 0));
        const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape)?.[1];
        const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape)?.[1];
        if (/ObjectType="Note"/.test(shape) && row !== undefined && col !== undefined && this.removedShapes.has(cellKey(Number(row), Number(col)))) {
          splices.push({ start: e.start, end: e.end, text: "" });
        } else shapes++;
      }
      if (shapes === 0 && splices.length > 0 && this.addedShapes.length === 0) {
        this.pkg.delete(this.vmlPart);
        this.rels.remove(this.vmlRel);
        return removeLegacyDrawing(sheetXml, this.vmlRel.id);
      }
      if (splices.length === 0 && this.addedShapes.length === 0) return sheetXml;
      const at = xml.lastIndexOf("</xml>");
      const type = xml.includes('id="_x0000_t202"') ? "" : SHAPETYPE;
      splices.push({ start: at, end: at, text: type + this.addedShapes.map(([r, c], i) => noteShape(maxId + 1 + i, r, c)).join("") });
      this.pkg.set(this.vmlPart, applySplices(xml, splices));
      return sheetXml;
    }
    if (this.addedShapes.length === 0) return sheetXml;
    const part = this.freePart("xl/drawings/vmlDrawing", "vml");
    const idmap = nextIdmap();
    const xml = EMPTY_VML(idmap);
    const at = xml.lastIndexOf("</xml>");
    this.pkg.set(part, xml.slice(0, at) + this.addedShapes.map(([r, c], i) => noteShape(idmap * 1024 + 1 + i, r, c)).join("") + xml.slice(at));
    this.wb.contentTypes.defaultFor("vml", CT.vml);
    const id = this.rels.add(this.wb.relType("vmlDrawing"), relativeTarget(this.sheetPart, part));
    return legacyDrawingId(sheetXml) ? sheetXml : addLegacyDrawing(sheetXml, this.wb.relNs, id);
  }

  private freePart(stem: string, ext: string): string {
    let n = 1;
    while (this.pkg.has(`${stem}${n}.${ext}`)) n++;
    return `${stem}${n}.${ext}`;
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
