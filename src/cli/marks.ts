// Marks on the user's sheets, as the smallest patch of each sheet part: the `s` attribute of the
// marked cells (a copy of the cell's format with the mark fill) and our text in the sheet's legacy
// notes. Our notes start with core's NOTE_PREFIX (the add-in writes the same format), which is how
// a re-run finds exactly the marks the product added: their text is taken out and their fill
// turned back into the format it was copied from before the new marks go on. A note the user wrote
// on the same cell is kept above ours; a cell with a fill of its own keeps it (the note marks it).
import { MARK_FILL, OUTPUT_SHEETS, markLine, markNote, type CellRange, type Finding, type Lang, type Severity } from "../core";
import { cellKey, SheetNotes } from "./ooxml/notes";
import type { ZipPackage } from "./ooxml/package";
import { restyleCells, sheetMerges, type Restyle } from "./ooxml/sheet-cells";
import type { WorkbookPatch } from "./ooxml/workbook-patch";

const MARKED_SEVERITIES: Severity[] = ["error", "warning"];

interface Mark {
  row: number;
  col: number;
  severity: "error" | "warning";
  lines: string[];
}

/** Marks the cells of error and warning findings (and clears a previous run's); returns how many cells carry a mark. */
export function patchMarks(pkg: ZipPackage, wb: WorkbookPatch, findings: Finding[], lang: Lang): number {
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!MARKED_SEVERITIES.includes(f.severity) || OUTPUT_SHEETS.has(f.sheet) || f.row < 1 || f.col < 0) continue;
    const list = bySheet.get(f.sheet) ?? [];
    list.push(f);
    bySheet.set(f.sheet, list);
  }
  let idmap = 0;
  for (const name of pkg.names()) {
    if (/\.vml$/i.test(name)) for (const m of (pkg.text(name) ?? "").matchAll(/data="([\d,\s]+)"/g)) for (const d of m[1].split(/[,\s]+/)) idmap = Math.max(idmap, Number(d) || 0);
  }
  const nextIdmap = (): number => ++idmap;

  let marked = 0;
  for (const sheet of wb.sheets) {
    if (!sheet.part || OUTPUT_SHEETS.has(sheet.name)) continue;
    const notes = new SheetNotes(pkg, wb, sheet.part);
    const previous = notes.ourCells();
    const found = bySheet.get(sheet.name) ?? [];
    if (previous.size === 0 && found.length === 0) continue;
    const original = pkg.text(sheet.part) ?? "";
    const marks = marksOf(found, sheetMerges(original), lang);
    const restyle = new Map<string, Restyle>();
    for (const key of previous) restyle.set(key, (s) => wb.styles.unmarkXf(s) ?? s);
    notes.stripOurs();
    for (const m of marks) {
      const key = cellKey(m.row, m.col);
      const clear = restyle.get(key) ?? ((s: number) => s);
      restyle.set(key, (s) => {
        const base = clear(s);
        return wb.styles.hasOwnFill(base) ? base : wb.styles.markXf(base, MARK_FILL[m.severity]);
      });
      notes.add(m.row, m.col, markNote(m.lines));
    }
    const xml = notes.finish(restyleCells(original, restyle), nextIdmap);
    if (xml !== original) pkg.set(sheet.part, xml);
    marked += marks.length;
  }
  return marked;
}

/** One mark per cell (a note inside a merged area goes on the area's top-left cell). */
function marksOf(findings: Finding[], merges: CellRange[], lang: Lang): Mark[] {
  const byCell = new Map<string, Mark>();
  for (const f of findings) {
    let row = f.row - 1;
    let col = f.col;
    const m = merges.find((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
    if (m) [row, col] = [m.top, m.left];
    const key = cellKey(row, col);
    const mark = byCell.get(key) ?? { row, col, severity: "warning", lines: [] };
    if (f.severity === "error") mark.severity = "error";
    mark.lines.push(markLine(f, lang));
    byCell.set(key, mark);
  }
  return [...byCell.values()];
}
