// The `docx` package stamps every zip entry with the clock, in the local time zone. The report's
// bytes must not depend on when or where it was made (the pane's download is compared with the
// CLI's file), so every entry gets the zip epoch, 1980-01-01 00:00, as reproducible builds do.
// Only the DOS time/date fields change: they are outside the CRC, nothing is recompressed.

const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980, January, 1st

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function put16(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
}

/** A copy of the zip with every local and central entry dated 1980-01-01 00:00. */
export function fixZipTimes(zip: Uint8Array): Uint8Array {
  const b = zip.slice();
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip archive: no end of central directory");
  const count = u16(b, eocd + 10);
  let at = u32(b, eocd + 16);
  for (let n = 0; n < count; n++) {
    if (u32(b, at) !== 0x02014b50) throw new Error("not a zip archive: bad central directory entry");
    put16(b, at + 12, DOS_TIME);
    put16(b, at + 14, DOS_DATE);
    const local = u32(b, at + 42);
    if (u32(b, local) !== 0x04034b50) throw new Error("not a zip archive: bad local header");
    put16(b, local + 10, DOS_TIME);
    put16(b, local + 12, DOS_DATE);
    at += 46 + u16(b, at + 28) + u16(b, at + 30) + u16(b, at + 32);
  }
  return b;
}
