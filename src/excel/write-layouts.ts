// Rendering SheetLayouts (审核结果, 绩效自评表, templates) into Excel. Each sheet is recreated
// where the old one stood; values go in as 2-D blocks, styles as rectangles of equal style, and
// every string is written under the "@" (text) number format so "=HYPERLINK(…" typed by a user
// or produced from data stays a string. Syncs: 1 for the sheet list + 1 per ~4 MB of request.
import { looksLikeFormula, type CellStyle, type LayoutCell, type SheetLayout } from "../core/layout";
import { ACTION_BYTES, SYNC_BUDGET, gridBytes, syncSteps, type Step } from "./payload";
import type { ApiSupport } from "./types";

/** Block of rows written with one values set; small enough to pack several per sync. */
const BLOCK_BYTES = 1_000_000;

interface StyleRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
  style: CellStyle;
}

/** Excel column width in points for a width in characters (Calibri 11: 7 px a character + 5 px padding). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function styleKey(s: CellStyle | undefined): string {
  if (!s) return "";
  const { bold, fontSize, hAlign, vAlign, wrap, fill, border } = s;
  return JSON.stringify([bold ?? null, fontSize ?? null, hAlign ?? null, vAlign ?? null, wrap ?? null, fill ?? null, border ?? null]);
}

/** Coalesce cells with the same (non-number-format) style into rectangles. */
export function styleRects(cells: readonly LayoutCell[]): StyleRect[] {
  const byRow = new Map<number, LayoutCell[]>();
  for (const c of cells) {
    if (styleKey(c.style) === "") continue;
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const open = new Map<string, StyleRect>();
  const done: StyleRect[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const list = (byRow.get(row) as LayoutCell[]).sort((a, b) => a.col - b.col);
    const runs: { left: number; right: number; key: string; style: CellStyle }[] = [];
    for (const c of list) {
      const key = styleKey(c.style);
      const last = runs[runs.length - 1];
      if (last && last.key === key && last.right === c.col - 1) last.right = c.col;
      else runs.push({ left: c.col, right: c.col, key, style: c.style as CellStyle });
    }
    const seen = new Set<string>();
    for (const run of runs) {
      const id = `${run.left}|${run.right}|${run.key}`;
      seen.add(id);
      const rect = open.get(id);
      if (rect && rect.bottom === row - 1) rect.bottom = row;
      else {
        if (rect) done.push(rect);
        open.set(id, { top: row, bottom: row, left: run.left, right: run.right, style: run.style });
      }
    }
    for (const [id, rect] of open)
      if (!seen.has(id) && rect.bottom < row) {
        done.push(rect);
        open.delete(id);
      }
  }
  return done.concat([...open.values()]);
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

function styleSteps(ws: () => Excel.Worksheet, rects: readonly StyleRect[]): Step[] {
  return rects.map((r) => {
    const s = r.style;
    const inside: ("InsideHorizontal" | "InsideVertical")[] = [];
    if (s.border && r.bottom > r.top) inside.push("InsideHorizontal");
    if (s.border && r.right > r.left) inside.push("InsideVertical");
    const actions = 1 + Object.keys(s).length + (s.border ? (EDGES.length + inside.length) * 2 : 0);
    return {
      bytes: actions * ACTION_BYTES,
      queue: () => {
        const range = ws().getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
        if (s.bold !== undefined) range.format.font.bold = s.bold;
        if (s.fontSize !== undefined) range.format.font.size = s.fontSize;
        if (s.hAlign) range.format.horizontalAlignment = H_ALIGN[s.hAlign];
        if (s.vAlign) range.format.verticalAlignment = V_ALIGN[s.vAlign];
        if (s.wrap !== undefined) range.format.wrapText = s.wrap;
        if (s.fill) range.format.fill.color = s.fill;
        if (s.border) {
          const weight = s.border === "medium" ? "Medium" : "Thin";
          for (const edge of [...EDGES, ...inside]) {
            range.format.borders.getItem(edge).style = "Continuous";
            range.format.borders.getItem(edge).weight = weight;
          }
        }
      },
    };
  });
}

/** Values/formulas and number formats, in row blocks of ≤ BLOCK_BYTES. */
function cellSteps(ws: () => Excel.Worksheet, cells: readonly LayoutCell[]): Step[] {
  if (cells.length === 0) return [];
  let left = Infinity;
  let right = -1;
  let bottom = -1;
  const byRow = new Map<number, LayoutCell[]>();
  for (const c of cells) {
    left = Math.min(left, c.col);
    right = Math.max(right, c.col);
    bottom = Math.max(bottom, c.row);
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const width = right - left + 1;
  const steps: Step[] = [];
  let top = -1;
  let formulas: (string | number | null)[][] = [];
  let formats: (string | null)[][] = [];
  let anyFormat = false;
  let bytes = 0;
  const flush = (): void => {
    if (top < 0) return;
    const f = formulas;
    const nf = anyFormat ? formats : null;
    const at = top;
    steps.push({
      bytes: bytes + ACTION_BYTES * 3,
      queue: () => {
        const range = ws().getRangeByIndexes(at, left, f.length, width);
        // Number formats first: a string lands in a cell that is already text.
        if (nf) range.numberFormat = nf;
        range.formulas = f;
      },
    });
    top = -1;
    formulas = [];
    formats = [];
    anyFormat = false;
    bytes = 0;
  };
  for (let row = 0; row <= bottom; row++) {
    const fr: (string | number | null)[] = new Array(width).fill(null);
    const nr: (string | null)[] = new Array(width).fill(null);
    for (const c of byRow.get(row) ?? []) {
      const i = c.col - left;
      if (c.formula !== undefined) {
        fr[i] = `=${c.formula.replace(/^=/, "")}`;
        if (c.style?.numberFormat) nr[i] = c.style.numberFormat;
      } else if (typeof c.value === "string") {
        fr[i] = c.value;
        // Strings are text: never a formula, never auto-converted to a number or a date.
        nr[i] = c.style?.numberFormat && !looksLikeFormula(c.value) ? c.style.numberFormat : "@";
      } else {
        fr[i] = c.value;
        if (c.style?.numberFormat) nr[i] = c.style.numberFormat;
      }
      if (nr[i] !== null) anyFormat = true;
    }
    if (top < 0) top = row;
    formulas.push(fr);
    formats.push(nr);
    bytes += gridBytes([fr]) + gridBytes([nr]);
    if (bytes >= BLOCK_BYTES) flush();
  }
  flush();
  return steps;
}

/** Columns with equal widths share one action. */
function widthSteps(ws: () => Excel.Worksheet, widths: readonly number[]): Step[] {
  const steps: Step[] = [];
  let start = 0;
  for (let c = 1; c <= widths.length; c++) {
    if (c < widths.length && widths[c] === widths[start]) continue;
    const from = start;
    const count = c - start;
    const w = widths[start];
    if (typeof w === "number" && w > 0)
      steps.push({
        bytes: ACTION_BYTES * 2,
        queue: () => {
          ws().getRangeByIndexes(0, from, 1, count).format.columnWidth = charsToPoints(w);
        },
      });
    start = c;
  }
  return steps;
}

function sheetSteps(context: Excel.RequestContext, layout: SheetLayout, existing: Excel.Worksheet | undefined, support: ApiSupport, index: number): Step[] {
  let ws: Excel.Worksheet | null = null;
  const sheet = (): Excel.Worksheet => ws as Excel.Worksheet;
  const steps: Step[] = [
    {
      bytes: ACTION_BYTES * 4,
      queue: () => {
        const sheets = context.workbook.worksheets;
        if (existing) {
          // Rename first so the new sheet can take the name; add before delete so a workbook
          // holding only this sheet never becomes empty; then put it back where it was.
          const position = existing.position;
          existing.name = `~fa${index}-${Date.now().toString(36)}`.slice(0, 31);
          ws = sheets.add(layout.name);
          existing.delete();
          ws.position = position;
        } else ws = sheets.add(layout.name);
      },
    },
  ];
  steps.push(...cellSteps(sheet, layout.cells));
  steps.push(...styleSteps(sheet, styleRects(layout.cells)));
  for (const m of layout.merges)
    steps.push({
      bytes: ACTION_BYTES * 2,
      queue: () => sheet().getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false),
    });
  steps.push(...widthSteps(sheet, layout.columnWidths));
  for (const [row, height] of Object.entries(layout.rowHeights ?? {}))
    steps.push({
      bytes: ACTION_BYTES * 2,
      queue: () => {
        sheet().getRangeByIndexes(Number(row), 0, 1, 1).format.rowHeight = height;
      },
    });
  if (layout.frozenRows)
    steps.push({
      bytes: ACTION_BYTES * 2,
      queue: () => sheet().freezePanes.freezeRows(layout.frozenRows),
    });
  if (support.validation)
    for (const v of layout.validations ?? []) {
      const source = v.list.join(",");
      // Excel caps a list's source at 255 characters; a longer list is left without a drop-down.
      if (source.length === 0 || source.length > 255) continue;
      steps.push({
        bytes: ACTION_BYTES * 2 + source.length * 3,
        queue: () => {
          const dv = sheet().getRange(v.range).dataValidation;
          dv.clear();
          dv.rule = { list: { inCellDropDown: true, source } };
        },
      });
    }
  const print = layout.print;
  if (print && support.pageLayout)
    steps.push({
      bytes: ACTION_BYTES * 5,
      queue: () => {
        const page = sheet().pageLayout;
        page.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
        page.paperSize = "A4";
        if (print.fitToWidth) page.zoom = { horizontalFitToPages: 1 };
        if (print.printArea) page.setPrintArea(print.printArea);
      },
    });
  return steps;
}

export async function writeSheetLayouts(context: Excel.RequestContext, support: ApiSupport, layouts: readonly SheetLayout[]): Promise<void> {
  if (layouts.length === 0) return;
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/position");
  await context.sync();
  const byName = new Map(sheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
  const steps: Step[] = layouts.flatMap((layout, i) => sheetSteps(context, layout, byName.get(layout.name.toLowerCase()), support, i));
  const first = layouts[0].name;
  steps.push({ bytes: ACTION_BYTES * 2, queue: () => context.workbook.worksheets.getItem(first).activate() });
  await syncSteps(
    context,
    steps,
    () => {
      if (support.suspend) context.application.suspendApiCalculationUntilNextSync();
      if (support.suspendScreen) context.application.suspendScreenUpdatingUntilNextSync();
    },
    SYNC_BUDGET,
  );
}
