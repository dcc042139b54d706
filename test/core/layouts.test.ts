// The 绩效自评表 / 审核结果 / template layouts: labels and merges are a contract (SPEC §5).
import { rangeToA1, toA1, type CellValue, type SheetGrid } from "../../src/core/grid";
import type { SheetLayout } from "../../src/core/layout";
import { findingsLayout, readReviews } from "../../src/core/findings-sheet";
import { readKeptReasons, selfEvaluationLayout } from "../../src/core/self-eval";
import { templateLayouts } from "../../src/core/template";
import { validateWorkbook } from "../../src/core/validate";
import { aWorkbook } from "./builders";

const at = (l: SheetLayout, a1: string): CellValue | undefined => l.cells.find((c) => toA1(c.row, c.col) === a1)?.value;
const merged = (l: SheetLayout): string[] => l.merges.map(rangeToA1);
/** A layout as the grid a reader would give back (values only, merges kept). */
const asGrid = (l: SheetLayout): SheetGrid => {
  const rows: CellValue[][] = [];
  for (const c of l.cells) {
    rows[c.row] = rows[c.row] ?? [];
    rows[c.row][c.col] = c.value;
  }
  for (let r = 0; r < rows.length; r++) rows[r] = rows[r] ?? [];
  return { name: l.name, rows, merges: l.merges };
};

