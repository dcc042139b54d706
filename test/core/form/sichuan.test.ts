// The real Sichuan 部门预算项目支出绩效自评表 (青神县发展和改革局, 2023, form 510000_0013zp): the
// provincial columns 指标性质 / 指标值 / 度量单位 / 完成值 / 权重 / 得分 / 未完成原因分析.
import * as path from "path";
import { readXlsxFile } from "../../../src/cli/xlsx";
import { hasReadableInput } from "../../../src/core/form/input";
import type { ValidationResult } from "../../../src/core/types";
import { validateWorkbook } from "../../../src/core/validate";
import { pairs } from "../builders";

const FILE = path.join(__dirname, "../../fixtures/form/sichuan-qingshen-2023-selfeval-form.xlsx");
const S = "部门预算项目支出绩效自评表";

describe("the real Sichuan form", () => {
  let r: ValidationResult;
  beforeAll(async () => {
    r = validateWorkbook(await readXlsxFile(FILE));
  });

  it("is read as a form: no sheet-missing, readable for fill", () => {
    expect(r.model.form?.role).toBe("input");
    expect(hasReadableInput(r)).toBe(true);
  });

  it("reads the header block and the funding block in 万元 (调整后预算数 / 预算执行数)", () => {
    const p = r.model.project;
    expect([p.name, p.department, p.implementer, p.year]).toEqual(["51000021R000000019951-工资性支出", "青神县发展和改革局本级", "青神县发展和改革局", 2023]);
    expect([p.budgetInitialFen, p.budgetFen, p.executedFen, p.executionWeight]).toEqual([238_930_000, 251_890_000, 251_890_000, 10]);
    expect(r.model.form?.read.parts.map((x) => [x.label, x.fen.budget])).toEqual([["财政资金", 251_890_000], ["财政专户管理资金", 0], ["单位资金", 0], ["其他资金", null]]);
    expect(r.model.form?.read.executionRate?.value).toBe(1);
  });

  it("reads its two indicators with 指标性质 + 指标值 + 度量单位 and their 权重", () => {
    expect(r.model.indicators.map((i) => [i.level1, i.level2, i.name, i.targetText, i.weight, i.typedScore])).toEqual([
      ["产出指标", "数量指标", "发放(缴纳)覆盖率", "=100%", 60, null],
      ["效益指标", "社会效益指标", "足额保障率(参保率)", "=100%", 30, null],
    ]);
    expect(r.model.indicators[0].target).toEqual({ kind: "quantitative", op: "=", value: 100, unit: "%" });
  });

  it("reports what the published form leaves open, at its cells, and no error", () => {
    expect(pairs(r)).toEqual([`nonstandard-weights@${S}!B15`, `missing-actual@${S}!H15`, `missing-actual@${S}!H16`]);
  });

  it("recomputes: full execution (10) and nothing to score the indicators on", () => {
    expect([r.evaluation.executionScore, r.evaluation.total, r.evaluation.grade]).toEqual([10, 10, "差"]);
    expect(r.model.project.claimedScore).toBeNull();
  });
});
