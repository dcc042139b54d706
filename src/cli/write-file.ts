// Writing a workbook the safe way: beside the target, then a rename, so a failed write never
// leaves half a workbook where the user expects theirs.
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { CliError } from "./cli-error";

export async function writeWorkbookAtomically(wb: ExcelJS.Workbook, file: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    throw new CliError(`无法创建输出目录 ${path.dirname(file)}：请检查路径和权限`);
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await wb.xlsx.writeFile(tmp);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const code = (e as { code?: string }).code;
    const why =
      code === "EACCES" || code === "EPERM" ? "没有写入权限" : code === "EBUSY" ? "文件正被其他程序（如 Excel）占用，请关闭后重试" : code === "EISDIR" ? "这是一个文件夹" : (e as Error).message;
    throw new CliError(`无法写入 ${file}：${why}`);
  }
}