describe("绩效自评表 layout", () => {
  const b = aWorkbook().withInfo("年度总体目标", "支持电商企业 3 家").withInfo("年度总体目标完成情况", "支持 3 家");
  b.indicators[1][8] = "市场回暖";
  const result = validateWorkbook(b.build());
  const l = selfEvaluationLayout(result);

  it("has the official labels in the official cells", () => {
    expect(at(l, "A1")).toBe("（2022年度）项目支出绩效自评表");
    expect([at(l, "A2"), at(l, "C2")]).toEqual(["项目名称", "示例电商扶持资金"]);
    expect([at(l, "A3"), at(l, "C3"), at(l, "G3"), at(l, "I3")]).toEqual(["主管部门", "示例市商务局", "实施单位", "示例市商务局"]);
    expect(at(l, "A4")).toBe("项目资金（万元）");
    expect(["E4", "F4", "G4", "H4", "I4", "J4"].map((a) => at(l, a))).toEqual(["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]);
    expect(["C5", "C6", "C7", "C8"].map((a) => at(l, a))).toEqual(["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"]);
    expect(["H6", "I6", "J6", "H8"].map((a) => at(l, a))).toEqual(["—", "—", "—", "—"]);
    expect([at(l, "A9"), at(l, "B9"), at(l, "G9"), at(l, "B10"), at(l, "G10")]).toEqual(["年度总体目标", "预期目标", "实际完成情况", "支持电商企业 3 家", "支持 3 家"]);
    expect(["A11", "B11", "C11", "D11", "E11", "F11", "G11", "H11", "I11"].map((a) => at(l, a))).toEqual(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
  });

  it("writes amounts in 万元, the execution score and one row per indicator", () => {
    expect([at(l, "F5"), at(l, "G5"), at(l, "H5"), at(l, "I5"), at(l, "J5")]).toEqual([30, 30, 10, 1, 10]);
    expect(["B12", "C12", "D12", "E12", "F12", "G12", "H12"].map((a) => at(l, a))).toEqual(["产出指标", "数量指标", "支持企业数", "3家以上", "3家", 50, 50]);
    expect(at(l, "I13")).toBe("市场回暖");
    expect([at(l, "A15"), at(l, "G15"), at(l, "H15"), at(l, "I15")]).toEqual(["总分", 100, 100, "自评等级：优"]);
  });

  it("puts 项目信息's single 当年财政拨款 figure under 全年预算数 only, and 全年执行数 as the sum in fen", () => {
    expect([at(l, "E6"), at(l, "F6"), at(l, "G6")]).toEqual([null, 30, null]);
    expect(at(l, "G5")).toBe(30);
  });

  it("merges as the official form does", () => {
    expect(merged(l)).toEqual(expect.arrayContaining(["A1:J1", "A2:B2", "C2:J2", "A3:B3", "C3:F3", "G3:H3", "I3:J3", "A4:B8", "A9:A10", "B9:F9", "G9:J9", "B10:F10", "G10:J10", "A11:A14", "I11:J11", "A15:F15", "I15:J15"]));
    expect(l.print).toMatchObject({ orientation: "landscape", paper: "A4" });
  });

  it("merges 一级指标 over runs of the same level", () => {
    const r2 = validateWorkbook(aWorkbook().withIndicators([
      ["产出指标", "数量指标", "a", "1家以上", "1家", 25], ["产出指标", "质量指标", "b", "1家以上", "1家", 25],
      ["效益指标", "经济效益指标", "c", "1家以上", "1家", 30], ["满意度指标", "服务对象满意度指标", "d", "1家以上", "1家", 10],
    ]).build());
    expect(merged(selfEvaluationLayout(r2))).toEqual(expect.arrayContaining(["B12:B13"]));
  });

  it("keeps the deviation reason a user typed into the sheet on refill", () => {
    const grid = asGrid(l);
    grid.rows[11][8] = "用户写的原因";
    const kept = readKeptReasons(grid);
    const again = selfEvaluationLayout(result, { keptReasons: kept });
    expect(at(again, "I12")).toBe("用户写的原因");
    expect(at(again, "I13")).toBe("市场回暖");
  });
});

describe("审核结果 layout", () => {
  const result = validateWorkbook(aWorkbook().withLine({ name: "=HYPERLINK(\"http://x\",\"y\")", content: "平台", amount: 1 }).build());
  const l = findingsLayout(result, { workbook: "a.xlsx", time: new Date(2026, 10, 25, 9, 30) });
  const header = l.cells.find((c) => c.value === "序号" && c.col === 0)!.row;

  it("has the summary block and the table headers", () => {
    expect(at(l, "A2")).toBe("工作簿");
    expect(at(l, "B2")).toBe("a.xlsx");
    expect(l.cells.filter((c) => c.row === header).map((c) => c.value)).toEqual(["序号", "级别", "代码", "工作表", "单元格", "单位名称", "说明", "复核状态", "复核意见"]);
  });

  it("links each finding's cell and keeps hostile names as plain values", () => {
    const link = l.cells.find((c) => c.row === header + 1 && c.col === 4)!;
    expect(link.formula).toBe('HYPERLINK("#支出明细!B7","支出明细!B7")');
    expect(l.cells.find((c) => c.row === header + 1 && c.col === 5)!.value).toBe("=HYPERLINK(\"http://x\",\"y\")");
    expect(l.cells.find((c) => c.row === header + 1 && c.col === 5)!.formula).toBeUndefined();
  });

  it("keeps reviewer columns across a re-run, by code and cell", () => {
    const grid = asGrid(l);
    grid.rows[header + 1][7] = "已确认";
    grid.rows[header + 1][8] = "已核实为笔误";
    const reviews = readReviews(grid);
    expect([...reviews.values()]).toEqual([{ status: "已确认", comment: "已核实为笔误" }]);
    const again = findingsLayout(result, { workbook: "a.xlsx", time: new Date(), reviews });
    expect([at(again, `H${header + 2}`), at(again, `I${header + 2}`)]).toEqual(["已确认", "已核实为笔误"]);
  });
});

describe("template", () => {
  const sheets = templateLayouts();
  it("has every input sheet and 使用说明, each with its headers and drop-downs", () => {
    expect(sheets.map((s) => s.name)).toEqual(["项目信息", "资金分配", "支出明细", "支出范围", "绩效指标", "使用说明"]);
    const alloc = sheets[1];
    expect(alloc.cells.filter((c) => c.row === 0).map((c) => c.value)).toContain("单位名称*");
    expect(alloc.validations?.find((v) => v.range.startsWith("E2"))?.list).toContain("农特产品上行");
    expect(sheets[2].validations?.find((v) => v.range.startsWith("D2"))?.list).toContain("推广营销");
    expect(sheets[2].validations?.find((v) => v.range.startsWith("D2"))?.list).toContain("办公费");
    const profileRow = sheets[0].cells.find((c) => c.col === 0 && c.value === "支出范围模板")!.row;
    expect(sheets[0].validations?.find((v) => v.range === `B${profileRow + 1}`)?.list).toEqual(["自动", "电商", "经济分类"]);
    // The scope sheet is headers only: the built-in profiles are listed on 使用说明.
    expect(sheets[3].cells.filter((c) => c.value !== null && c.row > 0)).toEqual([]);
    expect(sheets[5].cells.map((c) => c.value)).toEqual(expect.arrayContaining(["[30201] 办公费（允许）", "[30217] 公务接待费（禁止）", "平台建设（允许）"]));
    expect(sheets[4].validations?.some((v) => v.list.includes("部分达成"))).toBe(true);
  });
  it("validates with only sheet-level findings when left empty", () => {
    const grids = { sheets: sheets.map(asGrid) };
    const r = validateWorkbook(grids);
    expect(r.findings.filter((f) => f.code === "column-missing")).toEqual([]);
  });
});
