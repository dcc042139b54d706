// Grids -> typed model, reporting parse-level findings (SPEC §1–§3) as it goes.
import { CellError, isBlank, type CellValue, type SheetGrid, type WorkbookGrids } from "../grid";
import type { FindingCode, FindingParams, FindingSink } from "../findings";
import {
  ALLOCATION_SHEET, DEFAULT_SUPPORT_AREAS, INDICATOR_SHEET, PROJECT_KEYS, PROJECT_SHEET, SCOPE_SHEET, SPENDING_SHEET,
  type ColumnDef, type SheetDef,
} from "../schema";
import { chooseProfile } from "../scope";
import { profileScope } from "../scope-profiles";
import {
  findSheet, headerKey, isEmptyRow, isNoteRow, isRepeatedHeader, isUnusedRow, locateHeader, prepareSheet, textAt, totalKindAt, unitFromText, valueAt,
  type HeaderMatch, type PreparedSheet,
} from "../sheet-reader";
import type {
  AllocationField, AmountUnit, CellPos, Indicator, SpendingField, Project, QualitativeGrade, Recipient, RuleConfig, ScopeCategory, SpendingLine, WorkbookModel,
} from "../types";
import { parseAmount } from "./amount";
import { parseDate } from "./date";
import { checkCreditCode } from "./credit-code";
import { splitDetail } from "./detail-split";
import { parseActual, parseTarget } from "./target";
import { normalizeHeader, normalizeName, splitList, toText } from "./text";

const pos = (sheet: string, row: number, col: number): CellPos => ({ sheet, row, col });

class Reader {
  /** Amount cells holding an error value or unreadable text: sheet -> row × 2^14 + col. */
  private readonly unreadable = new Map<string, Set<number>>();

  constructor(readonly sink: FindingSink) {}

  private markUnreadable(sheet: string, row: number, col: number): void {
    let cells = this.unreadable.get(sheet);
    if (!cells) this.unreadable.set(sheet, (cells = new Set()));
    cells.add(row * 16384 + col);
  }

  isUnreadable(sheet: string, row: number, col: number | undefined): boolean {
    return col !== undefined && this.unreadable.get(sheet)?.has(row * 16384 + col) === true;
  }

  emit(code: FindingCode, sheet: string, row: number, col: number, params: FindingParams = {}): void {
    this.sink.add(code, pos(sheet, row, col), params);
  }

  /** Report error values in every used cell of a sheet region. */
  cellErrors(p: PreparedSheet, fromRow: number): void {
    const { rows, grid } = p;
    if (grid.errorFree) return;
    for (let r = fromRow; r < rows.length; r++) {
      const row = grid.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v instanceof CellError) this.emit("cell-error", grid.name, r, c, { raw: v.code });
      }
    }
  }

  amount(sheet: string, rows: CellValue[][], r: number, c: number | undefined, unit: AmountUnit, field: string, opts: AmountRule, recipient?: string): number | null {
    if (c === undefined) return null;
    const v = valueAt(rows, r, c);
    if (v instanceof CellError) {
      this.markUnreadable(sheet, r, c);
      return null;
    }
    if (isBlank(v)) {
      if (opts.required) this.emit("required-missing", sheet, r, c, { field, recipient });
      return null;
    }
    let fen = typeof v === "number" ? wholeFen(v, unit) : null;
    if (fen === null) {
      const res = parseAmount(v, unit);
      if (!res.ok) {
        this.markUnreadable(sheet, r, c);
        this.emit("invalid-amount", sheet, r, c, { raw: res.raw || toText(v), field, recipient });
        return null;
      }
      if (res.precisionLoss) this.emit("amount-precision", sheet, r, c, { raw: toText(v), amountFen: res.fen, field, recipient });
      fen = res.fen;
    }
    if (opts.positive && fen <= 0) {
      this.emit("non-positive-amount", sheet, r, c, { amountFen: fen, field, recipient });
      return null;
    }
    return fen;
  }

  date(sheet: string, rows: CellValue[][], r: number, c: number | undefined, recipient?: string): Date | null {
    if (c === undefined) return null;
    const v = valueAt(rows, r, c);
    if (v instanceof CellError || isBlank(v)) return null;
    const d = parseDate(v);
    if (!d) this.emit("invalid-date", sheet, r, c, { raw: toText(v), recipient });
    return d;
  }

  required(sheet: string, rows: CellValue[][], r: number, c: number | undefined, field: string, recipient?: string): string {
    if (c === undefined) return "";
    const v = valueAt(rows, r, c);
    if (v instanceof CellError) return "";
    const t = textAt(rows, r, c);
    if (!t) this.emit("required-missing", sheet, r, c, { field, recipient });
    return t;
  }

  /** Missing required columns; returns false when the sheet cannot be read at all. */
  header<F extends string>(grid: SheetGrid, def: SheetDef<F>, m: HeaderMatch<F>): void {
    for (const c of m.missing) this.emit("column-missing", grid.name, m.row, 0, { target: grid.name, field: c.header });
  }

  /** A tabular input sheet: found by name, header located and checked, error values reported. */
  openTable<F extends string>(wb: WorkbookGrids, def: SheetDef<F>): { grid: SheetGrid; p: PreparedSheet; m: HeaderMatch<F> } | null {
    const grid = findSheet(wb, def);
    if (!grid) return null;
    const p = prepareSheet(grid);
    const m = locateHeader(p.rows, def);
    this.header(grid, def, m);
    this.cellErrors(p, m.row + 1);
    return { grid, p, m };
  }
}

