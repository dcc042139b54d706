import type { SheetLayout } from "../../src/core/layout";
import { createExcelOps } from "../../src/excel";
import { createFakeOffice } from "../fake-office";
import { smallWorkbook } from "./fixtures";

function selfEvalLike(): SheetLayout {
  const border = { border: "thin" as const, wrap: true, vAlign: "middle" as const };
  const cells: SheetLayout["cells"] = [
    { row: 0, col: 0, value: "（2021年度）项目支出绩效自评表", style: { bold: true, fontSize: 16, hAlign: "center" } },
    { row: 1, col: 0, value: "项目名称", style: border },
    { row: 1, col: 2, value: "2021年电子商务发展专项资金", style: border },
    { row: 2, col: 0, value: "全年预算数", style: border },
    { row: 2, col: 2, value: 500, style: { ...border, numberFormat: "#,##0.00" } },
    { row: 2, col: 3, value: 0.765, formula: "C4/C3", style: { ...border, numberFormat: "0.0%" } },
    { row: 3, col: 0, value: "单位名称", style: border },
    { row: 3, col: 2, value: '=HYPERLINK("http://evil","x")', style: border },
    { row: 3, col: 3, value: "+86 123", style: border },
    { row: 3, col: 4, value: "-5", style: border },
    { row: 3, col: 5, value: "@user", style: border },
    { row: 3, col: 6, value: "001", style: border },
    { row: 3, col: 7, value: "2021-12-20", style: border },
    { row: 4, col: 0, value: "支出明细!E17", formula: 'HYPERLINK("#\'支出明细\'!E17","支出明细!E17")' },
  ];
  return {
    name: "绩效自评表",
    cells,
    merges: [
      { top: 0, left: 0, bottom: 0, right: 9 },
      { top: 1, left: 0, bottom: 1, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 9 },
    ],
    columnWidths: [10, 10, 16, 16, 16, 10, 10, 10, 12, 12],
    rowHeights: { 0: 30 },
    frozenRows: 1,
    validations: [{ range: "H6:H100", list: ["待复核", "已确认", "已忽略"] }],
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, printArea: "A1:J5" },
  };
}

