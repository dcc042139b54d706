// The workbook as a zip of parts, for writing: parts we do not change keep their compressed bytes
// (copied raw, never inflated and deflated again); parts we add or patch are deflated anew. The
// package is read by the validator's zip reader (src/cli/xlsx/zip.ts): the same ZIP64, case-twin,
// local-header and CRC-32 checks on both paths.
import * as zlib from "zlib";
import { CliError } from "../cli-error";
import { Budget, entryData, inflateWhole, readCentralDirectory, type ZipEntry } from "../xlsx/zip";

interface RawEntry extends Omit<ZipEntry, "localOffset"> {
  /** Compressed bytes as stored in the input (or deflated by set()). */
  data: Uint8Array;
}

/** Larger than any part we inflate (the reader's whole-workbook limit). */
const MAX_PART_BYTES = 1024 * 1024 * 1024;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const SIG_EOCD = 0x06054b50;
const UTF8_NAMES = 0x800;

export class ZipPackage {
  /** By lower-case name, in the input's order; replaced parts keep their place. */
  private readonly entries = new Map<string, RawEntry>();

  /** Inflation of the parts read (patched ones) is charged here, as the reader charges the workbook's. */
  private readonly budget = new Budget(MAX_PART_BYTES);

  constructor(buf: Uint8Array) {
    for (const [key, e] of readCentralDirectory(buf)) {
      this.entries.set(key, { name: e.name, nameBytes: e.nameBytes, flags: e.flags, method: e.method, time: e.time, date: e.date, crc: e.crc, compressedSize: e.compressedSize, size: e.size, data: entryData(buf, e) });
    }
  }

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  /** The stored name of a part (its case as written), or undefined. */
  nameOf(part: string): string | undefined {
    return this.entries.get(part.toLowerCase())?.name;
  }

  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  bytes(part: string): Buffer | undefined {
    const e = this.entries.get(part.toLowerCase());
    return e ? inflateWhole(e, e.data, this.budget) : undefined;
  }

  /** A part as text (UTF-8, a BOM dropped), or undefined when absent. */
  text(part: string): string | undefined {
    const b = this.bytes(part);
    if (!b) return undefined;
    return b.toString("utf8", b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0);
  }

  /** Adds or replaces a part (deflated now); a replaced part keeps its stored name and place. */
  set(part: string, content: string | Uint8Array): void {
    const raw = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
    const old = this.entries.get(part.toLowerCase());
    const name = old?.name ?? part;
    const data = zlib.deflateRawSync(raw, { level: 6 });
    const now = dosTime(new Date());
    this.entries.set(part.toLowerCase(), {
      name,
      nameBytes: old?.nameBytes ?? Buffer.from(name, "utf8"),
      flags: old ? old.flags & UTF8_NAMES : UTF8_NAMES,
      method: 8,
      time: old?.time ?? now.time,
      date: old?.date ?? now.date,
      crc: zlib.crc32(raw),
      compressedSize: data.length,
      size: raw.length,
      data,
    });
  }

  delete(part: string): void {
    this.entries.delete(part.toLowerCase());
  }

  /** The zip: local headers written afresh (no data descriptors), compressed data as held. */
  toBuffer(): Buffer {
    const chunks: Uint8Array[] = [];
    const central: Uint8Array[] = [];
    let offset = 0;
    for (const e of this.entries.values()) {
      if (e.compressedSize >= 0xffffffff || e.size >= 0xffffffff || offset >= 0xffffffff) throw new CliError("输出工作簿超过 4 GiB，无法写出");
      const local = Buffer.alloc(30);
      local.writeUInt32LE(SIG_LOCAL, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(e.flags & UTF8_NAMES, 6);
      local.writeUInt16LE(e.method, 8);
      local.writeUInt16LE(e.time, 10);
      local.writeUInt16LE(e.date, 12);
      local.writeUInt32LE(e.crc, 14);
      local.writeUInt32LE(e.compressedSize, 18);
      local.writeUInt32LE(e.size, 22);
      local.writeUInt16LE(e.nameBytes.length, 26);
      const head = Buffer.alloc(46);
      head.writeUInt32LE(SIG_CENTRAL, 0);
      head.writeUInt16LE(20, 4);
      local.copy(head, 6, 4, 30);
      head.writeUInt32LE(offset, 42);
      chunks.push(local, e.nameBytes, e.data);
      central.push(head, e.nameBytes);
      offset += 30 + e.nameBytes.length + e.data.length;
    }
    const size = central.reduce((n, c) => n + c.length, 0);
    if (offset + size >= 0xffffffff || this.entries.size >= 0xffff) throw new CliError("输出工作簿超过 4 GiB 或部件过多，无法写出");
    const end = Buffer.alloc(22);
    end.writeUInt32LE(SIG_EOCD, 0);
    end.writeUInt16LE(this.entries.size, 8);
    end.writeUInt16LE(this.entries.size, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...chunks, ...central, end]);
  }
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
