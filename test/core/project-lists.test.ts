// SPEC §8, issue #12: project lists (recipient + project + amount) read as allocation tables,
// duplicates keyed on (recipient, project), a “三公” table said plainly, no cascade from a name
// that cannot be read. Assertions are exact code@cell lists.
import { CellError, UNCALCULATED_FORMULA, type CellValue, type WorkbookGrids } from "../../src/core/grid";
import { aWorkbook, pairs, run } from "./builders";

const one = (rows: CellValue[][], merges: WorkbookGrids["sheets"][number]["merges"] = []): WorkbookGrids => ({ sheets: [{ name: "Sheet1", rows, merges }] });
const title = { top: 0, left: 0, bottom: 0, right: 5 };

/** 醴陵 2019 as published: a project list, no unit, 责任单位 names who gets the money. */
const LILING: CellValue[][] = [
  ["2019年醴陵市本级财政专项扶贫资金分配表"],
  ["序号", "项目名称", "建设地点", "建设内容", "投资规模", "责任单位"],
  [1, "农业特色产业发展项目", "全市24个镇/", "发展农业特色产业", 660, "扶贫办"],
  [2, "贫困村危桥改造", "左权、沩山、茶山、官庄", "危桥改造", 251, "交通局"],
  [3, "贫困村村组联通公路", "均楚、明月、茶山、板杉、官庄、枫林", "公路建设", 39, "交通局"],
  [4, "彰仙岭廊桥建设项目", "枫林镇", "廊桥建设", 120, "枫林镇"],
  [5, "雨露计划", "职业学校", "贫困生职业教育补助", 130, "扶贫办"],
];

describe("a project list is the allocation table, one row per project", () => {
  it("责任单位 names the recipients, 投资规模 the amounts; the absent roles are one role-absent", () => {
    const r = run(one(LILING, [title]));
    expect(pairs(r)).toEqual(["unit-suspect@Sheet1!E2", "role-absent@Sheet1!A1"]);
    expect(r.model.sheets.allocation).toBe("Sheet1");
    expect(r.model.recipients.map((x) => [x.name, x.project, x.approvedFen])).toEqual([
      ["扶贫办", "农业特色产业发展项目", 66000], ["交通局", "贫困村危桥改造", 25100], ["交通局", "贫困村村组联通公路", 3900],
      ["枫林镇", "彰仙岭廊桥建设项目", 12000], ["扶贫办", "雨露计划", 13000],
    ]);
  });
  it("a title merged across the table is no group header: the amount header is 投资规模, not 标题/投资规模", () => {
    const r = run(one(LILING, [title]));
    expect(r.findings.find((f) => f.code === "unit-suspect")?.message).toContain("「投资规模」");
  });
  it("a 备注: line under the table is a note, not a recipient", () => {
    const rows = [...LILING.slice(0, 3), [], ["备注:每个具体项目建设情况由责任单位另行公告公示。", "备注:每个具体项目建设情况由责任单位另行公告公示。"]];
    const r = run(one(rows));
    expect(r.summary.recipients).toBe(1);
    expect(pairs(r, "invalid-amount")).toEqual([]);
  });
});

describe("duplicate-recipient with a project column", () => {
  const rows = (second: string): CellValue[][] => [["序号", "村名", "项目名称", "资金金额"], [1, "苗儿村", "道路硬化", 20], [2, "苗儿村", second, 15]];
  it("one village, two projects: not a duplicate", () => {
    expect(pairs(run(one(rows("安全饮水"))), "duplicate-recipient")).toEqual([]);
  });
  it("one village, the same project twice: a duplicate, naming both columns", () => {
    const r = run(one(rows("道 路 硬 化")));
    expect(pairs(r, "duplicate-recipient")).toEqual(["duplicate-recipient@Sheet1!B3"]);
    expect(r.findings.find((f) => f.code === "duplicate-recipient")?.message).toContain("单位名称和项目名称");
  });
  it("without a project column the same name twice is still a duplicate", () => {
    const r = run(one([["序号", "村名", "资金金额"], [1, "苗儿村", 20], [2, "苗儿村", 15]]));
    expect(pairs(r, "duplicate-recipient")).toEqual(["duplicate-recipient@Sheet1!B3"]);
  });
  it("the template gains no 项目名称 column: it is read from real tables only", () => {
    const g = aWorkbook().build();
    const alloc = g.sheets.find((s) => s.name === "资金分配");
    expect(alloc?.rows[0]).not.toContain("项目名称");
  });
});

