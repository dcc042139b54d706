// Cell marks: a fill (MARK_FILL by severity) and a note with the findings' messages on each
// finding's cell. What was there before — fill colour and pattern, whether the cell already had
// a note — is kept in a very hidden sheet, so clearMarks puts back exactly that and deletes only
// the notes we wrote (and only if nobody edited them since).
import { MARK_FILL } from "../core/layout";
import { toA1, type CellRange } from "../core/grid";
import type { Finding, Severity } from "../core/types";
import { refToRange, splitAddress } from "./address";
import { ACTION_BYTES, SYNC_BUDGET, gridBytes, syncSteps, type Step } from "./payload";
import { MARKS_SHEET } from "./read";
import { errorCode } from "./run";
import type { ApiSupport } from "./types";

/** More cells than this are not marked (most severe first): a sheet of marks helps nobody. */
export const MAX_MARKS = 5000;
const RECORD_HEADER = ["sheet", "cell", "fill", "pattern", "patternColor", "mark", "note", "noteHash"];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const NO_FILL = "";

interface MarkRecord {
  sheet: string;
  cell: string;
  /** Previous fill colour, "" for none. */
  fill: string;
  pattern: string;
  patternColor: string;
  /** Our fill colour, to tell whether the user re-coloured the cell since. */
  mark: string;
  /** "note" / "comment" when we added one, else "". */
  note: string;
  noteHash: string;
}

interface Target {
  sheet: string;
  cell: string;
  severity: Severity;
  messages: string[];
}

/** FNV-1a: enough to recognise our own note text without storing it twice. */
export function textHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

function key(sheet: string, cell: string): string {
  return `${sheet.toLowerCase()}!${cell}`;
}

function topLeft(ref: string): string | null {
  const r: CellRange | null = refToRange(ref);
  return r ? toA1(r.top, r.left) : null;
}

function targetsOf(findings: readonly Finding[], includeInfo: boolean): Target[] {
  const byCell = new Map<string, Target>();
  for (const f of findings) {
    if (f.severity === "info" && !includeInfo) continue;
    const cell = topLeft(splitAddress(f.cell).ref);
    if (!cell || !f.sheet) continue;
    const k = key(f.sheet, cell);
    const t = byCell.get(k);
    if (!t) byCell.set(k, { sheet: f.sheet, cell, severity: f.severity, messages: [f.message] });
    else {
      if (RANK[f.severity] < RANK[t.severity]) t.severity = f.severity;
      if (!t.messages.includes(f.message)) t.messages.push(f.message);
    }
  }
  return [...byCell.values()].sort((a, b) => RANK[a.severity] - RANK[b.severity]).slice(0, MAX_MARKS);
}

function noteText(t: Target): string {
  return t.messages.join("\n");
}

function parseRecords(values: unknown[][] | null): MarkRecord[] {
  if (!values || values.length < 2 || String(values[0][0]) !== RECORD_HEADER[0]) return [];
  return values.slice(1).flatMap((row) => {
    const [sheet, cell, fill, pattern, patternColor, mark, note, noteHash] = row.map((v) => (v === null || v === undefined ? "" : String(v)));
    return sheet && cell ? [{ sheet, cell, fill, pattern, patternColor, mark, note, noteHash }] : [];
  });
}

/** What the workbook looks like around the cells we care about. */
interface CellState {
  fill: Excel.RangeFill;
  note: Excel.Note | null;
}

interface Observed {
  names: Map<string, string>;
  records: MarkRecord[];
  marksSheet: boolean;
  cells: Map<string, CellState>;
  /** Comment content by cell key, when comments are the note mechanism. */
  comments: Map<string, Excel.Comment>;
}

type NoteKind = "note" | "comment" | "";

function noteKind(support: ApiSupport): NoteKind {
  return support.notes ? "note" : support.comments ? "comment" : "";
}

