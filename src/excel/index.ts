// The only module that talks to Excel (Excel.run / context.sync). The task pane receives a
// WorkbookOps and never sees office-js.
import type { CellRange } from "../core/grid";
import { splitAddress } from "./address";
import { clearCellMarks, markCells, type MarkOutcome } from "./marks";
import { readAllSheets, readOneSheet } from "./read";
import { HostUnavailableError, detectSupport, resolveHost, runExcel, type OfficeHost, type RunHints } from "./run";
import { loadDocumentSettings, saveDocumentSettings } from "./settings";
import type { ExcelOpsOptions, MarkTexts, WorkbookOps } from "./types";
import { writeSheetLayouts } from "./write-layouts";

export type { ApiSupport, ExcelOpsOptions, MarkTexts, ReadProgress, Settings, WorkbookOps, WorkbookRead } from "./types";
export { CellEditModeError, HostUnavailableError, type OfficeHost } from "./run";
export { DEFAULT_SETTINGS, SETTINGS_KEY, normaliseSettings } from "./settings";
export { MARKS_SHEET } from "./read";
export { MAX_MARKS, NOTE_PREFIX } from "./marks";

/** WorkbookOps over the given host, or over the global Excel/Office (resolved at each call). */
export function createExcelOps(host?: OfficeHost, opts: ExcelOpsOptions = {}): WorkbookOps {
  const office = (): OfficeHost => {
    const h = resolveHost(host);
    if (!h) throw new HostUnavailableError();
    return h;
  };
  // Merged areas from the last full read: marks go to an area's top-left cell.
  let lastMerges: Map<string, CellRange[]> | null = null;
  let lastProtected: string[] = [];
  const waiting = new Set<() => void>();
  // Runs that change the workbook: one undo step each, and the pane told of a cell being edited.
  const reading: RunHints = { onCellEditWait: () => waiting.forEach((l) => l()) };
  const writing: RunHints = { ...reading, undoGroup: true };
  let lastTexts: MarkTexts = "note";
  const outcome = (o: MarkOutcome): number => {
    lastProtected = o.protectedSheets;
    if (o.texts !== undefined) lastTexts = o.texts || "fill";
    return o.cells;
  };
  return {
    readWorkbook: (onProgress) =>
      runExcel(host, opts, async (context, support) => {
        const { grids, mergesUnread } = await readAllSheets(context, support, onProgress);
        lastMerges = new Map(grids.map((g) => [g.name.toLowerCase(), g.merges ?? []]));
        return mergesUnread.length ? { sheets: grids, mergesUnread } : { sheets: grids };
      }, reading),
    readSheet: (name) => runExcel(host, opts, (context, support) => readOneSheet(context, support, name), reading),
    writeLayouts: (layouts) => runExcel(host, opts, (context, support) => writeSheetLayouts(context, support, layouts), writing),
    markFindings: (findings, markOpts) => runExcel(host, opts, (context, support) => markCells(context, support, findings, { includeInfo: !!markOpts?.includeInfo, lang: markOpts?.lang ?? "zh", merges: lastMerges }), writing).then(outcome),
    clearMarks: () => runExcel(host, opts, (context, support) => clearCellMarks(context, support), writing).then(outcome),
    onCellEditWait: (listener) => {
      waiting.add(listener);
      return () => void waiting.delete(listener);
    },
    protectedSheets: () => lastProtected,
    markedWith: () => lastTexts,
    selectCell: (sheet, a1) =>
      runExcel(host, opts, async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
        await context.sync();
        if (ws.isNullObject) throw new Error(`There is no sheet named ${sheet}.`);
        ws.activate();
        ws.getRange(splitAddress(a1).ref).select();
        await context.sync();
      }, reading),
    loadSettings: async () => loadDocumentSettings(office()),
    saveSettings: (s) => saveDocumentSettings(office(), s),
    apiSupport: () => detectSupport(resolveHost(host)),
  };
}
