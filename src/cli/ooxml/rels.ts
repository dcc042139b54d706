// A .rels part patched one Relationship at a time; ids we add never clash with existing ones.
import { applySplices, attrOf, elements, escapeAttr, type Splice } from "./xml";

export const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

export interface Rel {
  id: string;
  type: string;
  target: string;
  start: number;
  end: number;
}

export class RelsPatch {
  readonly rels: Rel[];
  private readonly adds: string[] = [];
  private readonly removes: Splice[] = [];
  private readonly ids: Set<string>;

  constructor(private readonly xml: string) {
    this.rels = elements(xml, "Relationship").map((e) => {
      const tag = xml.slice(e.start, e.openEnd);
      return { id: attrOf(tag, "Id") ?? "", type: attrOf(tag, "Type") ?? "", target: attrOf(tag, "Target") ?? "", start: e.start, end: e.end };
    });
    this.ids = new Set(this.rels.map((r) => r.id));
  }

  get changed(): boolean {
    return this.adds.length > 0 || this.removes.length > 0;
  }

  /** Relationships left once removals are applied (added ones included). */
  get count(): number {
    return this.rels.length - this.removes.length + this.adds.length;
  }

  add(type: string, target: string): string {
    let n = 1;
    while (this.ids.has(`rIdFA${n}`)) n++;
    const id = `rIdFA${n}`;
    this.ids.add(id);
    this.adds.push(`<Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/>`);
    return id;
  }

  remove(rel: Rel): void {
    this.removes.push({ start: rel.start, end: rel.end, text: "" });
  }

  toXml(): string {
    const close = this.xml.lastIndexOf("</Relationships>");
    return applySplices(this.xml, [...this.removes, { start: close, end: close, text: this.adds.join("") }]);
  }
}

/** The target of a relationship from `fromPart` as a path relative to it (what Target says). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}
