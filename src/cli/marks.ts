// Marks on the user's sheets: a fill colour and a note on each cell with an error or a warning.
// Our notes start with core's NOTE_PREFIX (the add-in writes the same format), which is how a
// re-run finds and replaces exactly the marks the product added. A note the user wrote on the
// same cell is kept above ours; a cell with a fill of its own keeps it (the note alone marks it).
import type ExcelJS from "exceljs";
import { MARK_FILL, NOTE_PREFIX, OUTPUT_SHEETS, markLine, markNote, type Finding, type Lang, type Severity } from "../core";
import { argb } from "./xlsx-write";

const MARKED_SEVERITIES: Severity[] = ["error", "warning"];
const OUR_FILLS = new Set(Object.values(MARK_FILL).map(argb));

type NoteValue = string | ExcelJS.Comment;

/** Removes every mark a previous run added; returns how many cells were cleared. */
export function clearMarks(wb: ExcelJS.Workbook): number {
  let cleared = 0;
  for (const ws of wb.worksheets) {
    if (OUTPUT_SHEETS.has(ws.name)) continue;
    for (const cell of cellsWithNotes(ws)) {
      const note = cell.note as NoteValue;
      if (!noteText(note).includes(NOTE_PREFIX)) continue;
      const rest = withoutOurNote(note);
      if (rest === null) removeNote(cell);
      else cell.note = rest;
      const fill = cell.style?.fill;
      if (fill && fill.type === "pattern" && fill.pattern === "solid" && OUR_FILLS.has(String(fill.fgColor?.argb).toUpperCase())) {
        const style = structuredClone(cell.style);
        delete style.fill;
        cell.style = style;
      }
      cleared++;
    }
  }
  return cleared;
}

/** Marks the cells of error and warning findings; returns how many cells were marked. */
export function markFindings(wb: ExcelJS.Workbook, findings: Finding[], lang: Lang): number {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!MARKED_SEVERITIES.includes(f.severity) || OUTPUT_SHEETS.has(f.sheet) || f.row < 1 || f.col < 0) continue;
    const key = `${f.sheet}\u0000${f.row}\u0000${f.col}`;
    const list = byCell.get(key);
    if (list) list.push(f);
    else byCell.set(key, [f]);
  }
  let marked = 0;
  for (const list of byCell.values()) {
    const ws = wb.getWorksheet(list[0].sheet);
    if (!ws) continue;
    const cell = masterOf(ws.getCell(list[0].row, list[0].col + 1));
    const worst: Severity = list.some((f) => f.severity === "error") ? "error" : "warning";
    const fill = cell.style?.fill;
    const hasOwnFill = fill !== undefined && !(fill.type === "pattern" && fill.pattern === "none");
    if (!hasOwnFill) {
      const style = structuredClone(cell.style ?? {});
      style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(MARK_FILL[worst]) } };
      cell.style = style;
    }
    const ours = markNote(list.map((f) => markLine(f, lang)));
    const existing = cell.note as NoteValue | undefined;
    cell.note = existing === undefined ? ours : appendNote(existing, ours);
    marked++;
  }
  return marked;
}

/**
 * exceljs has no API to delete a note, and a loaded cell also keeps the note in its value's
 * model (which it writes back), so both are cleared.
 */
function removeNote(cell: ExcelJS.Cell): void {
  const internal = cell as unknown as { _comment?: unknown; _value: { model?: { comment?: unknown } } };
  internal._comment = undefined;
  if (internal._value.model) delete internal._value.model.comment;
}

/** A note on a cell inside a merged area only shows on the area's top-left cell. */
function masterOf(cell: ExcelJS.Cell): ExcelJS.Cell {
  return cell.isMerged ? cell.master : cell;
}

function cellsWithNotes(ws: ExcelJS.Worksheet): ExcelJS.Cell[] {
  // Empty cells can carry a note (required-missing marks one), and the public iterators skip
  // them, so walk exceljs's sparse row and cell arrays.
  const rows = (ws as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows;
  const found: ExcelJS.Cell[] = [];
  for (const row of rows) {
    if (!row) continue;
    for (const cell of (row as unknown as { _cells: (ExcelJS.Cell | undefined)[] })._cells) {
      if (cell && cell.note !== undefined) found.push(cell);
    }
  }
  return found;
}

function noteText(note: NoteValue): string {
  return typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
}

function appendNote(note: NoteValue, ours: string): NoteValue {
  if (typeof note === "string") return note.trim() === "" ? ours : `${note}\n${ours}`;
  return { ...note, texts: [...(note.texts ?? []), { text: `\n${ours}` }] };
}

/** The note with our part removed, or null when nothing of the user's is left. */
function withoutOurNote(note: NoteValue): NoteValue | null {
  if (typeof note === "string") {
    const rest = note.slice(0, note.indexOf(NOTE_PREFIX)).trimEnd();
    return rest === "" ? null : rest;
  }
  const texts: ExcelJS.RichText[] = [];
  for (const t of note.texts ?? []) {
    const at = t.text.indexOf(NOTE_PREFIX);
    if (at < 0) {
      texts.push(t);
      continue;
    }
    if (at > 0) texts.push({ ...t, text: t.text.slice(0, at) });
    break;
  }
  const text = texts.map((t) => t.text).join("").trimEnd();
  if (text === "") return null;
  const last = texts[texts.length - 1];
  texts[texts.length - 1] = { ...last, text: last.text.trimEnd() };
  return { ...note, texts };
}
