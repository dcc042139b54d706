// Reading sheets into grids. Syncs: one for the sheet list, one for every sheet's used-range
// address (+ visible rows), one for merged areas, then a sample block of values and one sync per
// ~4 MB of the rest. Row blocks are sized from the column count and the bytes per cell measured
// on what was read so far, so no response passes 5 MB and no get asks for more than
// MAX_CELLS_PER_GET cells; a block that still comes back too large is re-read in smaller ones.
import { CellError, ERROR_CODES, type CellRange, type CellValue, type SheetGrid } from "../core/grid";
import { addressToRange, areasToRanges } from "./address";
import { MAX_CELLS_PER_GET, SYNC_BUDGET, cellBytes } from "./payload";
import { readMerges } from "./merges";
import { errorCode, isPayloadTooLarge } from "./run";
import type { ApiSupport, ReadProgress } from "./types";

/** The product's hidden bookkeeping sheet for cell marks; never part of the workbook's data. */
export const MARKS_SHEET = "FundAuditMarks";

/**
 * The first block is a sample read at a pessimistic 200 B a cell (66 CJK characters), about
 * 20,000 cells; the blocks after it are sized from the bytes per cell measured on it.
 */
const SAMPLE_BYTES_PER_CELL = 200;
const MIN_BYTES_PER_CELL = 4;
/** Measured size times this: the budget already keeps 20 % below the limit. */
const MEASURE_MARGIN = 1.1;
const ROW_OVERHEAD = 4;

const ERRORS = new Set(ERROR_CODES);

export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return v.charCodeAt(0) === 35 && ERRORS.has(v) ? new CellError(v) : v;
  return String(v);
}

export interface SheetTarget {
  ws: Excel.Worksheet;
  name: string;
  hidden: boolean;
}

interface SheetMeta {
  name: string;
  hidden: boolean;
  top: number;
  left: number;
  rows: number;
  cols: number;
  ws: Excel.Worksheet;
  merges: CellRange[];
  /** Visible areas of the used range, or null when hidden rows are not available. */
  visible: CellRange[] | null;
  /** Values by row relative to `top`. */
  data: CellValue[][];
}

interface Pending {
  meta: SheetMeta;
  from: number;
  to: number;
}

interface Block {
  meta: SheetMeta;
  from: number;
  count: number;
  range: Excel.Range;
}

/** Queue value gets for as many rows as the budget allows at `bytesPerCell`. */
function planGroup(pending: readonly Pending[], bytesPerCell: number): { blocks: Omit<Block, "range">[]; rest: Pending[] } {
  let budget = SYNC_BUDGET;
  const blocks: Omit<Block, "range">[] = [];
  const rest: Pending[] = [];
  for (const p of pending) {
    let from = p.from;
    const rowBytes = p.meta.cols * bytesPerCell + ROW_OVERHEAD;
    const maxRowsPerGet = Math.max(1, Math.floor(MAX_CELLS_PER_GET / p.meta.cols));
    while (from < p.to) {
      const fit = Math.floor(budget / rowBytes);
      if (fit < 1 && blocks.length > 0) break;
      const count = Math.min(Math.max(1, fit), maxRowsPerGet, p.to - from);
      blocks.push({ meta: p.meta, from, count });
      budget -= count * rowBytes;
      from += count;
    }
    if (from < p.to) rest.push({ meta: p.meta, from, to: p.to });
  }
  return { blocks, rest };
}

async function readGroups(context: Excel.RequestContext, pending: Pending[], bytesPerCell: number, progress: { done: number; total: number; report?: (p: ReadProgress) => void }): Promise<void> {
  if (pending.length === 0) return;
  const plan = planGroup(pending, bytesPerCell);
  const blocks: Block[] = plan.blocks.map((b) => {
    const range = b.meta.ws.getRangeByIndexes(b.meta.top + b.from, b.meta.left, b.count, b.meta.cols);
    range.load("values");
    return { ...b, range };
  });
  try {
    await context.sync();
  } catch (e) {
    // Our estimate was too low for this data (or the host ran out of memory on a get): retry the
    // same rows with smaller blocks. A rejected sync loaded nothing, so the proxies are dropped.
    const rows = blocks.reduce((n, b) => n + b.count, 0);
    if ((isPayloadTooLarge(e) || errorCode(e) === "GeneralException") && rows > 1) return readGroups(context, pending, bytesPerCell * 4, progress);
    throw e;
  }
  let bytes = 0;
  let cells = 0;
  for (const b of blocks) {
    const values = b.range.values;
    if (!values) throw new Error(`Excel returned no values for ${b.meta.name} rows ${b.meta.top + b.from + 1}-${b.meta.top + b.from + b.count}.`);
    for (let i = 0; i < values.length; i++) {
      const src = values[i];
      const row: CellValue[] = new Array(src.length);
      let last = -1;
      for (let c = 0; c < src.length; c++) {
        bytes += cellBytes(src[c]);
        const v = toCellValue(src[c]);
        row[c] = v;
        if (v !== null) last = c;
      }
      cells += src.length;
      row.length = last + 1;
      b.meta.data[b.from + i] = row;
    }
    progress.done += b.count;
  }
  const last = blocks[blocks.length - 1];
  progress.report?.({ done: progress.done, total: progress.total, sheet: last ? last.meta.name : undefined });
  const measured = cells > 0 ? (bytes / cells) * MEASURE_MARGIN : bytesPerCell;
  return readGroups(context, plan.rest, Math.max(MIN_BYTES_PER_CELL, measured), progress);
}

