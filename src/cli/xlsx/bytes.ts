// Byte-level helpers for the streaming scanners. The scanners work on UTF-8 bytes and decode
// only the spans that become values, so nothing else of the document is ever a JS string.
import { decodeAsciiXmlText, decodeXmlText } from "./xml-text";

export const LT = 60;
export const GT = 62;
export const SLASH = 47;
export const COLON = 58;
export const QUOTE = 34;
export const APOS = 39;
export const EQ = 61;

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === GT || c === SLASH;
}

/** The element name at buf[from..]: scanned into `tagName` to avoid allocating per tag. */
export const tagName = { end: 0, local: 0, colon: -1 };

/** Reads a tag name starting at `from`; false when the buffer ends inside it. */
export function readTagName(buf: Buffer, from: number, limit: number): boolean {
  let i = from;
  let colon = -1;
  while (i < limit) {
    const c = buf[i];
    if (isNameEnd(c)) break;
    if (c === COLON) colon = i;
    i++;
  }
  if (i >= limit) return false;
  tagName.end = i;
  tagName.colon = colon;
  tagName.local = colon >= 0 ? colon + 1 : from;
  return true;
}

/** buf[a..b) equals the ASCII text `s`. */
export function bytesEqual(buf: Buffer, a: number, b: number, s: string): boolean {
  if (b - a !== s.length) return false;
  for (let i = 0; i < s.length; i++) if (buf[a + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** Gaps up to this many bytes are scanned in JS: a call into Buffer.indexOf costs more. */
const SHORT_SCAN = 64;

/** Offset of byte `c` in buf[from..limit), or -1. */
export function findByte(buf: Buffer, c: number, from: number, limit: number): number {
  const stop = from + SHORT_SCAN < limit ? from + SHORT_SCAN : limit;
  for (let i = from; i < stop; i++) if (buf[i] === c) return i;
  if (stop >= limit) return -1;
  const i = buf.indexOf(c, stop);
  return i < 0 || i >= limit ? -1 : i;
}

/** Offset of "</x>" for the one-letter, unprefixed element name byte `name`, or -1. */
export function findClose1(buf: Buffer, name: number, from: number, limit: number): number {
  let i = from;
  for (;;) {
    i = findByte(buf, LT, i, limit);
    if (i < 0 || i + 3 >= limit) return -1;
    if (buf[i + 1] === SLASH && buf[i + 2] === name && buf[i + 3] === GT) return i;
    i++;
  }
}

/** The ">" that ends the start tag whose name ends before `from`, skipping quoted values; -1 if not in buf. */
export function findTagEnd(buf: Buffer, from: number, limit: number): number {
  let quote = 0;
  for (let i = from; i < limit; i++) {
    const c = buf[i];
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === GT) return i;
    else if (c === QUOTE || c === APOS) quote = c;
  }
  return -1;
}

const closeNeedles = new Map<string, Buffer>();

/** The bytes of "</name>" (prefix kept), cached. */
export function closeTag(buf: Buffer, nameStart: number, nameEnd: number): Buffer {
  const key = buf.toString("latin1", nameStart, nameEnd);
  let needle = closeNeedles.get(key);
  if (!needle) {
    needle = Buffer.from(`</${key}>`, "latin1");
    closeNeedles.set(key, needle);
  }
  return needle;
}

const AMP = 38;
const UNDERSCORE = 95;
const CR = 13;

/** Whether buf[a..b) holds "&" (2), "_" or CR (1), or neither (0); a bounded loop: indexOf would run past b. */
function needsDecoding(buf: Buffer, a: number, b: number): number {
  let found = 0;
  for (let i = a; i < b; i++) {
    const c = buf[i];
    if (c === AMP) return 2;
    if (c === UNDERSCORE || c === CR) found = 1;
  }
  return found;
}

/** Element text buf[a..b) as a string: UTF-8, entities, _xHHHH_ escapes, CRLF -> LF. */
export function decodeText(buf: Buffer, a: number, b: number): string {
  const need = needsDecoding(buf, a, b);
  if (need === 0) return buf.toString("utf8", a, b);
  // Character references in ASCII text (openpyxl's way) are decoded from the bytes.
  const fast = need === 2 && b - a <= MAX_FAST_SPAN ? decodeAsciiXmlText(buf, a, b) : null;
  return fast ?? decodeXmlText(buf.toString("utf8", a, b));
}

/** Longer spans (a cell holds at most 32,767 characters) go the string way: fromCharCode.apply's arguments are bounded. */
const MAX_FAST_SPAN = 16384;

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number written in buf[a..b). Up to 15 significant digits without an exponent the
 * result is exact integer / power of ten, which IEEE division rounds exactly as Number()
 * would; anything else goes through Number(). NaN when it is not a number.
 */
export function parseNumber(buf: Buffer, a: number, b: number): number {
  let i = a;
  let neg = false;
  if (buf[i] === 45) {
    neg = true;
    i++;
  }
  let m = 0;
  let digits = 0;
  let frac = 0;
  let dot = false;
  for (; i < b; i++) {
    const c = buf[i];
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (dot) frac++;
    } else if (c === 46 && !dot) {
      dot = true;
    } else {
      digits = 99;
      break;
    }
  }
  if (digits === 0 || digits > 15) {
    const s = buf.toString("latin1", a, b).trim();
    return s === "" ? NaN : Number(s);
  }
  const v = frac ? m / POW10[frac] : m;
  return neg ? -v : v;
}

/** Non-negative decimal integer in buf[a..b); -1 when malformed. */
export function parseIndex(buf: Buffer, a: number, b: number): number {
  if (a >= b) return -1;
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = buf[i];
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}
