// String-level XML helpers for patching parts in place: escaping, one attribute of one tag, and
// the sections of a small part. Everything outside the spliced span is kept byte for byte.

export function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

/** Cell text: XML escapes plus OOXML's _xHHHH_ for control characters (a CR survives). */
export function escapeCellText(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this escapes
  if (!/[&<>_\u0000-\u0008\u000b-\u001f\ufffe\uffff]/.test(s)) return s;
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    // eslint-disable-next-line no-control-regex -- control characters are what this escapes
    .replace(/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** The namespace prefix ("" or "x:") of the part's root element. */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? "";
}

/** The value of `name` in a start tag (as written, not decoded), or undefined. */
export function attrOf(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The start tag with `name` set to `value` (added after the element name when absent). */
export function withAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  const m = /^<[^\s/>]+/.exec(tag) as RegExpExecArray;
  return `${m[0]} ${name}="${value}"${tag.slice(m[0].length)}`;
}

export function withoutAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"[^"]*"|'[^']*')`), "");
}

/** End of the start tag opening at `lt` (the index of its ">"), skipping quoted values. */
export function tagEnd(xml: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

/** Start of the next `<prefix+name` tag (followed by space, ">" or "/") at or after `from`, or -1. */
export function findTag(xml: string, qname: string, from: number, to = xml.length): number {
  const needle = `<${qname}`;
  let at = xml.indexOf(needle, from);
  while (at >= 0 && at < to) {
    const c = xml.charCodeAt(at + needle.length);
    if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) return at;
    at = xml.indexOf(needle, at + 1);
  }
  return -1;
}

export interface Element {
  start: number;
  /** End of the start tag (after ">"). */
  openEnd: number;
  /** End of the whole element (after its end tag). */
  end: number;
  selfClosing: boolean;
}

/** The element starting at `start` (a tag found by findTag); nested same-name elements are not expected. */
export function elementAt(xml: string, qname: string, start: number): Element {
  const gt = tagEnd(xml, start);
  if (gt < 0) throw new Error(`unterminated <${qname}>`);
  if (xml.charCodeAt(gt - 1) === 47) return { start, openEnd: gt + 1, end: gt + 1, selfClosing: true };
  const close = xml.indexOf(`</${qname}>`, gt);
  if (close < 0) throw new Error(`unterminated <${qname}>`);
  return { start, openEnd: gt + 1, end: close + qname.length + 3, selfClosing: false };
}

/** Every `qname` element directly found in [from, to). */
export function elements(xml: string, qname: string, from = 0, to = xml.length): Element[] {
  const out: Element[] = [];
  let at = findTag(xml, qname, from, to);
  while (at >= 0) {
    const e = elementAt(xml, qname, at);
    out.push(e);
    at = findTag(xml, qname, e.end, to);
  }
  return out;
}

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping splices (any order) to `xml`. */
export function applySplices(xml: string, splices: Splice[]): string {
  if (splices.length === 0) return xml;
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let last = 0;
  for (const s of sorted) {
    parts.push(xml.slice(last, s.start), s.text);
    last = s.end;
  }
  parts.push(xml.slice(last));
  return parts.join("");
}
