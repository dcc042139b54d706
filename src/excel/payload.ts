// Payload arithmetic: Excel on the web rejects any request or response over 5 MB, so reads and
// writes are cut into syncs whose estimated size stays well below it.
import { nextTask } from "../host/next-task";

/** Bytes we allow one sync's request or response to reach (the limit is 5 MB). */
export const SYNC_BUDGET = 4_000_000;
/** Cells per single get; far below the 5,000,000 where values come back null without an error. */
export const MAX_CELLS_PER_GET = 1_000_000;
/** Generous size of one queued action (object path + envelope) in office-js's request JSON. */
export const ACTION_BYTES = 400;

/** UTF-8 length without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += c === 34 || c === 92 || c < 0x20 ? 2 : 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** JSON size of one cell value, with its separator. */
export function cellBytes(v: unknown): number {
  if (v === null || v === undefined) return 5;
  if (typeof v === "string") return utf8Length(v) + 3;
  if (typeof v === "number") return String(v).length + 1;
  if (typeof v === "boolean") return v ? 5 : 6;
  return utf8Length(JSON.stringify(v) ?? "") + 1;
}

/** JSON size of a 2-D array. */
export function gridBytes(rows: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of rows) {
    n += 3;
    for (const v of row) n += cellBytes(v);
  }
  return n;
}

/** A piece of queued work and the request bytes it adds. */
export interface Step {
  bytes: number;
  queue(): void;
}

/**
 * Bytes one sync of a mark or clear run may reach: thousands of small actions in one request
 * freeze the pane while office.js builds it (5,000 marks: 2.34 MB, 0.76 s), so these runs go in
 * syncs under 1 MB with the main thread handed back between them.
 */
export const MARK_SYNC_BUDGET = 1_000_000;

/** flatMap over thousands of items in slices, with a turn for the pane between slices. */
export async function flatMapInSlices<T, U>(items: readonly T[], fn: (item: T) => U[], slice = 250): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i += slice) {
    if (i > 0) await nextTask();
    for (const item of items.slice(i, i + slice)) out.push(...fn(item));
  }
  return out;
}

/**
 * Yield, queue steps until the next one would pass the budget, sync, repeat. `beforeEach` runs
 * at the start of every sync's batch (suspend calculation/screen updating last "until next
 * sync"). Returns the number of syncs.
 */
export async function syncSteps(context: Excel.RequestContext, steps: readonly Step[], beforeEach?: () => void, budget = SYNC_BUDGET, from = 0): Promise<number> {
  if (from >= steps.length) return 0;
  await nextTask();
  beforeEach?.();
  let used = 0;
  let i = from;
  while (i < steps.length && (i === from || used + steps[i].bytes <= budget)) {
    steps[i].queue();
    used += steps[i].bytes;
    i++;
  }
  await context.sync();
  return 1 + (await syncSteps(context, steps, beforeEach, budget, i));
}
