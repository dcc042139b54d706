// The host-neutral view of a workbook: everything the task pane may ask a spreadsheet host to do.
// src/excel implements it for Excel (Office.js); a second host (WPS, Google Sheets) is a new folder
// beside it that implements the same WorkbookOps, and the pane does not change.
import type { ColumnMap } from "../core/column-map";
import type { SheetGrid, WorkbookGrids } from "../core/grid";
import type { SheetLayout } from "../core/layout";
import type { Finding, Lang } from "../core/types";

export interface ReadProgress {
  /** Rows read so far, over every sheet. */
  done: number;
  total: number;
  /** The sheet the last block came from. */
  sheet?: string;
}

/** Persisted in the workbook (Office.context.document.settings). */
export interface Settings {
  amountUnit: "yuan" | "wan";
  /** 预算执行率 below this (0.9 = 90 %) needs a 执行率偏差原因. */
  executionReasonThreshold: number;
  /** Actual ≥ this multiple of the target (1.3) needs a 偏差原因. */
  overshootRatio: number;
  paidTraffic: "allow" | "forbid";
  /** Built-in scope profile (SPEC §10); "auto": 项目信息 支出范围模板, else the one that classifies more lines. */
  scopeProfile: "auto" | "电商" | "经济分类";
  /** The column map (SPEC §8) the user set in the pane, the same JSON the CLI's --map reads. */
  columnMap?: ColumnMap;
}

export interface ApiSupport {
  /** ExcelApi 1.7: the add-in's minimum (getRangeByIndexes, freezePanes). */
  excel17: boolean;
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject. */
  merges: boolean;
  /** ExcelApi 1.18: notes (legacy comments) for marks. */
  notes: boolean;
  /** ExcelApi 1.10: threaded comments, used for marks when notes are missing. */
  comments: boolean;
  /** ExcelApi 1.6: Application.suspendApiCalculationUntilNextSync. */
  suspend: boolean;
  /** ExcelApi 1.9: suspendScreenUpdatingUntilNextSync. */
  suspendScreen: boolean;
  /** ExcelApi 1.9: hidden rows via getSpecialCellsOrNullObject("Visible"). */
  hiddenRows: boolean;
  /** ExcelApi 1.8: drop-down lists (data validation) in templates. */
  validation: boolean;
  /** ExcelApi 1.9: page layout (A4 landscape, print area) and fill patterns. */
  pageLayout: boolean;
  /** ExcelApi 1.20: Excel.run's mergeUndoGroup, so a whole fill or mark run is one undo step. */
  undoGroup: boolean;
  /** The "DelayForCellEdit" set office.js checks: Excel.run's delayForCellEdit waits out cell-edit mode. */
  delayForCellEdit: boolean;
}

export interface WorkbookRead extends WorkbookGrids {
  /** Sheets with data whose merged cells could not be read (below ExcelApi 1.13, or the probe failed). */
  mergesUnread?: string[];
}

/** Where a mark's text went: a note, a threaded comment, or nowhere (the fill alone). */
export type MarkTexts = "note" | "comment" | "fill";

export interface WorkbookOps {
  /** Every sheet's used values (+ merges and hidden rows where the API set allows). */
  readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<WorkbookRead>;
  /** One sheet, or null when there is no sheet of that name. */
  readSheet(name: string): Promise<SheetGrid | null>;
  /** Replace each named sheet with the layout (delete + recreate, same tab position). */
  writeLayouts(layouts: SheetLayout[]): Promise<void>;
  /**
   * Fill + note on each finding's cell (errors and warnings; info only when asked; the note's
   * severity words in `lang`, default zh). Returns cells marked.
   */
  markFindings(findings: Finding[], opts?: { includeInfo?: boolean; lang?: Lang }): Promise<number>;
  /** Undo exactly what markFindings did. Returns cells restored. */
  clearMarks(): Promise<number>;
  /** Protected sheets the last markFindings / clearMarks left untouched (their marks stay recorded). */
  protectedSheets?(): string[];
  /** What carried the last markFindings' texts (notes refused fall back to comments, then to fill only). */
  markedWith?(): MarkTexts;
  /** Activate the sheet and select the cell ("E17", "$E$17" or "支出明细!E17"). */
  selectCell(sheet: string, a1: string): Promise<void>;
  /**
   * Called at once when a run finds Excel in cell-edit mode and waits to retry (hosts without
   * delayForCellEdit), so the pane can ask the user to press Enter. Returns the unsubscribe.
   */
  onCellEditWait?(listener: () => void): () => void;
  loadSettings(): Promise<Settings>;
  saveSettings(s: Settings): Promise<void>;
  apiSupport(): ApiSupport;
}
