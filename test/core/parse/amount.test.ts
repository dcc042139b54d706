import fc from "fast-check";
import { CellError } from "../../../src/core/grid";
import { fenToYuanNumber, formatWan, formatYuan, formatYuanPlain } from "../../../src/core/messages/format";
import { parseAmount } from "../../../src/core/parse/amount";

const ok = (fen: number, precisionLoss = false) => ({ ok: true, fen, precisionLoss });
const bad = (raw: string) => ({ ok: false, raw });

describe("parseAmount: number cells", () => {
  it.each([
    [125000, "yuan", ok(12500000)],
    [0, "yuan", ok(0)],
    [-0, "yuan", ok(0)],
    [0.29, "yuan", ok(29)],
    [1.15, "yuan", ok(115)],
    [12.345, "yuan", ok(1235, true)],
    [12.3456, "yuan", ok(1235, true)],
    [-12.345, "yuan", ok(-1235, true)],
    [0.1 + 0.2, "yuan", ok(30)],
    [12, "wan", ok(12000000)],
    [3.5, "wan", ok(3500000)],
    [382.5, "wan", ok(382500000)],
    [0.000001, "wan", ok(1)],
    [1.2345678, "wan", ok(1234568, true)],
    [12.123456, "wan", ok(12123456)],
    [1e-7, "yuan", ok(0, true)],
  ] as const)("%p %s", (v, unit, expected) => {
    expect(parseAmount(v, unit)).toEqual(expected);
  });

  it.each([NaN, Infinity, -Infinity, 1e20])("%p is invalid", (v) => {
    expect(parseAmount(v, "yuan").ok).toBe(false);
  });
});

describe("parseAmount: text", () => {
  it.each([
    ["125000", "yuan", ok(12500000)],
    ["1,234.50", "yuan", ok(123450)],
    ["1,234,567.89", "yuan", ok(123456789)],
    ["¥1,234.50", "yuan", ok(123450)],
    ["￥1,234.50", "yuan", ok(123450)],
    ["¥ 1,234.50", "yuan", ok(123450)],
    ["1234.5元", "yuan", ok(123450)],
    ["1234圆", "yuan", ok(123400)],
    ["１２３", "yuan", ok(12300)],
    ["１２３．４", "yuan", ok(12340)],
    ["(1,234)", "yuan", ok(-123400)],
    ["（1,234）", "yuan", ok(-123400)],
    ["-1,234", "yuan", ok(-123400)],
    ["−1234", "yuan", ok(-123400)],
    ["－1234", "yuan", ok(-123400)],
    ["-¥1,234.00", "yuan", ok(-123400)],
    ["¥-1,234.00", "yuan", ok(-123400)],
    ["+12", "yuan", ok(1200)],
    [".5", "yuan", ok(50)],
    ["0.29", "yuan", ok(29)],
    ["1.005", "yuan", ok(101, true)],
    ["1.004", "yuan", ok(100, true)],
    ["-1.005", "yuan", ok(-101, true)],
    ["3.5万", "yuan", ok(3500000)],
    ["1万5", "yuan", ok(1500000)],
    ["1万5千", "yuan", ok(1500000)],
    ["2万3千5", "yuan", ok(2350000)],
    ["1万500", "yuan", ok(1050000)],
    ["5千", "yuan", ok(500000)],
    ["3百", "yuan", ok(30000)],
    ["8.5万元", "yuan", ok(8500000)],
    ["20万元", "yuan", ok(20000000)],
    ["2亿", "yuan", ok(20000000000)],
    ["1亿2000万", "yuan", ok(12000000000)],
    ["1.2千万", "yuan", ok(1200000000)],
    ["5万元整", "yuan", ok(5000000)],
    ["156804元", "yuan", ok(15680400)],
    ["12", "wan", ok(12000000)],
    ["12.5", "wan", ok(12500000)],
    ["12元", "wan", ok(1200)],
    ["3.5万", "wan", ok(3500000)],
    ["1.23456789", "wan", ok(1234568, true)],
    ["人民币壹拾贰万叁仟肆佰伍拾陆元柒角捌分", "yuan", ok(12345678)],
    ["壹拾贰万叁仟肆佰伍拾陆元柒角捌分", "wan", ok(12345678)],
    ["壹万元整", "yuan", ok(1000000)],
    ["伍仟元正", "yuan", ok(500000)],
    ["叁佰元零伍分", "yuan", ok(30005)],
    ["叁佰元伍角", "yuan", ok(30050)],
    ["壹仟零伍元", "yuan", ok(100500)],
    ["拾元", "yuan", ok(1000)],
    ["伍角", "yuan", ok(50)],
    ["壹万", "wan", ok(1000000)],
    ["-壹万元", "yuan", ok(-1000000)],
  ] as const)("%p (%s)", (text, unit, expected) => {
    expect(parseAmount(text, unit)).toEqual(expected);
  });

  it.each([
    ["约两万", "约两万"],
    ["abc", "abc"],
    ["12万元左右", "12万元左右"],
    ["两万", "两万"],
    ["1,23", "1,23"],
    ["12,34,567", "12,34,567"],
    ["1.2.3", "1.2.3"],
    ["--5", "--5"],
    ["5万5万", "5万5万"],
    ["5千1万", "5千1万"],
    ["1万50000", "1万50000"],
    ["12%", "12%"],
    ["万元", "万元"],
    ["元", "元"],
    ["¥", "¥"],
    ["()", "()"],
    ["整", "整"],
    ["5整", "5整"],
    ["壹贰", "壹贰"],
    ["1e5", "1e5"],
    ["  ", ""],
    [" 12万元左右 ", "12万元左右"],
  ])("%p is invalid", (text, raw) => {
    expect(parseAmount(text, "yuan")).toEqual(bad(raw));
  });

  it("reads a figure followed by a bracketed remark, as published tables write it (北塔 2020)", () => {
    expect(parseAmount("10(其中,灾情因素6万元)", "wan")).toEqual(ok(10 * 1000000));
    expect(parseAmount("25（其中：产业发展20万元）", "wan")).toEqual(ok(25 * 1000000));
    expect(parseAmount("3.5万（含税）", "yuan")).toEqual(ok(3500000));
    expect(parseAmount("(1,234)", "yuan")).toEqual(ok(-123400));
    expect(parseAmount("1234(元)", "yuan").ok).toBe(false);
    expect(parseAmount("(其中6万元)", "yuan").ok).toBe(false);
    expect(parseAmount("约10(待定)", "wan").ok).toBe(false);
  });

  it("blank, booleans, dates and errors are invalid", () => {
    expect(parseAmount(null, "yuan")).toEqual(bad(""));
    expect(parseAmount("", "yuan")).toEqual(bad(""));
    expect(parseAmount(true, "yuan")).toEqual(bad("TRUE"));
    expect(parseAmount(new Date(Date.UTC(2021, 11, 20)), "yuan")).toEqual(bad("2021-12-20"));
    expect(parseAmount(new CellError("#VALUE!"), "yuan")).toEqual(bad("#VALUE!"));
  });

  it("rejects long and pathological input quickly", () => {
    const t = Date.now();
    expect(parseAmount("1".repeat(5000), "yuan").ok).toBe(false);
    expect(parseAmount("1,".repeat(5000), "yuan").ok).toBe(false);
    expect(parseAmount("万".repeat(150), "yuan").ok).toBe(false);
    expect(parseAmount("9".repeat(30), "yuan").ok).toBe(false);
    expect(Date.now() - t).toBeLessThan(500);
  });
});