/** 2–3 syncs (+ chunking): sheet names, the record, and the state of every cell involved. */
async function observe(context: Excel.RequestContext, support: ApiSupport, cellsOf: (records: MarkRecord[]) => { sheet: string; cell: string }[]): Promise<Observed> {
  const kind = noteKind(support);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const comments = kind === "comment" ? context.workbook.comments : null;
  if (comments) comments.load("items/content");
  await context.sync();
  const names = new Map(sheets.items.map((ws) => [ws.name.toLowerCase(), ws.name]));
  const marksSheet = names.has(MARKS_SHEET.toLowerCase());
  let records: MarkRecord[] = [];
  if (marksSheet) {
    const used = context.workbook.worksheets.getItem(MARKS_SHEET).getUsedRangeOrNullObject(true);
    used.load("values");
    await context.sync();
    records = used.isNullObject ? [] : parseRecords(used.values);
  }
  const cells = new Map<string, CellState>();
  const locations: { comment: Excel.Comment; range: Excel.Range }[] = [];
  const steps: Step[] = [];
  for (const { sheet, cell } of cellsOf(records)) {
    const name = names.get(sheet.toLowerCase());
    const k = key(sheet, cell);
    if (!name || cells.has(k)) continue;
    steps.push({
      bytes: ACTION_BYTES * 5,
      queue: () => {
        const ws = context.workbook.worksheets.getItem(name);
        const fill = ws.getRange(cell).format.fill.load(support.pageLayout ? "color,pattern,patternColor" : "color");
        const note = kind === "note" ? ws.notes.getItemOrNullObject(cell) : null;
        if (note) note.load("content");
        cells.set(k, { fill, note });
      },
    });
  }
  for (const comment of comments ? comments.items : [])
    steps.push({
      bytes: ACTION_BYTES * 2,
      queue: () => {
        const range = comment.getLocation();
        range.load("address");
        locations.push({ comment, range });
      },
    });
  await syncSteps(context, steps);
  const byCell = new Map<string, Excel.Comment>();
  for (const { comment, range } of locations) {
    const { sheet, ref } = splitAddress(range.address);
    const cell = topLeft(ref);
    if (sheet && cell) byCell.set(key(sheet, cell), comment);
  }
  return { names, records, marksSheet, cells, comments: byCell };
}

function existingNote(o: Observed, k: string): { text: string } | null {
  const st = o.cells.get(k);
  if (st && st.note && !st.note.isNullObject) return { text: st.note.content };
  const c = o.comments.get(k);
  return c ? { text: c.content } : null;
}

function sameColor(a: string | null, b: string): boolean {
  return !!a && a.toUpperCase() === b.toUpperCase();
}

/** Put a cell back as the record says, if the mark is still ours. */
function restoreSteps(context: Excel.RequestContext, support: ApiSupport, o: Observed, r: MarkRecord): Step[] {
  const name = o.names.get(r.sheet.toLowerCase());
  const st = o.cells.get(key(r.sheet, r.cell));
  if (!name || !st) return [];
  const steps: Step[] = [];
  if (sameColor(st.fill.color, r.mark))
    steps.push({
      bytes: ACTION_BYTES * 5,
      queue: () => {
        const fill = context.workbook.worksheets.getItem(name).getRange(r.cell).format.fill;
        if (r.fill === NO_FILL) fill.clear();
        else {
          fill.color = r.fill;
          if (support.pageLayout && r.pattern && r.pattern !== "Solid") fill.pattern = r.pattern as Excel.FillPattern;
          if (support.pageLayout && r.patternColor) fill.patternColor = r.patternColor;
        }
      },
    });
  const k = key(r.sheet, r.cell);
  const note = existingNote(o, k);
  if (r.note && note && textHash(note.text) === r.noteHash)
    steps.push({
      bytes: ACTION_BYTES * 2,
      queue: () => {
        if (r.note === "note" && st.note) st.note.delete();
        else o.comments.get(k)?.delete();
      },
    });
  return steps;
}

function recordSteps(context: Excel.RequestContext, o: Observed, records: readonly MarkRecord[]): Step[] {
  if (records.length === 0)
    return o.marksSheet ? [{ bytes: ACTION_BYTES * 2, queue: () => context.workbook.worksheets.getItem(MARKS_SHEET).delete() }] : [];
  const rows: string[][] = [RECORD_HEADER, ...records.map((r) => [r.sheet, r.cell, r.fill, r.pattern, r.patternColor, r.mark, r.note, r.noteHash])];
  let ws: Excel.Worksheet | null = null;
  const steps: Step[] = [
    {
      bytes: ACTION_BYTES * 4,
      queue: () => {
        if (o.marksSheet) {
          ws = context.workbook.worksheets.getItem(MARKS_SHEET);
          ws.getRange().clear("Contents");
        } else {
          ws = context.workbook.worksheets.add(MARKS_SHEET);
          ws.visibility = "VeryHidden";
        }
      },
    },
  ];
  const per = Math.max(1, Math.floor(rows.length / Math.ceil(gridBytes(rows) / (SYNC_BUDGET / 4))));
  for (let from = 0; from < rows.length; from += per) {
    const block = rows.slice(from, from + per);
    const at = from;
    steps.push({
      bytes: gridBytes(block) * 2 + ACTION_BYTES * 3,
      queue: () => {
        const range = (ws as Excel.Worksheet).getRangeByIndexes(at, 0, block.length, RECORD_HEADER.length);
        range.numberFormat = block.map((row) => row.map(() => "@"));
        range.values = block;
      },
    });
  }
  return steps;
}

