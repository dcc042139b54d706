// styles.xml, appended to and never renumbered: the product's own sheets and the cell marks get
// new fonts, fills, borders, number formats and cell formats after the existing ones; an entry
// that already exists with the same XML (a previous run's) is reused, so refills do not grow it.
import type { CellStyle } from "../../core";
import { MARK_FILL } from "../../core";
import { applySplices, attrOf, elementAt, elements, escapeAttr, findTag, rootPrefix, withAttr, withoutAttr, type Splice } from "./xml";

type List = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs";
const CHILD: Record<List, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf" };
/** CT_Stylesheet's child order: a missing section is created before the first later one. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
const FONT_NAME = "宋体";
const DEFAULT_FONT_SIZE = 11;

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Our mark fills, as written; a fill with this XML is a mark. */
export function markFillXml(P: string, hex: string): string {
  return `<${P}fill><${P}patternFill patternType="solid"><${P}fgColor rgb="FF${hex.replace(/^#/, "").toUpperCase()}"/></${P}patternFill></${P}fill>`;
}

/** A cell format's XML without its fill, attributes sorted: equal for formats that differ only in fill. */
function looseXf(xml: string): string {
  const open = xml.slice(0, xml.indexOf(">") + 1);
  const attrs = [...open.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)].filter((m) => m[1] !== "fillId" && m[1] !== "applyFill").map((m) => `${m[1]}=${m[2]}`);
  return `${attrs.sort().join(" ")}|${xml.slice(open.length).replace(/\s+/g, "")}`;
}

export class StylesPatch {
  readonly P: string;
  private readonly existing = {} as Record<List, string[]>;
  private readonly added = {} as Record<List, string[]>;
  private readonly index = {} as Record<List, Map<string, number>>;
  private nextFormatId = 164;
  private markFills: Set<number> | undefined;
  private unmarkIndex: Map<string, number> | undefined;

  constructor(private readonly xml: string) {
    this.P = rootPrefix(xml, "styleSheet");
    for (const list of Object.keys(CHILD) as List[]) {
      const sec = this.section(list);
      const items = sec && !sec.selfClosing ? elements(xml, this.P + CHILD[list], sec.openEnd, sec.end).map((e) => xml.slice(e.start, e.end)) : [];
      this.existing[list] = items;
      this.added[list] = [];
      this.index[list] = new Map();
      items.forEach((x, i) => {
        if (!this.index[list].has(x)) this.index[list].set(x, i);
      });
    }
    for (const f of this.existing.numFmts) this.nextFormatId = Math.max(this.nextFormatId, Number(attrOf(f, "numFmtId") ?? 0) + 1);
  }

  get changed(): boolean {
    return (Object.keys(CHILD) as List[]).some((l) => this.added[l].length > 0);
  }

  private section(list: string): ReturnType<typeof elementAt> | undefined {
    const at = findTag(this.xml, this.P + list, 0);
    return at < 0 ? undefined : elementAt(this.xml, this.P + list, at);
  }

  private intern(list: List, xml: string): number {
    const hit = this.index[list].get(xml);
    if (hit !== undefined) return hit;
    const i = this.existing[list].length + this.added[list].length;
    this.added[list].push(xml);
    this.index[list].set(xml, i);
    return i;
  }

  private xfs(k: number): string | undefined {
    const n = this.existing.cellXfs.length;
    return k < n ? this.existing.cellXfs[k] : this.added.cellXfs[k - n];
  }

  private fill(k: number): string | undefined {
    const n = this.existing.fills.length;
    return k < n ? this.existing.fills[k] : this.added.fills[k - n];
  }

  private numberFormat(code: string): number {
    if (BUILTIN_FORMATS[code] !== undefined) return BUILTIN_FORMATS[code];
    const esc = escapeAttr(code);
    const all = [...this.existing.numFmts, ...this.added.numFmts];
    const found = all.find((f) => attrOf(f, "formatCode") === esc);
    if (found) return Number(attrOf(found, "numFmtId"));
    const id = this.nextFormatId++;
    this.added.numFmts.push(`<${this.P}numFmt numFmtId="${id}" formatCode="${esc}"/>`);
    return id;
  }

  /** The cell format of one of the product's own cells. */
  cellXf(s: CellStyle): number {
    const P = this.P;
    const font = this.intern("fonts", `<${P}font>${s.bold ? `<${P}b/>` : ""}<${P}sz val="${s.fontSize ?? DEFAULT_FONT_SIZE}"/><${P}name val="${FONT_NAME}"/><${P}charset val="134"/></${P}font>`);
    const fill = s.fill ? this.intern("fills", markFillXml(P, s.fill)) : 0;
    const side = (n: string): string => (s.border ? `<${P}${n} style="${s.border}"><${P}color rgb="FF000000"/></${P}${n}>` : `<${P}${n}/>`);
    const border = s.border ? this.intern("borders", `<${P}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${P}diagonal/></${P}border>`) : 0;
    const numFmt = s.numberFormat ? this.numberFormat(s.numberFormat) : 0;
    const align = [s.hAlign && `horizontal="${s.hAlign}"`, s.vAlign && `vertical="${s.vAlign === "middle" ? "center" : s.vAlign}"`, s.wrap && `wrapText="1"`].filter(Boolean).join(" ");
    const applies = `${numFmt ? ' applyNumberFormat="1"' : ""} applyFont="1"${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""}${align ? ' applyAlignment="1"' : ""}`;
    const xf = `<${P}xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applies}${align ? `><${P}alignment ${align}/></${P}xf>` : "/>"}`;
    return this.intern("cellXfs", xf);
  }

