// XML text decoding shared by the streaming scanners and the small-part parser: entities,
// OOXML _xHHHH_ escapes and end-of-line normalisation. The common case (none of them
// present) costs one indexOf per marker.

// A Map, not an object literal: "&constructor;" must stay as written, not become Object's constructor.
const NAMED = new Map<string, string>([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
]);

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
      rep = NAMED.get(name);
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

const AMP = 38;
const SEMI = 59;
const HASH = 35;
const CR = 13;
const UNDERSCORE = 95;
/** Code units of the text being decoded, reused (grown) from call to call. */
let units = new Uint16Array(1024);

function named(buf: Uint8Array, a: number, b: number): number {
  const len = b - a;
  const c0 = buf[a];
  if (len === 3 && c0 === 97 && buf[a + 1] === 109 && buf[a + 2] === 112) return 38; // amp
  if (len === 2 && buf[a + 1] === 116) return c0 === 108 ? 60 : c0 === 103 ? 62 : -1; // lt gt
  if (len === 4 && c0 === 113 && buf[a + 1] === 117 && buf[a + 2] === 111 && buf[a + 3] === 116) return 34; // quot
  if (len === 4 && c0 === 97 && buf[a + 1] === 112 && buf[a + 2] === 111 && buf[a + 3] === 115) return 39; // apos
  return -1;
}

/** The code point of "#NNN" / "#xHH" in buf[a..b) (a at the "#"), -1 when malformed, U+FFFD out of range. */
function charRef(buf: Uint8Array, a: number, b: number): number {
  const hex = buf[a + 1] === 120 || buf[a + 1] === 88;
  let i = hex ? a + 2 : a + 1;
  if (i >= b) return -1;
  let cp = 0;
  for (; i < b; i++) {
    const c = buf[i];
    const d = hex ? hexValue(c) : c >= 48 && c <= 57 ? c - 48 : -1;
    if (d < 0) return -1;
    cp = cp * (hex ? 16 : 10) + d;
  }
  return cp > 0 && cp <= 0x10ffff ? cp : 0xfffd;
}

/**
 * decodeXmlText of an ASCII span buf[a..b) holding character references, decoded from the bytes
 * (openpyxl writes every non-ASCII character as "&#NNNNN;", so its cells arrive this way); exactly
 * what decodeXmlText gives on the same text. null when the span has a CR or a non-ASCII byte: the
 * caller then decodes it as a string.
 */
export function decodeAsciiXmlText(buf: Uint8Array, a: number, b: number): string | null {
  if (units.length < b - a) units = new Uint16Array(Math.max(b - a, units.length * 2));
  const out = units;
  let n = 0;
  let underscore = false;
  let i = a;
  while (i < b) {
    const c = buf[i];
    if (c >= 0x80 || c === CR) return null;
    if (c === UNDERSCORE) underscore = true;
    if (c !== AMP) {
      out[n++] = c;
      i++;
      continue;
    }
    // As decodeEntities: the first ";" at most 12 characters on, else "&" is plain text.
    let semi = -1;
    for (let j = i + 1; j < b && j - i <= 12; j++) {
      const d = buf[j];
      if (d >= 0x80 || d === CR) return null;
      if (d === SEMI) {
        semi = j;
        break;
      }
    }
    if (semi < 0) {
      out[n++] = c;
      i++;
      continue;
    }
    const cp = buf[i + 1] === HASH ? charRef(buf, i + 1, semi) : named(buf, i + 1, semi);
    if (cp < 0) {
      // Unknown: kept as written, and (as decodeEntities) the next "&" is looked for after the ";".
      for (let j = i; j <= semi; j++) {
        if (buf[j] === UNDERSCORE) underscore = true;
        out[n++] = buf[j];
      }
    } else if (cp > 0xffff) {
      out[n++] = 0xd800 + ((cp - 0x10000) >> 10);
      out[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    } else {
      if (cp === UNDERSCORE) underscore = true;
      out[n++] = cp;
    }
    i = semi + 1;
  }
  const s = String.fromCharCode.apply(null, out.subarray(0, n) as unknown as number[]);
  return underscore && s.indexOf("_x") >= 0 ? decodeXEscapes(s) : s;
}
