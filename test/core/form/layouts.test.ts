// Variants of the 绩效自评表 seen in published forms: a 分值 column before 指标值 with a funding
// header of 全年预算数 (A) / 全年执行数 (B) only, and a municipal form with no 分值 column whose
// weights stand in the 一级 labels (产出指标 (60 分)) and the funding block's label (20 分).
import type { CellValue, WorkbookGrids } from "../../../src/core/grid";
import { pairs, run } from "../builders";

const S = "自评表";
const grids = (rows: CellValue[][]): WorkbookGrids => ({ sheets: [{ name: S, rows }] });

describe("a form with 分值 before 指标值 and no 年初预算数 column", () => {
  const r = run(grids([
    ["绩效目标自评表"],
    ["(2022年度)"],
    ["项目名称", "水标尺"],
    ["主管部门", "水利局", null, null, "实施单位", "水利局"],
    ["资金情况(万元)", null, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
    [null, "年度资金总额:", 20, 20, 10, "100.00%", 10],
    [null, "其中:本年财政拨款", 20, 20],
    ["年度总体目标", "年初设定目标", null, null, "年度总体目标完成情况综述"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"],
    [null, "产出指标(50分)", "数量指标", "安装水标尺", 50, "≥266米", "≥266米", 50],
    [null, "效益指标(30分)", "经济效益指标"],
    [null, null, "社会效益指标", "受益人口", 30, "≥1000人", "≥1000人", 30],
    [null, "满意度指标(10分)", "服务对象满意度指标", "满意度", 10, "≥95%", "≥95%", 10],
    ["总分", null, null, null, 100, null, null, 100],
  ]));

  it("reads the funding block (万元) with its 分值 and the indicators with their 分值", () => {
    const p = r.model.project;
    expect([p.budgetFen, p.executedFen, p.executionWeight, p.claimedScore]).toEqual([20_000_000, 20_000_000, 10, 100]);
    expect(r.model.indicators.map((i) => [i.name, i.weight, i.typedScore])).toEqual([["安装水标尺", 50, 50], ["受益人口", 30, 30], ["满意度", 10, 10]]);
  });

  it("reports nothing on a consistent form", () => {
    expect(r.findings.filter((f) => f.severity === "error").map((f) => f.code)).toEqual([]);
  });

  it("puts weights-not-100 at the 总分 row's 分值 when that row types one", () => {
    const over = run(grids([
      ["资金情况(万元)", null, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
      [null, "年度资金总额:", 20, 20, 10, "100.00%", 10],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分"],
      [null, "产出指标", "数量指标", "安装水标尺", 100, "≥266米", "≥266米", 100],
      ["总分", null, null, null, 100, null, null, 100],
    ]));
    expect(pairs(over, "weights-not-100")).toEqual([`weights-not-100@${S}!E5`]);
    expect(pairs(over, "form-total-mismatch")).toEqual([`form-total-mismatch@${S}!H5`]);
  });
});

describe("a form with no 分值 column: weights in the 一级 labels", () => {
  const rows = (execLabel: string): CellValue[][] => [
    ["2020 年项目自评表"],
    ["项目名称", "服务贸易发展资金"],
    [execLabel, null, "预算数 (A)", "执行数(B)", "执行率(B/A)", "得分 (20 分*执行率)"],
    [null, "年度财政资金总额", 285.84, 285.84, "100%", 20],
    ["年度绩效目标 (80 分)", "一级指标", "二级指标", "三级指标", "年初目标值 (A)", "实际完成值 (B)", "得分", "偏差大或目标未完成原因分析"],
    [null, "产出指标 (60 分)", "数量指标", "企业数量", 3, 3, 30],
    [null, null, null, "外包金额(万美元)", 4500, 4557.51, 30],
    [null, "效益指标 (20 分)", "社会效益指标", "走出去作用", "有利", "有利", 20],
    ["总分", null, null, null, null, null, 100],
  ];

  it("shares a group's weight equally among its rows and takes 20 分 from the funding label", () => {
    const r = run(grids(rows("预算执行情况(万元) (20 分)")));
    const p = r.model.project;
    expect([p.budgetFen, p.executedFen, p.executionWeight]).toEqual([285_840_000, 285_840_000, 20]);
    expect(r.model.indicators.map((i) => [i.name, i.weight])).toEqual([["企业数量", 30], ["外包金额(万美元)", 30], ["走出去作用", 20]]);
    expect(r.findings.filter((f) => f.severity === "error").map((f) => f.code)).toEqual([]);
  });

  it("puts weights-not-100 at the indicator block's label when the labels add up wrong", () => {
    const r = run(grids(rows("预算执行情况(万元) (30 分)")));
    expect(pairs(r, "weights-not-100")).toEqual([`weights-not-100@${S}!A5`]);
    expect(r.model.project.executionWeight).toBe(30);
  });
});