/** Whole-fen numbers (the common case) skip the exact decimal parser; null sends the rest to it. */
function wholeFen(v: number, unit: AmountUnit): number | null {
  const scaled = v * (unit === "wan" ? 1000000 : 100);
  const fen = Math.round(scaled);
  if (!Number.isSafeInteger(fen) || Math.abs(scaled - fen) > 1e-9 * Math.max(1, Math.abs(scaled))) return null;
  return fen;
}

/** What an amount cell must hold; shared constants, not an object per call. */
interface AmountRule {
  required: boolean;
  positive: boolean;
}
const REQUIRED_POSITIVE: AmountRule = { required: true, positive: true };
const REQUIRED_ANY: AmountRule = { required: true, positive: false };
const OPTIONAL_POSITIVE: AmountRule = { required: false, positive: true };
const OPTIONAL_ANY: AmountRule = { required: false, positive: false };

/**
 * One small object per row; a cell position is built only when a rule asks for it. A class with one
 * field (32 bytes) rather than Object.create(proto) (56 bytes): at 100k lines every byte per row is
 * copied by the young-generation GC, since all rows live to the end of the run.
 */
function rowCells<F extends string>(sheet: string, cols: Partial<Record<F, number>>): (row: number) => Partial<Record<F, CellPos>> {
  class RowCells {
    constructor(readonly row: number) {}
  }
  for (const key of Object.keys(cols) as F[]) {
    const col = cols[key] as number;
    Object.defineProperty(RowCells.prototype, key, { enumerable: true, get(this: RowCells) { return pos(sheet, this.row, col); } });
  }
  return (row) => new RowCells(row) as unknown as Partial<Record<F, CellPos>>;
}

class NameCache {
  private readonly map = new Map<string, string>();
  private last = "";
  private lastNorm = "";
  get(name: string): string {
    // A recipient's lines usually come together: the previous name first, then the map.
    if (name === this.last) return this.lastNorm;
    let n = this.map.get(name);
    if (n === undefined) {
      n = normalizeName(name);
      this.map.set(name, n);
    }
    this.last = name;
    this.lastNorm = n;
    return n;
  }
}

/** The unit a text such as 万元 names (a 项目信息 key's bracket, the 金额单位 value), else the fallback. */
function unitOf(text: string | null | undefined, fallback: AmountUnit): AmountUnit {
  return unitFromText(text ?? null) ?? fallback;
}

function parseYear(v: CellValue): number | null {
  if (typeof v === "number" && Number.isInteger(v) && v > 1900 && v < 3000) return v;
  const m = /(\d{4})/.exec(toText(v).normalize("NFKC"));
  return m ? Number(m[1]) : null;
}

/** Scores, weights and percentages: nobody types a billion points; beyond that it is not a number. */
const MAX_PLAIN_NUMBER = 1e9;

function parseNumber(v: CellValue): number | null {
  const n = typeof v === "number" ? v : (/-?\d+(?:\.\d+)?/.exec(toText(v).normalize("NFKC")) ?? [])[0];
  if (n === undefined) return null;
  const x = Number(n);
  return Number.isFinite(x) && Math.abs(x) <= MAX_PLAIN_NUMBER ? x : null;
}

