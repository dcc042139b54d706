// [Content_Types].xml: Overrides and Defaults added or removed one element at a time.
import { applySplices, attrOf, elements, escapeAttr, rootPrefix, type Splice } from "./xml";

export const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
};

export class ContentTypes {
  private readonly P: string;
  private readonly adds: string[] = [];
  private readonly removes: Splice[] = [];

  constructor(private readonly xml: string) {
    this.P = rootPrefix(xml, "Types");
  }

  get changed(): boolean {
    return this.adds.length > 0 || this.removes.length > 0;
  }

  private find(kind: "Override" | "Default", attr: string, value: string): { start: number; end: number } | undefined {
    return elements(this.xml, this.P + kind).find((e) => (attrOf(this.xml.slice(e.start, e.openEnd), attr) ?? "").toLowerCase() === value.toLowerCase());
  }

  override(part: string, type: string): void {
    const name = `/${part}`;
    if (this.find("Override", "PartName", name) || this.adds.some((a) => a.includes(`"${escapeAttr(name)}"`))) return;
    this.adds.push(`<${this.P}Override PartName="${escapeAttr(name)}" ContentType="${type}"/>`);
  }

  /** A Default for the extension, unless one (or an Override for `part`) already says it. */
  defaultFor(ext: string, type: string): void {
    if (this.find("Default", "Extension", ext) || this.adds.some((a) => a.includes(`Extension="${ext}"`))) return;
    this.adds.unshift(`<${this.P}Default Extension="${ext}" ContentType="${type}"/>`);
  }

  removeOverride(part: string): void {
    const e = this.find("Override", "PartName", `/${part}`);
    if (e) this.removes.push({ start: e.start, end: e.end, text: "" });
  }

  toXml(): string {
    const close = this.xml.lastIndexOf(`</${this.P}Types>`);
    return applySplices(this.xml, [...this.removes, { start: close, end: close, text: this.adds.join("") }]);
  }
}