describe("no cascade from a name that cannot be read", () => {
  const uncalculated = new CellError(UNCALCULATED_FORMULA);
  it("an allocation name never calculated: one cell-error, no unknown-recipient for its lines", () => {
    const b = aWorkbook();
    b.recipients[2].name = uncalculated as unknown as string;
    expect(pairs(run(b))).toEqual(["cell-error@资金分配!C4"]);
  });
  it("a spending name never calculated: one cell-error, no spend-under-disbursed for the recipient it may be", () => {
    const b = aWorkbook();
    b.lines[3].name = uncalculated as unknown as string;
    expect(pairs(run(b))).toEqual(["cell-error@支出明细!B5"]);
  });
  it("a shortfall larger than every nameless line together is still reported", () => {
    const b = aWorkbook();
    b.lines[3].name = uncalculated as unknown as string;
    b.lines[2].amount = 100000;
    expect(pairs(run(b))).toEqual(["cell-error@支出明细!B5", "spend-under-disbursed@资金分配!G3"]);
  });
  it("an unmatched name is still unknown-recipient when every allocation name was read", () => {
    const r = run(aWorkbook().withLine({ name: "不存在的公司", content: "网店平台升级", amount: 100 }));
    expect(pairs(r, "unknown-recipient")).toEqual(["unknown-recipient@支出明细!B7"]);
  });
});

describe("a “三公” table is not a fund's table", () => {
  const rows: CellValue[][] = [
    ["2015年桂林市司法局部门“三公”经费情况统计表"], [null, "单位:万元"], ["项 目", "本年预算数", "其中:公共预算财政拨款"],
    ["合 计", 34.35, 34.35], ["1.因公出国(境)费用", 0, 0], ["2.公务接待费", 1.7, 1.7], ["3.公务用车费", 0, 0],
  ];
  it("one sheet-missing at A1 saying what it is and the header found; no money read", () => {
    const r = run(one(rows));
    expect(pairs(r)).toEqual(["sheet-missing@Sheet1!A1"]);
    expect(r.findings[0].message).toContain("“三公”经费表");
    expect(r.findings[0].message).toContain("Sheet1 第 3 行：项 目、本年预算数、其中:公共预算财政拨款");
    expect([r.summary.recipients, r.summary.lines, r.summary.approved, r.summary.spent]).toEqual([0, 0, 0, 0]);
  });
  it("an unknown table names its header row, without calling it 三公", () => {
    const r = run(one([["某某统计表"], ["指标", "数值", "说明"], ["甲", 1, "乙"]]));
    expect(pairs(r)).toEqual(["sheet-missing@Sheet1!A1"]);
    expect(r.findings[0].message).toContain("找到的表头：Sheet1 第 2 行：指标、数值、说明");
    expect(r.findings[0].message).not.toContain("三公");
  });
});

describe("spending of a recipient with several projects", () => {
  const alloc: CellValue[][] = [["序号", "项目名称", "单位名称", "批复金额"], [1, "农业特色产业", "扶贫办", 660], [2, "危桥改造", "交通局", 251], [3, "雨露计划", "扶贫办", 130]];
  const spending = (amounts: number[]): CellValue[][] => [["单位名称", "支出内容", "金额"], ...amounts.map((a, i) => [i === 1 ? "交通局" : "扶贫办", "工程款", a])];
  const book = (amounts: number[]): WorkbookGrids => ({ sheets: [{ name: "资金分配", rows: alloc }, { name: "支出明细", rows: spending(amounts) }] });
  it("is checked against all its rows together: 700 + 90 = 660 + 130, nothing at either row", () => {
    const r = run(book([700, 251, 90]));
    expect(pairs(r).filter((x) => /spend|no-spending|duplicate/.test(x))).toEqual([]);
  });
  it("over the rows together: one spend-over-disbursed at the first row, with their sum as the limit", () => {
    const r = run(book([700, 251, 100]));
    expect(pairs(r).filter((x) => /spend|no-spending|duplicate/.test(x))).toEqual(["spend-over-disbursed@资金分配!D2"]);
    expect(r.findings.find((f) => f.code === "spend-over-disbursed")?.message).toMatch(/790/);
  });
});