/**
 * Threaded comments go last and are best effort: below ExcelApi 1.18 a legacy note is invisible
 * to the API, and a comment on such a cell is refused. Fills and the record are already in; a
 * recorded comment that never got added is simply not found (and not deleted) by clearMarks.
 */
async function addComments(context: Excel.RequestContext, steps: readonly Step[]): Promise<void> {
  try {
    await syncSteps(context, steps);
  } catch (e) {
    if (errorCode(e) === "InvalidOperationInCellEditMode") throw e;
  }
}

export async function markCells(context: Excel.RequestContext, support: ApiSupport, findings: readonly Finding[], includeInfo: boolean): Promise<number> {
  const targets = targetsOf(findings, includeInfo);
  const o = await observe(context, support, (records) => [...targets, ...records]);
  const kind = noteKind(support);
  const recorded = new Map(o.records.map((r) => [key(r.sheet, r.cell), r]));
  const next: MarkRecord[] = [];
  const markSteps: Step[] = [];
  const commentSteps: Step[] = [];
  const wanted = new Set<string>();
  for (const t of targets) {
    const name = o.names.get(t.sheet.toLowerCase());
    const k = key(t.sheet, t.cell);
    const st = o.cells.get(k);
    if (!name || !st || name === MARKS_SHEET) continue;
    wanted.add(k);
    const mark = MARK_FILL[t.severity];
    const text = noteText(t);
    const before = recorded.get(k);
    const note = existingNote(o, k);
    const owned = !!before && !!before.note && !!note && textHash(note.text) === before.noteHash;
    const rec: MarkRecord = before
      ? { ...before, mark, note: owned || !note ? kind : "", noteHash: owned || !note ? textHash(text) : "" }
      : {
          sheet: name,
          cell: t.cell,
          fill: (support.pageLayout ? st.fill.pattern === "None" : sameColor(st.fill.color, "#FFFFFF")) ? NO_FILL : st.fill.color,
          pattern: support.pageLayout ? st.fill.pattern : "",
          patternColor: support.pageLayout ? (st.fill.patternColor ?? "") : "",
          mark,
          note: note ? "" : kind,
          noteHash: note || !kind ? "" : textHash(text),
        };
    if (!kind) rec.note = "";
    next.push(rec);
    markSteps.push({
      bytes: ACTION_BYTES * 6 + text.length * 3,
      queue: () => {
        const ws = context.workbook.worksheets.getItem(name);
        ws.getRange(t.cell).format.fill.color = mark;
        if (rec.note !== "note") return;
        if (owned && st.note) st.note.content = text;
        else ws.notes.add(ws.getRange(t.cell), text);
      },
    });
    if (rec.note === "comment")
      commentSteps.push({
        bytes: ACTION_BYTES * 4 + text.length * 3,
        queue: () => {
          if (owned) o.comments.get(k)?.delete();
          context.workbook.comments.add(context.workbook.worksheets.getItem(name).getRange(t.cell), text, "Plain");
        },
      });
  }
  const stale = o.records.filter((r) => !wanted.has(key(r.sheet, r.cell)));
  const steps = [...recordSteps(context, o, next), ...stale.flatMap((r) => restoreSteps(context, support, o, r)), ...markSteps];
  await syncSteps(context, steps, () => {
    if (support.suspendScreen) context.application.suspendScreenUpdatingUntilNextSync();
  });
  await addComments(context, commentSteps);
  return next.length;
}

export async function clearCellMarks(context: Excel.RequestContext, support: ApiSupport): Promise<number> {
  const o = await observe(context, support, (records) => records);
  if (!o.marksSheet) return 0;
  const steps = [...o.records.flatMap((r) => restoreSteps(context, support, o, r)), ...recordSteps(context, o, [])];
  await syncSteps(context, steps, () => {
    if (support.suspendScreen) context.application.suspendScreenUpdatingUntilNextSync();
  });
  return o.records.length;
}
