// workbook.xml and its relationships: where each sheet's part is, and the product's own sheets
// added at the end (or, on a refill, written over their previous parts in place).
import { findByType, parseRelationships, relsPathFor } from "../xlsx/workbook-parts";
import { CliError } from "../cli-error";
import { ContentTypes, CT } from "./content-types";
import type { ZipPackage } from "./package";
import { EMPTY_RELS, RelsPatch, relativeTarget } from "./rels";
import { MINIMAL_STYLES, StylesPatch } from "./styles-patch";
import { applySplices, attrOf, elementAt, elements, escapeAttr, findTag, rootPrefix, type Splice } from "./xml";
import { decodeAttr } from "../xlsx/xml-text";

const TRANSITIONAL_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface SheetPart {
  name: string;
  /** Zip path of the worksheet part; undefined for chart sheets and dialogs. */
  part?: string;
  /** Position in <sheets> (a defined name's localSheetId). */
  index: number;
}

export class WorkbookPatch {
  readonly path: string;
  readonly sheets: SheetPart[];
  readonly contentTypes: ContentTypes;
  readonly styles: StylesPatch;
  /** Namespace of the workbook's elements (transitional or strict) and of its relationship types. */
  readonly ns: string;
  readonly relNs: string;
  private readonly xml: string;
  private readonly P: string;
  private readonly rels: RelsPatch;
  private readonly relsPath: string;
  private readonly stylesPath: string;
  private readonly stylesExisted: boolean;
  private readonly splices: Splice[] = [];
  private readonly newSheets: string[] = [];
  private readonly printAreas: { index: number; ref: string }[] = [];
  private readonly replacedPrintAreas = new Set<number>();

  constructor(private readonly pkg: ZipPackage) {
    const root = parseRelationships(pkg.text("_rels/.rels") ?? "", "");
    const doc = findByType(root, "officeDocument");
    this.path = doc && pkg.has(doc.target) ? (pkg.nameOf(doc.target) as string) : "xl/workbook.xml";
    this.xml = pkg.text(this.path) ?? "";
    this.P = rootPrefix(this.xml, "workbook");
    this.ns = /xmlns(?::[\w.-]+)?="(http[^"]*spreadsheetml[^"]*main)"/.exec(this.xml)?.[1] ?? "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    this.relsPath = relsPathFor(this.path);
    const relsXml = pkg.text(this.relsPath) ?? EMPTY_RELS;
    this.rels = new RelsPatch(relsXml);
    const parsed = parseRelationships(relsXml, this.path);
    const worksheetRel = this.rels.rels.find((r) => r.type.endsWith("/worksheet"));
    this.relNs = worksheetRel ? worksheetRel.type.slice(0, -"/worksheet".length) : TRANSITIONAL_RELS;
    this.sheets = elements(this.xml, `${this.P}sheet`).map((e, index) => {
      const tag = this.xml.slice(e.start, e.openEnd);
      const rel = parsed.get(decodeAttr(relIdAttr(tag) ?? ""));
      return { name: decodeAttr(attrOf(tag, "name") ?? ""), part: rel && rel.type.endsWith("/worksheet") ? pkg.nameOf(rel.target) : undefined, index };
    });
    this.contentTypes = new ContentTypes(pkg.text("[Content_Types].xml") ?? "");
    const styles = findByType(parsed, "styles");
    this.stylesPath = styles && pkg.has(styles.target) ? (pkg.nameOf(styles.target) as string) : `${this.path.slice(0, this.path.lastIndexOf("/") + 1)}styles.xml`;
    this.stylesExisted = pkg.has(this.stylesPath);
    this.styles = new StylesPatch(pkg.text(this.stylesPath) ?? MINIMAL_STYLES);
  }

  /** The relationship type `kind` in the workbook's namespace (worksheet, comments, vmlDrawing). */
  relType(kind: string): string {
    return `${this.relNs}/${kind}`;
  }

