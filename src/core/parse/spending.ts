// The 支出明细 (spending lines) and 支出范围 (scope) tables (SPEC §1).
import type { ColumnMapEntry } from "../column-map";
import type { SheetGrid } from "../grid";
import { SCOPE_SHEET, SPENDING_SHEET } from "../schema";
import { chooseProfile } from "../scope";
import { profileScope } from "../scope-profiles";
import { headerKey, isNoteRow, isRepeatedHeader, isUnusedRow, textAt, totalKindAt } from "../sheet-reader";
import type { Project, RuleConfig, ScopeCategory, SpendingLine } from "../types";
import { numericTable, type NumericTable } from "./numeric-table";
import { NameCache, OPTIONAL_POSITIVE, parseNumber, REQUIRED_POSITIVE, type Reader } from "./reader";
import { normalizeName, splitList } from "./text";
import { walkRows } from "./walk";

export interface ParsedSpending {
  lines: SpendingLine[];
  sheet: string | null;
  headerRow: number | null;
  readable: boolean;
  table: NumericTable | null;
}

export function parseSpending(grid: SheetGrid | undefined, rd: Reader, project: Project, entry?: ColumnMapEntry): ParsedSpending {
  if (!grid) return { lines: [], sheet: null, headerRow: null, readable: false, table: null };
  const { p, m, readable } = rd.openTable(grid, SPENDING_SHEET, entry);
  if (!readable) return { lines: [], sheet: grid.name, headerRow: m.row, readable: false, table: null };
  const s = grid.name;
  const c = m.cols;
  const lines: SpendingLine[] = [];
  const names = new NameCache();
  const unit = m.units.amount ?? m.tableUnit ?? project.unit;
  const unreadableLines = new Set<number>();
  const dataRows = walkRows(rd, p, m, [{ field: "amount", label: "金额" }], project.unit, (r, hidden, amounts) => {
    const rows = p.rows;
    const name = rd.required(s, rows, r, c.name, "单位名称");
    const content = rd.required(s, rows, r, c.content, "支出内容", name);
    const amountFen = rd.amount(s, rows, r, c.amount, unit, "金额", REQUIRED_POSITIVE, name);
    if (rd.isUnreadable(s, r, c.amount)) unreadableLines.add(lines.length);
    lines.push({
      sheet: s, row: r, recipientName: name, normName: names.get(name), content,
      category: textAt(rows, r, c.category), amountFen, date: rd.date(s, rows, r, c.date, name),
      voucher: textAt(rows, r, c.voucher), note: textAt(rows, r, c.note), source: "sheet", hidden,
      resolvedCategory: "", keyword: "", cols: c,
    });
    amounts[0] = amountFen ?? 0;
  });
  for (const i of unreadableLines) lines[i].amountUnreadable = true;
  return { lines, sheet: s, headerRow: m.row, readable: true, table: numericTable(p, m, dataRows, ["seq", "name", "content", "category", "date", "voucher", "note"], unit) };
}

const STATUS: Record<string, ScopeCategory["status"]> = {
  是: "allowed", 允许: "allowed", yes: "allowed", y: "allowed", true: "allowed", allowed: "allowed",
  否: "forbidden", 不允许: "forbidden", 禁止: "forbidden", no: "forbidden", n: "forbidden", false: "forbidden", forbidden: "forbidden",
  需复核: "review", 复核: "review", review: "review",
};

export function parseScope(grid: SheetGrid | undefined, rd: Reader, project: Project, config: RuleConfig, lines: SpendingLine[], entry?: ColumnMapEntry): { scope: ScopeCategory[]; sheet: string | null; headerRow: number | null; readable: boolean } {
  // The built-in profile (SPEC §10) that the config and the scope sheet then extend.
  const scope = profileScope(chooseProfile(config.profile, project.scopeProfile, lines));
  const byName = new Map(scope.map((x) => [normalizeName(x.name), x]));
  const merge = (patch: Partial<ScopeCategory> & { name: string }): void => {
    const key = normalizeName(patch.name);
    const existing = byName.get(key);
    if (existing) {
      // Extend, never shrink: keywords are added to the built-in list.
      const kw = new Set([...existing.keywords, ...(patch.keywords ?? [])]);
      Object.assign(existing, { ...patch, keywords: [...kw], name: existing.name, builtIn: existing.builtIn });
    } else {
      const created: ScopeCategory = { status: "allowed", areas: [], keywords: [], capPercent: null, capFen: null, note: "", builtIn: false, ...patch };
      scope.push(created);
      byName.set(key, created);
    }
  };
  for (const patch of config.scope ?? []) if (patch.name) merge(patch as ScopeCategory);
  if (config.paidTraffic === "forbid") merge({ name: "购买流量", status: "forbidden" });

  if (!grid) return { scope, sheet: null, headerRow: null, readable: false };
  const { p, m, readable } = rd.openTable(grid, SCOPE_SHEET, entry);
  if (!readable) return { scope, sheet: grid.name, headerRow: m.row, readable: false };
  const c = m.cols;
  for (let r = m.row + 1; r < p.rows.length; r++) {
    if (isUnusedRow(p, r) || totalKindAt(p, r) || isRepeatedHeader(p, r, m) || isNoteRow(p, r)) continue;
    const name = rd.required(grid.name, p.rows, r, c.category, "支出类别");
    if (!name) continue;
    const statusText = headerKey(textAt(p.rows, r, c.allowed));
    const patch: Partial<ScopeCategory> & { name: string } = { name };
    if (STATUS[statusText]) patch.status = STATUS[statusText];
    const areas = textAt(p.rows, r, c.areas);
    if (areas) patch.areas = splitList(areas);
    const kw = textAt(p.rows, r, c.keywords);
    if (kw) patch.keywords = splitList(kw);
    const pct = textAt(p.rows, r, c.capPercent);
    if (pct) {
      const n = parseNumber(pct);
      if (n !== null) patch.capPercent = n > 0 && n <= 1 && !pct.includes("%") && !pct.includes("％") ? n * 100 : n;
    }
    const cap = rd.amount(grid.name, p.rows, r, c.capAmount, m.units.capAmount ?? m.tableUnit ?? project.unit, "金额上限", OPTIONAL_POSITIVE);
    if (cap !== null) patch.capFen = cap;
    const note = textAt(p.rows, r, c.note);
    if (note) patch.note = note;
    merge(patch);
  }
  return { scope, sheet: grid.name, headerRow: m.row, readable: true };
}
