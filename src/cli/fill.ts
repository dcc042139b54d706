// `fund-audit fill`: validates a workbook and writes a copy with the 审核结果 and 绩效自评表 sheets
// (rewritten as a whole on every run) and marks on the offending cells. The user's sheets keep
// every value, formula and style; the input file itself is never touched unless --in-place.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  FINDINGS_SHEET,
  SELF_EVAL_SHEET,
  findingsLayout,
  hasReadableInput,
  readKeptReasons,
  readReviews,
  selfEvaluationLayout,
  validateWorkbook,
  type Lang,
  type RuleConfig,
  type ValidationResult,
  type WorkbookGrids,
} from "../core";
import { CliError } from "./cli-error";
import { clearMarks, markFindings } from "./marks";
import { writeWorkbookAtomically } from "./write-file";
import { readXlsxFile } from "./xlsx";
import { checkDenseSize } from "./xlsx/dense";
import { readCentralDirectory } from "./xlsx/zip";
import { renderLayout } from "./xlsx-write";

export interface FillOptions {
  input: string;
  output: string;
  inPlace: boolean;
  lang: Lang;
  config?: RuleConfig;
  /** The time shown on 审核结果 (tests fix it). */
  now?: Date;
  onStep?: (step: "read" | "validate" | "write") => void;
}

export interface FillOutcome {
  output: string;
  result: ValidationResult;
  markedCells: number;
  /** Parts of the input the copy does not carry (charts, pivot tables …), for a warning. */
  dropped: string[];
}

export async function fillWorkbook(opts: FillOptions): Promise<FillOutcome> {
  const { input, output } = opts;
  if (isSameFile(input, output) && !opts.inPlace) {
    throw new CliError(`拒绝覆盖输入文件 ${input}：请用 -o 指定另一个输出文件，或加 --in-place 明确要求在原文件中写入审核结果`);
  }
  opts.onStep?.("read");
  const grids = await readXlsxFile(input);
  checkDenseSize(grids, input);
  const dropped = partsNotKept(fs.readFileSync(input));
  if (dropped.length > 0 && isSameFile(input, output)) {
    throw new CliError(`${input} 含有${dropped.join("、")}，写回原文件会丢失这些内容：请去掉 --in-place 写入副本，或在 Excel 中用本加载项填写`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(input);
  } catch (e) {
    throw new CliError(`${input}：工作簿可以校验，但无法载入以写入结果：请在 Excel 中另存为 .xlsx 后重试（加 --debug 查看详情）`, 2, e);
  }

  opts.onStep?.("validate");
  const result = validateWorkbook(grids, { lang: opts.lang, config: opts.config });
  if (!hasReadableInput(result)) {
    throw new CliError(`${input}：未找到可读的内容（项目信息、资金分配、支出明细或填有指标的绩效自评表），未写入文件：请检查是否选错了文件`);
  }
  const reviews = sheetOf(grids, FINDINGS_SHEET);
  const reasons = sheetOf(grids, SELF_EVAL_SHEET);

  opts.onStep?.("write");
  for (const name of [FINDINGS_SHEET, SELF_EVAL_SHEET]) {
    const old = wb.getWorksheet(name);
    if (old) wb.removeWorksheet(old.id);
  }
  clearMarks(wb);
  const markedCells = markFindings(wb, result.findings, opts.lang);
  renderLayout(
    wb,
    findingsLayout(result, { workbook: path.basename(input), time: opts.now ?? new Date(), reviews: reviews ? readReviews(reviews) : undefined, lang: opts.lang }),
  );
  renderLayout(wb, selfEvaluationLayout(result, { keptReasons: reasons ? readKeptReasons(reasons) : undefined }));
  await writeWorkbookAtomically(wb, output);
  return { output, result, markedCells, dropped };
}

/** Workbook parts exceljs does not carry into the copy, by what a user calls them. */
const NOT_KEPT: [RegExp, string][] = [
  [/^xl\/(charts|chartsheets)\//, "图表"],
  [/^xl\/(pivottables|pivotcache)\//, "数据透视表"],
  [/^xl\/(slicers|slicercaches|timelines|timelinecaches)\//, "切片器"],
  [/^xl\/vbaproject\.bin$/, "宏"],
  [/^xl\/(activex|ctrlprops)\//, "控件"],
];

/** What the copy would lose: checked on the zip's directory before anything is written. */
export function partsNotKept(buf: Uint8Array): string[] {
  const names = [...readCentralDirectory(buf).keys()];
  return NOT_KEPT.filter(([re]) => names.some((n) => re.test(n))).map(([, label]) => label);
}

function sheetOf(grids: WorkbookGrids, name: string) {
  return grids.sheets.find((s) => s.name === name);
}

function isSameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}
