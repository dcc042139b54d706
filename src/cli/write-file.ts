// Writing a workbook the safe way: the target is checked first (an existing file needs --force, a
// symlink is written through to its target, a device, pipe or folder is refused), the bytes go to
// a temp file beside it, are synced, get the old file's mode and owner, and are renamed over it.
// The temp file is removed on every handled error and on Ctrl-C / SIGTERM.
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { CliError } from "./cli-error";

export interface TargetOptions {
  /** Overwrite an existing file (fill --force). */
  force?: boolean;
  /** The target is the input itself (fill --in-place): no --force needed. */
  inPlace?: boolean;
}

export interface Target {
  /** The path the bytes go to: the given one, or what a symlink there points at. */
  file: string;
  /** Mode and owner to keep, when a file is replaced. */
  existing?: { mode: number; uid: number; gid: number };
}

const KIND: [keyof fs.Stats, string][] = [
  ["isDirectory", "一个文件夹"],
  ["isCharacterDevice", "一个设备"],
  ["isBlockDevice", "一个设备"],
  ["isFIFO", "一个管道"],
  ["isSocket", "一个套接字"],
];

function stat(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new CliError(`无法访问 ${file}：${(e as Error).message}`);
  }
}

/** Where writing `file` will go, refused with one clear line when it must not be written. */
export function resolveTarget(file: string, opts: TargetOptions = {}): Target {
  let real = file;
  try {
    if (fs.lstatSync(file).isSymbolicLink()) {
      try {
        real = fs.realpathSync(file);
      } catch {
        real = path.resolve(path.dirname(file), fs.readlinkSync(file));
        if (fs.existsSync(real) || !fs.existsSync(path.dirname(real))) throw new CliError(`${file} 是一个无法解析的符号链接：请检查链接目标`);
      }
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
  }
  const st = stat(real);
  if (!st) return { file: real };
  for (const [is, what] of KIND) {
    if ((st[is] as () => boolean).call(st)) throw new CliError(`${file} 是${what}，不是普通文件：请用 -o 指定一个 .xlsx 文件`);
  }
  if (!opts.force && !opts.inPlace) throw new CliError(`${file} 已存在：为避免覆盖已有文件，请换一个文件名，或加 --force 覆盖`);
  // Read-only by its mode counts even for root, who could write it anyway.
  let writable = (st.mode & 0o200) !== 0;
  try {
    fs.accessSync(real, fs.constants.W_OK);
  } catch {
    writable = false;
  }
  if (!writable) throw new CliError(`${file} 是只读文件（或没有写入权限），未写入：请先解除只读，或换一个输出文件`);
  return { file: real, existing: { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid } };
}

/** Temp files in flight, removed if the process is interrupted. */
const pending = new Set<string>();
let handlersInstalled = false;

function removePending(): void {
  for (const tmp of pending) fs.rmSync(tmp, { force: true });
  pending.clear();
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", removePending);
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(sig, () => {
      removePending();
      process.exit(sig === "SIGINT" ? 130 : sig === "SIGTERM" ? 143 : 129);
    });
  }
}

function why(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return "没有写入权限";
  if (code === "EBUSY") return "文件正被其他程序（如 Excel）占用，请关闭后重试";
  if (code === "ENOSPC") return "磁盘空间不足";
  if (code === "EISDIR") return "这是一个文件夹";
  return (e as Error).message;
}

/** Writes `data` to the target atomically (beside, fsync, rename), keeping a replaced file's mode and owner. */
export function writeFileAtomically(target: Target, data: Uint8Array, shownName = target.file): void {
  const dir = path.dirname(path.resolve(target.file));
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    throw new CliError(`无法创建输出目录 ${path.dirname(shownName)}：请检查路径和权限`);
  }
  installHandlers();
  const tmp = path.join(dir, `.${path.basename(target.file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  pending.add(tmp);
  try {
    const fd = fs.openSync(tmp, "wx", target.existing?.mode ?? 0o666);
    try {
      fs.writeSync(fd, data);
      if (target.existing) {
        fs.fchmodSync(fd, target.existing.mode);
        try {
          fs.fchownSync(fd, target.existing.uid, target.existing.gid);
        } catch {
          // Only root may give a file away; an ordinary user's copy stays theirs.
        }
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target.file);
    pending.delete(tmp);
    syncDir(dir);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    pending.delete(tmp);
    throw new CliError(`无法写入 ${shownName}：${why(e)}`);
  }
}

function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every file system lets a directory be synced; the rename is done either way.
  }
}

/** The template's and the batch summary's writer: an exceljs workbook written the same safe way (callers decide about existing files). */
export async function writeWorkbookAtomically(wb: ExcelJS.Workbook, file: string): Promise<void> {
  const target = resolveTarget(file, { force: true });
  writeFileAtomically(target, new Uint8Array(await wb.xlsx.writeBuffer()), file);
}
