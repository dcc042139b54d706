// Cell marks: a fill (MARK_FILL by severity) and a note with the findings on each finding's cell
// (the top-left cell when it lies in a merged area). What was there before — fill colour and
// pattern, the user's own note — is kept in a very hidden sheet, so clearMarks puts back exactly
// that. Notes use the CLI's format (NOTE_PREFIX, then "错误 code：message" lines) and a user's
// note is kept above ours; clearMarks also removes marks the CLI's `fill` left in the workbook.
import { toA1 } from "../core/grid";
import { MARK_FILL } from "../core/layout";
import { NOTE_PREFIX, markNote } from "../core/marks";
import type { Finding, Lang } from "../core/types";
import type { CellRange } from "../core/grid";
import { nextTask } from "../host/next-task";
import { addressToRange, refToRange, splitAddress } from "./address";
import { readMerges } from "./merges";
import { ACTION_BYTES, MARK_SYNC_BUDGET, flatMapInSlices, gridBytes, syncSteps, type Step } from "./payload";
import { MARK_COLORS, MAX_MARKS, NO_FILL, RANK, RECORD_HEADER, key, parseRecords, targetsOf, textHash, topLeft, userPart, type MarkRecord, type Target } from "./mark-records";
import { writeTexts, type PendingText, type TextKind } from "./mark-texts";
import { MARKS_SHEET } from "./read";
import type { ApiSupport } from "./types";

/** Starts every note the product writes (the CLI uses the same). */
export { NOTE_PREFIX };
export { MAX_MARKS, textHash };
function noteKind(support: ApiSupport): TextKind {
  return support.notes ? "note" : support.comments ? "comment" : "";
}

/** Lower-case sheet name -> merged areas. */
export type MergeMap = ReadonlyMap<string, readonly CellRange[]>;

interface CellState {
  sheet: string;
  cell: string;
  fill: Excel.RangeFill;
  note: Excel.Note | null;
}

/** What the workbook looks like around the cells involved. */
interface Observed {
  /** Lower-case name -> name. */
  names: Map<string, string>;
  marksSheet: boolean;
  records: MarkRecord[];
  cells: Map<string, CellState>;
  /** Threaded comments by cell key (comments mode). */
  comments: Map<string, Excel.Comment>;
  /** Cells whose note carries NOTE_PREFIX but which the record does not know (the CLI's marks). */
  foreign: string[];
  /** Lower-case names of protected sheets: nothing on them is changed, their records are kept. */
  locked: Set<string>;
  /** Protected sheets that held targets, recorded marks or the CLI's marks. */
  skipped: string[];
}

export interface MarkOutcome {
  /** Cells marked (or restored, for clear). */
  cells: number;
  /** What carried the findings' text: notes, comments (no notes, or notes refused), "" fill only. */
  texts?: TextKind;
  /** Protected sheets left alone. */
  protectedSheets: string[];
}

/**
 * Syncs: (1) sheet names, all notes/comments; (2) the record, note/comment locations (and the
 * targets' used ranges, then their merged areas, when no full read gave them); (3+) fills and
 * notes of every cell involved, chunked by request size.
 */
