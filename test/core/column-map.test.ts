// The column map (SPEC §8): its parser's located messages, and a map overriding detection.
import type { CellValue, WorkbookGrids } from "../../src/core/grid";
import { parseColumnMap, type ColumnMap } from "../../src/core/column-map";
import { headerKey } from "../../src/core/sheet-reader";
import { pairs, run } from "./builders";

const parse = (json: unknown) => parseColumnMap(json, headerKey);

describe("parseColumnMap", () => {
  it("accepts the SPEC example", () => {
    const map = { sheets: { 资金分配: { sheet: "Sheet1", headerRow: 3, unit: "万元", columns: { 单位名称: "项目单位", 批复金额: "E" } } } };
    expect(parse(map)).toEqual({ map, errors: [] });
  });
  it("says where each problem is", () => {
    const res = parse({ sheets: { 资金分配: { headerRow: "3", unit: "千元", columns: { 钱: "E", 单位名称: "" } }, 汇总: {} }, extra: 1 });
    expect(res.map).toBeNull();
    expect(res.errors.map((e) => e.path)).toEqual(["extra", "sheets.资金分配.headerRow", "sheets.资金分配.unit", "sheets.资金分配.columns.钱", "sheets.资金分配.columns.单位名称", "sheets.汇总"]);
  });
  it("rejects what is not an object", () => {
    expect(parse([]).errors).toEqual([{ path: "(根)", message: expect.stringContaining("JSON 对象") }]);
    expect(parse({ sheets: 1 }).errors.map((e) => e.path)).toEqual(["sheets"]);
  });
});

describe("a map overrides detection for its role only", () => {
  // Headers nobody could guess: 收款方 / 钱 (E); unit nowhere.
  const grids = (): WorkbookGrids => ({
    sheets: [{ name: "Sheet1", rows: [["标题"], ["说明"], ["序号", "收款方", "摘要", "备注", "钱"], [1, "甲公司", null, null, 3], [2, "乙公司", null, null, 5]] as CellValue[][] }],
  });
  it("without a map: no role is found", () => {
    expect(pairs(run(grids()))).toEqual(["sheet-missing@Sheet1!A1"]);
  });
  it("with a map: sheet, header row, unit and columns by text and by letter", () => {
    const columnMap: ColumnMap = { sheets: { 资金分配: { sheet: "Sheet1", headerRow: 3, unit: "万元", columns: { 单位名称: "收款方", 批复金额: "E" } } } };
    const r = run(grids(), { columnMap });
    expect(pairs(r)).toEqual(["role-absent@Sheet1!A1"]);
    expect(r.model.recipients.map((x) => [x.name, x.approvedFen])).toEqual([["甲公司", 3000000], ["乙公司", 5000000]]);
  });
  it("a mapped header that is not there: one column-missing naming it", () => {
    const columnMap: ColumnMap = { sheets: { 资金分配: { sheet: "Sheet1", headerRow: 3, columns: { 单位名称: "受款人", 批复金额: "E" } } } };
    const r = run(grids(), { columnMap });
    expect(pairs(r)).toEqual(["column-missing@Sheet1!A3", "role-absent@Sheet1!A1"]);
    expect(r.findings[0].message).toContain("受款人");
  });
  it("a mapped sheet the workbook lacks: sheet-missing naming it", () => {
    const r = run(grids(), { columnMap: { sheets: { 资金分配: { sheet: "Sheet9" } } } });
    expect(pairs(r)).toEqual(["sheet-missing@Sheet1!A1"]);
    expect(r.findings[0].message).toContain("Sheet9");
  });
});
