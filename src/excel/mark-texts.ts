// The text half of a mark, after the fills are in: notes (ExcelApi 1.18), else threaded comments
// (1.10), else nothing. A host can refuse notes or comments it claims (the web's notes API on
// some builds, a comment on a cell that holds a legacy note): the cells whose batch was refused
// go on with the next kind, and each record says what its cell really got.
import { ACTION_BYTES, MARK_SYNC_BUDGET, syncSteps, type Step } from "./payload";
import { splitAddress } from "./address";
import { key, textHash, topLeft, type MarkRecord } from "./mark-records";
import { isCellEditMode } from "./run";

export type TextKind = "note" | "comment" | "";

export interface PendingText {
  sheet: string;
  cell: string;
  /** The note text (the user's part kept above ours). */
  note: string;
  /** The comment text (ours alone); "" where a comment may not go (a user's thread is there). */
  comment: string;
  /** The cell's note, when it has one. */
  noteObject: Excel.Note | null;
  /** Our earlier comment on the cell, replaced by the new one. */
  ownComment: Excel.Comment | undefined;
  rec: MarkRecord;
}

const NEXT: Record<TextKind, TextKind> = { note: "comment", comment: "", "": "" };

/** Budgeted request bytes of one note or comment: well above what office.js sends. */
export function textStepBytes(text: string): number {
  return ACTION_BYTES * 4 + text.length * 3;
}

function step(context: Excel.RequestContext, kind: TextKind, p: PendingText): Step {
  const ws = (): Excel.Worksheet => context.workbook.worksheets.getItem(p.sheet);
  if (kind === "note")
    return {
      bytes: textStepBytes(p.note),
      queue: () => {
        if (p.noteObject && !p.noteObject.isNullObject) p.noteObject.content = p.note;
        else ws().notes.add(ws().getRange(p.cell), p.note);
      },
    };
  return {
    bytes: textStepBytes(p.comment),
    queue: () => {
      p.ownComment?.delete();
      context.workbook.comments.add(ws().getRange(p.cell), p.comment, "Plain");
    },
  };
}

/** Which of a refused batch's texts landed anyway: Excel keeps what ran before the failing action. */
async function landed(context: Excel.RequestContext, kind: TextKind, batch: readonly PendingText[]): Promise<Set<PendingText>> {
  try {
    if (kind === "note") {
      const reads = batch.map((p) => ({ p, n: context.workbook.worksheets.getItem(p.sheet).notes.getItemOrNullObject(p.cell).load("content") }));
      await context.sync();
      return new Set(reads.filter(({ p, n }) => !n.isNullObject && n.content === p.note).map(({ p }) => p));
    }
    const texts = new Set(batch.map((p) => p.comment));
    const all = context.workbook.comments.load("items/content");
    await context.sync();
    const located = all.items.filter((c) => texts.has(c.content)).map((c) => ({ text: c.content, range: c.getLocation().load("address") }));
    await context.sync();
    const at = new Set(
      located.map(({ text, range }) => {
        const { sheet, ref } = splitAddress(range.address);
        if (!sheet) return "";
        return `${key(sheet, topLeft(ref) ?? "")}\n${text}`;
      }),
    );
    return new Set(batch.filter((p) => at.has(`${key(p.sheet, p.cell)}\n${p.comment}`)));
  } catch (e) {
    if (isCellEditMode(e)) throw e;
    return new Set();
  }
}

/** Write the texts of one kind; returns those that landed. */
async function apply(context: Excel.RequestContext, kind: TextKind, pending: readonly PendingText[]): Promise<Set<PendingText>> {
  let queued = 0;
  let synced = 0;
  const counted = pending.map((p) => {
    const s = step(context, kind, p);
    return { bytes: s.bytes, queue: () => void (s.queue(), queued++) };
  });
  try {
    await syncSteps(context, counted, () => void (synced = queued), MARK_SYNC_BUDGET);
    return new Set(pending);
  } catch (e) {
    if (isCellEditMode(e)) throw e;
    const refused = await landed(context, kind, pending.slice(synced, queued));
    return new Set([...pending.slice(0, synced), ...refused]);
  }
}

/**
 * Write the texts, starting with `first`; returns the last kind used (`first` when nothing was
 * refused, "" when some cells were left with their fill only). Records are updated in place.
 */
export async function writeTexts(context: Excel.RequestContext, first: TextKind, pending: readonly PendingText[]): Promise<TextKind> {
  let kind = first;
  let left = [...pending];
  for (;;) {
    const k = kind;
    const able = k === "comment" ? left.filter((p) => p.comment) : left;
    const done = k === "" ? new Set<PendingText>() : await apply(context, k, able);
    for (const p of done) {
      p.rec.note = k;
      p.rec.noteHash = textHash(k === "note" ? p.note : p.comment);
    }
    left = left.filter((p) => !done.has(p));
    if (k === "" || left.length === 0) {
      for (const p of left) {
        p.rec.note = "";
        p.rec.noteHash = "";
      }
      return left.length ? "" : k;
    }
    kind = NEXT[k];
  }
}
