import { formAnchorCount, isSelfEvalForm } from "../../../src/core/form/detect";
import type { CellValue, SheetGrid } from "../../../src/core/grid";

const grid = (name: string, rows: CellValue[][]): SheetGrid => ({ name, rows });

describe("isSelfEvalForm", () => {
  it("recognises the national layout by its anchors whatever the sheet is called", () => {
    const g = grid("Sheet1", [
      ["（2021年度）项目支出绩效自评表"],
      ["项目名称", null, "电子商务产业发展引导资金"],
      ["项目资金（万元）", null, null, null, "年初预算数", "全年预算数"],
      ["年度总体目标", "预期目标"],
      ["绩效指标", "一级指标", "二级指标", "三级指标"],
      ["总分", null, null, null, null, null, 100],
    ]);
    expect(formAnchorCount(g)).toBe(6);
    expect(isSelfEvalForm(g)).toBe(true);
  });

  it("does not take an allocation table or an indicator sheet for a form", () => {
    expect(isSelfEvalForm(grid("资金分配", [["序号", "单位名称", "批复金额"], [1, "甲公司", 100], ["合计", null, 100]]))).toBe(false);
    expect(isSelfEvalForm(grid("绩效指标", [["一级指标", "二级指标", "三级指标", "年度指标值", "分值"]]))).toBe(false);
  });

  it("takes a titled sheet with two anchors (spaced labels normalise)", () => {
    expect(isSelfEvalForm(grid("附件3", [["部门预算项目支出绩效自评表"], ["一 级 指 标", "二级指标"]]))).toBe(true);
  });
});