/** Without a header, the keys are in the column (of the first three, e.g. after a 序号) naming the most keys. */
function keyColumn(rows: CellValue[][], keyLookup: Map<string, string>): number {
  let best = 0;
  let bestHits = 0;
  for (let c = 0; c < 3; c++) {
    let hits = 0;
    for (let r = 0; r < rows.length; r++) if (keyLookup.has(normalizeHeader(textAt(rows, r, c)).key)) hits++;
    if (hits > bestHits) [best, bestHits] = [c, hits];
  }
  return best;
}

function parseProject(wb: WorkbookGrids, rd: Reader, config: RuleConfig): { project: Project; headerRow: number | null } {
  const project: Project = {
    name: "", department: "", implementer: "", year: null, unit: config.amountUnit ?? "yuan",
    budgetInitialFen: null, budgetFen: null, executedFen: null, fiscalFen: null, carryoverFen: null, otherFen: null,
    districts: [], supportAreas: [...DEFAULT_SUPPORT_AREAS], overallGoal: "", overallGoalActual: "",
    claimedScore: null, executionWeight: 10, executionReason: "", cells: {}, sheet: null,
  };
  const grid = findSheet(wb, PROJECT_SHEET);
  if (!grid) return { project, headerRow: null };
  project.sheet = grid.name;
  const p = prepareSheet(grid);
  const m = locateHeader(p.rows, PROJECT_SHEET);
  // Without a 项目 | 内容 header the sheet is read as key/value pairs from row 1 (a common layout).
  if (m.found) rd.header(grid, PROJECT_SHEET, m);
  const keyLookup = new Map<string, string>();
  for (const k of PROJECT_KEYS) for (const name of [k.key, ...k.aliases]) keyLookup.set(headerKey(name), k.key);
  const keyCol = m.cols.key ?? (m.found ? 0 : keyColumn(p.rows, keyLookup));
  const valueCol = m.cols.value ?? keyCol + 1;
  const start = m.found ? m.row + 1 : 0;
  rd.cellErrors(p, start);

  const found = new Map<string, { row: number; value: CellValue; unit: string | null }>();
  for (let r = start; r < p.rows.length; r++) {
    const keyText = textAt(p.rows, r, keyCol);
    if (!keyText) continue;
    const { key, unit } = normalizeHeader(keyText);
    const canonical = keyLookup.get(key);
    if (!canonical || found.has(canonical)) continue;
    found.set(canonical, { row: r, value: valueAt(p.rows, r, valueCol), unit });
    project.cells[canonical] = pos(grid.name, r, valueCol);
  }
  const text = (k: string): string => {
    const f = found.get(k);
    return f && !(f.value instanceof CellError) ? toText(f.value) : "";
  };
  const unitText = text("金额单位");
  if (unitText) project.unit = unitOf(normalizeHeader(unitText).key, project.unit);
  const money = (k: string, required: boolean): number | null => {
    const f = found.get(k);
    if (!f) return null;
    return rd.amount(grid.name, p.rows, f.row, valueCol, unitOf(f.unit, project.unit), k, required ? REQUIRED_ANY : OPTIONAL_ANY);
  };
  project.name = text("项目名称");
  project.department = text("主管部门");
  project.implementer = text("实施单位");
  const yearCell = found.get("资金年度");
  project.year = yearCell ? parseYear(yearCell.value) : null;
  project.budgetInitialFen = money("年初预算数", false);
  project.budgetFen = money("全年预算数", true);
  project.executedFen = money("全年执行数", false);
  project.fiscalFen = money("当年财政拨款", false);
  project.carryoverFen = money("上年结转资金", false);
  project.otherFen = money("其他资金", false);
  const districts = text("适用区域");
  if (districts) project.districts = splitList(districts);
  const areas = text("支持方向");
  if (areas) project.supportAreas = splitList(areas);
  project.overallGoal = text("年度总体目标");
  project.overallGoalActual = text("年度总体目标完成情况");
  const claimed = text("自评得分");
  project.claimedScore = claimed ? parseNumber(claimed) : null;
  const ew = text("预算执行率分值");
  if (ew) project.executionWeight = parseNumber(ew) ?? 10;
  project.executionReason = text("执行率偏差原因");
  project.scopeProfile = text("支出范围模板");

  // Required keys: an empty value points at its cell; an absent key at the row where it belongs.
  let nextRow = p.rows.length;
  while (nextRow > start && isEmptyRow(p.rows[nextRow - 1])) nextRow--;
  for (const k of PROJECT_KEYS) {
    if (!k.required) continue;
    const f = found.get(k.key);
    if (!f) rd.emit("required-missing", grid.name, nextRow, keyCol, { field: k.key });
    else if (k.key !== "全年预算数" && !text(k.key) && !(f.value instanceof CellError)) rd.emit("required-missing", grid.name, f.row, valueCol, { field: k.key });
  }
  return { project, headerRow: m.row };
}

