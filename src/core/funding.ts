// The optional 资金来源 / Funding sheet (SPEC §9): one row per source of the project's money, each
// with its own 年初预算数 / 全年预算数 / 全年执行数, for the form's funding rows. Its rows, and
// 项目信息's 当年财政拨款 / 上年结转资金 / 其他资金, must add up to the project's figures.
import type { FindingSink } from "./findings";
import { isBlank, type WorkbookGrids } from "./grid";
import { FUNDING_COLUMNS, FUNDING_LABEL, type FundingColumn, type FundingRow } from "./form/model";
import { parseAmount } from "./parse/amount";
import { toText } from "./parse/text";
import type { Rule } from "./rules/context";
import type { SheetDef } from "./schema";
import { findSheet, headerKey, isEmptyRow, locateHeader, prepareSheet, textAt, totalKind, valueAt } from "./sheet-reader";
import type { CellPos, Project } from "./types";

export type FundingField = "source" | FundingColumn;

export const FUNDING_SHEET: SheetDef<FundingField> = {
  name: "资金来源",
  aliases: ["funding", "fundingsources", "资金来源表"],
  columns: [
    { field: "source", header: "资金来源", aliases: ["source", "来源", "资金来源名称"], required: true, help: "当年财政拨款、上年结转资金、其他资金，或本省的财政专户管理资金、单位资金等" },
    { field: "initial", header: "年初预算数", aliases: ["initialbudget", "年初预算"], required: false, money: true, help: "该来源的年初预算数" },
    { field: "budget", header: "全年预算数", aliases: ["budget", "调整后预算数", "调整预算数"], required: true, money: true, help: "该来源的全年预算数" },
    { field: "executed", header: "全年执行数", aliases: ["executed", "预算执行数", "执行数"], required: false, money: true, help: "该来源的全年执行数" },
  ],
};

export interface FundingTable {
  sheet: string;
  headerRow: number;
  cols: Partial<Record<FundingColumn, number>>;
  rows: FundingRow[];
}

/** The 资金来源 sheet, or null when the workbook has none. Amounts in the header's unit, else the project's. */
export function readFundingSheet(wb: WorkbookGrids, sink: FindingSink, project: Project): FundingTable | null {
  const grid = findSheet(wb, FUNDING_SHEET);
  if (!grid) return null;
  const p = prepareSheet(grid);
  const m = locateHeader(p.rows, FUNDING_SHEET);
  if (!m.found) return null;
  for (const c of m.missing) sink.add("column-missing", { sheet: grid.name, row: m.row, col: 0 }, { target: grid.name, field: c.header });
  const table: FundingTable = { sheet: grid.name, headerRow: m.row, cols: {}, rows: [] };
  for (const k of FUNDING_COLUMNS) if (m.cols[k] !== undefined) table.cols[k] = m.cols[k];
  for (let r = m.row + 1; r < p.rows.length; r++) {
    const row = p.rows[r];
    if (isEmptyRow(row) || totalKind(row ?? [])) continue;
    const label = textAt(p.rows, r, m.cols.source).replace(/^\s*其中\s*[:：]?\s*/, "");
    if (!label) continue;
    const fen = { initial: null, budget: null, executed: null } as FundingRow["fen"];
    for (const k of FUNDING_COLUMNS) {
      const c = m.cols[k];
      const v = valueAt(p.rows, r, c);
      if (c === undefined || isBlank(v)) continue;
      const res = parseAmount(v, m.units[k] ?? project.unit);
      if (res.ok) fen[k] = res.fen;
      else sink.add("invalid-amount", { sheet: grid.name, row: r, col: c }, { raw: res.raw || toText(v) });
    }
    table.rows.push({ label, row: r, fen });
  }
  return table;
}

/** The row of a source by name (当年财政拨款 matches 财政拨款), or undefined. */
export function fundingRowFor(table: FundingTable | null | undefined, name: string): FundingRow | undefined {
  const k = headerKey(name);
  return table?.rows.find((r) => headerKey(r.label) === k || headerKey(r.label).endsWith(k) || k.endsWith(headerKey(r.label)));
}

export const fundingSums: Rule = {
  name: "funding sources add up",
  codes: ["form-funding-sum-mismatch"],
  check({ model, totals, emit }) {
    // A form read as the input is checked by form/checks.ts at its own cells.
    if (model.form?.role === "input") return;
    const p = model.project;
    const sources = [p.fiscalFen, p.carryoverFen, p.otherFen].filter((f): f is number => f !== null);
    if (sources.length > 0 && p.budgetFen !== null) {
      const sum = sources.reduce((a, b) => a + b, 0);
      if (sum !== p.budgetFen) emit("form-funding-sum-mismatch", p.cells["全年预算数"], { target: "项目信息", field: "全年预算数", actualFen: p.budgetFen, expectedFen: sum });
    }
    const table = model.funding;
    if (!table) return;
    const want: Record<FundingColumn, number | null> = { initial: p.budgetInitialFen, budget: p.budgetFen, executed: p.executedFen ?? totals.executedFen };
    for (const k of FUNDING_COLUMNS) {
      const col = table.cols[k];
      const filled = table.rows.filter((r) => r.fen[k] !== null);
      const expected = want[k];
      if (col === undefined || filled.length === 0 || expected === null) continue;
      const sum = filled.reduce((a, r) => a + (r.fen[k] as number), 0);
      const at: CellPos = { sheet: table.sheet, row: table.headerRow, col };
      if (sum !== expected) emit("form-funding-sum-mismatch", at, { target: "项目信息", field: FUNDING_LABEL[k], actualFen: expected, expectedFen: sum });
    }
  },
};
