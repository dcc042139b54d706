// The SheetLayout renderer on its own: text safety, merges with borders, long drop-down lists,
// print setup, widths and heights.
import ExcelJS from "exceljs";
import type { SheetLayout } from "../../src/core";
import { fittedRowHeights, LISTS_SHEET, renderLayout } from "../../src/cli/xlsx-write";

async function roundTrip(layout: SheetLayout): Promise<{ wb: ExcelJS.Workbook; xml: string }> {
  const wb = new ExcelJS.Workbook();
  renderLayout(wb, layout);
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf);
  const { unzipSync, strFromU8 } = await import("fflate");
  const xml = strFromU8(unzipSync(new Uint8Array(buf))["xl/worksheets/sheet1.xml"]);
  return { wb: back, xml };
}

const layout = (over: Partial<SheetLayout>): SheetLayout => ({ name: "测试", cells: [], merges: [], columnWidths: [], ...over });

it("writes formula-like strings as text with format @, and real formulas as formulas", async () => {
  const risky = ["=1+1", "+1+1", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x","y")'];
  const { wb, xml } = await roundTrip(
    layout({
      cells: [...risky.map((value, row) => ({ row, col: 0, value })), { row: 0, col: 1, value: "A1", formula: 'HYPERLINK("#测试!A1","A1")' }, { row: 1, col: 1, value: -2 }],
    }),
  );
  const ws = wb.getWorksheet("测试") as ExcelJS.Worksheet;
  risky.forEach((s, i) => {
    // XML end-of-line handling turns a bare CR into LF on reading; it is still plain text.
    expect(ws.getCell(i + 1, 1).value).toBe(s.replace(/\r/g, "\n"));
    expect(ws.getCell(i + 1, 1).numFmt).toBe("@");
  });
  expect(ws.getCell("B1").value).toEqual({ formula: 'HYPERLINK("#测试!A1","A1")', result: "A1" });
  expect(ws.getCell("B2").value).toBe(-2);
  expect([...xml.matchAll(/<f>/g)]).toHaveLength(1);
});

it("draws a merged cell's border on every cell it covers", async () => {
  const { wb } = await roundTrip(layout({ cells: [{ row: 0, col: 0, value: "标题", style: { border: "thin", bold: true, hAlign: "center" } }], merges: [{ top: 0, left: 0, bottom: 1, right: 2 }] }));
  const ws = wb.getWorksheet("测试") as ExcelJS.Worksheet;
  expect((ws.model as unknown as { merges: string[] }).merges).toEqual(["A1:C2"]);
  for (const a of ["A1", "C1", "A2", "C2"]) expect(ws.getCell(a).border?.bottom?.style).toBe("thin");
  expect(ws.getCell("A1").font).toMatchObject({ bold: true });
  expect(ws.getCell("A1").alignment).toMatchObject({ horizontal: "center" });
});

it("keeps short lists inline and moves long ones to a very hidden sheet", async () => {
  const long = Array.from({ length: 60 }, (_, i) => `很长的支出类别名称${i}`);
  const { wb } = await roundTrip(layout({ validations: [{ range: "A2:A10", list: ["是", "否"] }, { range: "B2:B10", list: long }] }));
  const ws = wb.getWorksheet("测试") as ExcelJS.Worksheet;
  const model = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
  expect(model.A2.formulae[0]).toBe('"是,否"');
  expect(model.B10.formulae[0]).toBe(`${LISTS_SHEET}!$A$1:$A$60`);
  const lists = wb.getWorksheet(LISTS_SHEET) as ExcelJS.Worksheet;
  expect(lists.state).toBe("veryHidden");
  expect(lists.getCell("A60").value).toBe(long[59]);
});

it("sets print setup, frozen rows, widths and heights", async () => {
  const { wb } = await roundTrip(
    layout({ columnWidths: [12, 30], rowHeights: { 0: 36 }, frozenRows: 2, print: { orientation: "landscape", paper: "A4", fitToWidth: true, printArea: "A1:J20" } }),
  );
  const ws = wb.getWorksheet("测试") as ExcelJS.Worksheet;
  // A print area is a form: it goes on one page.
  expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 1, printArea: "A1:J20" });
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
  expect([ws.getColumn(1).width, ws.getColumn(2).width, ws.getRow(1).height]).toEqual([12, 30, 36]);
});

it("lets a sheet without a print area run on over as many pages as it needs", async () => {
  const { wb } = await roundTrip(layout({ print: { orientation: "landscape", paper: "A4", fitToWidth: true } }));
  expect((wb.getWorksheet("测试") as ExcelJS.Worksheet).pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
});

it("raises rows whose wrapped text needs more lines than their height, and never lowers one", () => {
  const long = "坚持市场导向，坚持创新引领，突出项目绩效，重点支持市场发展潜力较大的企业和项目。".repeat(3);
  const heights = fittedRowHeights(
    layout({
      columnWidths: [10, 10, 10],
      rowHeights: { 0: 40, 2: 90 },
      cells: [
        { row: 0, col: 0, value: "短", style: { wrap: true } },
        { row: 1, col: 0, value: long, style: { wrap: true } },
        { row: 2, col: 0, value: long, style: { wrap: true } },
        { row: 3, col: 0, value: long },
      ],
      merges: [{ top: 1, left: 0, bottom: 1, right: 2 }],
    }),
  );
  expect(heights.get(0)).toBe(40);
  expect(heights.get(1)).toBeGreaterThan(60); // ~150 width units over 28 → 6+ lines
  expect(heights.get(2)).toBeGreaterThan(90); // one column wide: far more lines
  expect(heights.has(3)).toBe(false); // not wrapped: left alone
});
