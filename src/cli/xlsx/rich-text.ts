// Shared strings (sharedStrings.xml) and inline strings (<is>): the text of every <t>, rich
// text runs concatenated, phonetic guide runs (<rPh>, furigana/pinyin) left out.
import { LT, SLASH, bytesEqual, closeTag, decodeText, findByte, findTagEnd, readTagName, tagName } from "./bytes";

/** The concatenated text runs in buf[a..b). */
export function richText(buf: Buffer, a: number, b: number): string {
  let out = "";
  let pos = a;
  let phonetic = false;
  while (pos < b) {
    const lt = findByte(buf, LT, pos, b);
    if (lt < 0) break;
    const closing = buf[lt + 1] === SLASH;
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!readTagName(buf, nameStart, b)) break;
    const ls = tagName.local;
    const le = tagName.end;
    if (bytesEqual(buf, ls, le, "rPh")) {
      if (closing) phonetic = false;
      else {
        const gt = findTagEnd(buf, le, b);
        if (gt < 0) break;
        phonetic = buf[gt - 1] !== SLASH;
      }
      pos = le;
      continue;
    }
    if (!closing && bytesEqual(buf, ls, le, "t")) {
      const gt = findTagEnd(buf, le, b);
      if (gt < 0) break;
      if (buf[gt - 1] === SLASH) {
        pos = gt + 1;
        continue;
      }
      const needle = tagName.colon < 0 ? T_CLOSE : closeTag(buf, nameStart, le);
      const close = buf.indexOf(needle, gt + 1);
      if (close < 0 || close >= b) break;
      if (!phonetic) out += decodeText(buf, gt + 1, close);
      pos = close + needle.length;
      continue;
    }
    pos = le;
  }
  return out;
}

const T_CLOSE = Buffer.from("</t>");
const SI_CLOSE = Buffer.from("</si>");

/** Streams sharedStrings.xml: each complete <si> becomes one string. */
export class SharedStringsScanner {
  readonly strings: string[] = [];

  consume = (buf: Buffer): number => {
    const n = buf.length;
    let pos = 0;
    for (;;) {
      const lt = findByte(buf, LT, pos, n);
      if (lt < 0) return n;
      if (buf[lt + 1] === SLASH) {
        pos = lt + 2;
        continue;
      }
      if (!readTagName(buf, lt + 1, n)) return lt;
      if (!bytesEqual(buf, tagName.local, tagName.end, "si")) {
        pos = tagName.end;
        continue;
      }
      const le = tagName.end;
      const gt = findTagEnd(buf, le, n);
      if (gt < 0) return lt;
      if (buf[gt - 1] === SLASH) {
        this.strings.push("");
        pos = gt + 1;
        continue;
      }
      const needle = tagName.colon < 0 ? SI_CLOSE : closeTag(buf, lt + 1, le);
      const close = buf.indexOf(needle, gt + 1);
      if (close < 0) return lt;
      this.strings.push(richText(buf, gt + 1, close));
      pos = close + needle.length;
    }
  };
}