  /** Writes one of the product's own sheets: over its previous part, or as a new last sheet. */
  putOwnSheet(name: string, xml: string, printArea: string | undefined): void {
    const old = this.sheets.find((s) => s.name === name);
    let index: number;
    if (old) {
      if (!old.part) throw new CliError(`工作簿中的“${name}”不是普通工作表（可能是图表工作表），无法写入：请重命名或删除该工作表后重试`);
      this.pkg.set(old.part, xml);
      // Our sheets have no relationships of their own; a previous writer's go with the old content.
      this.pkg.delete(relsPathFor(old.part));
      index = old.index;
    } else {
      let n = 1;
      const dir = this.path.slice(0, this.path.lastIndexOf("/") + 1);
      while (this.pkg.has(`${dir}worksheets/sheet${n}.xml`) || this.newSheets.includes(`${dir}worksheets/sheet${n}.xml`)) n++;
      const part = `${dir}worksheets/sheet${n}.xml`;
      this.newSheets.push(part);
      this.pkg.set(part, xml);
      this.contentTypes.override(part, CT.worksheet);
      const id = this.rels.add(this.relType("worksheet"), relativeTarget(this.path, part));
      const sheetIds = elements(this.xml, `${this.P}sheet`).map((e) => Number(attrOf(this.xml.slice(e.start, e.openEnd), "sheetId") ?? 0));
      const sheetId = Math.max(0, ...sheetIds) + this.newSheets.length;
      const prefix = new RegExp(`xmlns:([\\w.-]+)="${this.relNs}"`).exec(this.xml)?.[1];
      const idAttr = prefix ? `${prefix}:id="${id}"` : `xmlns:r="${this.relNs}" r:id="${id}"`;
      const sheetsAt = findTag(this.xml, `${this.P}sheets`, 0);
      const sheets = elementAt(this.xml, `${this.P}sheets`, sheetsAt);
      const tag = `<${this.P}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${idAttr}/>`;
      if (sheets.selfClosing) throw new CliError("工作簿没有任何工作表，无法写入");
      const close = sheets.end - `</${this.P}sheets>`.length;
      this.splices.push({ start: close, end: close, text: tag });
      index = this.sheets.length + this.newSheets.length - 1;
    }
    this.replacedPrintAreas.add(index);
    if (printArea) this.printAreas.push({ index, ref: printArea });
  }

  /** Writes workbook.xml, its rels, styles and content types into the package, where changed. */
  finish(): void {
    this.definedNames();
    if (this.styles.changed) {
      this.pkg.set(this.stylesPath, this.styles.toXml());
      if (!this.stylesExisted) {
        this.contentTypes.override(this.stylesPath, CT.styles);
        this.rels.add(this.relType("styles"), relativeTarget(this.path, this.stylesPath));
      }
    }
    if (this.splices.length) this.pkg.set(this.path, applySplices(this.xml, this.splices));
    if (this.rels.changed) this.pkg.set(this.relsPath, this.rels.toXml());
    if (this.contentTypes.changed) this.pkg.set("[Content_Types].xml", this.contentTypes.toXml());
  }

  /** Print areas of our sheets: old ones (of the sheets we replace) out, ours in. */
  private definedNames(): void {
    const P = this.P;
    const at = findTag(this.xml, `${P}definedNames`, 0);
    const names = at >= 0 ? elementAt(this.xml, `${P}definedNames`, at) : undefined;
    if (names && !names.selfClosing) {
      for (const e of elements(this.xml, `${P}definedName`, names.openEnd, names.end)) {
        const tag = this.xml.slice(e.start, e.openEnd);
        const local = attrOf(tag, "localSheetId");
        if (attrOf(tag, "name") === "_xlnm.Print_Area" && local !== undefined && this.replacedPrintAreas.has(Number(local))) this.splices.push({ start: e.start, end: e.end, text: "" });
      }
    }
    if (this.printAreas.length === 0) return;
    const ours = this.printAreas.map((a) => `<${P}definedName name="_xlnm.Print_Area" localSheetId="${a.index}">${escapeAttr(a.ref)}</${P}definedName>`).join("");
    if (names && !names.selfClosing) {
      const close = names.end - `</${P}definedNames>`.length;
      this.splices.push({ start: close, end: close, text: ours });
    } else if (names) {
      this.splices.push({ start: names.start, end: names.end, text: `<${P}definedNames>${ours}</${P}definedNames>` });
    } else {
      // CT_Workbook: definedNames follow sheets, functionGroups and externalReferences.
      const name = ["externalReferences", "functionGroups", "sheets"].find((n) => findTag(this.xml, `${P}${n}`, 0) >= 0) as string;
      const end = elementAt(this.xml, `${P}${name}`, findTag(this.xml, `${P}${name}`, 0)).end;
      this.splices.push({ start: end, end, text: `<${P}definedNames>${ours}</${P}definedNames>` });
    }
  }
}

/** r:id under whatever prefix the relationships namespace has. */
function relIdAttr(tag: string): string | undefined {
  return /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
}
