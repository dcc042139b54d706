// The workbook as a zip of parts, for writing: parts we do not change keep their compressed bytes
// (copied raw, never inflated and deflated again); parts we add or patch are deflated anew.
import * as zlib from "zlib";
import { CliError } from "../cli-error";

interface RawEntry {
  /** The name as stored ("\" kept as written; OPC names are compared case-insensitively). */
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Compressed bytes as stored in the input. */
  data: Uint8Array;
}

/** Larger than any part we inflate (the reader's whole-workbook limit). */
const MAX_PART_BYTES = 1024 * 1024 * 1024;
const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const UTF8_NAMES = 0x800;

const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
const u64 = (b: Uint8Array, i: number): number => u32(b, i) + u32(b, i + 4) * 0x100000000;

function unreadable(detail: string): CliError {
  return new CliError(`工作簿的压缩结构无法按原样复制（${detail}）：请在 Excel 中另存为 .xlsx 后重试`);
}

function eocdOffset(buf: Uint8Array): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (u32(buf, i) === SIG_EOCD && i + 22 + u16(buf, i + 20) <= buf.length) return i;
  }
  throw unreadable("找不到压缩包目录");
}

/** What `entry.data` holds once inflated. */
function inflate(e: RawEntry): Buffer {
  if (e.method === 0) return Buffer.from(e.data);
  if (e.method !== 8) throw unreadable(`“${e.name}”使用了不支持的压缩方式 ${e.method}`);
  return zlib.inflateRawSync(e.data, { maxOutputLength: MAX_PART_BYTES });
}

export class ZipPackage {
  /** By lower-case name, in the input's order; replaced parts keep their place. */
  private readonly entries = new Map<string, RawEntry>();

  constructor(buf: Uint8Array) {
    const eocd = eocdOffset(buf);
    let count = u16(buf, eocd + 10);
    let offset = u32(buf, eocd + 16);
    if (count === 0xffff || offset === 0xffffffff) {
      const z = u64(buf, eocd - 20 + 8);
      count = u64(buf, z + 32);
      offset = u64(buf, z + 48);
    }
    let p = offset;
    for (let k = 0; k < count; k++) {
      if (u32(buf, p) !== SIG_CENTRAL) throw unreadable("压缩包目录无效");
      const flags = u16(buf, p + 8);
      const nameLen = u16(buf, p + 28);
      const extraLen = u16(buf, p + 30);
      let compressedSize = u32(buf, p + 20);
      let size = u32(buf, p + 24);
      let local = u32(buf, p + 42);
      const nameBytes = buf.subarray(p + 46, p + 46 + nameLen);
      const name = Buffer.from(nameBytes).toString(flags & UTF8_NAMES ? "utf8" : "latin1");
      for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen; e += 4 + u16(buf, e + 2)) {
        if (u16(buf, e) !== 1) continue;
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(buf, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(buf, q);
          q += 8;
        }
        if (local === 0xffffffff) local = u64(buf, q);
      }
      if (u32(buf, local) !== SIG_LOCAL) throw unreadable(`“${name}”的文件头不在目录所指的位置`);
      const start = local + 30 + u16(buf, local + 26) + u16(buf, local + 28);
      const key = name.replace(/\\/g, "/").toLowerCase();
      if (this.entries.has(key)) {
        throw new CliError(`工作簿内有两个仅大小写不同的部件“${this.entries.get(key)?.name}”和“${name}”，无法确定 Excel 会读取哪一个，未写入任何文件：请在 Excel 中另存为 .xlsx 后重试`);
      }
      this.entries.set(key, {
        name,
        nameBytes,
        flags,
        method: u16(buf, p + 10),
        time: u16(buf, p + 12),
        date: u16(buf, p + 14),
        crc: u32(buf, p + 16),
        compressedSize,
        size,
        data: buf.subarray(start, start + compressedSize),
      });
      p += 46 + nameLen + extraLen + u16(buf, p + 32);
    }
  }

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  /** The stored name of a part (its case as written), or undefined. */
  nameOf(part: string): string | undefined {
    return this.entries.get(part.toLowerCase())?.name.replace(/\\/g, "/");
  }

  names(): string[] {
    return [...this.entries.values()].map((e) => e.name.replace(/\\/g, "/"));
  }

  bytes(part: string): Buffer | undefined {
    const e = this.entries.get(part.toLowerCase());
    return e ? inflate(e) : undefined;
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
