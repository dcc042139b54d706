import fc from "fast-check";
import { chineseToNumber } from "../../../src/core/parse/numerals";

describe("chineseToNumber", () => {
  it.each([
    ["零", 0],
    ["四", 4],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["二十五", 25],
    ["一百", 100],
    ["一百零五", 105],
    ["一百一十", 110],
    ["一百五", 150],
    ["三千五", 3500],
    ["一千零一", 1001],
    ["两万", 20000],
    ["一万五", 15000],
    ["一万零五百", 10500],
    ["十万", 100000],
    ["一千万", 10000000],
    ["五百亿", 50000000000],
    ["一亿零五百万", 105000000],
    ["壹拾贰万叁仟肆佰伍拾陆", 123456],
    ["伍仟", 5000],
    ["叁佰", 300],
    ["拾", 10],
    ["二〇二一", 2021],
    [" 四 ", 4],
  ])("%p -> %p", (s, n) => {
    expect(chineseToNumber(s)).toBe(n);
  });

  it.each(["", "abc", "4", "四五", "百", "万", "十十", "一百一千", "一万一万", "约两万", "亿"])("%p -> null", (s) => {
    expect(chineseToNumber(s)).toBeNull();
  });

  it("reads what it writes for 0..99999999", () => {
    const digits = "零一二三四五六七八九";
    const section = (n: number): string => {
      // n in 1..9999, standard form with 零 for gaps.
      const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
      const units = ["千", "百", "十", ""];
      let out = "";
      let zero = false;
      for (let i = 0; i < 4; i++) {
        if (parts[i] === 0) {
          if (out !== "") zero = true;
          continue;
        }
        if (zero) out += "零";
        zero = false;
        out += digits[parts[i]] + units[i];
      }
      return out;
    };
    const write = (n: number): string => {
      if (n === 0) return "零";
      const hi = Math.floor(n / 10000);
      const lo = n % 10000;
      if (hi === 0) return section(lo);
      if (lo === 0) return `${section(hi)}万`;
      return `${section(hi)}万${lo < 1000 ? "零" : ""}${section(lo)}`;
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99999999 }), (n) => {
        expect(chineseToNumber(write(n))).toBe(n);
      }),
    );
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."零一二两三四五六七八九十百千万亿壹拾佰仟x") }), (s) => {
        const n = chineseToNumber(s);
        expect(n === null || Number.isSafeInteger(n)).toBe(true);
      }),
    );
  });
});
