// Which cell styles (cellXfs indices) display a number as a date or time.
import { forEachTag } from "./small-xml";

/** Built-in number formats that are dates/times: 14-22, 27-36 (CJK dates), 45-47, 50-58 (CJK). */
export function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * A custom format code is a date/time when y, m, d, h or s appears outside quoted text,
 * [bracketed] sections (colours, locales, conditions), \-escaped and _/* spacing characters.
 * "General" and "@" contain none of those letters.
 */
export function isDateFormatCode(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      if (end < 0) return false;
      i = end;
    } else if (c === "[") {
      const end = code.indexOf("]", i + 1);
      if (end < 0) return false;
      // [h], [mm], [ss]: elapsed time, still a time format.
      if (/^\[(h+|m+|s+)\]$/i.test(code.slice(i, end + 1))) return true;
      i = end;
    } else if (c === "\\" || c === "_" || c === "*") {
      i++;
    } else if ("yYmMdDhHsS".includes(c)) {
      return true;
    } else if (c === "e" || c === "E") {
      // Scientific notation (0.00E+00) is not a date; "e" as an era year is, but only with
      // other date letters around it, which are caught above.
      continue;
    }
  }
  return false;
}

/** One flag per cellXfs index: 1 when the style is a date/time format. */
export function parseDateStyles(xml: string): Uint8Array {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  forEachTag(xml, (tag) => {
    if (tag.name === "numFmt" && !tag.closing) {
      custom.set(Number(tag.attrs.numFmtId), tag.attrs.formatCode ?? "");
    } else if (tag.name === "cellXfs") {
      inCellXfs = !tag.closing && !tag.selfClosing;
    } else if (tag.name === "xf" && inCellXfs && !tag.closing) {
      xfFormats.push(Number(tag.attrs.numFmtId ?? 0));
    }
  });
  const flags = new Uint8Array(xfFormats.length);
  for (let i = 0; i < xfFormats.length; i++) {
    const id = xfFormats[i];
    const code = custom.get(id);
    flags[i] = (code !== undefined ? isDateFormatCode(code) : isBuiltInDateFormat(id)) ? 1 : 0;
  }
  return flags;
}
