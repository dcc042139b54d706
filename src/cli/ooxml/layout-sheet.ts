// A SheetLayout written directly as worksheet XML (no exceljs): cells as inline strings or
// numbers, formats from the appended styles, merges, widths, heights, frozen rows, list
// validations and print setup. Strings Excel could read as a formula are text, formatted "@".
import { looksLikeFormula, quoteSheet, rangeFromA1, toA1, type CellStyle, type LayoutCell, type SheetLayout } from "../../core";
import { fittedRowHeights } from "../xlsx-write";
import type { StylesPatch } from "./styles-patch";
import { escapeAttr, escapeCellText } from "./xml";

/** Excel's limit for an inline list in a data validation. */
const INLINE_LIST_MAX = 255;

export interface LayoutSheet {
  xml: string;
  /** The print area as a defined name's value ('绩效自评表'!$A$1:$J$20), when the layout has one. */
  printArea?: string;
}

function cellXml(cell: LayoutCell, s: number, P: string): string {
  const r = toA1(cell.row, cell.col);
  if (cell.formula !== undefined) {
    const cached = cell.value === null ? "" : typeof cell.value === "number" ? `<${P}v>${cell.value}</${P}v>` : `<${P}v>${escapeCellText(cell.value)}</${P}v>`;
    return `<${P}c r="${r}" s="${s}"${typeof cell.value === "string" ? ' t="str"' : ""}><${P}f>${escapeCellText(cell.formula)}</${P}f>${cached}</${P}c>`;
  }
  if (typeof cell.value === "number" && Number.isFinite(cell.value)) return `<${P}c r="${r}" s="${s}"><${P}v>${cell.value}</${P}v></${P}c>`;
  if (typeof cell.value === "string" && cell.value !== "") {
    const space = /^\s|\s$/.test(cell.value) ? ' xml:space="preserve"' : "";
    return `<${P}c r="${r}" s="${s}" t="inlineStr"><${P}is><${P}t${space}>${escapeCellText(cell.value)}</${P}t></${P}is></${P}c>`;
  }
  return `<${P}c r="${r}" s="${s}"/>`;
}

function absoluteRange(sheet: string, a1: string): string {
  const r = rangeFromA1(a1);
  if (!r) throw new Error(`invalid range ${a1}`);
  return `${quoteSheet(sheet)}!$${toA1(r.top, r.left).replace(/(\d+)$/, "$$$1")}:$${toA1(r.bottom, r.right).replace(/(\d+)$/, "$$$1")}`;
}

/** The worksheet part for `layout`, in the workbook's namespaces (`ns` main, `relNs` relationships: transitional or strict). */
export function layoutSheetXml(layout: SheetLayout, styles: StylesPatch, ns: string, relNs: string): LayoutSheet {
  const P = "";
  // Last write wins, as when a layout puts a cell twice. Keyed by number: 600k findings cells.
  const at = (row: number, col: number): number => row * 16384 + col;
  const byCell = new Map<number, { cell: LayoutCell; style: CellStyle }>();
  for (const cell of layout.cells) {
    let style = cell.style ?? {};
    if (cell.formula === undefined && typeof cell.value === "string" && looksLikeFormula(cell.value)) style = { ...style, numberFormat: "@" };
    byCell.set(at(cell.row, cell.col), { cell, style });
  }
  // A merged area shows the master's format on every cell under it (borders print whole, and a
  // reader that gives each covered cell the master's value also sees it as text).
  for (const m of layout.merges) {
    const master = byCell.get(at(m.top, m.left))?.style;
    if (!master) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r !== m.top || c !== m.left) byCell.set(at(r, c), { cell: { row: r, col: c, value: null }, style: master });
      }
    }
  }
  const cells = [...byCell.keys()].sort((a, b) => a - b).map((k) => byCell.get(k) as { cell: LayoutCell; style: CellStyle });
  const heights = fittedRowHeights(layout);
  const rows = new Map<number, string>();
  let maxRow = 0;
  let maxCol = 0;
  const xfOf = new Map<CellStyle, number>();
  for (let i = 0; i < cells.length; ) {
    const row = cells[i].cell.row;
    const parts: string[] = [];
    for (; i < cells.length && cells[i].cell.row === row; i++) {
      const { cell, style } = cells[i];
      let xf = xfOf.get(style);
      if (xf === undefined) xfOf.set(style, (xf = styles.cellXf(style)));
      parts.push(cellXml(cell, xf, P));
      maxCol = Math.max(maxCol, cell.col);
    }
    maxRow = Math.max(maxRow, row);
    const h = heights.get(row);
    rows.set(row, `<${P}row r="${row + 1}"${h ? ` ht="${h}" customHeight="1"` : ""}>${parts.join("")}</${P}row>`);
  }
  for (const [row, h] of heights) if (!rows.has(row)) rows.set(row, `<${P}row r="${row + 1}" ht="${h}" customHeight="1"/>`);
  const sheetRows = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, xml]) => xml);

  const print = layout.print;
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}" xmlns:r="${relNs}">`];
  if (print?.fitToWidth) out.push(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
  out.push(`<dimension ref="A1:${toA1(maxRow, maxCol)}"/>`);
  const frozen = layout.frozenRows ? `<pane ySplit="${layout.frozenRows}" topLeftCell="A${layout.frozenRows + 1}" activePane="bottomLeft" state="frozen"/>` : "";
  out.push(`<sheetViews><sheetView workbookViewId="0">${frozen}</sheetView></sheetViews>`, `<sheetFormatPr defaultRowHeight="15"/>`);
  const cols = layout.columnWidths.map((w, c) => (w > 0 ? `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>` : "")).join("");
  if (cols) out.push(`<cols>${cols}</cols>`);
  out.push(sheetRows.length ? `<sheetData>${sheetRows.join("")}</sheetData>` : "<sheetData/>");
  if (layout.merges.length) {
    out.push(`<mergeCells count="${layout.merges.length}">${layout.merges.map((m) => `<mergeCell ref="${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}"/>`).join("")}</mergeCells>`);
  }
  const validations = layout.validations ?? [];
  if (validations.length) {
    out.push(`<dataValidations count="${validations.length}">`);
    for (const v of validations) {
      const inline = `"${v.list.join(",")}"`;
      // fill's own sheets only carry short lists (复核状态); the template writer handles long ones.
      if (inline.length > INLINE_LIST_MAX || v.list.some((x) => x.includes(",") || x.includes('"'))) throw new Error(`list too long to write inline at ${v.range}`);
      out.push(
        `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" errorTitle="不在列表中" error="${escapeAttr("请从下拉列表中选择；如确需其他值，请先在项目信息或支出范围表中补充。")}" sqref="${v.range}"><formula1>${escapeCellText(inline)}</formula1></dataValidation>`,
      );
    }
    out.push(`</dataValidations>`);
  }
  if (print) {
    out.push(`<printOptions horizontalCentered="1"/>`, `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`);
    // A print area is a form (the 绩效自评表): one page. Other sheets run on down the pages.
    out.push(`<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="1" fitToHeight="${print.printArea ? 1 : 0}"/>`);
  }
  out.push(`</worksheet>`);
  return { xml: out.join(""), printArea: print?.printArea ? absoluteRange(layout.name, print.printArea) : undefined };
}