async function observe(context: Excel.RequestContext, support: ApiSupport, targets: Target[], knownMerges: MergeMap | null): Promise<Observed> {
  let merges = knownMerges;
  const kind = noteKind(support);
  const wb = context.workbook;
  const sheets = wb.worksheets;
  // Protection now, so a protected sheet is left out whole rather than failing a batch part-way.
  sheets.load("items/name,items/protection/protected");
  const notes = kind === "note" ? wb.notes : null;
  if (notes) notes.load("items/content");
  // Comments on every host that has them: a mark whose note was refused may be a comment.
  const comments = support.comments ? wb.comments : null;
  if (comments) comments.load("items/content");
  await context.sync();

  const names = new Map(sheets.items.map((ws) => [ws.name.toLowerCase(), ws.name]));
  const locked = new Set(sheets.items.filter((ws) => ws.protection.protected).map((ws) => ws.name.toLowerCase()));
  const marksSheet = names.has(MARKS_SHEET.toLowerCase());
  const live = targets.filter((t) => names.has(t.sheet.toLowerCase()) && !locked.has(t.sheet.toLowerCase()));
  // Without the merges of a full read, read them for the sheets involved (used range, then blocks).
  const liveSheets = [...new Set(live.map((t) => names.get(t.sheet.toLowerCase()) as string))];
  let used: Excel.Range | null = null;
  let usedOf: { name: string; ws: Excel.Worksheet; used: Excel.Range }[] = [];
  const prefixed: Excel.Range[] = [];
  const located: { comment: Excel.Comment; range: Excel.Range }[] = [];
  // The record, then where each note/comment is: thousands of locations go in several syncs (a
  // location costs an item path, a method path and a load: ~820 B in the calibrated fake).
  await syncSteps(
    context,
    [
      {
        bytes: ACTION_BYTES * (2 + 3 * liveSheets.length),
        queue: () => {
          used = marksSheet ? wb.worksheets.getItem(MARKS_SHEET).getUsedRangeOrNullObject(true).load("values") : null;
          usedOf = !merges && support.merges ? liveSheets.map((name) => ({ name, ws: wb.worksheets.getItem(name), used: wb.worksheets.getItem(name).getUsedRangeOrNullObject(true).load("address,rowCount,columnCount") })) : [];
        },
      },
      ...(notes ? notes.items.filter((n) => n.content.includes(NOTE_PREFIX)) : []).map((n) => ({ bytes: ACTION_BYTES * 3, queue: () => void prefixed.push(n.getLocation().load("address")) })),
      ...(comments ? comments.items : []).map((comment) => ({ bytes: ACTION_BYTES * 3, queue: () => void located.push({ comment, range: comment.getLocation().load("address") }) })),
    ],
    undefined,
    MARK_SYNC_BUDGET,
  );
  if (usedOf.length) {
    const read = await readMerges(
      context,
      usedOf.flatMap(({ name, ws, used }) => {
        const at = used.isNullObject ? null : addressToRange(used.address);
        return at ? [{ name, ws, top: at.top, left: at.left, rows: used.rowCount, cols: used.columnCount }] : [];
      }),
    );
    merges = new Map([...read.merges].map(([name, list]) => [name.toLowerCase(), list]));
  }
  // A target inside a merged area is marked on the area's top-left cell.
  for (const t of live) {
    const at = refToRange(t.cell);
    const area = at ? merges?.get(t.sheet.toLowerCase())?.find((m) => at.top >= m.top && at.top <= m.bottom && at.left >= m.left && at.left <= m.right) : undefined;
    if (area) t.cell = toA1(area.top, area.left);
  }

  const record = used as Excel.Range | null;
  const records = record && !record.isNullObject ? parseRecords(record.values) : [];
  const at = (address: string): { sheet: string; cell: string } | null => {
    const { sheet, ref } = splitAddress(address);
    const cell = topLeft(ref);
    return sheet && cell ? { sheet, cell } : null;
  };
  const commentsByCell = new Map<string, Excel.Comment>();
  for (const { comment, range } of located) {
    const c = at(range.address);
    if (c) commentsByCell.set(key(c.sheet, c.cell), comment);
  }
  const recorded = new Set(records.map((r) => key(r.sheet, r.cell)));
  const foreign = prefixed.flatMap((r) => {
    const c = at(r.address);
    return c && !recorded.has(key(c.sheet, c.cell)) ? [key(c.sheet, c.cell)] : [];
  });
  const wanted = [...live, ...records, ...foreign.map((k) => at(k) as { sheet: string; cell: string })];
  const touched = [...targets, ...wanted].map((t) => t.sheet.toLowerCase());
  const skipped = [...new Set(touched.filter((n) => locked.has(n)))].map((n) => names.get(n) as string);

  const cells = new Map<string, CellState>();
  const steps: Step[] = [];
  for (const { sheet, cell } of wanted) {
    const name = names.get(sheet.toLowerCase());
    const k = key(sheet, cell);
    if (!name || locked.has(sheet.toLowerCase()) || cells.has(k)) continue;
    cells.set(k, { sheet: name, cell, fill: null as unknown as Excel.RangeFill, note: null });
    steps.push({
      bytes: ACTION_BYTES * 5,
      queue: () => {
        const ws = wb.worksheets.getItem(name);
        const st = cells.get(k) as CellState;
        st.fill = ws.getRange(cell).format.fill.load(support.pageLayout ? "color,pattern,patternColor" : "color");
        if (kind === "note") st.note = ws.notes.getItemOrNullObject(cell).load("content");
      },
    });
  }
  await syncSteps(context, steps, undefined, MARK_SYNC_BUDGET);
  return { names, marksSheet, records, cells, comments: commentsByCell, foreign: foreign.filter((k) => cells.has(k)), locked, skipped };
}

function currentNote(o: Observed, k: string): string | null {
  const st = o.cells.get(k);
  if (st && st.note && !st.note.isNullObject) return st.note.content;
  const c = o.comments.get(k);
  return c ? c.content : null;
}

