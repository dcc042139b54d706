// readXlsxBuffer / readXlsxFile: xlsx bytes -> WorkbookGrids, values only.
import type { SheetGrid, WorkbookGrids } from "../../core/grid";
import { WorkbookReadError } from "./errors";
import { Feed } from "./feed";
import { SharedStringsScanner } from "./rich-text";
import { CellBudget, SheetScanner } from "./sheet";
import { sniffNonZip } from "./sniff";
import { parseDateStyles } from "./styles";
import { findByType, parseRelationships, parseWorkbook, relsPathFor, type Relationship } from "./workbook-parts";
import { Budget, formatBytes, inflateEntry, inflateEntryAsync, readCentralDirectory, readEntryText, type ZipEntry } from "./zip";
import { readRegularFile } from "./file";

export interface ReadOptions {
  /**
   * Refuse the workbook once this many bytes have been decompressed, counted over all parts
   * read (and also the file size). Default DEFAULT_MAX_UNCOMPRESSED_BYTES = 1 GiB.
   */
  maxUncompressedBytes?: number;
  /** Refuse the workbook once this many non-empty cells have been read. Default DEFAULT_MAX_CELLS = 10,000,000. */
  maxCells?: number;
  /** Read only the sheets for which this returns true; the others are left out of the result. */
  sheets?: (name: string) => boolean;
}

export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;
export const DEFAULT_MAX_CELLS = 10_000_000;

function corrupt(detail: string): WorkbookReadError {
  return new WorkbookReadError("corrupt", `工作簿已损坏（${detail}）：请在 Excel 中打开（Excel 会提示修复）并另存为 .xlsx（Excel 工作簿）后重试`);
}

class Package {
  constructor(
    readonly buf: Uint8Array,
    readonly entries: Map<string, ZipEntry>,
    readonly budget: Budget,
  ) {}

  entry(path: string): ZipEntry | undefined {
    return this.entries.get(path.toLowerCase());
  }

  text(path: string): string | undefined {
    const e = this.entry(path);
    return e ? readEntryText(this.buf, e, this.budget) : undefined;
  }
}

function notXlsx(pkg: Package): WorkbookReadError {
  if (pkg.entry("xl/workbook.bin")) return new WorkbookReadError("not-xlsx", "文件是 Excel 二进制工作簿（.xlsb），不是 xlsx：请在 Excel 中另存为 .xlsx（Excel 工作簿）后重试");
  if (pkg.entry("content.xml") && pkg.entry("mimetype")) return new WorkbookReadError("not-xlsx", "文件是 OpenDocument 表格（.ods，WPS/LibreOffice），不是 xlsx：请另存为 .xlsx（Excel 工作簿）后重试");
  if (pkg.entry("word/document.xml")) return new WorkbookReadError("not-xlsx", "文件是 Word 文档（.docx），不是 Excel 工作簿：请确认选择了正确的 .xlsx 文件");
  if (pkg.entry("ppt/presentation.xml")) return new WorkbookReadError("not-xlsx", "文件是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿：请确认选择了正确的 .xlsx 文件");
  return new WorkbookReadError("not-xlsx");
}

/** The workbook part, found as Excel finds it: through the package relationships (_rels/.rels). */
function workbookPartPath(pkg: Package): string {
  const rootRels = pkg.text("_rels/.rels");
  if (rootRels === undefined) {
    if (pkg.entry("xl/workbook.xml")) throw corrupt("缺少包关系部件 _rels/.rels");
    throw notXlsx(pkg);
  }
  const doc = findByType(parseRelationships(rootRels, ""), "officeDocument");
  if (!doc) throw notXlsx(pkg);
  const target = doc.target.toLowerCase();
  // A genuine .xlsb, .docx or .pptx has relationships too: what the main part is says what the file is.
  if (target.endsWith(".bin") || target.startsWith("word/") || target.startsWith("ppt/")) throw notXlsx(pkg);
  if (!pkg.entry(doc.target)) throw corrupt(`包关系指向的工作簿部件“${doc.target}”不存在`);
  return doc.target;
}

/** A relationship the workbook declares must lead to a part that is there. */
function relatedPart(pkg: Package, rel: Relationship | undefined, what: string): ZipEntry | undefined {
  if (!rel) return undefined;
  const entry = pkg.entry(rel.target);
  if (!entry) throw corrupt(`${what}部件“${rel.target}”不存在`);
  return entry;
}

interface SheetJob {
  grid: SheetGrid;
  /** The worksheet part to scan; null for chart and dialog sheets (no cells). */
  entry: ZipEntry | null;
}

/** Everything before the cells: package, workbook, styles; the shared strings and sheets to stream. */
interface Plan {
  pkg: Package;
  date1904: boolean;
  dateStyles: Uint8Array;
  sharedStrings: ZipEntry | undefined;
  sheets: SheetJob[];
  cells: CellBudget;
}

