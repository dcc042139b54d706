// SPEC §9: each check of a filled 绩效自评表 at its cell, one planted fault at a time.
import { hasReadableInput } from "../../../src/core/form/input";
import type { CellValue } from "../../../src/core/grid";
import { validateWorkbook } from "../../../src/core/validate";
import { pairs } from "../builders";
import { aForm } from "./form-builder";

const errors = (r: ReturnType<typeof validateWorkbook>): string[] => r.findings.filter((f) => f.severity === "error").map((f) => `${f.code}@${f.cell}`);

describe("a clean national form", () => {
  const r = validateWorkbook(aForm().build());

  it("is read as a form whatever the sheet is called: no sheet-missing, no error", () => {
    expect(errors(r)).toEqual([]);
    expect(pairs(r)).toEqual(["target-not-met@Sheet1!F14"]);
    expect(hasReadableInput(r)).toBe(true);
  });

  it("reads the header, the funding block, the goals and the indicators through the merged 一级 span", () => {
    const p = r.model.project;
    expect([p.name, p.department, p.implementer, p.year]).toEqual(["示例电商扶持资金", "示例市商务局", "示例市电商中心", 2022]);
    expect([p.budgetInitialFen, p.budgetFen, p.executedFen]).toEqual([100_000_000, 100_000_000, 95_000_000]);
    expect(r.model.form?.read.parts.map((x) => x.label)).toEqual(["当年财政拨款", "上年结转资金", "其他资金"]);
    expect([p.overallGoal, p.overallGoalActual]).toEqual(["支持电商企业 10 家", "支持 12 家"]);
    expect(r.model.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.typedScore])).toEqual([
      ["产出指标", "数量指标", "支持企业数", 30, 30], ["产出指标", "质量指标", "验收合格率", 20, 20],
      ["效益指标", "经济效益指标", "带动销售额", 30, 24], ["满意度指标", "服务对象满意度指标", "企业满意度", 10, 10],
    ]);
  });

  it("recomputes the evaluation (复核得分) and keeps the typed 总分 as the claimed score", () => {
    expect([r.evaluation.executionScore, r.evaluation.total, r.evaluation.grade]).toEqual([9.5, 93.5, "优"]);
    expect([r.summary.score, r.model.project.claimedScore]).toEqual([93.5, 93.5]);
  });
});

/** [what is planted, cells to set, the finding expected, nothing else as an error]. */
const PLANTED: [string, Record<string, CellValue>, string][] = [
  ["a 其中 row that does not add up to 年度资金总额", { E7: 10 }, "form-funding-sum-mismatch@Sheet1!E5"],
  ["a typed 执行率 that is not 执行数 / 预算数", { I5: 0.9 }, "form-execution-rate-mismatch@Sheet1!I5"],
  ["an execution score that is not min(rate, 1) × 分值 (the total typed to match it)", { J5: 10, H16: 94 }, "form-execution-score-mismatch@Sheet1!J5"],
  ["a 得分 over its 分值", { H13: 25, H16: 98.5 }, "score-over-weight@Sheet1!H13"],
  ["a 总分 that is not the sum", { H16: 95 }, "form-total-mismatch@Sheet1!H16"],
  ["a 自评等级 not the band of 总分", { I16: "自评等级：良" }, "form-grade-mismatch@Sheet1!I16"],
  ["a missed target scored in full", { H14: 30, H16: 99.5 }, "score-contradicts-actual@Sheet1!H14"],
  ["a numeric target with an actual that has no number", { F12: "完成" }, "actual-not-comparable@Sheet1!F12"],
  ["weights that do not total 100", { G15: 15, H15: 15, H16: 98.5 }, "weights-not-100@Sheet1!G16"],
  ["no actual", { F13: null }, "missing-actual@Sheet1!F13"],
  ["a target that says nothing measurable", { E13: "10家、5亿元" }, "unparseable-target@Sheet1!E13"],
  ["得分 below 分值 with no 偏差原因", { E15: "服务对象满意", F15: "满意", H15: 8, H16: 91.5 }, "missing-deviation-reason@Sheet1!I15"],
];

describe.each(PLANTED)("a form with %s", (_what, cells, expected) => {
  const r = validateWorkbook(aForm().set(cells).build());
  const code = expected.split("@")[0];

  it(`gives ${expected}`, () => {
    expect(pairs(r, code)).toEqual([expected]);
  });

  it("and no other error", () => {
    const errs = errors(r);
    expect(errs.filter((e) => e !== expected)).toEqual([]);
  });
});

describe("the county form whose 年度资金总额 row says 0 / 0 / 0 under a 其中 row of 90 / 89.974 / 89.974", () => {
  const r = validateWorkbook(aForm().set({ E5: 0, F5: 0, G5: 0, E6: 90, F6: 89.974, G6: 89.974, E7: null, F7: null, G7: null, I5: null, J5: null }).build());

  it("gives the funding-sum finding at each of the three total cells", () => {
    expect(pairs(r, "form-funding-sum-mismatch")).toEqual(["Sheet1!E5", "Sheet1!F5", "Sheet1!G5"].map((c) => `form-funding-sum-mismatch@${c}`));
    const f = r.findings.find((x) => x.cell === "Sheet1!F5")!;
    expect([f.actual, f.expected]).toEqual([0, 899740]);
  });
});

describe("the evaluation of a form is recomputed, not copied", () => {
  it("scores a missed quantitative target by §4 whatever the form typed, and keeps a typed score where §4 cannot score", () => {
    const r = validateWorkbook(aForm().set({ H14: 30, H16: 99.5, F12: "完成", H12: 28, I12: "部分企业退出" }).build());
    const byName = new Map(r.evaluation.indicators.map((i) => [i.name, i.score]));
    expect(byName.get("带动销售额")).toBe(24);
    expect(byName.get("支持企业数")).toBe(28);
    expect(r.model.project.claimedScore).toBe(99.5);
  });

  it("caps a typed score at its 分值", () => {
    const r = validateWorkbook(aForm().set({ F12: "完成", H12: 35, H16: 98.5 }).build());
    expect(r.evaluation.indicators[0].score).toBe(30);
  });
});

describe("a workbook with nothing readable", () => {
  it("is not readable: no input sheet, no form with an indicator row", () => {
    expect(hasReadableInput(validateWorkbook({ sheets: [{ name: "Sheet1", rows: [["随便写写"]] }] }))).toBe(false);
    const empty = aForm();
    empty.rows = empty.rows.slice(0, 11).concat([["总分", null, null, null, null, null, 100, 0, "自评等级：差"]]);
    empty.merges = [];
    expect(hasReadableInput(validateWorkbook(empty.build()))).toBe(false);
  });
});

describe("a national form without merges (labels in C, D blank; 一级 typed once)", () => {
  it("reads the same and adds up", () => {
    const f = aForm();
    f.merges = [];
    const r = validateWorkbook(f.set({ C5: "年度资金总额：" }).build());
    expect(r.model.form?.read.total?.label).toBe("年度资金总额");
    expect(r.model.form?.read.parts.map((p) => p.label)).toEqual(["当年财政拨款", "上年结转资金", "其他资金"]);
    expect(r.model.indicators.map((i) => i.level1)).toEqual(["产出指标", "产出指标", "效益指标", "满意度指标"]);
    expect(pairs(r)).toEqual(["target-not-met@Sheet1!F14"]);
  });
});