function sameColor(a: string | null, b: string): boolean {
  return !!a && a.toUpperCase() === b.toUpperCase();
}

/** No fill reads as pattern "None", on some hosts as pattern null (office-js #4900) with colour white. */
function noFill(support: ApiSupport, fill: Excel.RangeFill): boolean {
  if (!support.pageLayout) return sameColor(fill.color, "#FFFFFF");
  return fill.pattern === "None" || ((fill.pattern as string | null) === null && (!fill.color || sameColor(fill.color, "#FFFFFF")));
}

function fillStep(context: Excel.RequestContext, support: ApiSupport, st: CellState, r: Pick<MarkRecord, "fill" | "pattern" | "patternColor">): Step {
  return {
    bytes: ACTION_BYTES * 5,
    queue: () => {
      const range = context.workbook.worksheets.getItem(st.sheet).getRange(st.cell);
      if (r.fill === NO_FILL) range.format.fill.clear();
      else {
        range.format.fill.color = r.fill;
        if (support.pageLayout && r.pattern && r.pattern !== "Solid") range.format.fill.pattern = r.pattern as Excel.FillPattern;
        if (support.pageLayout && r.patternColor) range.format.fill.patternColor = r.patternColor;
      }
    },
  };
}

/** Remove our text from a note: back to the user's part, or no note at all. */
function unnoteStep(o: Observed, k: string, text: string): Step {
  const st = o.cells.get(k);
  const rest = userPart(text);
  return {
    bytes: ACTION_BYTES * 2 + rest.length * 3,
    queue: () => {
      if (st && st.note && !st.note.isNullObject) {
        if (rest) st.note.content = rest;
        else st.note.delete();
      } else o.comments.get(k)?.delete();
    },
  };
}

/** Put a recorded cell back, leaving whatever the user changed since. */
function restoreSteps(context: Excel.RequestContext, support: ApiSupport, o: Observed, r: MarkRecord): Step[] {
  const k = key(r.sheet, r.cell);
  const st = o.cells.get(k);
  if (!st) return [];
  const steps: Step[] = [];
  if (sameColor(st.fill.color, r.mark)) steps.push(fillStep(context, support, st, r));
  const note = currentNote(o, k);
  if (r.note && note !== null && textHash(note) === r.noteHash) steps.push(unnoteStep(o, k, note));
  return steps;
}

/** A mark the CLI left (our prefix in the note, our colour as fill where the cell had none). */
function foreignSteps(context: Excel.RequestContext, support: ApiSupport, o: Observed, k: string): Step[] {
  const st = o.cells.get(k);
  const note = currentNote(o, k);
  if (!st || note === null) return [];
  const steps = [unnoteStep(o, k, note)];
  if (st.fill.color && MARK_COLORS.has(st.fill.color.toUpperCase())) steps.push(fillStep(context, support, st, { fill: NO_FILL, pattern: "", patternColor: "" }));
  return steps;
}

