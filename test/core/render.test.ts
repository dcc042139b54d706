// Rendering findings: the caches FindingRenderer keeps must never change what a finding says.
import { FINDING_CODES, type FindingParams } from "../../src/core/findings";
import { enUS } from "../../src/core/messages/en-US";
import { zhCN } from "../../src/core/messages/zh-CN";
import { toJsonFinding } from "../../src/core/report";
import { FindingRenderer, SHARED_MESSAGE_KEYS } from "../../src/core/validate";

const BASE: FindingParams = {
  recipient: "益阳市旭荣电子商务有限公司", category: "推广营销", keyword: "直通车", amountFen: 1234567, limitFen: 2000000,
  expected: 30, actual: 26, raw: "直通车推广费", field: "金额", target: "支出明细", list: "网店建设、推广营销", percent: 30,
  unit: "家", level: "产出指标", otherRow: 12, expectedFen: 500, actualFen: 700,
};

/** Each param given another value of its own type. */
const OTHER: Required<FindingParams> = {
  recipient: "安化县青松茶业有限公司", category: "培训", keyword: "淘宝", amountFen: 1, limitFen: 2,
  expected: 99, actual: "部分达成", raw: "促销特价", field: "批复金额", target: "资金分配", list: "其他", percent: 5,
  unit: "个", level: "效益指标", otherRow: 99, expectedFen: 3, actualFen: 4, severity: "warning",
};

describe("shared messages", () => {
  const shared = Object.keys(SHARED_MESSAGE_KEYS) as (keyof typeof SHARED_MESSAGE_KEYS)[];

  it("are declared for real codes only", () => {
    expect(shared.length).toBeGreaterThan(0);
    for (const code of shared) expect(FINDING_CODES).toContain(code);
  });

  for (const [lang, catalogue] of [["zh", zhCN], ["en", enUS]] as const) {
    it(`${lang}: a param outside the cache key never changes the text, one inside always does`, () => {
      for (const code of shared) {
        const keyOf = SHARED_MESSAGE_KEYS[code]!;
        const base = catalogue[code](BASE);
        for (const k of Object.keys(OTHER) as (keyof FindingParams)[]) {
          const changed = { ...BASE, [k]: OTHER[k] };
          const sameKey = keyOf(changed) === keyOf(BASE);
          if (sameKey) expect({ code, k, text: catalogue[code](changed) }).toEqual({ code, k, text: base });
          else expect(catalogue[code](changed)).not.toBe(base);
        }
      }
    });
  }

  it("two findings with the same key share one string; another key gets its own", () => {
    const r = new FindingRenderer("zh");
    const pos = (row: number) => ({ sheet: "支出明细", row, col: 2 });
    const a = r.render("inferred-category", pos(5), { ...BASE });
    const b = r.render("inferred-category", pos(6), { ...BASE, raw: "别的内容", recipient: "另一家" });
    const c = r.render("inferred-category", pos(7), { ...BASE, keyword: "淘宝" });
    expect(b.message).toBe(a.message);
    expect(c.message).not.toBe(a.message);
    expect(c.message).toContain("淘宝");
    expect([a.raw, b.raw, b.recipient]).toEqual(["直通车推广费", "别的内容", "另一家"]);
  });
});

describe("FindingRenderer", () => {
  it("names cells as 工作表!A1 past column Z and for every sheet separately", () => {
    const r = new FindingRenderer("zh");
    expect(r.render("cell-error", { sheet: "支出明细", row: 0, col: 0 }, { raw: "#N/A" }).cell).toBe("支出明细!A1");
    expect(r.render("cell-error", { sheet: "支出明细", row: 99999, col: 27 }, { raw: "#N/A" }).cell).toBe("支出明细!AB100000");
    expect(r.render("cell-error", { sheet: "资金分配", row: 9, col: 27 }, { raw: "#N/A" }).cell).toBe("资金分配!AB10");
    expect(r.render("cell-error", { sheet: "支出明细", row: 2, col: 16383 }, { raw: "#N/A" }).cell).toBe("支出明细!XFD3");
  });

  it("leaves absent fields undefined, so the JSON finding has only what was said", () => {
    const f = new FindingRenderer("en").render("sheet-missing", { sheet: "项目信息", row: 0, col: 0 }, { target: "资金分配" });
    expect(f.recipient).toBeUndefined();
    expect(f.amount).toBeUndefined();
    expect(Object.keys(toJsonFinding(f))).toEqual(["code", "severity", "message", "sheet", "cell", "row"]);
    expect(f.message).toContain("资金分配");
  });

  it("gives money in yuan and keeps expected/actual that are not money", () => {
    const r = new FindingRenderer("zh");
    const f = r.render("spend-over-disbursed", { sheet: "资金分配", row: 3, col: 6 }, { recipient: "甲", amountFen: 1234567, limitFen: 1000000 });
    expect([f.amount, f.limit, f.row, f.col]).toEqual([12345.67, 10000, 4, 6]);
    const g = r.render("actual-mismatch", { sheet: "绩效指标", row: 1, col: 4 }, { expected: 30, actual: 26 });
    expect([g.expected, g.actual]).toEqual([30, 26]);
  });
});
