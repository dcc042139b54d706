// The 绩效自评表 the product writes (SPEC §9 fidelity), the 资金来源 sheet, and a typed copy beside the input.
import type { CellValue } from "../../../src/core/grid";
import { toA1 } from "../../../src/core/grid";
import type { SheetLayout } from "../../../src/core/layout";
import { selfEvaluationLayout } from "../../../src/core/self-eval";
import { validateWorkbook } from "../../../src/core/validate";
import { aWorkbook, pairs } from "../builders";
import { layoutGrid } from "./form-builder";

const at = (l: SheetLayout, a1: string): CellValue | undefined => l.cells.find((c) => toA1(c.row, c.col) === a1)?.value;

describe("年度指标值 on the written form", () => {
  it("is 指标性质 + value + 度量单位 when the indicator sheet types them apart, never the bare number", () => {
    const b = aWorkbook().without("绩效指标");
    b.extraSheets.push({
      name: "绩效指标",
      rows: [
        ["一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "实际完成值", "分值"],
        ["产出指标", "数量指标", "支持企业数", "≥", 50, "个", "52个", 50],
        ["产出指标", "成本指标", "单户补助", "≤", 30, "万元", "28万元", 20],
        ["满意度指标", "服务对象满意度指标", "满意度", "=", 100, "%", "100%", 20],
      ],
    });
    const l = selfEvaluationLayout(validateWorkbook(b.build()));
    expect(["E12", "E13", "E14"].map((a) => at(l, a))).toEqual(["≥50个", "≤30万元", "=100%"]);
  });

  it("stays as typed when it says what it means", () => {
    const l = selfEvaluationLayout(validateWorkbook(aWorkbook().build()));
    expect(at(l, "E12")).toBe("3家以上");
  });
});

describe("全年执行数 on the written form", () => {
  it("is the sum in fen, not rate × budget", () => {
    const b = aWorkbook().withoutInfo("全年执行数").withoutInfo("当年财政拨款").withInfo("全年预算数", 9_876_543);
    b.recipients = [{ name: "示例农业电子商务有限公司", approved: 1_380_000, area: "农特产品上行" }];
    b.lines = [{ name: "示例农业电子商务有限公司", content: "网店平台升级", category: "平台建设", amount: 1_380_000 }];
    const l = selfEvaluationLayout(validateWorkbook(b.build()));
    expect(at(l, "G5")).toBe(138);
  });
});

describe("the 资金来源 sheet", () => {
  const withFunding = (executed: number) => {
    const b = aWorkbook().withInfo("年初预算数", 250000);
    b.extraSheets.push({ name: "资金来源", rows: [["资金来源", "年初预算数", "全年预算数", "全年执行数"], ["当年财政拨款", 200000, 250000, executed], ["单位资金", 50000, 50000, 50000]] });
    return validateWorkbook(b.build());
  };

  it("gives each funding row its own three figures, a province's own rows after the standard three", () => {
    const l = selfEvaluationLayout(withFunding(250000));
    expect(["C6", "E6", "F6", "G6"].map((a) => at(l, a))).toEqual(["其中：当年财政拨款", 20, 25, 25]);
    expect(["C7", "F7", "C8", "F8"].map((a) => at(l, a))).toEqual(["上年结转资金", null, "其他资金", null]);
    expect(["C9", "E9", "F9", "G9"].map((a) => at(l, a))).toEqual(["单位资金", 5, 5, 5]);
    expect(l.merges).toContainEqual({ top: 3, left: 0, bottom: 8, right: 1 });
  });

  it("must add up to 项目信息's figures: form-funding-sum-mismatch at the 资金来源 column", () => {
    const r = withFunding(240000);
    expect(pairs(r, "form-funding-sum-mismatch")).toEqual(["form-funding-sum-mismatch@资金来源!D1"]);
    const f = r.findings.find((x) => x.code === "form-funding-sum-mismatch")!;
    expect([f.actual, f.expected]).toEqual([300000, 290000]);
    expect(pairs(withFunding(250000), "form-funding-sum-mismatch")).toEqual([]);
  });
});

describe("项目信息's sources", () => {
  it("that do not add up to 全年预算数 give form-funding-sum-mismatch at 全年预算数", () => {
    const r = validateWorkbook(aWorkbook().withInfo("当年财政拨款", 200000).withInfo("上年结转资金", 50000).build());
    expect(pairs(r, "form-funding-sum-mismatch")).toEqual(["form-funding-sum-mismatch@项目信息!B7"]);
    expect(pairs(validateWorkbook(aWorkbook().withInfo("当年财政拨款", 250000).withInfo("上年结转资金", 50000).build()), "form-funding-sum-mismatch")).toEqual([]);
  });
});

describe("missing-execution-reason", () => {
  it("points at the 执行率偏差原因 row when 项目信息 has one", () => {
    const r = validateWorkbook(aWorkbook().withInfo("全年执行数", 200000).withInfo("执行率偏差原因", null).build());
    const cell = r.model.project.cells["执行率偏差原因"];
    expect(pairs(r, "missing-execution-reason")).toEqual([`missing-execution-reason@项目信息!${toA1(cell.row, cell.col)}`]);
  });
});

describe("a typed 绩效自评表 beside the input sheets (a previous fill's, edited by hand)", () => {
  const first = validateWorkbook(aWorkbook().build());
  const copy = () => layoutGrid(selfEvaluationLayout(first));

  it("as written: no form-mismatch", () => {
    const b = aWorkbook();
    b.extraSheets.push(copy());
    const r = validateWorkbook(b.build());
    expect(r.model.form?.role).toBe("copy");
    expect(pairs(r, "form-mismatch")).toEqual([]);
    expect(r.evaluation.total).toBe(first.evaluation.total);
  });

  it("edited: form-mismatch at each typed cell that differs (执行数, 执行率, 得分, 总分, 等级)", () => {
    const g = copy();
    g.rows[4][6] = 31; // 全年执行数 30 万元
    g.rows[4][8] = 0.9; // 执行率 100%
    g.rows[11][7] = 40; // 支持企业数 50
    g.rows[14][7] = 85; // 总分 100
    g.rows[14][8] = "自评等级：良";
    const b = aWorkbook();
    b.extraSheets.push(g);
    const r = validateWorkbook(b.build());
    expect(pairs(r, "form-mismatch")).toEqual(["G5", "I5", "H12", "H15", "I15"].map((c) => `form-mismatch@绩效自评表!${c}`));
    expect(r.evaluation.total).toBe(first.evaluation.total);
  });
});