/** A running sum of data rows: how much, how many rows, and whether an amount could not be read. */
interface Run {
  fen: number;
  rows: number;
  unreadable: boolean;
}

const emptyRun = (): Run => ({ fen: 0, rows: 0, unreadable: false });

interface TotalCheck {
  field: string;
  col: number;
  /** Index of this column's amount in the array onRow fills (one slot per money column, present or not). */
  slot: number;
  unit: AmountUnit;
  /** Every data row above. */
  all: Run;
  /** Rows since the last 合计 (the block a 合计 closes). */
  block: Run;
  /** Rows since the last 合计 or 小计 (the segment a 小计 closes). */
  segment: Run;
}

/**
 * Walk data rows of a tabular sheet: skips empty rows, checks 合计 rows against the rows they close.
 * A 小计 closes the rows since the previous total row; a 合计/总计 closes the rows since the previous
 * 合计 (its 小计 groups included) or, when nothing is left to close, is the grand total of all rows
 * above; a 合计 equal to either reading is accepted. A sum with an unreadable amount in it is not
 * compared: that cell already has its own finding.
 */
function addToRun(run: { fen: number; rows: number; unreadable: boolean }, fen: number, unreadable: boolean): void {
  run.fen += fen;
  run.rows++;
  run.unreadable ||= unreadable;
}

function walkRows<F extends string>(
  rd: Reader, p: PreparedSheet, m: HeaderMatch<F>, moneyCols: { field: F; label: string }[], unit: AmountUnit,
  onRow: (r: number, hidden: boolean, amounts: number[]) => void,
): void {
  if (!m.found) return;
  const sheet = p.grid.name;
  const checks: TotalCheck[] = moneyCols
    .map((mc, slot) => ({ mc, slot }))
    .filter(({ mc }) => m.cols[mc.field] !== undefined)
    .map(({ mc, slot }) => ({ field: mc.label, col: m.cols[mc.field] as number, slot, unit: m.units[mc.field] ?? unit, all: emptyRun(), block: emptyRun(), segment: emptyRun() }));
  // onRow writes each money column's amount here (0 when none): one array for the whole sheet.
  const amounts = moneyCols.map(() => 0);
  for (let r = m.row + 1; r < p.rows.length; r++) {
    if (isUnusedRow(p, r) || isRepeatedHeader(p, r, m) || isNoteRow(p, r)) continue;
    const kind = totalKindAt(p, r);
    if (kind) {
      for (const ch of checks) checkTotal(rd, sheet, r, kind, valueAt(p.rows, r, ch.col), ch);
      continue;
    }
    const hidden = p.hidden.has(r);
    if (hidden) rd.emit("hidden-row", sheet, r, 0);
    for (let i = 0; i < amounts.length; i++) amounts[i] = 0;
    onRow(r, hidden, amounts);
    for (let i = 0; i < checks.length; i++) {
      const ch = checks[i];
      const bad = rd.isUnreadable(sheet, r, ch.col);
      addToRun(ch.all, amounts[ch.slot], bad);
      addToRun(ch.block, amounts[ch.slot], bad);
      addToRun(ch.segment, amounts[ch.slot], bad);
    }
  }
}

function checkTotal(rd: Reader, sheet: string, r: number, kind: "subtotal" | "total", v: CellValue, ch: TotalCheck): void {
  const closes = kind === "subtotal" ? ch.segment : ch.block.rows > 0 ? ch.block : ch.all;
  const res = isBlank(v) || v instanceof CellError ? null : parseAmount(v, ch.unit);
  if (res?.ok && !closes.unreadable) {
    const ok = res.fen === closes.fen || (kind === "total" && !ch.all.unreadable && res.fen === ch.all.fen);
    if (!ok) rd.emit("total-row-mismatch", sheet, r, ch.col, { field: ch.field, actualFen: res.fen, expectedFen: closes.fen });
  }
  ch.segment = emptyRun();
  if (kind === "total") ch.block = emptyRun();
}