describe("formatting", () => {
  it.each([
    [12500000, "125000.00", "¥125,000.00", "12.50万"],
    [0, "0.00", "¥0.00", "0.00万"],
    [5, "0.05", "¥0.05", "0.00万"],
    [-123450, "-1234.50", "-¥1,234.50", "-0.12万"],
    [100000000000, "1000000000.00", "¥1,000,000,000.00", "100000.00万"],
    [382500000, "3825000.00", "¥3,825,000.00", "382.50万"],
  ])("%p", (fen, plain, grouped, wan) => {
    expect(formatYuanPlain(fen)).toBe(plain);
    expect(formatYuan(fen)).toBe(grouped);
    expect(formatWan(fen, 2, "万")).toBe(wan);
  });

  it("formats 万 with other digit counts, rounding half away from zero", () => {
    expect(formatWan(12345678, 0, "万")).toBe("12万");
    expect(formatWan(12500000, 0, "万")).toBe("13万");
    expect(formatWan(-12500000, 0, "万")).toBe("-13万");
    expect(formatWan(12345678, 4, "万")).toBe("12.3457万");
    expect(formatWan(12345678, 6, "万")).toBe("12.345678万");
    expect(formatWan(12345678, 8, "万")).toBe("12.34567800万");
    expect(formatWan(-4, 2, "万")).toBe("0.00万");
  });

  it("fenToYuanNumber", () => {
    expect(fenToYuanNumber(12345)).toBe(123.45);
    expect(fenToYuanNumber(29)).toBe(0.29);
    expect(fenToYuanNumber(-5)).toBe(-0.05);
  });
});

describe("properties", () => {
  const fen = fc.integer({ min: -1e13, max: 1e13 });

  it("formatYuanPlain round-trips in either workbook unit", () => {
    fc.assert(
      fc.property(fen, (n) => {
        expect(parseAmount(formatYuanPlain(n), "yuan")).toEqual(ok(n));
        expect(parseAmount(`${formatYuanPlain(n)}元`, "wan")).toEqual(ok(n));
      }),
    );
  });

  it("formatYuan round-trips", () => {
    fc.assert(
      fc.property(fen, (n) => {
        expect(parseAmount(formatYuan(n), "yuan")).toEqual(ok(n));
      }),
    );
  });

  it("formatWan with 6 digits round-trips exactly; with 2 digits within 50 yuan", () => {
    fc.assert(
      fc.property(fen, (n) => {
        expect(parseAmount(formatWan(n, 6, "万"), "yuan")).toEqual(ok(n));
        const r = parseAmount(formatWan(n, 2, "万"), "yuan");
        expect(r.ok).toBe(true);
        if (r.ok) expect(Math.abs(r.fen - n)).toBeLessThanOrEqual(5000);
      }),
    );
  });

  it("a number cell in yuan with 2 decimals is exact", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (n) => {
        expect(parseAmount(n / 100, "yuan")).toEqual(ok(n));
      }),
    );
  });

  it("a number cell in 万 with 6 decimals is exact", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (n) => {
        expect(parseAmount(n / 1e6, "wan")).toEqual(ok(n));
      }),
    );
  });

  it("never throws and fen is always a safe integer", () => {
    const units = fc.constantFrom<"yuan" | "wan">("yuan", "wan");
    const amountish = fc.string({ unit: fc.constantFrom(..."0123456789,.-()¥万千百亿元整壹拾佰仟角分零 ") });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), amountish), units, (s, unit) => {
        const r = parseAmount(s, unit);
        if (r.ok) expect(Number.isSafeInteger(r.fen)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.double(), units, (v, unit) => {
        const r = parseAmount(v, unit);
        if (r.ok) expect(Number.isSafeInteger(r.fen)).toBe(true);
      }),
    );
  });
});
