// Properties of the whole engine on random grids (fast-check).
import fc from "fast-check";
import { CellError, type CellValue, type WorkbookGrids } from "../../src/core/grid";
import { validateWorkbook } from "../../src/core/validate";
import { aWorkbook } from "./builders";

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("合计", "小计", "3.5万", "1万5", "人民币壹万元整", "(1,000)", "￥１２３", "#N/A", "直通车12万", "促销特价", "2021-12-20", "前四名", "不适用", "=SUM(A1)"),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2040, 0, 1)), noInvalidDate: true }),
  fc.constantFrom(new CellError("#REF!"), new CellError("#DIV/0!")),
);
const rows = fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 15 });

function withHeaders(): fc.Arbitrary<WorkbookGrids> {
  // Real headers over random data, so the checks behind the headers run too.
  const infoRows = fc.array(fc.tuple(fc.constantFrom("项目名称", "资金年度", "全年预算数", "全年执行数", "自评得分", "金额单位", "适用区域"), cell), { maxLength: 12 });
  return fc.tuple(infoRows, rows, rows, rows).map(([info, alloc, spend, ind]) => ({
    sheets: [
      { name: "项目信息", rows: [["项目", "内容"], ...info.map(([k, v]) => [k, v])] },
      { name: "资金分配", rows: [["序号", "区域", "单位名称", "统一社会信用代码", "支持方向", "批复金额", "拨付金额", "拨付日期", "明细说明"], ...alloc], merges: [{ top: 1, left: 1, bottom: 3, right: 1 }], hiddenRows: [2] },
      { name: "支出明细", rows: [["序号", "单位名称", "支出内容", "支出类别", "金额", "支出日期", "凭证号"], ...spend] },
      { name: "绩效指标", rows: [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "评价等级", "数据来源", "偏差原因分析及改进措施"], ...ind] },
    ],
  }));
}

const anyWorkbook: fc.Arbitrary<WorkbookGrids> = fc.oneof(
  withHeaders(),
  fc.array(fc.tuple(fc.constantFrom("项目信息", "资金分配", "支出明细", "绩效指标", "Sheet1", "Project"), rows), { maxLength: 5 })
    .map((sheets) => ({ sheets: sheets.map(([name, r], i) => ({ name: `${name}${i ? i : ""}`, rows: r })) })),
);

describe("engine properties", () => {
  it("never throws, and every finding points at an existing sheet and a real cell", () => {
    fc.assert(fc.property(anyWorkbook, (wb) => {
      const r = validateWorkbook(wb);
      const names = new Set(wb.sheets.map((s) => s.name));
      for (const f of r.findings) {
        if (wb.sheets.length > 0) expect(names.has(f.sheet)).toBe(true);
        expect(f.row).toBeGreaterThanOrEqual(1);
        expect(f.cell).toMatch(/![A-Z]{1,3}[1-9][0-9]*$/);
        expect(f.message.length).toBeGreaterThan(0);
      }
      expect(Number.isFinite(r.evaluation.total)).toBe(true);
    }), { numRuns: 300 });
  });

  it("conserves totals: Σ lines equals the reported spending", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 30 }), (amounts) => {
      const b = aWorkbook();
      b.lines = amounts.map((a, i) => ({ name: b.recipients[i % 3].name, content: "平台升级", category: "平台建设", amount: a / 100 }));
      const r = validateWorkbook(b.build());
      const sum = amounts.reduce((s, a) => s + a, 0);
      expect(Math.round(r.summary.spent * 100)).toBe(sum);
      const perRecipient = r.model.recipients.map((rec) => r.model.lines.filter((l) => l.normName === rec.normName).reduce((s, l) => s + (l.amountFen ?? 0), 0));
      expect(perRecipient.reduce((s, x) => s + x, 0)).toBe(sum);
    }), { numRuns: 100 });
  });

  it("adding a valid line never removes an unrelated finding", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100000 }), fc.constantFrom("平台升级", "促销特价", "直通车", "杂项"), (amount, content) => {
      const base = aWorkbook().withLine({ name: "不在名单的公司", content: "平台", amount: 1 }).withLine({ name: "示例服饰有限公司", content: "红包", amount: "abc" });
      const before = validateWorkbook(base.build()).findings.filter((f) => f.recipient !== "示例农业电子商务有限公司");
      const after = validateWorkbook(base.withLine({ name: "示例农业电子商务有限公司", content, amount }).build()).findings;
      const keys = new Set(after.map((f) => `${f.code}@${f.cell}`));
      for (const f of before) expect(keys.has(`${f.code}@${f.cell}`)).toBe(true);
    }), { numRuns: 50 });
  });
});
