// The one zip reader (the validator's and fill's patcher, src/cli/ooxml/package.ts): the central
// directory is read from the buffer, entries are inflated
// in small slices through fflate's streaming Inflate, and every output byte is charged to a
// budget shared by the whole workbook. Declared sizes are never trusted for limits, so a zip
// bomb is refused after at most `limit` bytes of output and one slice's worth of memory.
import { Inflate } from "fflate";
import { Readable, type TransformOptions } from "stream";
import { pipeline } from "stream/promises";
import * as zlib from "zlib";
import { WorkbookReadError } from "./errors";
import { checkUtf8 } from "./feed";

export interface ZipEntry {
  /** The name as stored, with "\" turned into "/". */
  name: string;
  /** The name's bytes as stored ("\" kept), for a writer that copies the entry. */
  nameBytes: Uint8Array;
  method: number;
  flags: number;
  /** MS-DOS time and date fields as stored. */
  time: number;
  date: number;
  compressedSize: number;
  /** Uncompressed size as declared (never trusted for limits). */
  size: number;
  localOffset: number;
  /** CRC-32 of the uncompressed bytes, from the central directory; checked once the entry is read. */
  crc: number;
}

/** What checking and inflating an entry needs to know of it. */
export type EntryInfo = Pick<ZipEntry, "name" | "method" | "flags" | "crc">;

/** Compressed input handed to the inflater per push: bounds one push's output (≤ ~1032×). */
const INPUT_SLICE = 4 * 1024;
/** Compressed input per write and output per chunk of the native (zlib) path. */
const ZLIB_INPUT_SLICE = 16 * 1024;
const ZLIB_OUTPUT_CHUNK = 128 * 1024;
/**
 * How far the inflater (on libuv's thread pool) may run ahead of the parser (on the main thread):
 * with the stream default (16 KiB) they mostly took turns; 4 MiB lets them overlap (100k-line read
 * median 285 -> 246 ms) at a bounded 4 MiB of memory. The size budget still counts what is parsed.
 */
const ZLIB_RUN_AHEAD = 4 * 1024 * 1024;
/** zlib streams hand stream options on to their Transform; @types/node lists only zlib's own. */
const INFLATE_OPTIONS: zlib.ZlibOptions & TransformOptions = { chunkSize: ZLIB_OUTPUT_CHUNK, readableHighWaterMark: ZLIB_RUN_AHEAD };
/** Stored (uncompressed) entries are handed on in slices of this size. */
const STORED_SLICE = 256 * 1024;
/** More entries than any real workbook has; a central directory beyond it is hostile. */
const MAX_ENTRIES = 100_000;

const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

export class Budget {
  used = 0;
  constructor(readonly limit: number) {}

