// `fund-audit template`: an empty allocation workbook with every input sheet, headers, widths,
// frozen header rows, drop-down lists, number formats and a 使用说明 sheet (all from the engine).
import * as fs from "fs";
import ExcelJS from "exceljs";
import { templateLayouts } from "../core";
import { CliError } from "./cli-error";
import { writeWorkbookAtomically } from "./write-file";
import { renderLayout } from "./xlsx-write";

export async function writeTemplate(file: string): Promise<void> {
  if (fs.existsSync(file)) throw new CliError(`${file} 已存在：为避免覆盖已有数据，请换一个文件名，或先删除该文件`);
  const wb = new ExcelJS.Workbook();
  wb.creator = "fund-audit";
  for (const layout of templateLayouts()) renderLayout(wb, layout);
  await writeWorkbookAtomically(wb, file);
}
