// Which model a workbook gives: the input sheets (SPEC §1), or, when it has none and holds a
// filled 绩效自评表, the form itself (SPEC §9). A form beside input sheets is kept to be compared.
import type { FindingSink } from "../findings";
import { readFundingSheet } from "../funding";
import type { WorkbookGrids } from "../grid";
import { parseWorkbook } from "../parse/workbook";
import type { OnEngineProgress } from "../progress";
import { defaultScope } from "../scope";
import type { Project, RuleConfig, ValidationResult, WorkbookModel } from "../types";
import type { FormRead, FundingColumn } from "./model";
import { findForm, inputSheets, readForm } from "./read";

export function readModel(wb: WorkbookGrids, sink: FindingSink, config: RuleConfig, onProgress?: OnEngineProgress): WorkbookModel {
  const formGrid = findForm(wb);
  if (formGrid && inputSheets(wb).length === 0) {
    const read = readForm(formGrid, (pos, raw) => sink.add("invalid-amount", pos, { raw }));
    return formModel(read);
  }
  const model = parseWorkbook(wb, sink, config, onProgress);
  // A typed copy (a previous fill's form edited by hand): read quietly, compared cell by cell.
  if (formGrid) model.form = { read: readForm(formGrid, () => undefined), role: "copy" };
  model.funding = readFundingSheet(wb, sink, model.project);
  return model;
}

/** The form's figure of a funding column: its 年度资金总额, else the sum of its 其中 rows. */
export function formFigure(read: FormRead, k: FundingColumn): number | null {
  if (read.total && read.total.fen[k] !== null) return read.total.fen[k];
  const parts = read.parts.filter((p) => p.fen[k] !== null);
  return parts.length ? parts.reduce((a, p) => a + (p.fen[k] as number), 0) : null;
}

function formModel(read: FormRead): WorkbookModel {
  const totalRow = read.total?.row;
  const at = (col: number | undefined, row = totalRow) => (col === undefined || row === undefined ? undefined : { sheet: read.sheet, row, col });
  // A figure summed from the 其中 rows (no 年度资金总额 row) is at the first of them: its findings need a cell.
  const figureAt = (k: FundingColumn) => at(read.fundingCols[k], totalRow ?? read.parts.find((p) => p.fen[k] !== null)?.row);
  const cells: Project["cells"] = {};
  const put = (key: string, cell: Project["cells"][string] | undefined): void => {
    if (cell) cells[key] = cell;
  };
  put("全年预算数", figureAt("budget"));
  put("全年执行数", figureAt("executed"));
  put("执行率偏差原因", at(read.fundingCols.reason));
  put("预算执行率分值", read.executionWeight?.cell);
  put("自评得分", read.totalScore?.cell);
  const project: Project = {
    name: read.name, department: read.department, implementer: read.implementer, year: read.year, unit: "wan",
    budgetInitialFen: formFigure(read, "initial"), budgetFen: formFigure(read, "budget"), executedFen: formFigure(read, "executed"),
    fiscalFen: null, carryoverFen: null, otherFen: null, districts: [], supportAreas: [],
    overallGoal: read.goal, overallGoalActual: read.goalActual, claimedScore: read.totalScore?.value ?? null,
    executionWeight: read.executionWeight?.value ?? 10, executionReason: read.executionReason, cells, sheet: null,
  };
  return {
    project, recipients: [], lines: [], indicators: read.indicators, scope: defaultScope(),
    sheets: { project: null, allocation: null, spending: null, scope: null, indicators: read.sheet },
    headerRows: {}, weightHeader: read.weightHeader, form: { read, role: "input" }, funding: null,
  };
}

/**
 * Whether a result was read from anything (SPEC §9): an input sheet (项目信息 alone is enough), or
 * a form with at least one indicator row. `fill` writes no form graded from nothing.
 */
export function hasReadableInput(result: Pick<ValidationResult, "model">): boolean {
  const { sheets, form } = result.model;
  if (sheets.project || sheets.allocation || sheets.spending || (sheets.indicators && form?.role !== "input")) return true;
  return form?.role === "input" && form.read.indicators.length > 0;
}
