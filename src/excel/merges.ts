// Merged areas, read by row block. Range.getMergedAreasOrNullObject (ExcelApi 1.13) returns only
// the areas whose top-left cell lies in the range (office-js #3611) and fails when there are more
// than 512 of them, so one whole-sheet query loses areas and can sink a run. Row blocks
// partition the rows, so every area is found exactly once, by the block holding its anchor. All
// blocks go in one sync; when it fails, each block gets a sync of its own and a failing block is
// halved until it passes or is one row (that sheet's merges are then reported as unread).
import type { CellRange } from "../core/grid";
import { areasToRanges } from "./address";
import { isCellEditMode } from "./run";

/** Rows per query: 512 areas in 2,000 rows is far denser than any table we read. */
const BLOCK_ROWS = 2000;

export interface MergeTarget {
  ws: Excel.Worksheet;
  name: string;
  /** The used range, zero-based. */
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export interface MergeRead {
  /** Sheet name -> merged areas. */
  merges: Map<string, CellRange[]>;
  /** Sheets where some rows' merges could not be read. */
  unread: Set<string>;
}

interface Block {
  t: MergeTarget;
  top: number;
  rows: number;
}

async function probe(context: Excel.RequestContext, blocks: readonly Block[], out: MergeRead): Promise<void> {
  const queued = blocks.map((b) => ({ b, areas: b.t.ws.getRangeByIndexes(b.top, b.t.left, b.rows, b.t.cols).getMergedAreasOrNullObject().load("address") }));
  try {
    await context.sync();
  } catch (e) {
    if (isCellEditMode(e)) throw e;
    if (blocks.length > 1) {
      for (const b of blocks) await probe(context, [b], out);
      return;
    }
    const b = blocks[0];
    if (b.rows === 1) {
      out.unread.add(b.t.name);
      return;
    }
    const half = Math.ceil(b.rows / 2);
    await probe(context, [{ t: b.t, top: b.top, rows: half }], out);
    await probe(context, [{ t: b.t, top: b.top + half, rows: b.rows - half }], out);
    return;
  }
  for (const { b, areas } of queued) {
    if (areas.isNullObject) continue;
    const list = out.merges.get(b.t.name) ?? [];
    list.push(...areasToRanges(areas.address));
    out.merges.set(b.t.name, list);
  }
}

/** Merged areas of the given used ranges: one sync unless a block fails. */
export async function readMerges(context: Excel.RequestContext, targets: readonly MergeTarget[]): Promise<MergeRead> {
  const out: MergeRead = { merges: new Map(), unread: new Set() };
  const blocks: Block[] = [];
  for (const t of targets) {
    if (t.rows <= 0 || t.cols <= 0) continue;
    for (let r = 0; r < t.rows; r += BLOCK_ROWS) blocks.push({ t, top: t.top + r, rows: Math.min(BLOCK_ROWS, t.rows - r) });
  }
  if (blocks.length) await probe(context, blocks, out);
  for (const list of out.merges.values()) list.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}
