// What a workbook holds when no role is found (SPEC §8: "one clear, located finding that names what
// was found"): the first sheet's header-like row, and whether it is a “三公” table.
import type { SheetGrid } from "../grid";
import { HEADER_SCAN_ROWS } from "../sheet-reader";
import { toText } from "./text";

/** The three items of a “三公” table (因公出国(境)费, 公务接待费, 公务用车费) in its rows. */
const THREE_PUBLIC_ITEMS = [/因公出国/u, /公务接待/u, /公务用车/u];

export interface UnreadSheet {
  /** The header-like row: "Sheet1 第 3 行：项 目、本年预算数、…". */
  list?: string;
  /** What kind of table it is, when known: a “三公” table is a department's budget, not a fund's. */
  raw?: string;
}

export function describeUnread(grid: SheetGrid | undefined): UnreadSheet {
  if (!grid) return {};
  const rows = grid.rows.slice(0, HEADER_SCAN_ROWS);
  const texts = rows.map((row) => (row ?? []).filter((v) => typeof v === "string").map((v) => toText(v).trim()).filter((t) => t.length > 0));
  // The header: the row with the most text cells (at least two; a title or a note has one).
  let best = -1;
  texts.forEach((t, r) => {
    if (t.length >= 2 && (best < 0 || t.length > texts[best].length)) best = r;
  });
  const out: UnreadSheet = {};
  if (best >= 0) out.list = `${grid.name} 第 ${best + 1} 行：${texts[best].join("、")}`;
  const all = texts.flat();
  const items = THREE_PUBLIC_ITEMS.filter((re) => all.some((t) => re.test(t))).length;
  if (all.some((t) => /三公/u.test(t) && t.length < 80) || items >= 2) out.raw = "“三公”经费表（部门的因公出国(境)、公务接待、公务用车经费）";
  return out;
}
