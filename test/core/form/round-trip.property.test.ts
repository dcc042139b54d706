// SPEC §9 round trip: the product's own 绩效自评表, alone in a workbook, reads back to the same
// evaluation (total and grade) with no form-* finding.
import fc from "fast-check";
import type { CellValue, SheetGrid } from "../../../src/core/grid";
import { selfEvaluationLayout } from "../../../src/core/self-eval";
import { validateWorkbook } from "../../../src/core/validate";
import { WorkbookBuilder, type IndicatorRow } from "../builders";
import { aForm, layoutGrid } from "./form-builder";

const ROUND_TRIP_RUNS = 200;

const LEVELS: [string, string][] = [["产出指标", "数量指标"], ["产出指标", "质量指标"], ["产出指标", "时效指标"], ["效益指标", "经济效益指标"], ["效益指标", "社会效益指标"], ["满意度指标", "服务对象满意度指标"]];

/** One indicator: a kind of target and what was achieved, with a 分值. */
const indicator: fc.Arbitrary<IndicatorRow> = fc.tuple(
  fc.integer({ min: 0, max: LEVELS.length - 1 }),
  fc.integer({ min: 1, max: 9 }),
  fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 600 })).map(([t, a]) => [`${t}家以上`, `${a}家`, "", ""]),
    fc.tuple(fc.integer({ min: 50, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([t, a]) => [`≥${t}%`, `${a}%`, "", ""]),
    fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 40 })).map(([t, a]) => [`不超过${t}天`, `${a}天`, "", ""]),
    fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 12 })).map(([t, a]) => [`前${t}名`, `第${a}位`, "", ""]),
    fc.constantFrom(["如期完成", "如期完成", "", ""], ["群众认可", "基本认可", "", ""], ["按时完成", "", "部分达成", ""], ["按时完成", "未完成", "", ""], ["10家以上", "不适用", "", ""]),
    fc.integer({ min: 1, max: 5 }).map((t) => [`${t}家以上`, "", "", "受助单位数"]),
  ),
).map(([lv, name, [target, actual, grade, source]]) => {
  const [l1, l2] = LEVELS[lv];
  return [l1, l2, `指标${name}`, target, actual, 0, grade, source, ""] as IndicatorRow;
});

const workbook = fc.record({
  amounts: fc.array(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 1, maxLength: 4 }),
  extraBudget: fc.integer({ min: 0, max: 3_000_000 }),
  executedTyped: fc.boolean(),
  fiscalShare: fc.integer({ min: 0, max: 100 }),
  fundingSheet: fc.boolean(),
  executionWeight: fc.constantFrom(10, 20),
  indicators: fc.array(fc.tuple(indicator, fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 8 }),
}).map((g) => {
  const b = WorkbookBuilder.sample();
  b.recipients = g.amounts.map((a, i) => ({ name: `示例企业${i}有限公司`, approved: a, area: "农特产品上行" }));
  b.lines = g.amounts.map((a, i) => ({ name: `示例企业${i}有限公司`, content: "网店平台升级", category: "平台建设", amount: a }));
  const approved = g.amounts.reduce((s, a) => s + a, 0);
  const budget = approved + g.extraBudget;
  const fiscal = Math.round((budget * g.fiscalShare) / 100);
  b.withInfo("全年预算数", budget).withInfo("当年财政拨款", fiscal).withInfo("上年结转资金", budget - fiscal).withInfo("预算执行率分值", g.executionWeight);
  if (g.executedTyped) b.withInfo("全年执行数", approved);
  else b.withoutInfo("全年执行数");
  b.withIndicators(g.indicators.map(([row, w]) => {
    const r = [...row] as IndicatorRow;
    r[5] = w;
    return r;
  }));
  if (g.fundingSheet) {
    const rows: CellValue[][] = [["资金来源", "年初预算数", "全年预算数", "全年执行数"], ["当年财政拨款", fiscal, fiscal, Math.min(fiscal, approved)], ["单位资金", budget - fiscal, budget - fiscal, approved - Math.min(fiscal, approved)]];
    b.extraSheets.push({ name: "资金来源", rows });
    b.withInfo("年初预算数", budget);
  }
  return b.build();
});

describe("round trip of the product's own 绩效自评表", () => {
  it(`reads back to the same total and grade with no form-* finding (${ROUND_TRIP_RUNS} generated workbooks)`, () => {
    let cases = 0;
    fc.assert(fc.property(workbook, (wb) => {
      const first = validateWorkbook(wb);
      const form: SheetGrid = layoutGrid(selfEvaluationLayout(first), "自评表");
      const again = validateWorkbook({ sheets: [form] });
      expect(again.model.form?.role).toBe("input");
      expect([again.evaluation.total, again.evaluation.grade]).toEqual([first.evaluation.total, first.evaluation.grade]);
      expect(again.evaluation.executionScore).toBe(first.evaluation.executionScore);
      expect(again.evaluation.indicators.map((i) => i.score)).toEqual(first.evaluation.indicators.map((i) => i.score));
      expect(again.findings.filter((f) => f.code.startsWith("form-") || f.code === "score-over-weight").map((f) => `${f.code}@${f.cell} ${f.message}`)).toEqual([]);
      expect(again.model.project.claimedScore).toBe(first.evaluation.total);
      cases++;
    }), { numRuns: ROUND_TRIP_RUNS });
    expect(cases).toBe(ROUND_TRIP_RUNS);
  });
});

describe("a filled form with any cells changed", () => {
  const value: fc.Arbitrary<CellValue> = fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.double({ noNaN: true }), fc.integer({ min: -1000, max: 1000 }), fc.constantFrom("—", "/", "100.00%", "完成", "不适用", "自评等级：", "合计", "≥", "定性"));
  it("never throws, and every finding is on the form at a cell it has", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 10 }), value), { maxLength: 12 }), (edits) => {
      const f = aForm();
      for (const [r, c, v] of edits) {
        f.rows[r] = f.rows[r] ?? [];
        f.rows[r][c] = v;
      }
      const r = validateWorkbook(f.build());
      for (const x of r.findings) {
        expect(x.sheet).toBe("Sheet1");
        expect(x.row).toBeGreaterThanOrEqual(1);
      }
      expect(Number.isFinite(r.evaluation.total)).toBe(true);
    }), { numRuns: 300 });
  });
});
