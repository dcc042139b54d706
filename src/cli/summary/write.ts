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
    // Links look like links (Excel's own hyperlink colour), in the font renderLayout uses.
    for (const c of s.layout.cells) {
      if (!c.formula?.startsWith("HYPERLINK(")) continue;
      const font = c.style?.bold ? { bold: true } : {};
      ws.getCell(c.row + 1, c.col + 1).font = { name: "宋体", size: 11, ...font, color: { argb: "FF0563C1" }, underline: true };
    }
    // Priorities unique within the sheet, as Excel writes them.
    s.conditionalFills.forEach((c, i) => {
      ws.addConditionalFormatting({
        ref: c.range,
        rules: [{ type: "expression", priority: i + 1, formulae: [c.formula], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(c.fill) } } } }],
      });
    });
    ws.pageSetup.printTitlesRow = s.printTitleRows;
  }
  await writeWorkbookAtomically(wb, file);
}
