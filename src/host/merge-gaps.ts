// Notices about what the host could not do. Below ExcelApi 1.13 (Excel 2019/2021 perpetual, older
// web builds) merged cells cannot be read:
// every cell of a merged area but the top-left one reads as empty, so a 单位名称 merged over four
// spending lines gives three required-missing findings and cascades (lines without a recipient).
// Where required-missing lands in runs under a filled cell, in two or more runs of one column,
// those runs are taken as merged areas (the engine then reads them as it reads real merges) and
// the pane says so. Pure: no Excel calls.
import { columnLetter, isBlank, type CellRange, type SheetGrid, type WorkbookGrids } from "../core/grid";
import type { Finding, Lang } from "../core/types";
import type { WorkbookRead } from "./types";

export interface MergeGuess {
  sheet: string;
  /** "B" */
  column: string;
  /** Empty cells read as part of a merged area above them. */
  cells: number;
}

const MIN_RUNS = 2;

function filled(grid: SheetGrid, row: number, col: number): boolean {
  const r = grid.rows[row];
  return !!r && r[col] !== undefined && !isBlank(r[col]);
}

function firstDataRow(grid: SheetGrid): number {
  return grid.rows.findIndex((r) => !!r && r.some((v) => !isBlank(v)));
}

/** Runs of flagged empty cells right under a filled cell that is not the sheet's first row. */
function runsIn(grid: SheetGrid, col: number, missing: ReadonlySet<number>): CellRange[] {
  const first = firstDataRow(grid);
  const runs: CellRange[] = [];
  for (const row of [...missing].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.bottom === row - 1) {
      last.bottom = row;
      continue;
    }
    const anchor = row - 1;
    if (anchor > first && filled(grid, anchor, col) && !filled(grid, row, col)) runs.push({ top: anchor, left: col, bottom: row, right: col });
  }
  return runs;
}

/** The grids with likely merges added, and what was guessed; the grids as read when nothing was. */
export function guessMerges(read: WorkbookRead, findings: readonly Finding[]): { grids: WorkbookGrids; guesses: MergeGuess[] } {
  const unread = new Set(read.mergesUnread ?? []);
  const missing = new Map<string, Map<number, Set<number>>>();
  for (const f of findings) {
    if (f.code !== "required-missing" || !unread.has(f.sheet)) continue;
    const cols = missing.get(f.sheet) ?? new Map<number, Set<number>>();
    const rows = cols.get(f.col) ?? new Set<number>();
    rows.add(f.row - 1);
    cols.set(f.col, rows);
    missing.set(f.sheet, cols);
  }
  const guesses: MergeGuess[] = [];
  const sheets = read.sheets.map((grid) => {
    const cols = missing.get(grid.name);
    if (!cols) return grid;
    const added: CellRange[] = [];
    for (const [col, rows] of [...cols].sort((a, b) => a[0] - b[0])) {
      const runs = runsIn(grid, col, rows);
      if (runs.length < MIN_RUNS) continue;
      added.push(...runs);
      guesses.push({ sheet: grid.name, column: columnLetter(col), cells: runs.reduce((n, r) => n + r.bottom - r.top, 0) });
    }
    return added.length ? { ...grid, merges: [...(grid.merges ?? []), ...added] } : grid;
  });
  return { grids: { sheets }, guesses };
}

/** The pane's warning when merged cells could not be read. */
export function mergeNotice(lang: Lang, guesses: readonly MergeGuess[]): string {
  const list = guesses.map((g) => (lang === "zh" ? `${g.sheet} ${g.column} 列 ${g.cells} 个` : `${g.sheet} column ${g.column}: ${g.cells}`));
  if (lang === "zh")
    return `此版本的 Excel 无法读取合并单元格（需要 ExcelApi 1.13：Microsoft 365 或网页版 Excel）。${
      list.length ? `以下空白单元格位于有值单元格下方，已按合并单元格读取（取上方的值）：${list.join("；")}。请核对这些单元格，` : "合并区域中除左上角外的单元格按空白读取，"
    }结果可能与新版 Excel 或命令行工具不同。`;
  return `This version of Excel cannot read merged cells (that needs ExcelApi 1.13: Microsoft 365 or Excel on the web). ${
    list.length ? `These empty cells under a filled one were read as merged with it (taking the value above): ${list.join("; ")}. Check those cells; ` : "Cells of a merged area other than its top-left one read as empty; "
  }results may differ from a newer Excel or the command-line tool.`;
}

/** Appended to the mark/clear notice when protected sheets were left alone. */
export function protectedNotice(lang: Lang, sheets: readonly string[]): string {
  if (sheets.length === 0) return "";
  return lang === "zh" ? `工作表 ${sheets.join("、")} 受保护，未做改动：请撤销工作表保护后再试。` : ` Protected sheets were left unchanged: ${sheets.join(", ")}. Unprotect them and try again.`;
}