function recordSteps(context: Excel.RequestContext, o: Observed, records: readonly MarkRecord[]): Step[] {
  if (records.length === 0) return o.marksSheet ? [{ bytes: ACTION_BYTES * 2, queue: () => context.workbook.worksheets.getItem(MARKS_SHEET).delete() }] : [];
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
  const per = Math.max(1, Math.floor(rows.length / Math.ceil(gridBytes(rows) / (MARK_SYNC_BUDGET / 4))));
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

/** Budgeted request bytes of one cell's fill: well above what office.js sends (~600 B). */
export const FILL_STEP_BYTES = ACTION_BYTES * 4;

function suspendScreen(context: Excel.RequestContext, support: ApiSupport): () => void {
  return () => {
    if (support.suspendScreen) context.application.suspendScreenUpdatingUntilNextSync();
  };
}

export async function markCells(context: Excel.RequestContext, support: ApiSupport, findings: readonly Finding[], opts: { includeInfo: boolean; lang: Lang; merges: MergeMap | null }): Promise<MarkOutcome> {
  const found = targetsOf(findings, opts.includeInfo, opts.lang);
  const o = await observe(context, support, found, opts.merges);
  // Several findings can land on one merged area: combine them on its top-left cell.
  const byCell = new Map<string, Target>();
  for (const t of found) {
    const k = key(t.sheet, t.cell);
    const prev = byCell.get(k);
    if (!prev) byCell.set(k, t);
    else {
      if (RANK[t.severity] < RANK[prev.severity]) prev.severity = t.severity;
      for (const line of t.lines) if (!prev.lines.includes(line)) prev.lines.push(line);
    }
  }
  const targets = [...byCell.values()];

  const kind = noteKind(support);
  const recorded = new Map(o.records.map((r) => [key(r.sheet, r.cell), r]));
  const foreign = new Set(o.foreign);
  const next: MarkRecord[] = [];
  const markSteps: Step[] = [];
  const texts: PendingText[] = [];
  const wanted = new Set<string>();
  for (const [i, t] of targets.entries()) {
    // 5,000 targets take more than one frame: the pane gets a turn every 250.
    if (i % 250 === 0) await nextTask();
    const k = key(t.sheet, t.cell);
    const st = o.cells.get(k);
    if (!st) continue;
    wanted.add(k);
    const mark = MARK_FILL[t.severity];
    const ours = markNote(t.lines);
    const before = recorded.get(k);
    const current = currentNote(o, k);
    const changedByUser = !!before && !!before.note && current !== null && textHash(current) !== before.noteHash;
    const noteNow = st.note && !st.note.isNullObject ? st.note.content : null;
    const commentNow = o.comments.get(k)?.content ?? null;
    // Notes: the user's text stays above ours. Comments: a user's thread is left alone.
    const noteText = changedByUser ? "" : noteNow !== null && userPart(noteNow) ? `${userPart(noteNow)}\n${ours}` : ours;
    const ownComment = !!before && before.note === "comment" && !changedByUser && commentNow !== null;
    const commentText = commentNow === null || ownComment ? ours : "";
    const text = kind === "note" ? noteText : kind === "comment" ? commentText : "";
    const note = kind === "note" ? noteNow : commentNow;
    const cliMarked = !before && foreign.has(k) && !!st.fill.color && MARK_COLORS.has(st.fill.color.toUpperCase());
    const rec: MarkRecord = {
      sheet: st.sheet,
      cell: t.cell,
      fill: before ? before.fill : cliMarked || noFill(support, st.fill) ? NO_FILL : st.fill.color,
      pattern: before ? before.pattern : support.pageLayout && !cliMarked ? (st.fill.pattern ?? "") : "",
      patternColor: before ? before.patternColor : support.pageLayout && !cliMarked ? (st.fill.patternColor ?? "") : "",
      mark,
      note: text ? kind : "",
      noteHash: text ? textHash(text) : "",
    };
    next.push(rec);
    markSteps.push({ bytes: FILL_STEP_BYTES, queue: () => void (context.workbook.worksheets.getItem(st.sheet).getRange(t.cell).format.fill.color = mark) });
    if (text && text !== note) texts.push({ sheet: st.sheet, cell: t.cell, note: noteText, comment: commentText, noteObject: st.note, ownComment: ownComment ? o.comments.get(k) : undefined, rec });
  }
  const kept = o.records.filter((r) => o.locked.has(r.sheet.toLowerCase()));
  const marked = next.length;
  next.push(...kept);
  const stale = o.records.filter((r) => !wanted.has(key(r.sheet, r.cell)) && !o.locked.has(r.sheet.toLowerCase()));
  const leftovers = o.foreign.filter((k) => !wanted.has(k));
  const steps = [
    ...recordSteps(context, o, next),
    ...(await flatMapInSlices(stale, (r) => restoreSteps(context, support, o, r))),
    ...(await flatMapInSlices(leftovers, (k) => foreignSteps(context, support, o, k))),
    ...markSteps,
  ];
  await syncSteps(context, steps, suspendScreen(context, support), MARK_SYNC_BUDGET);
  const planned = next.map((r) => r.noteHash);
  const used = await writeTexts(context, kind, texts);
  // The record written first promised every text; say what each cell really got.
  if (next.some((r, i) => r.noteHash !== planned[i])) await syncSteps(context, recordSteps(context, { ...o, marksSheet: true }, next), undefined, MARK_SYNC_BUDGET);
  return { cells: marked, protectedSheets: o.skipped, texts: marked === 0 ? kind : used };
}

export async function clearCellMarks(context: Excel.RequestContext, support: ApiSupport): Promise<MarkOutcome> {
  const o = await observe(context, support, [], null);
  const kept = o.records.filter((r) => o.locked.has(r.sheet.toLowerCase()));
  const open = o.records.filter((r) => !o.locked.has(r.sheet.toLowerCase()));
  const steps = [...(await flatMapInSlices(open, (r) => restoreSteps(context, support, o, r))), ...(await flatMapInSlices(o.foreign, (k) => foreignSteps(context, support, o, k))), ...recordSteps(context, o, kept)];
  await syncSteps(context, steps, suspendScreen(context, support), MARK_SYNC_BUDGET);
  return { cells: open.length + o.foreign.length, protectedSheets: o.skipped };
}