describe("writeLayouts", () => {
  test("values, formulas, merges, formats, widths, validations and print setup", async () => {
    const host = createFakeOffice(smallWorkbook());
    await createExcelOps(host).writeLayouts([selfEvalLike()]);
    const s = host.snapshot();
    const sheet = s.sheets.find((x) => x.name === "绩效自评表");
    if (!sheet) throw new Error("sheet not written");
    expect(sheet.values[0][0]).toBe("（2021年度）项目支出绩效自评表");
    expect(sheet.values[2][2]).toBe(500);
    expect(sheet.formulas.D3).toBe("=C4/C3");
    expect(sheet.formulas.A5).toBe('=HYPERLINK("#\'支出明细\'!E17","支出明细!E17")');
    expect(sheet.values[4][0]).toBe("支出明细!E17");
    expect(sheet.merges).toEqual(["A1:J1", "A2:B2", "C2:J2"]);
    expect(sheet.numberFormats).toMatchObject({ C3: "#,##0.00", D3: "0.0%", A1: "@", C4: "@" });
    expect(sheet.bold).toEqual(["A1"]);
    expect(sheet.borders.A2).toBe("top:Thin,bottom:Thin,left:Thin,right:Thin");
    expect(sheet.wrap).toContain("C4");
    expect(sheet.columnWidths.A).toBeCloseTo(56.25);
    expect(sheet.columnWidths.C).toBeCloseTo(87.75);
    expect(sheet.rowHeights[0]).toBe(30);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.validations).toEqual([{ range: "H6:H100", rule: { list: { inCellDropDown: true, source: "待复核,已确认,已忽略" } } }]);
    expect(sheet.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", printArea: "A1:J5" });
    expect(s.activeSheet).toBe("绩效自评表");
    // Sheet list + one batch; calculation and screen updating suspended for the batch.
    expect(host.syncCount).toBe(2);
    expect(host.suspended).toEqual({ calculation: 1, screenUpdating: 1 });
  });

  test("strings that look like formulas (or numbers, or dates) stay exactly the strings given", async () => {
    const host = createFakeOffice(smallWorkbook());
    await createExcelOps(host).writeLayouts([selfEvalLike()]);
    const sheet = host.snapshot().sheets.find((x) => x.name === "绩效自评表");
    expect(sheet?.values[3].slice(2, 8)).toEqual(['=HYPERLINK("http://evil","x")', "+86 123", "-5", "@user", "001", "2021-12-20"]);
    expect(sheet?.formulas.C4).toBeUndefined();
    expect(sheet?.formulas.D4).toBeUndefined();
  });

  test("an existing sheet is replaced where it stood, and the user's other sheets are untouched", async () => {
    const seed = smallWorkbook();
    seed.sheets.splice(1, 0, { name: "绩效自评表", values: [["旧的"], ["", "", "", "", "旧内容"]], merges: ["A1:C1"] });
    const host = createFakeOffice(seed);
    const before = host.snapshot().sheets.find((x) => x.name === "资金分配");
    await createExcelOps(host).writeLayouts([selfEvalLike()]);
    const s = host.snapshot();
    expect(s.sheets.map((x) => x.name)).toEqual(["项目信息", "绩效自评表", "资金分配", "空白", "偏移"]);
    const sheet = s.sheets[1];
    expect(sheet.values.flat()).not.toContain("旧内容");
    expect(sheet.merges).not.toContain("A1:C1");
    expect(s.sheets[2]).toEqual(before);
  });

  test("a workbook whose only sheet is the one being replaced", async () => {
    const host = createFakeOffice({ sheets: [{ name: "审核结果", values: [["旧"]] }] });
    await createExcelOps(host).writeLayouts([{ name: "审核结果", cells: [{ row: 0, col: 0, value: "新" }], merges: [], columnWidths: [] }]);
    expect(host.snapshot().sheets.map((x) => [x.name, x.values])).toEqual([["审核结果", [["新"]]]]);
  });

  test("on ExcelApi 1.7 it skips what the host lacks instead of failing", async () => {
    const host = createFakeOffice(smallWorkbook(), { excelApi: "1.7" });
    await createExcelOps(host).writeLayouts([selfEvalLike()]);
    const sheet = host.snapshot().sheets.find((x) => x.name === "绩效自评表");
    expect(sheet?.values[0][0]).toBe("（2021年度）项目支出绩效自评表");
    expect(sheet?.validations).toEqual([]);
    expect(host.suspended).toEqual({ calculation: 1, screenUpdating: 0 });
  });

  test("a large findings sheet is split so no request passes 5 MB", async () => {
    const cells: SheetLayout["cells"] = [];
    for (let r = 0; r < 30000; r++)
      for (let c = 0; c < 9; c++) cells.push({ row: r, col: c, value: c === 6 ? `支出明细第${r}行：支出内容“直通车推广”属于购买流量，请复核是否符合资金管理办法` : c === 0 ? r + 1 : `值${c}`, style: { border: "thin", wrap: c === 6 } });
    const host = createFakeOffice(smallWorkbook());
    await createExcelOps(host).writeLayouts([{ name: "审核结果", cells, merges: [], columnWidths: [6, 8, 20, 12, 14, 24, 60, 10, 24], frozenRows: 1 }]);
    const sheet = host.snapshot().sheets.find((x) => x.name === "审核结果");
    expect(sheet?.values).toHaveLength(30000);
    expect(sheet?.values[29999][6]).toMatch(/^支出明细第29999行/);
    expect(host.maxRequestBytes).toBeLessThan(5_000_000);
    expect(host.syncs.every((x) => !x.error)).toBe(true);
    expect(host.suspended.calculation).toBe(host.syncCount - 1);
    console.log(`30,000-row findings sheet: ${host.syncCount} syncs, largest request ${host.maxRequestBytes} B`);
  });
});
