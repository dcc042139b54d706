// Is this sheet a filled 项目支出绩效自评表 (SPEC §9)? By its name, its title, or its anchors,
// whatever the sheet is called: the one test that role detection (§8) and the form reader (§9) share.
import type { SheetGrid } from "../grid";
import { headerKey } from "../sheet-reader";

/** Labels every variant of the form carries (national 财预〔2020〕10号 layout and the provinces'). */
export const FORM_ANCHORS = ["项目资金", "年度总体目标", "一级指标", "二级指标", "三级指标", "总分"] as const;

const FORM_TITLE = "绩效自评表";
/** Anchors sit in the form's first rows and first columns; the scan stops there. */
const SCAN_ROWS = 80;
const SCAN_COLS = 12;
const MIN_ANCHORS = 4;

/** How many distinct anchors the sheet holds in its first rows (a cell whose key starts with the anchor). */
export function formAnchorCount(grid: SheetGrid): number {
  const found = new Set<string>();
  const rows = grid.rows;
  for (let r = 0; r < Math.min(rows.length, SCAN_ROWS); r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(row.length, SCAN_COLS); c++) {
      const v = row[c];
      if (typeof v !== "string" || v.length > 40) continue;
      const key = headerKey(v);
      for (const a of FORM_ANCHORS) if (key.startsWith(a)) found.add(a);
    }
  }
  return found.size;
}

/** The sheet's name or a title in its first three rows says 绩效自评表. */
export function titledAsForm(grid: SheetGrid): boolean {
  if (headerKey(grid.name).includes(FORM_TITLE)) return true;
  for (let r = 0; r < Math.min(grid.rows.length, 3); r++) {
    for (const v of grid.rows[r] ?? []) if (typeof v === "string" && headerKey(v).includes(FORM_TITLE)) return true;
  }
  return false;
}

export function isSelfEvalForm(grid: SheetGrid): boolean {
  const anchors = formAnchorCount(grid);
  return anchors >= MIN_ANCHORS || (titledAsForm(grid) && anchors >= 2);
}
