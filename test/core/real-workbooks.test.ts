// SPEC §8: real workbooks as they come — roles by content, header search, units, totals anywhere,
// the vocabulary, no cascade, cross-footing, merge repair. Assertions are exact code@cell lists.
import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/core/grid";
import { normalizeName } from "../../src/core/parse/text";
import { ALLOCATION_SHEET, INDICATOR_SHEET, PROJECT_KEYS, SPENDING_SHEET, type SheetDef } from "../../src/core/schema";
import { locateHeader, prepareSheet } from "../../src/core/sheet-reader";
import type { ValidationResult } from "../../src/core/types";
import { aWorkbook, pairs, run } from "./builders";

const all = (r: ValidationResult): string[] => pairs(r);
const one = (name: string, rows: CellValue[][], extra: Partial<SheetGrid> = {}): WorkbookGrids => ({ sheets: [{ name, rows, ...extra }] });
const sheetOf = (g: WorkbookGrids, name: string): SheetGrid => g.sheets.find((s) => s.name === name)!;

/** A county table as published: title, header, nine rows, 合计. */
const COUNTIES: [string, number][] = [["梁园区", 280], ["睢阳区", 280], ["示范区", 75], ["虞城县", 800], ["民权县", 815], ["睢 县", 732], ["宁陵县", 545], ["柘城县", 753], ["夏邑县", 720]];
const countyRows = (header: CellValue[] = ["县区名称", "市级资金(万元)", "备注"]): CellValue[][] => [["2019年市级财政扶贫资金分配情况表"], header, ...COUNTIES.map(([n, v]) => [n, v]), ["合计", 5000]];

describe("vocabulary: every alias of SPEC §8 finds its column", () => {
  const cases: [SheetDef<string>, string, string[]][] = [
    [ALLOCATION_SHEET, "district", ["地区", "地 区", "区县", "县区", "县市区", "县区名称", "县(市、区)", "县（市、区）", "所属区域", "所在地", "市州", "地市", "市县", "市县名称", "地县", "乡镇", "乡镇名称", "村名", "村", "市縣"]],
    [ALLOCATION_SHEET, "name", ["项目单位", "申报单位", "企业名称", "受助单位", "承担单位", "项目承担单位", "单位", "责任单位", "责任 单位", "实施单位", "项目实施单位", "建设单位"]],
    [ALLOCATION_SHEET, "project", ["项目名称", "项 目 名 称", "项目", "项目名", "建设项目"]],
    [ALLOCATION_SHEET, "approved", ["分配金额", "资金分配额", "安排金额", "下达金额", "拟下达金额", "补助金额", "奖补金额", "扶持金额", "市级资金", "省级资金", "中央资金", "2017年补助金额", "2024年度拟下达金额",
      "资金合计", "資金合計", "金额", "金额(万元)", "资金金额", "计划安排额度", "计划安排额度(万元)", "安排额度", "2017年補助金額",
      "投资规模", "投资 规模", "资金规模", "补助资金", "安排资金"]],
    [INDICATOR_SHEET, "target", ["指标值", "目标值", "年度目标值", "年初目标值"]],
    [INDICATOR_SHEET, "actual", ["完成值", "实际值", "实际完成情况"]],
    [INDICATOR_SHEET, "weight", ["权重"]],
    [INDICATOR_SHEET, "reason", ["未完成原因分析", "偏差原因"]],
    [INDICATOR_SHEET, "nature", ["计算符号"]],
    [INDICATOR_SHEET, "unit", ["计量单位"]],
  ];
  for (const [def, field, aliases] of cases) {
    for (const alias of aliases) {
      it(`${def.name} ${alias} -> ${field}`, () => {
        const m = locateHeader([["标题"], ["序号", alias, "其他"]], def);
        expect(m.row).toBe(1);
        expect((m.cols as Record<string, number>)[field]).toBe(1);
      });
    }
  }
  const keys: [string, string][] = [["调整后预算数", "全年预算数"], ["调整预算数", "全年预算数"], ["年初预算", "年初预算数"], ["预算执行数", "全年执行数"], ["执行数", "全年执行数"], ["本年财政拨款", "当年财政拨款"]];
  for (const [alias, key] of keys) {
    it(`项目信息 ${alias} -> ${key}`, () => {
      expect(PROJECT_KEYS.find((k) => k.aliases.includes(alias))?.key).toBe(key);
      const g = aWorkbook().withoutInfo(key).withInfo(alias, 300000).build();
      const r = run(g);
      expect(r.model.project.cells[key]).toBeDefined();
    });
  }
  it("traditional headers key as simplified: 序 號 -> 序号, 地 區 -> 区域, 備註 -> 备注, (萬元) is a unit", () => {
    const m = locateHeader([["序 號", "地 區", "資金合計(萬元)", "備註"]], ALLOCATION_SHEET);
    expect(m.cols).toEqual({ seq: 0, district: 1, name: 1, approved: 2, note: 3 });
    expect(m.units).toEqual({ approved: "wan" });
  });
  it("a repeated traditional header row (市縣 / 資金合計) is skipped, not read as a recipient", () => {
    const r = run(one("Sheet1", [["单位:万元"], ["市縣", "資金合計"], ["修武", 100], ["市縣", "資金合計"], ["博愛", 200]]));
    expect(all(r)).toEqual(["role-absent@Sheet1!A1"]);
    expect(r.summary.recipients).toBe(2);
  });
  it("a bare 金额 does not make a spending sheet an allocation table", () => {
    const r = run(one("Sheet1", [["单位名称", "支出内容", "金额"], ["甲公司", "直通车推广", 1200]]));
    expect(r.model.sheets).toEqual({ project: null, allocation: null, spending: "Sheet1", scope: null, indicators: null });
  });
  it("spending 单位名称 aliases", () => {
    for (const alias of ["项目单位", "受助单位", "单位"]) expect(locateHeader([[alias, "支出内容", "金额"]], SPENDING_SHEET).cols.name).toBe(0);
  });
});

