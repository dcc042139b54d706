// What writing a copy would cost. The reader keeps far cells sparse, but exceljs (which loads the
// workbook again to write the copy) allocates every cell from column A to the last one of each
// row: 30,000 rows with a value in column XFD are 491 million cells, gigabytes. fill asks first.
import { columnLetter, type WorkbookGrids } from "../../core/grid";
import { WorkbookReadError } from "./errors";

/** About six times the cells of the 100,000-line benchmark workbook (800,000). */
export const MAX_DENSE_CELLS = 5_000_000;

/**
 * Throws a WorkbookReadError (too-large, naming `file` and the farthest cell) when the rows of `grids`, laid
 * out densely from column A, hold more than `limit` cells.
 */
export function checkDenseSize(grids: WorkbookGrids, file: string, limit = MAX_DENSE_CELLS): void {
  let total = 0;
  let far = { sheet: "", row: 0, col: -1 };
  for (const sheet of grids.sheets) {
    sheet.rows.forEach((row, r) => {
      total += row.length;
      if (row.length - 1 > far.col) far = { sheet: sheet.name, row: r, col: row.length - 1 };
    });
  }
  if (total > limit) {
    const where = `${far.sheet}!${columnLetter(far.col)}${far.row + 1}`;
    throw new WorkbookReadError(
      "too-large",
      `工作簿的数据分布太远（最远到 ${where}），写出副本需要展开 ${total.toLocaleString("en-US")} 个单元格，超过 ${limit.toLocaleString("en-US")} 的上限：请删除远处多余的数据后重试（validate 不受影响）`,
      file,
    );
  }
}
