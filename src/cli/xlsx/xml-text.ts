// XML text decoding shared by the streaming scanners and the small-part parser: entities,
// OOXML _xHHHH_ escapes and end-of-line normalisation. The common case (none of them
// present) costs one indexOf per marker.

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function fromCodePoint(cp: number): string {
  return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : "\ufffd";
}

/** &amp; &lt; &gt; &quot; &apos; &#NNN; &#xHH; — an unknown entity is kept as written. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let last = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) {
      amp = s.indexOf("&", amp + 1);
      continue;
    }
    const name = s.slice(amp + 1, semi);
    let rep: string | undefined;
    if (name.charCodeAt(0) === 35 /* # */) {
      const hex = name.charCodeAt(1) === 120 || name.charCodeAt(1) === 88;
      const digits = hex ? name.slice(2) : name.slice(1);
      if (digits.length > 0 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) rep = fromCodePoint(parseInt(digits, hex ? 16 : 10));
    } else {
      rep = NAMED[name];
    }
    if (rep !== undefined) {
      out += s.slice(last, amp) + rep;
      last = semi + 1;
    }
    amp = s.indexOf("&", semi + 1);
  }
  return out + s.slice(last);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** OOXML ST_Xstring escapes: _x000D_ is a CR, _x005F_ a literal underscore. */
export function decodeXEscapes(s: string): string {
  let at = s.indexOf("_x");
  if (at < 0) return s;
  let out = "";
  let last = 0;
  while (at >= 0) {
    if (at + 6 < s.length && s.charCodeAt(at + 6) === 95) {
      let cp = 0;
      let ok = true;
      for (let k = 2; k < 6; k++) {
        const h = hexValue(s.charCodeAt(at + k));
        if (h < 0) {
          ok = false;
          break;
        }
        cp = cp * 16 + h;
      }
      if (ok) {
        out += s.slice(last, at) + String.fromCharCode(cp);
        last = at + 7;
        at = s.indexOf("_x", last);
        continue;
      }
    }
    at = s.indexOf("_x", at + 1);
  }
  return out + s.slice(last);
}

/** Text content as the XML spec delivers it: CRLF/CR -> LF, entities, then _xHHHH_ escapes. */
export function decodeXmlText(raw: string): string {
  let s = raw;
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  if (s.indexOf("&") >= 0) s = decodeEntities(s);
  if (s.indexOf("_x") >= 0) s = decodeXEscapes(s);
  return s;
}

/** Attribute values: entities only (_x escapes are for cell text). */
export function decodeAttr(raw: string): string {
  return raw.indexOf("&") >= 0 ? decodeEntities(raw) : raw;
}