describe("sheet roles by content", () => {
  it("a lone allocation table named Sheet1 is read as such: role-absent only", () => {
    const r = run(one("Sheet1", countyRows()));
    expect(all(r)).toEqual(["role-absent@Sheet1!A1"]);
    expect(r.model.sheets.allocation).toBe("Sheet1");
    expect(r.findings[0].message).toContain("项目信息、支出明细、绩效指标");
  });
  it("the template's sheets renamed are still found by their headers", () => {
    const g = aWorkbook().build();
    for (const [i, s] of g.sheets.entries()) s.name = `附件${i + 1}`;
    const r = run(g);
    expect(all(r)).toEqual([]);
    expect(r.model.sheets).toEqual({ project: "附件1", allocation: "附件2", spending: "附件3", scope: null, indicators: "附件4" });
  });
  it("spending lines without an allocation table: sheet-missing 资金分配 at A1 of the first sheet", () => {
    const g = aWorkbook().without("资金分配").without("项目信息").without("绩效指标").build();
    const r = run(g);
    expect(all(r).filter((x) => !x.startsWith("inferred-category"))).toEqual(["sheet-missing@支出明细!A1", "role-absent@支出明细!A1"]);
    expect(r.findings[0].message).toContain("资金分配");
  });
  it("no role at all: sheet-missing naming the roles looked for", () => {
    const r = run(one("Sheet1", [["随便写的内容"]]));
    expect(all(r)).toEqual(["sheet-missing@Sheet1!A1"]);
    expect(r.findings[0].message).toContain("项目信息、资金分配、支出明细、支出范围、绩效指标");
  });
  it("a filled 绩效自评表 alone: no sheet-missing, and it is not taken for 绩效指标", () => {
    const form: CellValue[][] = [
      ["项目支出绩效自评表"], ["项目名称", "示例"], ["项目资金(万元)", "年初预算数", "全年预算数"], ["年度总体目标", "预期目标"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"], ["产出指标", "数量指标", "企业数", "3家", "3家", 50, 50], ["总分", null, null, null, null, 100, 100],
    ];
    const r = run(one("Sheet1", form));
    expect(all(r).filter((x) => /^(sheet-missing|column-missing|role-absent)@/.test(x))).toEqual([]);
    expect(r.model.form?.role).toBe("input");
  });
});

describe("header search", () => {
  it("titles, 附件, 报表编号, （2022年度）, 表1： rows above the header are skipped", () => {
    const rows: CellValue[][] = [["附件2"], ["报表编号：510000_0013"], ["（2022年度）"], ["表1：贷款贴息"], ["单位：万元"], ...countyRows(["县区名称", "市级资金", "备注"]).slice(1)];
    const r = run(one("附件2", rows));
    expect(r.model.headerRows["附件2"]).toBe(4 + 1);
    expect(r.model.recipients).toHaveLength(9);
  });
  it("a two-row header with a merged group header: 省本级/金额", () => {
    const rows: CellValue[][] = [
      ["地区", "省本级", null, "备注"], [null, "补助金额", "比例", null],
      ...COUNTIES.slice(0, 3).map(([n, v]) => [n, v, "10%", null]),
    ];
    const merges = [{ top: 0, left: 1, bottom: 0, right: 2 }, { top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 3, bottom: 1, right: 3 }];
    const p = prepareSheet({ name: "Sheet1", rows, merges });
    const m = locateHeader(p.rows, ALLOCATION_SHEET, merges);
    expect(m.row).toBe(1);
    expect(m.headers[1]).toBe("省本级/补助金额");
    expect(m.cols.approved).toBe(1);
  });
  it("the row matching the most columns wins over an earlier partial one", () => {
    const m = locateHeader([["单位名称", "说明"], ["序号", "单位名称", "批复金额", "拨付金额"]], ALLOCATION_SHEET);
    expect(m.row).toBe(1);
  });
});

describe("units", () => {
  const approvedOf = (r: ValidationResult): number[] => r.model.recipients.map((x) => x.approvedFen ?? -1);
  for (const line of ["单位：万元", "金额单位：万元", "（单位：万元）", "单位:萬元"]) {
    it(`a unit line above the header: ${line}`, () => {
      const r = run(one("Sheet1", [["分配表"], [null, null, line], ["县区名称", "市级资金", "备注"], ["梁园区", 280]]));
      expect(approvedOf(r)).toEqual([280 * 1000000]);
      expect(pairs(r, "unit-suspect")).toEqual([]);
    });
  }
  it("a unit in the header: 市级资金(万元)", () => {
    const r = run(one("Sheet1", countyRows()));
    expect(r.summary.approved).toBe(50000000);
  });
  it("a unit in a group header: 项目资金（万元） over 补助金额", () => {
    const rows: CellValue[][] = [["地区", "项目资金（万元）", null], [null, "补助金额", "备注"], ["梁园区", 280, null]];
    const r = run(one("Sheet1", rows, { merges: [{ top: 0, left: 1, bottom: 0, right: 2 }, { top: 0, left: 0, bottom: 1, right: 0 }] }));
    expect(approvedOf(r)).toEqual([280 * 1000000]);
  });
  it("no unit anywhere and amounts like 万元: unit-suspect at the first amount header, amounts read in 元", () => {
    const r = run(one("Sheet1", [["县区名称", "补助金额"], ...COUNTIES.map(([n, v]) => [n, v])]));
    expect(all(r)).toEqual(["unit-suspect@Sheet1!B1", "role-absent@Sheet1!A1"]);
    expect(r.summary.approved).toBe(5000);
  });
  it("no unit anywhere and amounts like 元: no unit-suspect", () => {
    const r = run(one("Sheet1", [["县区名称", "补助金额"], ...COUNTIES.map(([n, v]) => [n, v * 1000])]));
    expect(pairs(r, "unit-suspect")).toEqual([]);
  });
  it("no unit anywhere and approvals adding up to under 10,000: unit-suspect, even with a median over 1,000", () => {
    const r = run(one("Sheet1", [["市县", "资金合计"], ["修武", 1116.7], ["博爱", 1150.9], ["沁阳", 1017.4], ["孟州", 865.8], ["中站", 502.5]]));
    expect(all(r)).toEqual(["unit-suspect@Sheet1!B1", "role-absent@Sheet1!A1"]);
  });
  it("单位 on the title line after spaces: …分配情况表       单位:万元", () => {
    const r = run(one("Sheet1", [["2022年资金分配情况表       单位:万元"], ["市县名称", "资金合计"], ["舞钢市", 154]]));
    expect(approvedOf(r)).toEqual([154 * 1000000]);
  });
  it("a 全年预算数 under 10,000 without 金额单位: unit-suspect at it", () => {
    const r = run(aWorkbook().withoutInfo("金额单位").withInfo("全年预算数", 30));
    expect(pairs(r, "unit-suspect")).toEqual(["unit-suspect@项目信息!B6"]);
  });
});

describe("total rows anywhere", () => {
  const table = (rows: CellValue[][]): ValidationResult => run(one("Sheet1", [["县区名称", "市级资金(万元)"], ...rows]));
  const data = COUNTIES.slice(0, 3).map(([n, v]) => [n, v] as CellValue[]);
  it("a 合计 above the data closes the rows below it", () => {
    expect(all(table([["合计", 635], ...data]))).toEqual(["role-absent@Sheet1!A1"]);
    expect(all(table([["合计", 636], ...data]))).toEqual(["total-row-mismatch@Sheet1!B2", "role-absent@Sheet1!A1"]);
    expect(table([["合计", 635], ...data]).model.recipients).toHaveLength(3);
  });
  it("a 合计 below closes the rows above it", () => {
    expect(all(table([...data, ["合计", 636]]))).toEqual(["total-row-mismatch@Sheet1!B5", "role-absent@Sheet1!A1"]);
  });
  it("nested: 小计 / 共计 close their groups, 合计 after them closes every row", () => {
    const rows = [data[0], data[1], ["小计", 560], data[2], ["共计", 75], ["合计", 635]];
    const r = table(rows);
    expect(all(r)).toEqual(["role-absent@Sheet1!A1"]);
    expect(r.model.recipients.map((x) => x.name)).toEqual(["梁园区", "睢阳区", "示范区"]);
    expect(all(table([data[0], data[1], ["小计", 561], data[2], ["共计", 75], ["合计", 635]]))).toEqual(["total-row-mismatch@Sheet1!B4", "role-absent@Sheet1!A1"]);
  });
  for (const word of ["合 计", "总　计", "总计", "共计", "累计", "总额", "合計", "總計", "小計", "共計"]) {
    it(`${word} is a total row, never a recipient`, () => {
      const r = table([...data, [word, 635]]);
      expect(r.model.recipients).toHaveLength(3);
      expect(all(r)).toEqual(["role-absent@Sheet1!A1"]);
    });
  }
  it("总分 closes an indicator table", () => {
    const g = aWorkbook().build();
    sheetOf(g, "绩效指标").rows.push(["总分", null, null, null, null, 90]);
    expect(all(run(g))).toEqual([]);
  });
  it("a total label after a 序号 number, before the first amount (yunfu's 总计)", () => {
    const r = run(one("Sheet1", [["序号", "县(市、区)", "项目单位", "拟下达金额"], [1, "罗定市", "甲公司", 100000], [2, "新兴县", "乙公司", 200000], [null, "总计", null, 300000]]));
    expect(r.model.recipients).toHaveLength(2);
    expect(all(r)).toEqual(["role-absent@Sheet1!A1"]);
  });
  it("an unlabelled total row: info, not a recipient", () => {
    const r = table([...data, [null, 635]]);
    expect(all(r)).toEqual(["role-absent@Sheet1!A1", "unlabelled-total-row@Sheet1!B5"]);
    expect(r.model.recipients).toHaveLength(3);
  });
});

describe("no cascade", () => {
  it("one column-missing at the header row listing what was found, nothing from the rows", () => {
    const r = run(one("资金分配", [["标题"], ["序号", "公司", "市级资金（万元）", "备注"], [1, "甲", "abc"], [2, "乙", null]]));
    expect(all(r)).toEqual(["column-missing@资金分配!A2", "role-absent@资金分配!A1"]);
    expect(r.findings[0].message).toContain("找到：序号、公司、市级资金（万元）、备注；缺少：单位名称");
  });
  it("a table lacking a column: rules needing it are skipped (no unknown-recipient flood, no score noise)", () => {
    const g = aWorkbook().build();
    sheetOf(g, "资金分配").rows[0][5] = "钱";
    expect(all(run(g))).toEqual(["column-missing@资金分配!A1"]);
  });
  it("an unreadable 支出明细 silences the spending checks only", () => {
    const g = aWorkbook().build();
    sheetOf(g, "支出明细").rows[0][2] = "摘要";
    expect(all(run(g))).toEqual(["column-missing@支出明细!A1"]);
  });
  it("placeholders / — —— - 无 in amount and score columns are blank", () => {
    const g = aWorkbook().build();
    const alloc = sheetOf(g, "资金分配");
    alloc.rows[1][6] = "/";
    alloc.rows[2][6] = "——";
    alloc.rows[3][6] = "无";
    sheetOf(g, "绩效指标").rows[1][7] = "-";
    const r = run(g);
    expect(all(r)).toEqual([]);
    expect(r.model.recipients.map((x) => x.disbursedFen)).toEqual([null, null, null]);
  });
});

describe("names with codes", () => {
  it("[105210]北京大学, 219-池州市…, 105210 北京大学 match without the code", () => {
    expect(["[105210]北京大学", "105210 北京大学", "105210北京大学", "（105210）北京大学"].map(normalizeName)).toEqual(["北京大学", "北京大学", "北京大学", "北京大学"]);
    expect(normalizeName("219-池州市贵池区棠溪镇人民政府")).toBe("池州市贵池区棠溪镇人民政府");
    expect(normalizeName("58同城")).toBe("58同城");
  });
  it("a spending line for 105210 北京大学 belongs to [105210]北京大学", () => {
    const g = aWorkbook().build();
    sheetOf(g, "资金分配").rows[1][2] = "[105210]示例农业电子商务有限公司";
    const r = run(g);
    expect(all(r)).toEqual([]);
  });
});

describe("cross-footing", () => {
  const header = ["序号", "地区", "2017年补助金额", "2016年提前下达", "2017年实际下达"];
  const rows = (n: number): CellValue[][] => Array.from({ length: n }, (_, i) => [i + 1, `县${i + 1}`, 300 + i * 10, 100 + i * 10, 200]);
  it("a = b + c on every row: nothing", () => {
    expect(all(run(one("Sheet1", [["单位：万元"], header, ...rows(6)])))).toEqual(["role-absent@Sheet1!A1"]);
  });
  it("a broken row is row-arithmetic-mismatch (E) at its cell of a, quoting the relation", () => {
    const body = rows(6);
    body[3][2] = 999;
    const r = run(one("Sheet1", [["单位：万元"], header, ...body]));
    expect(all(r)).toEqual(["row-arithmetic-mismatch@Sheet1!C6", "role-absent@Sheet1!A1"]);
    const f = r.findings[0];
    expect(f.severity).toBe("error");
    expect(f.message).toContain("2017年补助金额 = 2016年提前下达 + 2017年实际下达");
    expect([f.expected, f.actual]).toEqual([3300000, 9990000]);
  });
  it("a constant ratio (拟下达 = 36.2% × 入库) holds within 0.5 %: nothing; a broken row is a warning", () => {
    const base: [number, number][] = [[100, 36.2], [100, 36.2], [30.69, 11.11], [50.54, 18.29], [100, 36.2], [80, 28.96]];
    const table = (pairs2: [number, number][]): CellValue[][] => [["序号", "县(市、区)", "项目单位", "入库金额", "拟下达金额", "自筹金额"], ...pairs2.map(([a, b], i) => [i + 1, "罗定市", `公司${i}`, a, b, 7 + i * 3])];
    expect(all(run(one("Sheet1", table(base))))).toEqual(["unit-suspect@Sheet1!E1", "role-absent@Sheet1!A1"]);
    const broken = base.map((x) => [...x] as [number, number]);
    broken[2][1] = 20;
    const r = run(one("Sheet1", table(broken)));
    expect(all(r)).toEqual(["unit-suspect@Sheet1!E1", "row-arithmetic-mismatch@Sheet1!E4", "role-absent@Sheet1!A1"]);
    expect(r.findings.find((f) => f.code === "row-arithmetic-mismatch")?.severity).toBe("warning");
  });
  it("fewer than 5 rows: no relation is inferred", () => {
    const body = rows(4);
    body[1][2] = 999;
    expect(pairs(run(one("Sheet1", [["单位：万元"], header, ...body])), "row-arithmetic-mismatch")).toEqual([]);
  });
});

describe("overlapping merged ranges (WPS)", () => {
  it("are repaired on read, outermost wins, one merge-repaired per sheet", () => {
    const g = aWorkbook().build();
    sheetOf(g, "资金分配").merges = [{ top: 1, left: 1, bottom: 3, right: 1 }, { top: 2, left: 1, bottom: 2, right: 1 }, { top: 3, left: 1, bottom: 3, right: 1 }];
    const r = run(g);
    expect(all(r)).toEqual(["merge-repaired@资金分配!A1"]);
    expect(r.findings[0].message).toContain("B3、B4");
    expect(r.model.recipients.map((x) => x.district)).toEqual(["甲区", "甲区", "乙区"]);
  });
});
