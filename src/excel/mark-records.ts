// What the add-in records about its cell marks, and which cells a run marks: the pure half of
// marks.ts (no Excel calls), so the batch logic there reads as the policy it is.
import { toA1 } from "../core/grid";
import { MARK_FILL } from "../core/layout";
import { NOTE_PREFIX, OUTPUT_SHEETS, markLine } from "../core/marks";
import type { Finding, Lang, Severity } from "../core/types";
import { refToRange, splitAddress } from "./address";
import { MARKS_SHEET } from "./read";

/** More cells than this are not marked (most severe first): a sheet of marks helps nobody. */
export const MAX_MARKS = 5000;
/** Columns of the very hidden sheet that records each mark and what the cell held before. */
export const RECORD_HEADER = ["sheet", "cell", "fill", "pattern", "patternColor", "mark", "note", "noteHash"];
export const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export const MARK_COLORS = new Set(Object.values(MARK_FILL).map((c) => c.toUpperCase()));
export const NO_FILL = "";

export interface MarkRecord {
  sheet: string;
  cell: string;
  /** Previous fill colour, "" for none. */
  fill: string;
  pattern: string;
  patternColor: string;
  /** Our fill colour, to tell whether the user re-coloured the cell since. */
  mark: string;
  /** "note" / "comment" when the cell carries our text, else "". */
  note: string;
  /** Hash of the whole note/comment as we left it. */
  noteHash: string;
}

export interface Target {
  sheet: string;
  cell: string;
  severity: Severity;
  lines: string[];
}

/** FNV-1a: enough to recognise our own note text without storing it twice. */
export function textHash(s: string): string {
  // Kept in int32 throughout (the offset basis as a double made this 5x slower on 5,000 notes).
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

export function key(sheet: string, cell: string): string {
  return `${sheet.toLowerCase()}!${cell}`;
}

export function topLeft(ref: string): string | null {
  const r = refToRange(ref);
  return r ? toA1(r.top, r.left) : null;
}

/** The user's part of a note: everything before our prefix. */
export function userPart(note: string): string {
  const at = note.indexOf(NOTE_PREFIX);
  return (at < 0 ? note : note.slice(0, at)).trimEnd();
}

export function targetsOf(findings: readonly Finding[], includeInfo: boolean, lang: Lang): Target[] {
  const byCell = new Map<string, Target>();
  for (const f of findings) {
    if ((f.severity === "info" && !includeInfo) || !f.sheet || OUTPUT_SHEETS.has(f.sheet) || f.sheet === MARKS_SHEET) continue;
    const cell = topLeft(splitAddress(f.cell).ref);
    if (!cell) continue;
    const line = markLine(f, lang);
    const k = key(f.sheet, cell);
    const t = byCell.get(k);
    if (!t) byCell.set(k, { sheet: f.sheet, cell, severity: f.severity, lines: [line] });
    else {
      if (RANK[f.severity] < RANK[t.severity]) t.severity = f.severity;
      if (!t.lines.includes(line)) t.lines.push(line);
    }
  }
  return [...byCell.values()].sort((a, b) => RANK[a.severity] - RANK[b.severity]).slice(0, MAX_MARKS);
}

export function parseRecords(values: unknown[][] | null): MarkRecord[] {
  if (!values || values.length < 2 || String(values[0][0]) !== RECORD_HEADER[0]) return [];
  return values.slice(1).flatMap((row) => {
    const [sheet, cell, fill, pattern, patternColor, mark, note, noteHash] = row.map((v) => (v === null || v === undefined ? "" : String(v)));
    return sheet && cell ? [{ sheet, cell, fill, pattern, patternColor, mark, note, noteHash }] : [];
  });
}