function parseAllocation(wb: WorkbookGrids, rd: Reader, project: Project): { recipients: Recipient[]; sheet: string | null; headerRow: number | null } {
  const table = rd.openTable(wb, ALLOCATION_SHEET);
  if (!table) return { recipients: [], sheet: null, headerRow: null };
  const { grid, p, m } = table;
  const s = grid.name;
  const c = m.cols;
  const recipients: Recipient[] = [];
  const label = (f: ColumnDef<string>["field"]): string => ALLOCATION_SHEET.columns.find((x) => x.field === f)?.header ?? f;
  const [nameLabel, districtLabel, areaLabel] = [label("name"), label("district"), label("area")];
  const cellsOf = rowCells<AllocationField>(s, c);
  walkRows(rd, p, m, [{ field: "approved", label: "批复金额" }, { field: "disbursed", label: "拨付金额" }], project.unit, (r, hidden, amounts) => {
    const rows = p.rows;
    const name = rd.required(s, rows, r, c.name, nameLabel);
    const district = rd.required(s, rows, r, c.district, districtLabel, name);
    const area = rd.required(s, rows, r, c.area, areaLabel, name);
    const approvedFen = rd.amount(s, rows, r, c.approved, m.units.approved ?? project.unit, "批复金额", REQUIRED_POSITIVE, name);
    const disbursedFen = rd.amount(s, rows, r, c.disbursed, m.units.disbursed ?? project.unit, "拨付金额", OPTIONAL_ANY, name);
    if (disbursedFen !== null && disbursedFen < 0) rd.emit("non-positive-amount", s, r, c.disbursed as number, { amountFen: disbursedFen, field: "拨付金额", recipient: name });
    const cells = cellsOf(r);
    const rec: Recipient = {
      row: r, index: recipients.length, district, name, normName: normalizeName(name),
      creditCode: textAt(rows, r, c.creditCode), area, approvedFen,
      disbursedFen: disbursedFen !== null && disbursedFen >= 0 ? disbursedFen : null,
      disbursedDate: rd.date(s, rows, r, c.disbursedDate, name),
      note: textAt(rows, r, c.note), detailText: textAt(rows, r, c.detail), hidden, cells,
    };
    const unreadable = { approved: rd.isUnreadable(s, r, c.approved), disbursed: rd.isUnreadable(s, r, c.disbursed) };
    if (unreadable.approved || unreadable.disbursed) rec.unreadable = unreadable;
    if (rec.creditCode) {
      const cc = checkCreditCode(rec.creditCode);
      if (!cc.ok) rd.emit("invalid-credit-code", s, r, c.creditCode as number, { raw: rec.creditCode, actual: cc.reason, recipient: name });
    }
    recipients.push(rec);
    amounts[0] = approvedFen ?? 0;
    amounts[1] = rec.disbursedFen ?? 0;
  });
  return { recipients, sheet: s, headerRow: m.row };
}

