// Recognise what a file is before treating it as a zip, so a renamed CSV, a legacy .xls or a
// password-protected workbook gets a message about that, not "corrupt zip".
import { WorkbookReadError } from "./errors";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, bytes: readonly number[]): boolean {
  if (buf.length < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[i] !== bytes[i]) return false;
  return true;
}

function utf16le(s: string): Buffer {
  return Buffer.from(s, "utf16le");
}

const ENCRYPTION_STREAMS = [utf16le("EncryptedPackage"), utf16le("EncryptionInfo")];

/** A zip local header, empty-archive end record or spanned-archive marker. */
export function looksLikeZip(buf: Uint8Array): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 3 || buf[2] === 5 || buf[2] === 7) && buf[3] === buf[2] + 1;
}

/**
 * Throws the WorkbookReadError that describes a non-zip file. Returns normally for a zip.
 * Office writes an encrypted xlsx as an OLE compound file holding EncryptionInfo and
 * EncryptedPackage streams; any other OLE file is a legacy .xls (or WPS .et).
 */
export function sniffNonZip(buf: Uint8Array): void {
  if (buf.length === 0) throw new WorkbookReadError("empty");
  if (looksLikeZip(buf)) return;
  if (startsWith(buf, OLE_MAGIC)) {
    const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (ENCRYPTION_STREAMS.some((name) => b.indexOf(name) >= 0)) throw new WorkbookReadError("encrypted");
    throw new WorkbookReadError("xls");
  }
  const kind = textKind(buf);
  if (kind === "html") {
    throw new WorkbookReadError("not-xlsx", "文件是网页（HTML）格式的表格，只是扩展名像 Excel：请在 Excel 中打开并另存为 .xlsx（Excel 工作簿）后重试");
  }
  if (kind === "xml") {
    throw new WorkbookReadError("not-xlsx", "文件是 XML 表格（Excel 2003 XML 或其他 XML），不是 xlsx：请在 Excel 中打开并另存为 .xlsx（Excel 工作簿）后重试");
  }
  if (kind === "text") throw new WorkbookReadError("csv");
  throw new WorkbookReadError("not-zip");
}

/** Classify the first 4 KiB: text (any 8-bit or UTF-8/GBK text), HTML, XML, or binary. */
function textKind(buf: Uint8Array): "text" | "html" | "xml" | "binary" {
  const n = Math.min(buf.length, 4096);
  let start = 0;
  let utf16 = false;
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) start = 3;
  else if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff])) {
    start = 2;
    utf16 = true;
  }
  let head: string;
  if (utf16) {
    const bytes = Buffer.from(buf.subarray(start, n - ((n - start) % 2)));
    if (buf[0] === 0xfe) bytes.swap16();
    head = bytes.toString("utf16le");
  } else {
    for (let i = start; i < n; i++) {
      const c = buf[i];
      if (c < 9 || (c > 13 && c < 32 && c !== 26 && c !== 27)) return "binary";
    }
    head = Buffer.from(buf.buffer, buf.byteOffset + start, n - start).toString("latin1");
  }
  const lower = head.trimStart().toLowerCase();
  if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || /<table[\s>]/.test(lower.slice(0, 2048))) return "html";
  if (lower.startsWith("<?xml") || lower.startsWith("<workbook")) return "xml";
  return "text";
}
