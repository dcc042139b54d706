import fc from "fast-check";
import { parseActual, parseTarget, scaleToUnit } from "../../../src/core/parse/target";

const q = (op: string, value: number, unit: string) => ({ kind: "quantitative", op, value, unit });

describe("parseTarget", () => {
  it.each([
    ["支持市本级电商企业25家以上", q(">=", 25, "家")],
    ["25家以上", q(">=", 25, "家")],
    ["全省电商交易额排名前四名", q("rank", 4, "名")],
    ["前四名", q("rank", 4, "名")],
    ["全省排名前4位", q("rank", 4, "名")],
    ["排名前4", q("rank", 4, "名")],
    ["前10名", q("rank", 10, "名")],
    ["全年电商交易额500亿元以上", q(">=", 500, "亿元")],
    ["2021年电商交易额500亿元以上", q(">=", 500, "亿元")],
    ["帮助解决解决人员就业10万人以上", q(">=", 10, "万人")],
    ["生产、销售及支撑服务人员10万人以上", q(">=", 10, "万人")],
    ["被扶持企业满意度95%以上", q(">=", 95, "%")],
    ["被扶持企业满意度95％以上", q(">=", 95, "%")],
    ["达到90%", q(">=", 90, "%")],
    ["满意度达到 90 %", q(">=", 90, "%")],
    ["不超过5天", q("<=", 5, "天")],
    ["不低于95%", q(">=", 95, "%")],
    ["不少于30家", q(">=", 30, "家")],
    ["至少3场", q(">=", 3, "场")],
    ["≥95%", q(">=", 95, "%")],
    [">=95%", q(">=", 95, "%")],
    ["≤5%", q("<=", 5, "%")],
    ["<=5%", q("<=", 5, "%")],
    ["不高于5%", q("<=", 5, "%")],
    ["不多于3次", q("<=", 3, "次")],
    ["投诉10次以下", q("<=", 10, "次")],
    ["3天以内", q("<=", 3, "天")],
    ["1个月内", q("<=", 1, "个月")],
    ["超过100万元", q(">", 100, "万元")],
    ["高于80%", q(">", 80, "%")],
    ["大于50家", q(">", 50, "家")],
    ["低于5%", q("<", 5, "%")],
    ["少于3次", q("<", 3, "次")],
    ["不足10%", q("<", 10, "%")],
    ["100%", q(">=", 100, "%")],
    ["25家", q(">=", 25, "家")],
    ["建立电商扶贫村级服务站1000个以上", q(">=", 1000, "个")],
    ["带动转型电商升级100家（个）以上", q(">=", 100, "家")],
    ["帮助农村农特产品线上销售全市20亿元以上", q(">=", 20, "亿元")],
    ["培训1,200人次以上", q(">=", 1200, "人次")],
    ["满意度百分之九十五以上", q(">=", 95, "%")],
    ["支持两家协会", q(">=", 2, "家")],
    ["完成率100", q(">=", 100, "")],
    ["100人左右", q("=", 100, "人")],
    ["等于100%", q("=", 100, "%")],
    ["电商交易额达600亿元", q(">=", 600, "亿元")],
    ["成本降低2.5个百分点", q(">=", 2.5, "%")],
  ])("%p", (text, expected) => {
    expect(parseTarget(text)).toEqual(expected);
  });

  it.each([
    "如期完成",
    "电商运营成本低于传统销售成本",
    "低于传统销售成本",
    "减少了土地资源的闲置浪费",
    "12月份前确保项目按时保质完成",
    "12月底前完成",
    "十二月底前完成",
    "2021年12月31日前完成",
    "2021年度完成",
    "第四季度前完成",
    "服务对象十分满意",
    "提高",
  ])("%p is qualitative", (text) => {
    expect(parseTarget(text)).toEqual({ kind: "qualitative", text });
  });

  it.each(["", "   ", "5天3次", "28亿元，同比增长10%"])("%p is invalid", (text) => {
    expect(parseTarget(text)).toEqual({ kind: "invalid", text });
  });

  it("several numbers with an operator take the first", () => {
    expect(parseTarget("5天内完成3次")).toEqual(q("<=", 5, "天"));
  });

  it("never throws", () => {
    const targety = fc.string({ unit: fc.constantFrom(..."0123456789.,%前第名家万亿元以上下不超过低于≥≤<>=月份年日（）() 四十二百两") });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), targety), (s) => {
        const r = parseTarget(s);
        expect(["quantitative", "qualitative", "invalid"]).toContain(r.kind);
        if (r.kind === "quantitative") expect(Number.isFinite(r.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads back an operator, number and unit it is given", () => {
    const ops = fc.constantFrom<[string, string, string]>(["", "以上", ">="], ["不低于", "", ">="], ["", "以下", "<="], ["不超过", "", "<="], ["低于", "", "<"], ["超过", "", ">"], ["", "", ">="]);
    const units = fc.constantFrom("家", "个", "人", "万人", "万元", "亿元", "%", "天", "次", "场");
    fc.assert(
      fc.property(ops, fc.integer({ min: 0, max: 1e9 }), units, ([pre, post, op], n, unit) => {
        expect(parseTarget(`指标${pre}${n}${unit}${post}`)).toEqual(q(op, n, unit));
      }),
    );
  });
});

describe("parseActual", () => {
  it.each([
    ["25家以上", { value: 25, unit: "家" }],
    ["30家", { value: 30, unit: "家" }],
    ["第4位", { value: 4, unit: "名", rank: true }],
    ["第四名", { value: 4, unit: "名", rank: true }],
    ["全省排名第4位", { value: 4, unit: "名", rank: true }],
    ["前四名", { value: 4, unit: "名", rank: true }],
    ["600亿元", { value: 600, unit: "亿元" }],
    ["100%", { value: 100, unit: "%" }],
    ["　100%", { value: 100, unit: "%" }],
    ["100%以上", { value: 100, unit: "%" }],
    ["-2.58%", { value: -2.58, unit: "%" }],
    ["76.5%", { value: 76.5, unit: "%" }],
    ["0.96", { value: 0.96, unit: "" }],
    ["生产、销售及支撑服务人员10万人以上", { value: 10, unit: "万人" }],
    ["2.5万家", { value: 2.5, unit: "万家" }],
    ["实际全年农村农特产品线上销售全市28亿元", { value: 28, unit: "亿元" }],
  ])("%p", (text, expected) => {
    expect(parseActual(text)).toEqual(expected);
  });

  it.each(["如期完成", "", "11月下旬开始实施", "达成"])("%p -> null", (text) => {
    expect(parseActual(text)).toBeNull();
  });

  it("takes number cells as they are", () => {
    expect(parseActual(0.96)).toEqual({ value: 0.96, unit: "" });
    expect(parseActual(30)).toEqual({ value: 30, unit: "" });
    expect(parseActual(NaN)).toBeNull();
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: fc.constantFrom(..."0123456789.-%前第名位家万亿元四 ") }), fc.double()), (v) => {
        const r = parseActual(v);
        if (r && typeof v === "string") expect(Number.isFinite(r.value)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("scaleToUnit", () => {
  it.each([
    [574.21, "亿元", "万元", 5742100],
    [5742100, "万元", "亿元", 574.21],
    [382.5, "万元", "元", 3825000],
    [10, "万人", "人", 100000],
    [100000, "人", "万人", 10],
    [2.5, "万家", "家", 25000],
    [3, "万个", "个", 30000],
    [3, "万件", "件", 30000],
    [500, "亿", "亿元", 500],
    [500, "亿元", "亿", 500],
    [5, "‰", "%", 0.5],
    [95, "%", "％", 95],
    [95, "%", "", 95],
    [95, "", "%", 95],
    [25, "家", "家", 25],
    [4, "位", "名", 4],
    [3, "日", "天", 3],
  ])("%p %s -> %s", (v, from, to, expected) => {
    expect(scaleToUnit(v, from, to)).toBe(expected);
  });

  it.each([
    ["家", "元"],
    ["%", "家"],
    ["万人", "万元"],
    ["天", "次"],
  ])("%s -> %s is incompatible", (from, to) => {
    expect(scaleToUnit(1, from, to)).toBeNull();
  });

  it("scaling there and back returns the value", () => {
    const pairs = fc.constantFrom(["元", "万元"], ["万元", "亿元"], ["元", "亿元"], ["人", "万人"], ["家", "万家"]);
    fc.assert(
      fc.property(pairs, fc.integer({ min: -1e9, max: 1e9 }), ([a, b], n) => {
        const there = scaleToUnit(n / 100, a, b);
        expect(there).not.toBeNull();
        expect(scaleToUnit(there ?? 0, b, a)).toBe(n / 100);
      }),
    );
  });
});

describe("parseTarget/parseActual edge cases", () => {
  it.each([
    ["≥90", q(">=", 90, "")],
    ["25", q(">=", 25, "")],
    ["95%及以上", q(">=", 95, "%")],
    ["90%-100%", q(">=", 90, "%")],
    ["10天内完成", q("<=", 10, "天")],
    ["30日内", q("<=", 30, "天")],
    ["提前3天完成", q(">=", 3, "天")],
  ])("%p", (text, expected) => {
    expect(parseTarget(text)).toEqual(expected);
  });

  it.each(["达成", "是", "不低于上年"])("%p is qualitative", (text) => {
    expect(parseTarget(text)).toEqual({ kind: "qualitative", text });
  });

  it("reads 第一 as rank 1", () => {
    expect(parseActual("全省排名第一")).toEqual({ value: 1, unit: "名", rank: true });
    expect(parseActual("排名第一位")).toEqual({ value: 1, unit: "名", rank: true });
  });
});
