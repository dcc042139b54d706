// Reading the bytes of a workbook file: only a regular file, and never more than the limit,
// counted on the bytes actually read (a device or /proc file reports size 0 and never ends).
import { constants, promises as fs } from "fs";
import { WorkbookReadError } from "./errors";
import { formatBytes } from "./zip";

/** Read size after the first read (which asks for the whole reported size). */
const CHUNK = 1024 * 1024;

function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (st.isDirectory()) return "文件夹";
  if (st.isFIFO()) return "命名管道";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "设备文件";
  if (st.isSocket()) return "套接字";
  return "特殊文件";
}

function tooLarge(what: string, limit: number, path: string): WorkbookReadError {
  return new WorkbookReadError("too-large", `${what}超过 ${formatBytes(limit)} 的读取上限：请拆分工作簿后重试`, path);
}

/**
 * The whole file, refused (WorkbookReadError, naming `path`) unless it is a regular file of at
 * most `limit` bytes. Opened non-blocking so that a named pipe cannot hang the open, then
 * checked on the open handle (no race between the check and the read).
 */
export async function readRegularFile(path: string, limit: number): Promise<Buffer> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new WorkbookReadError("not-found", undefined, path);
    if (code === "EISDIR") throw new WorkbookReadError("unreadable", "这是一个文件夹，不是文件：请指定 .xlsx 文件", path);
    throw new WorkbookReadError("unreadable", undefined, path);
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw new WorkbookReadError("unreadable", "这是一个文件夹，不是文件：请指定 .xlsx 文件", path);
    if (!st.isFile()) throw new WorkbookReadError("unreadable", `这不是普通文件（是${kindOf(st)}），无法作为工作簿读取：请指定 .xlsx 文件`, path);
    if (st.size > limit) throw tooLarge(`文件大小 ${formatBytes(st.size)} `, limit, path);
    const chunks: Buffer[] = [];
    let total = 0;
    let want = st.size + 1;
    for (;;) {
      const piece = Buffer.allocUnsafe(Math.min(want, limit + 1 - total));
      const { bytesRead } = await handle.read(piece, 0, piece.length, null);
      if (bytesRead === 0) break;
      chunks.push(piece.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw tooLarge("文件", limit, path);
      want = CHUNK;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    throw new WorkbookReadError("unreadable", undefined, path);
  } finally {
    await handle.close();
  }
}
