// A tag iterator for the small parts (workbook, relationships, styles, content types):
// linear, indexOf-based, no DOM. Names are reported without their namespace prefix.
import { decodeAttr } from "./xml-text";

export interface Tag {
  /** Local name, e.g. "sheet" for <x:sheet>. */
  name: string;
  /** Attributes by local name (r:id -> id); values decoded. */
  attrs: Record<string, string>;
  closing: boolean;
  selfClosing: boolean;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon >= 0 ? qname.slice(colon + 1) : qname;
}

function parseAttrs(s: string, from: number, to: number): Record<string, string> {
  const attrs: Record<string, string> = {};
  let i = from;
  while (i < to) {
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    const eq = s.indexOf("=", i);
    if (eq < 0 || eq >= to) break;
    const name = s.slice(i, eq).trim();
    let q = eq + 1;
    while (q < to && isSpace(s.charCodeAt(q))) q++;
    const quote = s[q];
    if (quote !== '"' && quote !== "'") break;
    const end = s.indexOf(quote, q + 1);
    if (end < 0 || end > to) break;
    attrs[localName(name)] = decodeAttr(s.slice(q + 1, end));
    i = end + 1;
  }
  return attrs;
}

/** The ">" closing a start tag, skipping quoted attribute values (which may hold ">"). */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

/** Calls `visit` for each element tag in document order; comments, PIs and CDATA are skipped. */
export function forEachTag(xml: string, visit: (tag: Tag) => void): void {
  let pos = 0;
  for (;;) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) return;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      const close = xml.startsWith("<!--", lt) ? xml.indexOf("-->", lt + 4) : xml.startsWith("<![CDATA[", lt) ? xml.indexOf("]]>", lt + 9) : xml.indexOf(">", lt);
      if (close < 0) return;
      pos = close + 1;
      continue;
    }
    if (next === 63 /* ? */) {
      const close = xml.indexOf("?>", lt + 2);
      if (close < 0) return;
      pos = close + 2;
      continue;
    }
    const gt = tagEnd(xml, lt + 1);
    if (gt < 0) return;
    const closing = next === 47;
    let i = closing ? lt + 2 : lt + 1;
    const nameStart = i;
    while (i < gt && !isSpace(xml.charCodeAt(i)) && xml.charCodeAt(i) !== 47) i++;
    const name = localName(xml.slice(nameStart, i));
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const attrs = closing ? {} : parseAttrs(xml, i, selfClosing ? gt - 1 : gt);
    visit({ name, attrs, closing, selfClosing });
    pos = gt + 1;
  }
}
