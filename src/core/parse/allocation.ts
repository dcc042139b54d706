// The 资金分配 table (SPEC §1, §8): one row per recipient; a table of regions names them by 区域.
import type { ColumnMapEntry } from "../column-map";
import type { SheetGrid } from "../grid";
import { ALLOCATION_SHEET } from "../schema";
import { textAt } from "../sheet-reader";
import type { AllocationField, Project, Recipient, SpendingField, SpendingLine } from "../types";
import { checkCreditCode } from "./credit-code";
import { splitDetail } from "./detail-split";
import { numericTable, type NumericTable } from "./numeric-table";
import { rowCells } from "../perf/row-cells";
import { OPTIONAL_ANY, REQUIRED_POSITIVE, type Reader } from "./reader";
import { normalizeName } from "./text";
import { walkRows } from "./walk";

export interface ParsedAllocation {
  recipients: Recipient[];
  sheet: string | null;
  headerRow: number | null;
  readable: boolean;
  /** Where the first amount header is, and whether a unit was stated for the amounts. */
  amountHeader: { row: number; col: number; header: string } | null;
  unitStated: boolean;
  table: NumericTable | null;
}

export function parseAllocation(grid: SheetGrid | undefined, rd: Reader, project: Project, entry?: ColumnMapEntry): ParsedAllocation {
  const none: ParsedAllocation = { recipients: [], sheet: null, headerRow: null, readable: false, amountHeader: null, unitStated: false, table: null };
  if (!grid) return none;
  const { p, m, readable } = rd.openTable(grid, ALLOCATION_SHEET, entry);
  const s = grid.name;
  if (!readable) return { ...none, sheet: s, headerRow: m.row };
  const c = m.cols;
  const recipients: Recipient[] = [];
  const label = (f: AllocationField): string => ALLOCATION_SHEET.columns.find((x) => x.field === f)?.header ?? f;
  const [nameLabel, districtLabel, areaLabel] = [label("name"), label("district"), label("area")];
  // A table of regions: the 区域 column is the recipient's name and its district at once.
  const regions = c.name === c.district;
  const cellsOf = rowCells<AllocationField>(s, c);
  const approvedUnit = m.units.approved ?? m.tableUnit ?? project.unit;
  const disbursedUnit = m.units.disbursed ?? m.tableUnit ?? project.unit;
  const dataRows = walkRows(rd, p, m, [{ field: "approved", label: "批复金额" }, { field: "disbursed", label: "拨付金额" }], project.unit, (r, hidden, amounts) => {
    const rows = p.rows;
    const name = rd.required(s, rows, r, c.name, regions ? districtLabel : nameLabel);
    const district = regions ? name : rd.required(s, rows, r, c.district, districtLabel, name);
    const area = rd.required(s, rows, r, c.area, areaLabel, name);
    const approvedFen = rd.amount(s, rows, r, c.approved, approvedUnit, "批复金额", REQUIRED_POSITIVE, name);
    const disbursedFen = rd.amount(s, rows, r, c.disbursed, disbursedUnit, "拨付金额", OPTIONAL_ANY, name);
    if (disbursedFen !== null && disbursedFen < 0) rd.emit("non-positive-amount", s, r, c.disbursed as number, { amountFen: disbursedFen, field: "拨付金额", recipient: name });
    const cells = cellsOf(r);
    const rec: Recipient = {
      row: r, index: recipients.length, district, name, normName: normalizeName(name),
      creditCode: textAt(rows, r, c.creditCode), area, approvedFen,
      disbursedFen: disbursedFen !== null && disbursedFen >= 0 ? disbursedFen : null,
      disbursedDate: rd.date(s, rows, r, c.disbursedDate, name),
      note: textAt(rows, r, c.note), detailText: textAt(rows, r, c.detail), hidden, cells,
    };
    if (c.project !== undefined) rec.project = textAt(rows, r, c.project);
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
  const amountCols = [c.approved, c.disbursed].filter((x): x is number => x !== undefined);
  const unitStated = m.units.approved !== undefined || m.units.disbursed !== undefined || m.tableUnit !== null;
  return {
    recipients, sheet: s, headerRow: m.row, readable: true,
    amountHeader: amountCols.length ? { row: m.row, col: Math.min(...amountCols), header: m.headers[Math.min(...amountCols)] ?? "批复金额" } : null, unitStated,
    table: numericTable(p, m, dataRows, ["seq", "creditCode", "disbursedDate", "name", "project", "district", "area", "note", "detail"], approvedUnit),
  };
}

/** 明细说明 free text becomes lines for recipients that have none on the spending sheet. */
export function detailLines(recipients: Recipient[], lines: SpendingLine[], project: Project): SpendingLine[] {
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
