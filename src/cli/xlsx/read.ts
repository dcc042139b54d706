// readXlsxBuffer / readXlsxFile: xlsx bytes -> WorkbookGrids, values only.
import { promises as fs } from "fs";
import type { SheetGrid, WorkbookGrids } from "../../core/grid";
import { WorkbookReadError } from "./errors";
import { Feed } from "./feed";
import { SharedStringsScanner } from "./rich-text";
import { CellBudget, SheetScanner } from "./sheet";
import { sniffNonZip } from "./sniff";
import { parseDateStyles } from "./styles";
import { findByType, parseRelationships, parseWorkbook, relsPathFor, type Relationship } from "./workbook-parts";
import { Budget, formatBytes, inflateEntry, inflateEntryAsync, readCentralDirectory, readEntryText, type ZipEntry } from "./zip";

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

function workbookPartPath(pkg: Package): string | undefined {
  const rootRels = pkg.text("_rels/.rels");
  if (rootRels !== undefined) {
    const doc = findByType(parseRelationships(rootRels, ""), "officeDocument");
    if (doc && pkg.entry(doc.target)) return doc.target;
  }
  return pkg.entry("xl/workbook.xml") ? "xl/workbook.xml" : undefined;
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
  const wbPath = workbookPartPath(pkg);
  if (!wbPath) throw notXlsx(pkg);
  const wb = parseWorkbook(pkg.text(wbPath) ?? "");
  const relsText = pkg.text(relsPathFor(wbPath));
  const rels = relsText !== undefined ? parseRelationships(relsText, wbPath) : new Map<string, Relationship>();
  const dir = wbPath.slice(0, wbPath.lastIndexOf("/") + 1);

  const stylesXml = pkg.text(findByType(rels, "styles")?.target ?? `${dir}styles.xml`);
  const dateStyles = stylesXml !== undefined ? parseDateStyles(stylesXml) : new Uint8Array(0);
  const sharedStrings = pkg.entry(findByType(rels, "sharedStrings")?.target ?? `${dir}sharedStrings.xml`);

  const sheets: SheetJob[] = [];
  wb.sheets.forEach((s, k) => {
    if (opts.sheets && !opts.sheets(s.name)) return;
    const rel = rels.get(s.relId);
    const grid: SheetGrid = { name: s.name, rows: [] };
    if (s.state !== "visible") grid.hidden = true;
    if (rel && !rel.type.endsWith("/worksheet")) {
      sheets.push({ grid, entry: null });
      return;
    }
    const entry = pkg.entry(rel ? rel.target : `${dir}worksheets/sheet${k + 1}.xml`);
    if (!entry) throw corrupt(`找不到工作表“${s.name}”的数据`);
    sheets.push({ grid, entry });
  });
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

function asReadError(err: unknown): WorkbookReadError {
  if (err instanceof WorkbookReadError) return err;
  return corrupt(err instanceof Error ? err.message : String(err));
}

/**
 * Reads an xlsx workbook from memory. Values only: formulas give their cached value (null
 * when there is none), date-formatted numbers give UTC Dates, errors give CellError. Throws
 * WorkbookReadError (and nothing else) when the bytes are not a readable xlsx.
 */
export function readXlsxBuffer(buf: Uint8Array, opts: ReadOptions = {}): WorkbookGrids {
  try {
    return readGrids(buf, opts);
  } catch (err) {
    throw asReadError(err);
  }
}

/** readXlsxBuffer with inflation on Node's native zlib (faster; what the CLI uses through readXlsxFile). */
export async function readXlsxBufferAsync(buf: Uint8Array, opts: ReadOptions = {}): Promise<WorkbookGrids> {
  try {
    return await readGridsAsync(buf, opts);
  } catch (err) {
    throw asReadError(err);
  }
}

/** Reads an xlsx file; errors name the file as given. */
export async function readXlsxFile(path: string, opts: ReadOptions = {}): Promise<WorkbookGrids> {
  const limit = opts.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  let buf: Buffer;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw new WorkbookReadError("unreadable", "这是一个文件夹，不是文件：请指定 .xlsx 文件", path);
    if (stat.size > limit) throw new WorkbookReadError("too-large", `文件大小 ${formatBytes(stat.size)} 超过 ${formatBytes(limit)} 的读取上限：请拆分工作簿后重试`, path);
    buf = await fs.readFile(path);
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(code === "ENOENT" || code === "ENOTDIR" ? "not-found" : "unreadable", undefined, path);
  }
  try {
    return await readXlsxBufferAsync(buf, opts);
  } catch (err) {
    throw (err as WorkbookReadError).withFile(path);
  }
}
