// `fund-audit fill`: validates a workbook and writes it again with the 审核结果 and 绩效自评表 sheets
// and marks on the offending cells. The workbook is a zip of parts and the product owns few of
// them: its two sheets are written as parts of their own; workbook.xml, its rels, the content
// types and styles.xml are patched (styles appended, never renumbered); a marked sheet gets only
// new `s` attributes and notes. Every other part is copied with its compressed bytes as they were.
// Before anything is written, the result is read back and every input sheet compared with what
// validation read.
import * as fs from "fs";
import * as path from "path";
import {
  FINDINGS_SHEET,
  OUTPUT_SHEETS,
  SELF_EVAL_SHEET,
  findingsLayout,
  hasReadableInput,
  isCellError,
  readKeptReasons,
  readReviews,
  selfEvaluationLayout,
  validateWorkbook,
  type CellValue,
  type Lang,
  type RuleConfig,
  type SheetGrid,
  type ValidationResult,
  type WorkbookGrids,
} from "../core";
import { CliError } from "./cli-error";
import { patchMarks } from "./marks";
import { layoutSheetXml } from "./ooxml/layout-sheet";
import { ZipPackage } from "./ooxml/package";
import { WorkbookPatch } from "./ooxml/workbook-patch";
import { resolveTarget, writeFileAtomically } from "./write-file";
import { readXlsxBufferAsync, readXlsxFile } from "./xlsx";

export interface FillOptions {
  input: string;
  output: string;
  inPlace: boolean;
  /** Replace an existing output file. */
  force?: boolean;
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
}

export async function fillWorkbook(opts: FillOptions): Promise<FillOutcome> {
  const { input, output } = opts;
  const same = isSameFile(input, output);
  if (same && !opts.inPlace) {
    throw new CliError(`拒绝覆盖输入文件 ${input}：请用 -o 指定另一个输出文件，或加 --in-place 明确要求在原文件中写入审核结果`);
  }
  if (!/\.xlsx$/i.test(output)) throw new CliError(`输出文件 ${output} 须以 .xlsx 结尾（写出的是不含宏的 Excel 工作簿，其他扩展名 Excel 会拒绝打开）`);
  const target = resolveTarget(output, { force: opts.force, inPlace: same });
  opts.onStep?.("read");
  const grids = await readXlsxFile(input);
  const pkg = new ZipPackage(fs.readFileSync(input));
  refuseMacros(pkg, input);

  opts.onStep?.("validate");
  const result = validateWorkbook(grids, { lang: opts.lang, config: opts.config });
  if (!hasReadableInput(result)) {
    throw new CliError(`${input}：未找到可读的内容（项目信息、资金分配、支出明细或填有指标的绩效自评表），未写入文件：请检查是否选错了文件`);
  }
  const reviews = sheetOf(grids, FINDINGS_SHEET);
  const reasons = sheetOf(grids, SELF_EVAL_SHEET);

  opts.onStep?.("write");
  const wb = new WorkbookPatch(pkg);
  const markedCells = patchMarks(pkg, wb, result.findings, opts.lang);
  const layouts = [
    findingsLayout(result, { workbook: path.basename(input), time: opts.now ?? new Date(), reviews: reviews ? readReviews(reviews) : undefined, lang: opts.lang }),
    selfEvaluationLayout(result, { keptReasons: reasons ? readKeptReasons(reasons) : undefined }),
  ];
  for (const layout of layouts) {
    const sheet = layoutSheetXml(layout, wb.styles, wb.ns, wb.relNs);
    wb.putOwnSheet(layout.name, sheet.xml, sheet.printArea);
  }
  wb.finish();
  const bytes = pkg.toBuffer();
  await checkReadBack(bytes, grids, input);
  writeFileAtomically(target, bytes, output);
  return { output, result, markedCells };
}

function refuseMacros(pkg: ZipPackage, input: string): void {
  const types = pkg.text("[Content_Types].xml") ?? "";
  if (pkg.names().some((n) => /vbaProject\.bin$/i.test(n)) || /macroEnabled|vbaProject/i.test(types)) {
    throw new CliError(`${input} 是含宏的工作簿（.xlsm）：fill 只写不含宏的 .xlsx，写出会丢掉宏，已停止，未写入任何文件。请在 Excel 中另存为 .xlsx 后再运行 fill，或在 Excel 中用本加载项填写`);
  }
}

/**
 * The safety net: the bytes about to be written, read back by the product's own reader, must hold
 * every input sheet exactly as validation read it (the product's own sheets aside).
 */
async function checkReadBack(bytes: Uint8Array, before: WorkbookGrids, input: string): Promise<void> {
  let after: WorkbookGrids;
  try {
    after = await readXlsxBufferAsync(bytes);
  } catch (e) {
    throw new CliError(`写出的工作簿无法读回（${(e as Error).message}），未写入任何文件：${input} 可能含有本工具不支持的结构，请在 Excel 中另存为 .xlsx 后重试`);
  }
  const kept = (g: WorkbookGrids): SheetGrid[] => g.sheets.filter((s) => !OUTPUT_SHEETS.has(s.name));
  const [a, b] = [kept(before), kept(after)];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const name = a[i]?.name ?? b[i]?.name;
    if (a[i]?.name !== b[i]?.name || !sameRows(a[i].rows, b[i].rows) || shape(a[i]) !== shape(b[i])) {
        throw new CliError(`写出的工作簿与原工作簿在工作表“${name}”上不一致，为免丢失数据未写入任何文件：请把 ${input} 在 Excel 中另存为 .xlsx 后重试，并报告此问题`);
    }
  }
}

/** Merges, hidden rows and visibility: what the engine reads besides values. */
function shape(g: SheetGrid): string {
  return JSON.stringify([g.merges ?? [], g.hiddenRows ?? [], g.hidden ?? false]);
}

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return `D${v.getTime()}`;
  if (isCellError(v)) return `E${v.code}`;
  return `${typeof v}:${String(v)}`;
}

function sameRows(a: SheetGrid["rows"], b: SheetGrid["rows"]): boolean {
  const n = Math.max(a.length, b.length);
  for (let r = 0; r < n; r++) if (!sameRow(a[r] ?? [], b[r] ?? [])) return false;
  return true;
}

/** Cell by cell over the cells present: the reader leaves far columns as holes, so a row reaching XFD costs what it holds. */
function sameRow(x: CellValue[], y: CellValue[]): boolean {
  for (const c in x) if (cellText(x[c]) !== cellText(y[c])) return false;
  for (const c in y) if (!(c in x) && cellText(y[c]) !== cellText(null)) return false;
  return true;
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