function hiddenRowsOf(meta: SheetMeta, lastRow: number): number[] | undefined {
  if (!meta.visible || lastRow < meta.top) return undefined;
  const shown = new Uint8Array(lastRow - meta.top + 1);
  for (const a of meta.visible)
    for (let r = Math.max(a.top, meta.top); r <= Math.min(a.bottom, lastRow); r++) shown[r - meta.top] = 1;
  const hidden: number[] = [];
  for (let i = 0; i < shown.length; i++) if (!shown[i]) hidden.push(meta.top + i);
  return hidden.length ? hidden : undefined;
}

function toGrid(meta: SheetMeta): SheetGrid {
  let n = meta.data.length;
  while (n > 0 && (!meta.data[n - 1] || meta.data[n - 1].length === 0)) n--;
  const rows: CellValue[][] = [];
  for (let r = 0; r < meta.top && n > 0; r++) rows.push([]);
  const pad: CellValue[] = new Array(meta.left).fill(null);
  for (let i = 0; i < n; i++) {
    const row = meta.data[i] ?? [];
    rows.push(meta.left > 0 && row.length > 0 ? pad.concat(row) : row);
  }
  const grid: SheetGrid = { name: meta.name, rows };
  if (meta.merges.length) grid.merges = meta.merges;
  const hidden = hiddenRowsOf(meta, meta.top + n - 1);
  if (hidden) grid.hiddenRows = hidden;
  if (meta.hidden) grid.hidden = true;
  return grid;
}

export interface SheetsRead {
  grids: SheetGrid[];
  /** Sheets whose merged cells could not be read (no ExcelApi 1.13, or the probe failed). */
  mergesUnread: string[];
}

/** Read the given sheets: 1 sync for sizes, 1 for merged areas, then ~1 per 4 MB of values. */
export async function readSheets(context: Excel.RequestContext, targets: readonly SheetTarget[], support: ApiSupport, report?: (p: ReadProgress) => void): Promise<SheetsRead> {
  const probes = targets.map((t) => {
    const used = t.ws.getUsedRangeOrNullObject(true);
    used.load("address,rowCount,columnCount,cellCount");
    // getUsedRange (not …OrNullObject) so the chain is safe on an empty sheet, where it is A1.
    const visible = support.hiddenRows ? t.ws.getUsedRange(true).getSpecialCellsOrNullObject("Visible") : null;
    if (visible) visible.load("address");
    return { t, used, visible };
  });
  await context.sync();

  const metas: SheetMeta[] = probes.map(({ t, used, visible }) => {
    const at = used.isNullObject ? null : addressToRange(used.address);
    return {
      name: t.name,
      hidden: t.hidden,
      ws: t.ws,
      top: at ? at.top : 0,
      left: at ? at.left : 0,
      rows: at ? used.rowCount : 0,
      cols: at ? used.columnCount : 0,
      merges: [],
      visible: visible ? (visible.isNullObject ? [] : areasToRanges(visible.address)) : null,
      data: [],
    };
  });
  const withData = metas.filter((m) => m.rows > 0 && m.cols > 0);
  let mergesUnread = withData.map((m) => m.name);
  if (support.merges) {
    const read = await readMerges(context, withData);
    for (const m of metas) m.merges = read.merges.get(m.name) ?? [];
    mergesUnread = [...read.unread];
  }
  const pending: Pending[] = withData.map((meta) => ({ meta, from: 0, to: meta.rows }));
  const total = pending.reduce((n, p) => n + p.to, 0);
  report?.({ done: 0, total });
  await readGroups(context, pending, SAMPLE_BYTES_PER_CELL, { done: 0, total, report });
  return { grids: metas.map(toGrid), mergesUnread };
}

export async function readAllSheets(context: Excel.RequestContext, support: ApiSupport, report?: (p: ReadProgress) => void): Promise<SheetsRead> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  const targets = sheets.items.filter((ws) => ws.name !== MARKS_SHEET).map((ws) => ({ ws, name: ws.name, hidden: ws.visibility !== "Visible" }));
  return readSheets(context, targets, support, report);
}

export async function readOneSheet(context: Excel.RequestContext, support: ApiSupport, name: string): Promise<SheetGrid | null> {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  ws.load("name,visibility");
  await context.sync();
  if (ws.isNullObject) return null;
  const { grids } = await readSheets(context, [{ ws, name: ws.name, hidden: ws.visibility !== "Visible" }], support);
  return grids[0];
}