function parseSpending(wb: WorkbookGrids, rd: Reader, project: Project): { lines: SpendingLine[]; sheet: string | null; headerRow: number | null } {
  const table = rd.openTable(wb, SPENDING_SHEET);
  if (!table) return { lines: [], sheet: null, headerRow: null };
  const { grid, p, m } = table;
  const s = grid.name;
  const c = m.cols;
  const lines: SpendingLine[] = [];
  const names = new NameCache();
  const unreadableLines = new Set<number>();
  walkRows(rd, p, m, [{ field: "amount", label: "金额" }], project.unit, (r, hidden, amounts) => {
    const rows = p.rows;
    const name = rd.required(s, rows, r, c.name, "单位名称");
    const content = rd.required(s, rows, r, c.content, "支出内容", name);
    const amountFen = rd.amount(s, rows, r, c.amount, m.units.amount ?? project.unit, "金额", REQUIRED_POSITIVE, name);
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
  return { lines, sheet: s, headerRow: m.row };
}

/** 明细说明 free text becomes lines for recipients that have none on the spending sheet. */
function detailLines(recipients: Recipient[], lines: SpendingLine[], project: Project): SpendingLine[] {
  // Most workbooks have no 明细说明: skip collecting the names of every line.
  if (!recipients.some((r) => r.detailText)) return [];
  const withLines = new Set(lines.map((l) => l.normName));
  const out: SpendingLine[] = [];
  for (const rec of recipients) {
    if (!rec.detailText || withLines.has(rec.normName)) continue;
    const cell = rec.cells.detail;
    if (!cell) continue;
    // The line's text and amount are the 明细说明 cell; its name is the recipient's, in the same row.
    const cols: Partial<Record<SpendingField, number>> = { content: cell.col, amount: cell.col };
    if (rec.cells.name) cols.name = rec.cells.name.col;
    for (const item of splitDetail(rec.detailText, project.unit)) {
      out.push({
        sheet: cell.sheet, row: cell.row, recipientName: rec.name, normName: rec.normName, content: item.content,
        category: "", amountFen: item.fen, date: null, voucher: "", note: item.raw, source: "detail", hidden: rec.hidden,
        resolvedCategory: "", keyword: "", cols,
      });
    }
  }
  return out;
}

const STATUS: Record<string, ScopeCategory["status"]> = {
  是: "allowed", 允许: "allowed", yes: "allowed", y: "allowed", true: "allowed", allowed: "allowed",
  否: "forbidden", 不允许: "forbidden", 禁止: "forbidden", no: "forbidden", n: "forbidden", false: "forbidden", forbidden: "forbidden",
  需复核: "review", 复核: "review", review: "review",
};

function parseScope(wb: WorkbookGrids, rd: Reader, project: Project, config: RuleConfig, lines: SpendingLine[]): { scope: ScopeCategory[]; sheet: string | null; headerRow: number | null } {
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

  const table = rd.openTable(wb, SCOPE_SHEET);
  if (!table) return { scope, sheet: null, headerRow: null };
  const { grid, p, m } = table;
  const c = m.cols;
  for (let r = m.row + 1; m.found && r < p.rows.length; r++) {
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
    const cap = rd.amount(grid.name, p.rows, r, c.capAmount, m.units.capAmount ?? project.unit, "金额上限", OPTIONAL_POSITIVE);
    if (cap !== null) patch.capFen = cap;
    const note = textAt(p.rows, r, c.note);
    if (note) patch.note = note;
    merge(patch);
  }
  return { scope, sheet: grid.name, headerRow: m.row };
}

const GRADES: Record<string, QualitativeGrade> = {
  达成: "达成", 完成: "达成", 已完成: "达成", 全部达成: "达成", achieved: "达成", met: "达成",
  部分达成: "部分达成", 基本达成: "部分达成", 部分完成: "部分达成", partial: "部分达成", partlyachieved: "部分达成",
  未达成: "未达成", 未完成: "未达成", notachieved: "未达成", notmet: "未达成",
};

export function parseGrade(text: string): QualitativeGrade | null {
  return GRADES[headerKey(text)] ?? null;
}

export function isNotApplicable(text: string): boolean {
  const k = headerKey(text);
  return k === "不适用" || k === "n/a" || k === "na" || k === "notapplicable";
}

/** 产出指标(50分) -> 产出指标 */
export function cleanLevel(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "").replace(/[(（][^)）]*[)）]$/, "");
}

