// The package structure: where the workbook part is, its sheets (name, order, visibility),
// the 1900/1904 date system, and the parts each relationship points to.
import { forEachTag } from "./small-xml";

export interface SheetEntry {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  relId: string;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
}

export interface Relationship {
  type: string;
  /** Zip path of the target, resolved against the source part's folder. */
  target: string;
  external: boolean;
}

export function parseWorkbook(xml: string): WorkbookInfo {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  forEachTag(xml, (tag) => {
    if (tag.closing) return;
    if (tag.name === "workbookPr") {
      const v = tag.attrs.date1904;
      date1904 = v === "1" || v === "true";
    } else if (tag.name === "sheet") {
      const state = tag.attrs.state === "hidden" || tag.attrs.state === "veryHidden" ? tag.attrs.state : "visible";
      sheets.push({ name: tag.attrs.name ?? "", state, relId: tag.attrs.id ?? "" });
    }
  });
  return { sheets, date1904 };
}

/** "xl/workbook.xml" + "worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml"; "/xl/x" is absolute. */
export function resolvePartPath(sourcePart: string, target: string): string {
  const t = target.replace(/\\/g, "/");
  const base = t.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** The .rels part that belongs to a part: xl/workbook.xml -> xl/_rels/workbook.xml.rels. */
export function relsPathFor(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function parseRelationships(xml: string, sourcePart: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  forEachTag(xml, (tag) => {
    if (tag.closing || tag.name !== "Relationship") return;
    const external = tag.attrs.TargetMode === "External";
    const target = tag.attrs.Target ?? "";
    let decoded = target;
    try {
      decoded = decodeURIComponent(target);
    } catch {
      // A malformed %-escape: use the target as written.
    }
    rels.set(tag.attrs.Id ?? "", { type: tag.attrs.Type ?? "", target: external ? target : resolvePartPath(sourcePart, decoded), external });
  });
  return rels;
}

/** The first relationship whose type ends with "/<suffix>" (any namespace: transitional or strict). */
export function findByType(rels: Map<string, Relationship>, suffix: string): Relationship | undefined {
  for (const r of rels.values()) if (!r.external && r.type.endsWith(`/${suffix}`)) return r;
  return undefined;
}
