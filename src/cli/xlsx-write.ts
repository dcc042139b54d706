// Renders a core SheetLayout into an exceljs worksheet: the CLI's twin of the add-in's writer.
// Strings that Excel could read as a formula are written as text, never as formulas.
import type ExcelJS from "exceljs";
import { displayWidth } from "./text-width";
import { columnLetter, looksLikeFormula, quoteSheet, rangeFromA1, type CellStyle, type LayoutCell, type SheetLayout } from "../core";

/** Font of the sheets the product owns (the official forms are set in 宋体). */
const FONT_NAME = "宋体";
const DEFAULT_FONT_SIZE = 11;
const DEFAULT_COLUMN_WIDTH = 8.43;
const DEFAULT_ROW_HEIGHT = 15;
/** Width units lost to the cell's inner margins, and points added around wrapped lines. */
const CELL_PADDING = 2;
const ROW_PADDING = 3;
/** Wrapping loses some width at line ends (CJK punctuation may not start a line). */
const WRAP_SLACK = 1.1;
/** Excel's limit for an inline list in a data validation. */
const INLINE_LIST_MAX = 255;
/** Sheet holding drop-down lists too long to write inline (very hidden). */
export const LISTS_SHEET = "_下拉选项";

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/** Adds `layout` as a new sheet at the end of `wb`. */
export function renderLayout(wb: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(layout.name, {
    views: layout.frozenRows ? [{ state: "frozen", ySplit: layout.frozenRows, xSplit: 0 }] : undefined,
  });
  layout.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  for (const [row, height] of fittedRowHeights(layout)) ws.getRow(row + 1).height = height;

  const styled = new Map<string, CellStyle>();
  for (const cell of layout.cells) {
    writeCell(ws.getCell(cell.row + 1, cell.col + 1), cell);
    if (cell.style) styled.set(`${cell.row},${cell.col}`, cell.style);
  }
  for (const m of layout.merges) {
    // A merged area shows the borders of every cell under it, so the master's border (and fill)
    // is drawn on each of them before merging.
    const master = styled.get(`${m.top},${m.left}`);
    if (master?.border || master?.fill) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if ((r !== m.top || c !== m.left) && !styled.has(`${r},${c}`)) applyStyle(ws.getCell(r + 1, c + 1), { border: master.border, fill: master.fill });
        }
      }
    }
    ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  for (const v of layout.validations ?? []) addListValidation(wb, ws, v.range, v.list);
  if (layout.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: layout.print.orientation,
      fitToPage: Boolean(layout.print.fitToWidth),
      fitToWidth: 1,
      // A print area is a form (the 绩效自评表): one page. Other sheets run on down the pages.
      fitToHeight: layout.print.printArea ? 1 : 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(layout.print.printArea ? { printArea: layout.print.printArea } : {}),
    };
  }
  return ws;
}

function writeCell(cell: ExcelJS.Cell, spec: LayoutCell): void {
  const style: CellStyle = { ...spec.style };
  if (spec.formula !== undefined) {
    cell.value = { formula: spec.formula, result: spec.value ?? undefined };
  } else {
    cell.value = spec.value;
    if (typeof spec.value === "string" && looksLikeFormula(spec.value)) style.numberFormat = "@";
  }
  applyStyle(cell, style);
}

/** Sets a fresh style object on `cell` (exceljs shares style objects between cells). */
function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  const style: Partial<ExcelJS.Style> = { font: { name: FONT_NAME, size: s.fontSize ?? DEFAULT_FONT_SIZE, bold: s.bold ?? false } };
  if (s.hAlign || s.vAlign || s.wrap) {
    style.alignment = { horizontal: s.hAlign, vertical: s.vAlign, wrapText: s.wrap ?? false };
  }
  if (s.numberFormat) style.numFmt = s.numberFormat;
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.border) {
    const side: Partial<ExcelJS.Border> = { style: s.border, color: { argb: "FF000000" } };
    style.border = { top: side, left: side, bottom: side, right: side };
  }
  cell.style = style;
}

/**
 * Row heights: the layout's, raised where wrapped text needs more lines. Neither Excel nor
 * LibreOffice auto-fits rows with merged cells, so a long 年度总体目标 would be cut off.
 */
export function fittedRowHeights(layout: SheetLayout): Map<number, number> {
  const heights = new Map<number, number>(Object.entries(layout.rowHeights ?? {}).map(([r, h]) => [Number(r), h]));
  const width = (c: number): number => layout.columnWidths[c] || DEFAULT_COLUMN_WIDTH;
  const mergeAt = new Map(layout.merges.map((m) => [`${m.top},${m.left}`, m]));
  for (const cell of layout.cells) {
    if (!cell.style?.wrap || typeof cell.value !== "string" || cell.value === "") continue;
    const m = mergeAt.get(`${cell.row},${cell.col}`) ?? { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col };
    let chars = -CELL_PADDING;
    for (let c = m.left; c <= m.right; c++) chars += width(c);
    const lines = cell.value.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil((displayWidth(part) * WRAP_SLACK) / Math.max(chars, 1))), 0);
    const needed = lines * lineHeight(cell.style.fontSize ?? DEFAULT_FONT_SIZE) + ROW_PADDING;
    const rows = m.bottom - m.top + 1;
    let have = 0;
    for (let r = m.top; r <= m.bottom; r++) have += heights.get(r) ?? DEFAULT_ROW_HEIGHT;
    if (needed <= have) continue;
    const extra = (needed - have) / rows;
    for (let r = m.top; r <= m.bottom; r++) heights.set(r, Math.ceil((heights.get(r) ?? DEFAULT_ROW_HEIGHT) + extra));
  }
  return heights;
}

function lineHeight(fontSize: number): number {
  return Math.ceil(fontSize * 1.3);
}

/** "#FFC7CE" -> "FFFFC7CE" */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function addListValidation(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, range: string, list: string[]): void {
  if (!rangeFromA1(range)) throw new Error(`invalid validation range ${range}`);
  const inline = `"${list.join(",")}"`;
  const fitsInline = inline.length <= INLINE_LIST_MAX && list.every((v) => !v.includes(",") && !v.includes('"'));
  const source = fitsInline ? inline : listRange(wb, list);
  const validations = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  validations.add(range, {
    type: "list",
    allowBlank: true,
    formulae: [source],
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: "不在列表中",
    error: "请从下拉列表中选择；如确需其他值，请先在项目信息或支出范围表中补充。",
  });
}

/** Writes a long list into a column of the very hidden lists sheet; returns its absolute range. */
function listRange(wb: ExcelJS.Workbook, list: string[]): string {
  const sheet = wb.getWorksheet(LISTS_SHEET) ?? wb.addWorksheet(LISTS_SHEET, { state: "veryHidden" });
  const col = sheet.actualColumnCount + 1;
  list.forEach((v, i) => {
    const cell = sheet.getCell(i + 1, col);
    cell.value = v;
    if (looksLikeFormula(v)) cell.numFmt = "@";
  });
  const letter = columnLetter(col - 1);
  return `${quoteSheet(LISTS_SHEET)}!$${letter}$1:$${letter}$${Math.max(list.length, 1)}`;
}