  /** True when the cell format paints a fill of its own (a mark then only adds the note). */
  hasOwnFill(xf: number): boolean {
    const fill = this.fill(Number(attrOf(this.xfs(xf) ?? "", "fillId") ?? 0));
    if (!fill) return false;
    if (fill.includes("gradientFill")) return true;
    const pattern = attrOf(fill, "patternType");
    return pattern !== undefined && pattern !== "none";
  }

  /** A copy of cell format `base` with the mark fill (the same copy on every run). */
  markXf(base: number, hex: string): number {
    const fill = this.intern("fills", markFillXml(this.P, hex));
    return this.intern("cellXfs", this.markedXml(base, fill));
  }

  private markedXml(base: number, fill: number): string {
    const xf = this.xfs(base) ?? `<${this.P}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const open = xf.slice(0, xf.indexOf(">") + 1);
    return withAttr(withAttr(open, "fillId", String(fill)), "applyFill", "1") + xf.slice(open.length);
  }

  /**
   * The cell format a mark was copied from, or undefined when `xf` is not a mark. After another
   * program rewrote styles.xml the copy is no longer found by its XML: then the first format
   * equal to the mark but for the fill is taken, or one is appended.
   */
  unmarkXf(xf: number): number | undefined {
    const xml = this.xfs(xf);
    const fill = Number(attrOf(xml ?? "", "fillId") ?? 0);
    if (!xml || !this.isMarkFill(fill)) return undefined;
    if (!this.unmarkIndex) {
      this.unmarkIndex = new Map();
      const total = this.existing.cellXfs.length;
      for (let k = 0; k < total; k++) {
        if (this.hasOwnFill(k)) continue;
        const loose = `~${looseXf(this.existing.cellXfs[k])}`;
        if (!this.unmarkIndex.has(loose)) this.unmarkIndex.set(loose, k);
        for (const f of this.markFills ?? []) {
          const key = `${f}|${this.markedXml(k, f)}`;
          if (!this.unmarkIndex.has(key)) this.unmarkIndex.set(key, k);
        }
      }
    }
    const found = this.unmarkIndex.get(`${fill}|${xml}`) ?? this.unmarkIndex.get(`~${looseXf(xml)}`);
    if (found !== undefined) return found;
    const open = xml.slice(0, xml.indexOf(">") + 1);
    return this.intern("cellXfs", withoutAttr(withAttr(open, "fillId", "0"), "applyFill") + xml.slice(open.length));
  }

  /** A solid fill in one of the mark colours (ours, or as another program rewrote it). */
  private isMarkFill(k: number): boolean {
    if (!this.markFills) {
      this.markFills = new Set();
      const colours = new Set(Object.values(MARK_FILL).map((hex) => hex.replace(/^#/, "").toUpperCase()));
      [...this.existing.fills, ...this.added.fills].forEach((f, i) => {
        const rgb = /<(?:\w+:)?fgColor\s[^>]*rgb="(?:[0-9A-Fa-f]{2})?([0-9A-Fa-f]{6})"/.exec(f)?.[1];
        if (attrOf(f, "patternType") === "solid" && rgb && colours.has(rgb.toUpperCase())) this.markFills?.add(i);
      });
    }
    return this.markFills.has(k);
  }

  toXml(): string {
    if (!this.changed) return this.xml;
    const splices: Splice[] = [];
    const P = this.P;
    for (const list of Object.keys(CHILD) as List[]) {
      if (this.added[list].length === 0) continue;
      const count = this.existing[list].length + this.added[list].length;
      const body = this.added[list].join("");
      const sec = this.section(list);
      if (sec && !sec.selfClosing) {
        const open = this.xml.slice(sec.start, sec.openEnd);
        splices.push({ start: sec.start, end: sec.openEnd, text: attrOf(open, "count") !== undefined ? withAttr(open, "count", String(count)) : open });
        const close = sec.end - `</${P}${list}>`.length;
        splices.push({ start: close, end: close, text: body });
      } else {
        const text = `<${P}${list} count="${count}">${body}</${P}${list}>`;
        if (sec) splices.push({ start: sec.start, end: sec.end, text });
        else splices.push({ start: this.insertionPoint(list), end: this.insertionPoint(list), text });
      }
    }
    return applySplices(this.xml, splices);
  }

  private insertionPoint(list: string): number {
    for (const later of ORDER.slice(ORDER.indexOf(list) + 1)) {
      const at = findTag(this.xml, this.P + later, 0);
      if (at >= 0) return at;
    }
    return this.xml.lastIndexOf(`</${this.P}styleSheet>`);
  }
}
