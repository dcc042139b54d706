// Writes the summary workbook: each sheet rendered like 审核结果 (renderLayout), then the filter,
// the conditional fills and the repeated print titles that only the summary has.
import ExcelJS from "exceljs";
import { argb, renderLayout } from "../xlsx-write";
import { writeWorkbookAtomically } from "../write-file";
import type { SummarySheet } from "./layout";

export async function writeSummaryWorkbook(sheets: readonly SummarySheet[], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "fund-audit";
  for (const s of sheets) {
    const ws = renderLayout(wb, s.layout);
    ws.autoFilter = s.autoFilter;
    for (const c of s.conditionalFills) {
      ws.addConditionalFormatting({
        ref: c.range,
        rules: [{ type: "expression", priority: 1, formulae: [c.formula], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(c.fill) } } } }],
      });
    }
    ws.pageSetup.printTitlesRow = s.printTitleRows;
  }
  await writeWorkbookAtomically(wb, file);
}
