// `fund-audit report <in.xlsx> -o 自评报告.docx`: the draft 自评报告 (SPEC §11) of one workbook,
// the same bytes the add-in's 生成自评报告 downloads. Never overwrites an existing file.
import * as fs from "fs";
import * as path from "path";
import { hasReadableInput, reportDraft, validateWorkbook, type RuleConfig, type ValidationResult } from "../core";
import { renderReportDocx } from "../core/report-draft/render-docx";
import { CliError } from "./cli-error";
import { isWorkbookReadError, readXlsxFile } from "./xlsx";

export interface ReportOptions {
  input: string;
  output: string;
  config?: RuleConfig;
}

export async function writeReport(opts: ReportOptions): Promise<ValidationResult> {
  const { input, output } = opts;
  if (fs.existsSync(output)) throw new CliError(`${output} 已存在：为避免覆盖已有文件，请换一个文件名，或先删除该文件`);
  let grids;
  try {
    grids = await readXlsxFile(input);
  } catch (e) {
    if (isWorkbookReadError(e)) throw new CliError(e.withFile(input).message);
    throw e;
  }
  // The report is a Chinese document whatever --lang the terminal output uses.
  const result = validateWorkbook(grids, { lang: "zh", config: opts.config });
  if (!hasReadableInput(result)) {
    throw new CliError(`${input}：未找到可读的内容（项目信息、资金分配、支出明细或填有指标的绩效自评表），未生成自评报告：请检查是否选错了文件`);
  }
  const bytes = await renderReportDocx(reportDraft(result));
  try {
    fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
    // "wx": created here or not at all, even if another process made the file meanwhile.
    fs.writeFileSync(output, bytes, { flag: "wx" });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === "EEXIST" ? "文件已存在" : code === "EACCES" || code === "EPERM" ? "没有写入权限" : code === "EISDIR" ? "这是一个文件夹" : (e as Error).message;
    throw new CliError(`无法写入 ${output}：${why}`);
  }
  return result;
}
