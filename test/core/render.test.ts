// Rendering findings: the caches FindingRenderer keeps must never change what a finding says.
import { FINDING_CODES, FindingSink, UnplacedFindingError, type FindingFields, type MessageCatalogue } from "../../src/core/findings";
import { enUS } from "../../src/core/messages/en-US";
import { zhCN } from "../../src/core/messages/zh-CN";
import { toJsonFinding } from "../../src/core/report";
import { makeEmit } from "../../src/core/rules/context";
import { FindingRenderer, SHARED_MESSAGE_KEYS } from "../../src/core/validate";

const BASE: Required<Omit<FindingFields, "severity">> = {
  recipient: "益阳市旭荣电子商务有限公司", category: "推广营销", keyword: "直通车", amountFen: 1234567, limitFen: 2000000,
  expected: 30, actual: 26, raw: "直通车推广费", field: "金额", target: "支出明细", list: "网店建设、推广营销", percent: 30,
  level: "产出指标", otherRow: 12, expectedFen: 500, actualFen: 700,
};

/** Each param given another value of its own type. */
const OTHER: Required<FindingFields> = {
  recipient: "安化县青松茶业有限公司", category: "培训", keyword: "淘宝", amountFen: 1, limitFen: 2,
  expected: 99, actual: "部分达成", raw: "促销特价", field: "批复金额", target: "资金分配", list: "其他", percent: 5,
  level: "效益指标", otherRow: 99, expectedFen: 3, actualFen: 4, severity: "warning",
};

/** A message read with any params: the test varies each field, whichever code reads it. */
const say = (catalogue: Partial<MessageCatalogue>, code: keyof MessageCatalogue, p: FindingFields): string => (catalogue[code] as (p: FindingFields) => string)(p);

describe("shared messages", () => {
  const shared = Object.keys(SHARED_MESSAGE_KEYS) as (keyof typeof SHARED_MESSAGE_KEYS)[];

  it("are declared for real codes only", () => {
    expect(shared.length).toBeGreaterThan(0);
    for (const code of shared) expect(FINDING_CODES).toContain(code);
  });

  for (const [lang, catalogue] of [["zh", zhCN], ["en", enUS]] as const) {
    it(`${lang}: a param outside the cache key never changes the text, one inside always does`, () => {
      for (const code of shared) {
        const base = say(catalogue, code, BASE);
        for (const k of Object.keys(OTHER) as (keyof FindingFields)[]) {
          const changed = { ...BASE, [k]: OTHER[k] };
          const sameKey = say(SHARED_MESSAGE_KEYS, code, changed) === say(SHARED_MESSAGE_KEYS, code, BASE);
          if (sameKey) expect({ code, k, text: say(catalogue, code, changed) }).toEqual({ code, k, text: base });
          else expect(say(catalogue, code, changed)).not.toBe(base);
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
    const f = r.render("spend-over-disbursed", { sheet: "资金分配", row: 3, col: 6 }, { recipient: "甲", amountFen: 1234567, limitFen: 1000000, field: "拨付金额" });
    expect([f.amount, f.limit, f.row, f.col]).toEqual([12345.67, 10000, 4, 6]);
    const g = r.render("claimed-score-mismatch", { sheet: "项目信息", row: 1, col: 4 }, { expected: 30, actual: 26 });
    expect([g.expected, g.actual]).toEqual([30, 26]);
  });
});

describe("FindingSink", () => {
  const at = { sheet: "绩效指标", row: 2, col: 4 };
  const sinkOf = (keeps?: (code: string) => boolean) => {
    const r = new FindingRenderer("zh");
    return new FindingSink((code, pos, p) => r.render(code, pos, p), keeps);
  };

  it("refuses a finding without a cell: a programming error, never a silent drop", () => {
    const sink = sinkOf();
    const emit = makeEmit(sink);
    expect(() => emit("missing-actual", undefined)).toThrow(UnplacedFindingError);
    expect(() => emit("cell-error", undefined, { raw: "#N/A" })).toThrow("finding cell-error has no cell");
    // Even a code the run does not report: the rule is wrong either way.
    expect(() => makeEmit(sinkOf(() => false))("hidden-row", undefined)).toThrow(UnplacedFindingError);
    emit("missing-actual", at);
    expect(sink.items.map((f) => `${f.code}@${f.cell}`)).toEqual(["missing-actual@绩效指标!E3"]);
  });

  it("takes each code's own params: required ones required, others refused (checked by tsc)", () => {
    const sink = sinkOf(() => false);
    // @ts-expect-error disbursed-over-approved needs its limit
    sink.add("disbursed-over-approved", at, { recipient: "甲", amountFen: 1 });
    // @ts-expect-error invalid-amount does not take a field: no message or JSON field reads it
    sink.add("invalid-amount", at, { raw: "abc", field: "金额" });
    // @ts-expect-error cell-error needs params
    sink.add("cell-error", at);
    // @ts-expect-error missing-deviation-reason is "missed" or "over"
    sink.add("missing-deviation-reason", at, { actual: "late" });
    sink.add("hidden-row", at);
    expect(sink.items).toEqual([]);
  });
});
