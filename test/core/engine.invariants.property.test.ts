// Whole-workbook invariants on hostile random workbooks (fast-check): real headers placed anywhere
// in the first rows, merges, hidden rows, total rows, error values and absurd numbers.
import fc from "fast-check";
import { CellError, type CellRange, type CellValue, type SheetGrid, type WorkbookGrids } from "../../src/core/grid";
import { toJsonReport } from "../../src/core/report";
import { validateWorkbook } from "../../src/core/validate";
import { numbersIn } from "./builders";

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom("示例公司", "示例公司 ", "ＡＢＣ公司", "ABC公司", "𠀀🛒公司", "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "@SUM(A1)"),
  fc.constantFrom("合计", "合 计", "小计", "总计", "Total", "3.5万", "1万5", "人民币壹万元整", "(1,000)", "￥１２３", "0", "-5", "直通车12万、培训5万", "促销特价", "直通车"),
  fc.constantFrom("2022-12-20", "2022年1月1日", "20221220", "明年", "前四名", "不适用", "达成", "部分达成", "96%", "30家", "382.5万元", "产出指标(50分)", "效益指标", "满意度指标"),
  fc.constantFrom(0, -1, 1, 0.005, 1e15, 1e308, -1e308, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, 44915),
  fc.integer({ min: -1e6, max: 1e7 }),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(2015, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true }),
  fc.constantFrom(new CellError("#REF!"), new CellError("#N/A"), new CellError("#DIV/0!"), new CellError("#VALUE!")),
);
const dataRows = fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 12 });
const merge: fc.Arbitrary<CellRange> = fc.tuple(fc.nat(14), fc.nat(9), fc.nat(4), fc.nat(3))
  .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));

const HEADERS: Record<string, string[]> = {
  资金分配: ["序号", "区域", "单位名称", "统一社会信用代码", "支持方向", "批复金额（万元）", "拨付金额", "拨付日期", "明细说明"],
  支出明细: ["序号", "单位名称", "支出内容", "支出类别", "金额", "支出日期", "凭证号"],
  支出范围: ["支出类别", "是否允许", "适用支持方向", "关键词", "占比上限", "金额上限", "说明"],
  绩效指标: ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "评价等级", "得分", "数据来源", "指标性质", "度量单位"],
};
const INFO_KEYS = ["项目名称", "资金年度", "金额单位", "全年预算数", "全年执行数", "自评得分", "预算执行率分值", "适用区域", "支持方向"];

function table(name: string): fc.Arbitrary<SheetGrid> {
  return fc.record({
    title: fc.nat(8),
    rows: dataRows,
    merges: fc.array(merge, { maxLength: 3 }),
    hidden: fc.array(fc.nat(20), { maxLength: 3 }),
    sheetHidden: fc.boolean(),
    spaced: fc.boolean(),
  }).map(({ title, rows, merges, hidden, sheetHidden, spaced }) => ({
    name: spaced ? ` ${name} ` : name,
    rows: [...Array.from({ length: title }, (_, i): CellValue[] => (i === 0 ? [`${name}表`] : [])), HEADERS[name], ...rows],
    merges,
    hiddenRows: hidden,
    hidden: sheetHidden,
  }));
}

const project: fc.Arbitrary<SheetGrid> = fc.tuple(fc.boolean(), fc.array(fc.tuple(fc.constantFrom(...INFO_KEYS), cell), { maxLength: 12 }))
  .map(([header, kv]) => ({ name: "项目信息", rows: [...(header ? [["项目", "内容"]] : []), ...kv.map(([k, v]) => [k, v])] }));

const workbook: fc.Arbitrary<WorkbookGrids> = fc.tuple(project, table("资金分配"), table("支出明细"), table("支出范围"), table("绩效指标"), fc.boolean())
  .map(([p, a, s, sc, ind, withScope]) => ({ sheets: withScope ? [p, a, s, sc, ind] : [p, a, s, ind] }));


describe("engine invariants on hostile workbooks", () => {
  it("never throws; finite numbers; findings on existing sheets; one finding per error cell; yuan with 2 decimals", () => {
    fc.assert(fc.property(workbook, (wb) => {
      const r = validateWorkbook(wb);
      const json = toJsonReport(r, "x.xlsx");
      for (const n of numbersIn(json)) expect(Number.isFinite(n)).toBe(true);
      const names = new Set(wb.sheets.map((s) => s.name));
      const errorCells = new Set(r.findings.filter((f) => f.code === "cell-error").map((f) => f.cell));
      for (const f of json.findings) {
        expect(names.has(f.sheet)).toBe(true);
        expect(f.cell.startsWith(`${f.sheet}!`)).toBe(true);
        expect(f.row).toBe(Number(/(\d+)$/.exec(f.cell)![1]));
        if (f.code !== "cell-error") expect(errorCells.has(f.cell)).toBe(false);
        for (const k of ["amount", "limit", "expected", "actual"] as const) {
          const v = f[k];
          if (typeof v === "number") expect(Math.round(v * 100) / 100).toBe(v);
        }
      }
      const s = r.summary;
      expect(s.errors + s.warnings + s.infos).toBe(r.findings.length);
      expect(r.evaluation.total).toBeGreaterThanOrEqual(0);
    }), { numRuns: 250 });
  });

  it("validation is deterministic and does not change its input", () => {
    fc.assert(fc.property(workbook, (wb) => {
      const before = JSON.stringify(wb);
      const a = validateWorkbook(wb).findings.map((f) => `${f.code}@${f.cell}`);
      expect(JSON.stringify(wb)).toBe(before);
      expect(validateWorkbook(wb).findings.map((f) => `${f.code}@${f.cell}`)).toEqual(a);
    }), { numRuns: 60 });
  });
});