  take(bytes: number): void {
    this.used += bytes;
    if (this.used > this.limit) {
      throw new WorkbookReadError(
        "too-large",
        `工作簿解压后超过 ${formatBytes(this.limit)} 的读取上限（可能是异常或被构造的压缩文件“压缩炸弹”），已停止读取：如确为正常数据，请拆分工作簿后重试`,
      );
    }
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${+(n / (1024 * 1024 * 1024)).toFixed(2)} GiB`;
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
}

function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

type Crc32 = (data: Uint8Array, value?: number) => number;

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** Node < 20.15 has no zlib.crc32. */
function crc32Js(data: Uint8Array, value = 0): number {
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const crc32: Crc32 = typeof (zlib as { crc32?: Crc32 }).crc32 === "function" ? (zlib as { crc32: Crc32 }).crc32 : crc32Js;

/** Running CRC-32 of an entry's output; `check` throws when it differs from the directory's. */
class CrcCheck {
  private value = 0;
  constructor(private readonly entry: EntryInfo) {}

  add(chunk: Uint8Array): void {
    if (chunk.length) this.value = crc32(chunk, this.value);
  }

  check(): void {
    if (this.value >>> 0 !== this.entry.crc >>> 0) throw corrupt(`“${this.entry.name}”的校验和（CRC-32）不符，内容已损坏`);
  }
}

/** Throws when `data` (an entry's whole output) does not have the directory's CRC-32. */
function checkCrc(entry: EntryInfo, data: Uint8Array): void {
  const crc = new CrcCheck(entry);
  crc.add(data);
  crc.check();
}

/**
 * A whole entry inflated at once on native zlib (for parts that are patched, not streamed), its
 * output charged to the budget (the cap is the budget's room, so a bomb stops there) and checked
 * against its CRC-32.
 */
export function inflateWhole(entry: EntryInfo, data: Uint8Array, budget: Budget): Buffer {
  if (entry.flags & 1) throw new WorkbookReadError("encrypted");
  let out: Buffer;
  if (entry.method === 0) out = Buffer.from(data);
  else if (entry.method !== 8) throw corrupt(`“${entry.name}”使用了不支持的压缩方式 ${entry.method}`);
  else {
    const room = budget.limit - budget.used;
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, room + 1) });
    } catch (err) {
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") budget.take(room + 1);
      throw inflateFailed(entry, err);
    }
  }
  budget.take(out.length);
  checkCrc(entry, out);
  return out;
}

function truncated(): WorkbookReadError {
  return new WorkbookReadError("truncated");
}

function corrupt(detail: string): WorkbookReadError {
  return new WorkbookReadError("corrupt", `工作簿已损坏（${detail}）：请在 Excel 中打开（Excel 会提示修复）并另存为 .xlsx（Excel 工作簿）后重试`);
}

function findEndOfCentralDirectory(buf: Uint8Array): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 5 && buf[i + 3] === 6) {
      // The comment length must reach exactly to the end of the file (or a little short:
      // some writers pad); this rejects a stray signature inside compressed data.
      if (i + 22 + u16(buf, i + 20) <= buf.length) return i;
    }
  }
  return -1;
}

/** The entries of the zip's central directory, keyed by lower-case name (OPC names are case-insensitive). */
export function readCentralDirectory(buf: Uint8Array): Map<string, ZipEntry> {
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw truncated();
  let count = u16(buf, eocd + 10);
  let size = u32(buf, eocd + 12);
  let offset = u32(buf, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(buf, loc) === SIG_EOCD64_LOCATOR) {
      const z = u64(buf, loc + 8);
      if (z + 56 > buf.length || u32(buf, z) !== SIG_EOCD64) throw corrupt("ZIP64 目录记录无效");
      count = u64(buf, z + 32);
      size = u64(buf, z + 40);
      offset = u64(buf, z + 48);
    }
  }
  if (count > MAX_ENTRIES) throw new WorkbookReadError("too-large", `压缩包内文件数超过 ${MAX_ENTRIES} 个，不是正常的 Excel 工作簿：请确认文件来源`);
  if (offset + size > eocd) {
    // Either the file was cut and re-terminated, or data was prepended; try the latter.
    const shift = eocd - size - offset;
    if (shift < 0) throw truncated();
    offset += shift;
  }
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || u32(buf, p) !== SIG_CENTRAL) throw corrupt("压缩包目录无效");
    const flags = u16(buf, p + 8);
    const method = u16(buf, p + 10);
    const crc = u32(buf, p + 16);
    let compressedSize = u32(buf, p + 20);
    let uncompressedSize = u32(buf, p + 24);
    const nameLen = u16(buf, p + 28);
    const extraLen = u16(buf, p + 30);
    const commentLen = u16(buf, p + 32);
    let localOffset = u32(buf, p + 42);
    const nameBytes = Buffer.from(buf.buffer, buf.byteOffset + p + 46, nameLen);
    const name = nameBytes.toString(flags & 0x800 ? "utf8" : "latin1").replace(/\\/g, "/");
    // ZIP64 extended information: the 0xFFFFFFFF fields follow in a fixed order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(buf, e);
      const len = u16(buf, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = u64(buf, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(buf, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(buf, q);
      }
      e += 4 + len;
    }
    // OPC part names are case-insensitive: two entries that differ only in case are one part
    // written twice, and readers disagree on which one counts. Refuse rather than pick one.
    const key = name.toLowerCase();
    const twin = entries.get(key);
    if (twin) throw corrupt(twin.name === name ? `压缩包中“${name}”出现了两次` : `压缩包中“${twin.name}”和“${name}”仅大小写不同，是同一个部件的两份`);
    const time = u16(buf, p + 12);
    const date = u16(buf, p + 14);
    entries.set(key, { name, nameBytes, method, flags, time, date, compressedSize, size: uncompressedSize, localOffset, crc });
    p = extraEnd + commentLen;
  }
  return entries;
}

/** An entry's compressed bytes, after its local header (checked). */
export function entryData(buf: Uint8Array, entry: ZipEntry): Uint8Array {
  const h = entry.localOffset;
  if (h + 30 > buf.length) throw truncated();
  if (u32(buf, h) !== SIG_LOCAL) throw corrupt(`“${entry.name}”的文件头无效`);
  const start = h + 30 + u16(buf, h + 26) + u16(buf, h + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw truncated();
  return buf.subarray(start, end);
}

export type Sink = (chunk: Uint8Array, final: boolean) => void;

function storedEntry(entry: ZipEntry, data: Uint8Array, budget: Budget, sink: Sink): void {
  const crc = new CrcCheck(entry);
  crc.add(data);
  crc.check();
  if (data.length === 0) {
    sink(data, true);
    return;
  }
  for (let i = 0; i < data.length; i += STORED_SLICE) {
    const chunk = data.subarray(i, Math.min(i + STORED_SLICE, data.length));
    budget.take(chunk.length);
    sink(chunk, i + STORED_SLICE >= data.length);
  }
}

function inflateFailed(entry: EntryInfo, err: unknown): WorkbookReadError {
  if (err instanceof WorkbookReadError) return err;
  // The inflater's own words ("invalid stored block lengths") mean nothing to the user.
  return corrupt(`“${entry.name}”解压失败，压缩数据已损坏`);
}

/**
 * Streams one entry's uncompressed bytes to `sink` in chunks, charging each chunk to the
 * budget before the sink sees it (fflate, synchronous).
 */
export function inflateEntry(buf: Uint8Array, entry: ZipEntry, budget: Budget, sink: Sink): void {
  if (entry.flags & 1) throw new WorkbookReadError("encrypted");
  const data = entryData(buf, entry);
  if (entry.method === 0) return storedEntry(entry, data, budget, sink);
  if (entry.method !== 8) throw corrupt(`“${entry.name}”使用了不支持的压缩方式 ${entry.method}`);
  let ended = false;
  const crc = new CrcCheck(entry);
  const inflater = new Inflate((chunk, final) => {
    budget.take(chunk.length);
    crc.add(chunk);
    if (final) {
      ended = true;
      crc.check();
    }
    sink(chunk, final);
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += INPUT_SLICE) {
      inflater.push(data.subarray(i, Math.min(i + INPUT_SLICE, data.length)), i + INPUT_SLICE >= data.length);
    }
  } catch (err) {
    throw inflateFailed(entry, err);
  }
  if (!ended) {
    crc.check();
    sink(new Uint8Array(0), true);
  }
}

function* slices(data: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, Math.min(i + size, data.length));
}

/**
 * The same as inflateEntry with Node's native zlib: inflation runs on the thread pool while
 * this thread scans the previous chunk. Memory stays bounded by the stream's buffers.
 */
export async function inflateEntryAsync(buf: Uint8Array, entry: ZipEntry, budget: Budget, sink: Sink): Promise<void> {
  if (entry.flags & 1) throw new WorkbookReadError("encrypted");
  const data = entryData(buf, entry);
  if (entry.method === 0) return storedEntry(entry, data, budget, sink);
  if (entry.method !== 8) throw corrupt(`“${entry.name}”使用了不支持的压缩方式 ${entry.method}`);
  const crc = new CrcCheck(entry);
  // The pipeline reports a consumer's error as an AbortError; keep the real one.
  let failure: unknown;
  try {
    await pipeline(Readable.from(slices(data, ZLIB_INPUT_SLICE)), zlib.createInflateRaw(INFLATE_OPTIONS), async (source: AsyncIterable<Buffer>) => {
      try {
        for await (const chunk of source) {
          budget.take(chunk.length);
          crc.add(chunk);
          sink(chunk, false);
        }
      } catch (err) {
        failure = err;
        throw err;
      }
    });
  } catch (err) {
    throw inflateFailed(entry, failure ?? err);
  }
  crc.check();
  sink(new Uint8Array(0), true);
}

/** A whole (small) entry as text, BOM removed. */
export function readEntryText(buf: Uint8Array, entry: ZipEntry, budget: Budget): string {
  const parts: Uint8Array[] = [];
  let total = 0;
  inflateEntry(buf, entry, budget, (chunk) => {
    if (chunk.length) {
      parts.push(chunk);
      total += chunk.length;
    }
  });
  const all = Buffer.concat(parts, total);
  checkUtf8(entry.name, all);
  const start = all.length >= 3 && all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf ? 3 : 0;
  return all.toString("utf8", start);
}
