// The column-map dialog's pure side (SPEC §8 column map): roles to offer, header guesses, the
// preview as the engine reads it, and the map it builds being the CLI's map.
import type { CellValue, SheetGrid } from "../../src/core/grid";
import { parseColumnMap } from "../../src/core/column-map";
import { columnMapJson, columnRef, guessHeaderRow, headersInRow, previewColumnMap, rolesToMap, withEntry } from "../../src/core/column-map-preview";
import { headerKey } from "../../src/core/sheet-reader";
import { pairs, run } from "./builders";

// A title, a unit line, headers nobody could guess, data with a total row, a placeholder and a bad amount.
const sheet = (): SheetGrid => ({
  name: "资金分配",
  rows: [
    ["2021年资金安排表"],
    ["单位：万元"],
    ["序号", "受款方", "所在县", "核定数", "备注", "受款方"],
    [1, "甲公司", "资阳区", 3, null, "x"],
    [null, null, null, null, null, null],
    [2, "乙公司", "赫山区", "5.5万元", "补", "y"],
    [3, "丙公司", "赫山区", "—", null, null],
    [4, "丁公司", "资阳区", "很多", null, null],
    ["合计", null, null, 8.5, null, null],
    [5, "戊公司", "资阳区", 1, null, null],
  ] as CellValue[][],
});

describe("rolesToMap", () => {
  it("offers the role of a column-missing sheet and the roles a sheet-missing names, in role order", () => {
    const sheets = { project: "项目信息", allocation: "资金分配", spending: null, scope: null, indicators: null };
    expect(rolesToMap([{ code: "column-missing", sheet: "资金分配", message: "" }], sheets)).toEqual(["资金分配"]);
    expect(rolesToMap([{ code: "sheet-missing", sheet: "Sheet1", message: "缺少工作表「支出明细」" }, { code: "column-missing", sheet: "资金分配", message: "" }], sheets)).toEqual(["资金分配", "支出明细"]);
    expect(rolesToMap([{ code: "column-missing", sheet: "项目信息", message: "" }, { code: "invalid-amount", sheet: "资金分配", message: "资金分配" }], sheets)).toEqual([]);
  });
});

describe("header guesses", () => {
  it("takes the row with the most labels when the engine recognises none", () => {
    const g: SheetGrid = { name: "x", rows: [["标题"], [null, "单位：元"], ["收款方", "核定数", "附注"], ["甲", 1, null]] };
    expect(guessHeaderRow(g, "资金分配")).toEqual({ headerRow: 3, recognised: false });
  });
  it("takes the engine's header row when it recognises one (序号, 备注 here)", () => {
    expect(guessHeaderRow(sheet(), "资金分配")).toEqual({ headerRow: 3, recognised: true });
    const g: SheetGrid = { name: "x", rows: [["标题", "说明", "其他", "更多"], ["单位名称", "批复金额"], ["甲", 1]] };
    expect(guessHeaderRow(g, "资金分配")).toEqual({ headerRow: 2, recognised: true });
  });
  it("lists a row's header cells with their letters", () => {
    expect(headersInRow(sheet(), "资金分配", 3).map((h) => `${h.letter}:${h.text}`)).toEqual(["A:序号", "B:受款方", "C:所在县", "D:核定数", "E:备注", "F:受款方"]);
  });
  it("names a column by its text unless the text repeats in the row", () => {
    const h = headersInRow(sheet(), "资金分配", 3);
    expect([columnRef(h, 3), columnRef(h, 1), columnRef(h, 5), columnRef(h, 9)]).toEqual(["核定数", "B", "F", "J"]);
  });
});

describe("previewColumnMap", () => {
  it("without columns: nothing to read, the required fields listed as missing", () => {
    const p = previewColumnMap(sheet(), "资金分配", { headerRow: 3 }, "yuan");
    expect(p.missing).toEqual(["单位名称", "批复金额"]);
    expect(p.rows).toEqual([]);
  });
  it("reads the first rows as the engine does: blanks, totals skipped; the unit line applied; bad amounts flagged", () => {
    const p = previewColumnMap(sheet(), "资金分配", { headerRow: 3, columns: { 单位名称: "B", 批复金额: "核定数", 区域: "所在县" } }, "yuan");
    expect(p.missing).toEqual([]);
    expect(p.unresolved).toEqual([]);
    const shown = p.fields.filter((f) => f.col !== null);
    expect(shown.map((f) => `${f.header}:${f.col}:${f.unit}`)).toEqual(["序号:0:null", "区域:2:null", "单位名称:1:null", "批复金额:3:wan", "备注:4:null"]);
    expect(p.rows.map((r) => [r.row, ...r.cells.map((c) => (c.unreadable ? `!${c.text}` : c.text))])).toEqual([
      [4, "1", "资阳区", "甲公司", "¥30,000.00", ""],
      [6, "2", "赫山区", "乙公司", "¥55,000.00", "补"],
      [7, "3", "赫山区", "丙公司", "—", ""],
      [8, "4", "资阳区", "丁公司", "!很多", ""],
      [10, "5", "资阳区", "戊公司", "¥10,000.00", ""],
    ]);
  });
  it("the map's unit wins over the unit line; a reference to no column is unresolved", () => {
    const p = previewColumnMap(sheet(), "资金分配", { headerRow: 3, unit: "元", columns: { 单位名称: "收款人", 批复金额: "D" } }, "wan", 1);
    expect(p.unresolved).toEqual(["单位名称（映射为「收款人」）"]);
    expect(p.fields.find((f) => f.header === "批复金额")?.unit).toBe("yuan");
  });
  it("agrees with validation: the preview's rows are the recipients the engine reads", () => {
    const entry = { sheet: "资金分配", headerRow: 3, columns: { 单位名称: "B", 批复金额: "核定数" } };
    const r = run({ sheets: [sheet()] }, { columnMap: { sheets: { 资金分配: entry } } });
    const p = previewColumnMap(sheet(), "资金分配", entry, "yuan", 10);
    const name = p.fields.filter((f) => f.col !== null).findIndex((f) => f.header === "单位名称");
    expect(r.model.recipients.map((x) => x.name)).toEqual(p.rows.map((row) => row.cells[name].text));
    expect(pairs(r)).toEqual(["required-missing@资金分配!D7", "invalid-amount@资金分配!D8", "role-absent@资金分配!A1"]);
  });
});

describe("the map the dialog builds", () => {
  it("replaces one role's entry, drops an empty one, and exports JSON the CLI's parser accepts unchanged", () => {
    const a = withEntry(undefined, "资金分配", { sheet: "资金分配", headerRow: 3, columns: { 单位名称: "B", 批复金额: "核定数" } });
    const b = withEntry(a, "支出明细", { sheet: "Sheet2" });
    expect(Object.keys(b.sheets)).toEqual(["资金分配", "支出明细"]);
    expect(withEntry(b, "支出明细", {}).sheets).toEqual(a.sheets);
    const json = columnMapJson(b);
    expect(json.endsWith("}\n")).toBe(true);
    expect(parseColumnMap(JSON.parse(json), headerKey)).toEqual({ map: b, errors: [] });
  });
});
