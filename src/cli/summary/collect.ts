// The files of a batch: named files as given, folders searched recursively for .xlsx. Excel's
// "~$" lock files and the summary workbook itself are left out; a folder that cannot be listed
// is kept as an entry so that it shows up as unreadable instead of silently missing.
import * as fs from "fs";
import * as path from "path";

/** A workbook to validate, or a folder that could not be listed (with the reason). */
export interface Entry {
  file: string;
  unlisted?: string;
}

const isWorkbookName = (name: string): boolean => /\.xlsx$/i.test(name) && !name.startsWith("~$") && !name.startsWith(".");

export function collectFiles(args: readonly string[], summaryFile: string): Entry[] {
  const out: Entry[] = [];
  const seen = new Set<string>([path.resolve(summaryFile)]);
  const visited = new Set<string>();
  const addFile = (file: string): void => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ file });
  };
  const walk = (dir: string): void => {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(dir);
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      out.push({ file: dir, unlisted: `无法打开文件夹（${(e as { code?: string }).code ?? (e as Error).message}）：请检查路径和权限` });
      return;
    }
    // A symbolic link back up the tree would otherwise be walked forever.
    if (visited.has(real)) return;
    visited.add(real);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.name.startsWith(".")) continue;
      if (isDirectory(p, e)) walk(p);
      else if (isWorkbookName(e.name)) addFile(p);
    }
  };
  for (const arg of args) {
    if (isDirectory(arg)) walk(arg);
    // A file named on the command line is always validated: if it is not a workbook, the reader says why.
    else addFile(arg);
  }
  return out;
}

function isDirectory(p: string, entry?: fs.Dirent): boolean {
  if (entry && !entry.isSymbolicLink()) return entry.isDirectory();
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Each path relative to the deepest folder all of them are in (a single file: its name). */
export function displayNames(files: readonly string[]): string[] {
  const parts = files.map((f) => path.resolve(f).split(path.sep));
  let common = parts.length ? parts[0].length - 1 : 0;
  for (const p of parts) {
    let i = 0;
    while (i < common && i < p.length - 1 && p[i] === parts[0][i]) i++;
    common = i;
  }
  return parts.map((p) => p.slice(common).join("/"));
}