function plan(buf: Uint8Array, opts: ReadOptions): Plan {
  const limit = opts.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  sniffNonZip(buf);
  if (buf.length > limit) {
    throw new WorkbookReadError("too-large", `文件大小 ${formatBytes(buf.length)} 超过 ${formatBytes(limit)} 的读取上限：请拆分工作簿后重试`);
  }
  const pkg = new Package(buf, readCentralDirectory(buf), new Budget(limit));
  if (!pkg.entry("[Content_Types].xml")) {
    if (pkg.entry("xl/workbook.xml") || pkg.entry("_rels/.rels")) throw corrupt("缺少内容类型部件 [Content_Types].xml");
    throw notXlsx(pkg);
  }
  const wbPath = workbookPartPath(pkg);
  const wb = parseWorkbook(pkg.text(wbPath) ?? "");
  const relsPath = relsPathFor(wbPath);
  const relsText = pkg.text(relsPath);
  if (relsText === undefined) throw corrupt(`缺少工作簿的关系部件 ${relsPath}`);
  const rels = parseRelationships(relsText, wbPath);
  if (wb.sheets.length === 0) throw corrupt("工作簿中没有任何工作表");

  const stylesEntry = relatedPart(pkg, findByType(rels, "styles"), "样式");
  const stylesXml = stylesEntry ? readEntryText(buf, stylesEntry, pkg.budget) : undefined;
  const dateStyles = stylesXml !== undefined ? parseDateStyles(stylesXml) : new Uint8Array(0);
  const sharedStrings = relatedPart(pkg, findByType(rels, "sharedStrings"), "共享字符串表");

  const sheets: SheetJob[] = [];
  const names = new Set<string>();
  for (const s of wb.sheets) {
    const key = s.name.toLowerCase();
    if (names.has(key)) throw corrupt(`有两个同名的工作表“${s.name}”`);
    names.add(key);
    if (opts.sheets && !opts.sheets(s.name)) continue;
    // Never another part in place of the one named: a sheet without its relationship is damage.
    const rel = rels.get(s.relId);
    if (!rel || rel.external) throw corrupt(`工作表“${s.name}”的关系 ${s.relId || "（空）"} 在 ${relsPath} 中不存在`);
    const grid: SheetGrid = { name: s.name, rows: [] };
    if (s.state !== "visible") grid.hidden = true;
    if (!rel.type.endsWith("/worksheet")) {
      sheets.push({ grid, entry: null });
      continue;
    }
    const entry = pkg.entry(rel.target);
    if (!entry) throw corrupt(`找不到工作表“${s.name}”的数据`);
    sheets.push({ grid, entry });
  }
  return { pkg, date1904: wb.date1904, dateStyles, sharedStrings, sheets, cells: new CellBudget(opts.maxCells ?? DEFAULT_MAX_CELLS) };
}

function scannerFor(p: Plan, job: SheetJob, sharedStrings: readonly string[]): SheetScanner {
  return new SheetScanner({ sheetName: job.grid.name, sharedStrings, dateStyles: p.dateStyles, date1904: p.date1904, cells: p.cells });
}

function fillGrid(grid: SheetGrid, scanner: SheetScanner): void {
  const { rows, hiddenRows, merges, errorFree } = scanner.finish();
  grid.rows = rows;
  if (errorFree) grid.errorFree = true;
  if (merges.length) grid.merges = merges;
  if (hiddenRows.length) grid.hiddenRows = hiddenRows;
}

function readGrids(buf: Uint8Array, opts: ReadOptions): WorkbookGrids {
  const p = plan(buf, opts);
  const sst = new SharedStringsScanner();
  if (p.sharedStrings) inflateEntry(buf, p.sharedStrings, p.pkg.budget, new Feed(sst.consume, p.sharedStrings.name).push);
  for (const job of p.sheets) {
    if (!job.entry) continue;
    const scanner = scannerFor(p, job, sst.strings);
    inflateEntry(buf, job.entry, p.pkg.budget, new Feed(scanner.consume, job.entry.name).push);
    fillGrid(job.grid, scanner);
  }
  return { sheets: p.sheets.map((j) => j.grid) };
}

async function readGridsAsync(buf: Uint8Array, opts: ReadOptions): Promise<WorkbookGrids> {
  const p = plan(buf, opts);
  const sst = new SharedStringsScanner();
  if (p.sharedStrings) await inflateEntryAsync(buf, p.sharedStrings, p.pkg.budget, new Feed(sst.consume, p.sharedStrings.name).push);
  for (const job of p.sheets) {
    if (!job.entry) continue;
    const scanner = scannerFor(p, job, sst.strings);
    await inflateEntryAsync(buf, job.entry, p.pkg.budget, new Feed(scanner.consume, job.entry.name).push);
    fillGrid(job.grid, scanner);
  }
  return { sheets: p.sheets.map((j) => j.grid) };
}

/**
 * Reads an xlsx workbook from memory. Values only: formulas give their cached value (a CellError
 * UNCALCULATED_FORMULA when there is none), date-formatted numbers give UTC Dates, errors give
 * CellError. Throws WorkbookReadError when the bytes are not a readable xlsx; any other
 * exception is a bug of the reader (the CLI reports it as an internal error, detail with --debug).
 */
export function readXlsxBuffer(buf: Uint8Array, opts: ReadOptions = {}): WorkbookGrids {
  return readGrids(buf, opts);
}

/** readXlsxBuffer with inflation on Node's native zlib (faster; what the CLI uses through readXlsxFile). */
export function readXlsxBufferAsync(buf: Uint8Array, opts: ReadOptions = {}): Promise<WorkbookGrids> {
  return readGridsAsync(buf, opts);
}

/** Reads an xlsx file (a regular file only: never a device, pipe or folder); errors name the file as given. */
export async function readXlsxFile(path: string, opts: ReadOptions = {}): Promise<WorkbookGrids> {
  const buf = await readRegularFile(path, opts.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES);
  try {
    return await readXlsxBufferAsync(buf, opts);
  } catch (err) {
    throw err instanceof WorkbookReadError ? err.withFile(path) : err;
  }
}