function parseIndicators(wb: WorkbookGrids, rd: Reader): { indicators: Indicator[]; sheet: string | null; headerRow: number | null; weightHeader: CellPos | null } {
  const table = rd.openTable(wb, INDICATOR_SHEET);
  if (!table) return { indicators: [], sheet: null, headerRow: null, weightHeader: null };
  const { grid, p, m } = table;
  const s = grid.name;
  const c = m.cols;
  const indicators: Indicator[] = [];
  let lastL1 = "";
  let lastL2 = "";
  for (let r = m.row + 1; m.found && r < p.rows.length; r++) {
    const rows = p.rows;
    if (isUnusedRow(p, r) || totalKindAt(p, r) || isRepeatedHeader(p, r, m) || isNoteRow(p, r)) continue;
    if (p.hidden.has(r)) rd.emit("hidden-row", s, r, 0);
    // Level 1/2 left blank under a filled one continue it (merged-looking forms without merges).
    let level1 = cleanLevel(textAt(rows, r, c.level1));
    if (!level1 && lastL1) level1 = lastL1;
    else if (!level1) rd.required(s, rows, r, c.level1, "一级指标");
    let level2 = cleanLevel(textAt(rows, r, c.level2));
    if (!level2 && lastL2 && level1 === lastL1) level2 = lastL2;
    else if (!level2) rd.required(s, rows, r, c.level2, "二级指标");
    lastL1 = level1;
    lastL2 = level2;
    const name = rd.required(s, rows, r, c.name, "三级指标");
    const targetText = rd.required(s, rows, r, c.target, "年度指标值");
    const weightV = valueAt(rows, r, c.weight);
    let weight = 0;
    if (!(weightV instanceof CellError)) {
      if (isBlank(weightV)) rd.required(s, rows, r, c.weight, "分值");
      else weight = parseNumber(weightV) ?? 0;
    }
    const actualText = textAt(rows, r, c.actual);
    const gradeText = textAt(rows, r, c.grade);
    const scoreV = valueAt(rows, r, c.score);
    const cells: Indicator["cells"] = {};
    for (const key of ["level1", "level2", "name", "target", "actual", "weight", "grade", "score", "source", "reason"] as const) {
      if (c[key] !== undefined) cells[key] = pos(s, r, c[key] as number);
    }
    const nature = textAt(rows, r, c.nature);
    const unit = textAt(rows, r, c.unit);
    indicators.push({
      row: r, level1, level2, name, targetText, target: parseTarget(applyNature(targetText, nature, unit)),
      actualText, actualValue: actualText ? parseActual(actualText) : typeof valueAt(rows, r, c.actual) === "number" ? { value: valueAt(rows, r, c.actual) as number, unit } : null,
      weight, grade: parseGrade(gradeText), typedScore: isBlank(scoreV) || scoreV instanceof CellError ? null : parseNumber(scoreV),
      source: textAt(rows, r, c.source), reason: textAt(rows, r, c.reason),
      notApplicable: isNotApplicable(actualText) || isNotApplicable(gradeText), nature, unit, cells,
    });
  }
  const weightHeader = c.weight !== undefined ? pos(s, m.row, c.weight) : pos(s, m.row, 0);
  return { indicators, sheet: s, headerRow: m.row, weightHeader };
}

/** The structured 指标性质 / 度量单位 columns, when present, override text parsing. */
function applyNature(target: string, nature: string, unit: string): string {
  const k = headerKey(nature);
  if (!k) return target;
  if (k === "定性" || k === "qualitative") return target.replace(/\d/g, "");
  const op = k === "≥" || k === ">=" || k === "正向" ? "≥" : k === "≤" || k === "<=" || k === "反向" ? "≤" : k === "=" ? "=" : "";
  if (!op) return target;
  const num = /-?\d+(?:\.\d+)?/.exec(target.normalize("NFKC"));
  if (!num) return target;
  const u = unit || target.normalize("NFKC").slice(num.index + num[0].length).replace(/(以上|以下|以内|及以上)$/, "");
  return `${op}${num[0]}${u}`;
}

export interface ParsedWorkbook {
  model: WorkbookModel;
}

export function parseWorkbook(wb: WorkbookGrids, sink: FindingSink, config: RuleConfig = {}): WorkbookModel {
  const rd = new Reader(sink);
  const first = wb.sheets[0]?.name ?? "Sheet1";
  const { project, headerRow: projectHeader } = parseProject(wb, rd, config);
  const alloc = parseAllocation(wb, rd, project);
  const spend = parseSpending(wb, rd, project);
  const lines = [...spend.lines, ...detailLines(alloc.recipients, spend.lines, project)];
  const scope = parseScope(wb, rd, project, config, lines);
  const ind = parseIndicators(wb, rd);

  const hasDetail = alloc.recipients.some((r) => r.detailText);
  if (!project.sheet) rd.emit("sheet-missing", first, 0, 0, { target: PROJECT_SHEET.name });
  if (!alloc.sheet) rd.emit("sheet-missing", first, 0, 0, { target: ALLOCATION_SHEET.name });
  if (!spend.sheet && !hasDetail) rd.emit("sheet-missing", first, 0, 0, { target: SPENDING_SHEET.name });

  const headerRows: Record<string, number> = {};
  for (const [s, h] of [[project.sheet, projectHeader], [alloc.sheet, alloc.headerRow], [spend.sheet, spend.headerRow], [scope.sheet, scope.headerRow], [ind.sheet, ind.headerRow]] as const) {
    if (s && h !== null) headerRows[s] = h;
  }
  return {
    project, recipients: alloc.recipients, lines, indicators: ind.indicators, scope: scope.scope,
    sheets: { project: project.sheet, allocation: alloc.sheet, spending: spend.sheet, scope: scope.sheet, indicators: ind.sheet },
    headerRows, weightHeader: ind.weightHeader,
  };
}
