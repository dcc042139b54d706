// SPEC §8 totals: a row labelled with the region that holds the rows it closes (和田地区 above its
// counties) is a total, by level and sum or by the title's own region; a masked 本级单位** line is
// nothing. Assertions are exact code@cell lists.
import type { CellValue, WorkbookGrids } from "../../src/core/grid";
import type { ValidationResult } from "../../src/core/types";
import { pairs, run } from "./builders";

const one = (rows: CellValue[][]): WorkbookGrids => ({ sheets: [{ name: "Sheet1", rows }] });
/** 和田地区 2018 林业发展补助资金, as published (万元). */
const COUNTIES: [string, number][] = [["皮山县", 230], ["墨玉县", 503], ["和田县", 300], ["洛浦县", 236], ["策勒县", 160], ["于田县", 278], ["民丰县", 16], ["和田市", 274]];
const HEADER: CellValue[] = ["地县", "资金合计(万元)", "支出方向"];
const county = ([n, v]: [string, number]): CellValue[] => [n, v, "统筹整合"];
const table = (rows: CellValue[][], title = "2018年财政扶贫资金分配情况表"): ValidationResult => run(one([[title], HEADER, ...rows]));
const names = (r: ValidationResult): string[] => r.model.recipients.map((x) => x.name);
const WAN = 10000;

describe("a total row labelled with the parent region's name", () => {
  it("above its counties, equal to their sum: the grand total, checked, not a recipient", () => {
    const r = table([["和田地区", 1997, "统筹整合"], ...COUNTIES.map(county)]);
    expect(pairs(r)).toEqual(["role-absent@Sheet1!A1"]);
    expect(names(r)).toEqual(COUNTIES.map(([n]) => n));
    expect(r.summary.approved).toBe(1997 * WAN);
  });
  it("below its counties, equal to their sum", () => {
    const r = table([...COUNTIES.map(county), ["和田地区", 1997, "统筹整合"]]);
    expect(pairs(r)).toEqual(["role-absent@Sheet1!A1"]);
    expect(r.summary.recipients).toBe(8);
    expect(r.summary.approved).toBe(1997 * WAN);
  });
  it("in traditional characters and with spaces (和田 地區, 全 区)", () => {
    expect(table([["和田 地區", 1997], ...COUNTIES.map(county)]).summary.recipients).toBe(8);
    expect(table([...COUNTIES.map(county), ["全 区", 1997]]).summary.recipients).toBe(8);
  });
  it("after a 合计-closed block, the last region row closes only the rows since that 合计", () => {
    const r = table([["甲县", 100], ["乙县", 200], ["合计", 300], ["丙镇", 10], ["丁镇", 20], ["和田地区", 30]]);
    expect(names(r)).toEqual(["甲县", "乙县", "丙镇", "丁镇"]);
    expect(pairs(r)).toEqual(["role-absent@Sheet1!A1"]);
  });
});

describe("near misses stay data; the title's own region is checked as a total", () => {
  it("a region row whose amount differs from its counties' sum is a recipient (the label alone proves nothing without a gazetteer)", () => {
    const r = table([["和田地区", 2000, "统筹整合"], ...COUNTIES.map(county)]);
    expect(names(r)).toEqual(["和田地区", ...COUNTIES.map(([n]) => n)]);
    expect(r.summary.approved).toBe(3997 * WAN);
    expect(pairs(r)).toEqual(["role-absent@Sheet1!A1"]);
  });
  it("the same row when the title opens with 和田地区: a total that does not add up, one total-row-mismatch", () => {
    const r = table([["和田地区", 2000, "统筹整合"], ...COUNTIES.map(county)], "和田地区2018年林业发展补助资金分配表");
    expect(pairs(r)).toEqual(["total-row-mismatch@Sheet1!B3", "role-absent@Sheet1!A1"]);
    expect(r.summary.recipients).toBe(8);
    expect(r.findings.find((f) => f.code === "total-row-mismatch")?.message).toMatch(/2,?000\.00万元.*1,?997\.00万元/);
  });
  it("a title with a year first (2018年海东市…) names 海东市: its row above the counties is the total", () => {
    const r = table([["海东市", 300], ["乐都区", 100], ["平安区", 200]], "2018年海东市市级财政扶贫专项资金分配表");
    expect(names(r)).toEqual(["乐都区", "平安区"]);
    expect(pairs(r)).toEqual(["role-absent@Sheet1!A1"]);
  });
  it("a 市 above counties with their sum, the title not naming it, stays a recipient (a 市 may be a county-level city)", () => {
    const r = table([["海东市", 300], ["乐都区", 100], ["平安区", 200]]);
    expect(names(r)).toEqual(["海东市", "乐都区", "平安区"]);
  });
  it("a county-level city equal to its neighbours' sum is not swallowed, above or below", () => {
    expect(names(table([["洛浦县", 100], ["策勒县", 200], ["和田市", 300]]))).toEqual(["洛浦县", "策勒县", "和田市"]);
    expect(names(table([["和田市", 300], ["洛浦县", 100], ["策勒县", 200]]))).toEqual(["和田市", "洛浦县", "策勒县"]);
  });
  it("a 市 above its towns with their sum is their total (a town is below any city)", () => {
    expect(names(table([["和田市", 30], ["拉斯奎镇", 10], ["吉亚乡", 20]]))).toEqual(["拉斯奎镇", "吉亚乡"]);
  });
  it("peers at the same level are recipients: an autonomous region equal to the provinces above it", () => {
    expect(names(table([["河北省", 100], ["山西省", 200], ["新疆维吾尔自治区", 300]]))).toEqual(["河北省", "山西省", "新疆维吾尔自治区"]);
  });
  it("recipients that are not regions are never closed by a region row", () => {
    expect(names(table([["和田地区", 300], ["甲公司", 100], ["乙公司", 200]]))).toEqual(["和田地区", "甲公司", "乙公司"]);
  });
});

describe("masked placeholder rows (本级单位**)", () => {
  it("with no amount: not recipients, nothing reported", () => {
    const r = table([...COUNTIES.map(county), ["本级单位**"], ["本级单位**"], ["本级单位**", null, null]]);
    expect(pairs(r)).toEqual(["role-absent@Sheet1!A1"]);
    expect(r.summary.recipients).toBe(8);
  });
  it("a name without the mask and without an amount is still a recipient missing its amount", () => {
    const r = table([...COUNTIES.map(county), ["本级单位"]]);
    expect(pairs(r)).toEqual(["required-missing@Sheet1!B11", "role-absent@Sheet1!A1"]);
  });
  it("a masked name with an amount is data", () => {
    expect(table([...COUNTIES.map(county), ["本级单位**", 5]]).summary.recipients).toBe(9);
  });
});
