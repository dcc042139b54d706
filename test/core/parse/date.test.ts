import fc from "fast-check";
import { CellError } from "../../../src/core/grid";
import { parseDate } from "../../../src/core/parse/date";

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

describe("parseDate", () => {
  it.each([
    ["2021-12-20", d(2021, 12, 20)],
    ["2021/12/20", d(2021, 12, 20)],
    ["2021.12.20", d(2021, 12, 20)],
    ["2021年12月20日", d(2021, 12, 20)],
    ["2021年12月20号", d(2021, 12, 20)],
    ["2021 年 12 月 20 日", d(2021, 12, 20)],
    ["20211220", d(2021, 12, 20)],
    ["2021-1-5", d(2021, 1, 5)],
    ["2021/1/5", d(2021, 1, 5)],
    ["2021年1月5日", d(2021, 1, 5)],
    ["２０２１－１２－２０", d(2021, 12, 20)],
    ["２０２１年１２月２０日", d(2021, 12, 20)],
    [" 2021-12-20 ", d(2021, 12, 20)],
    ["2021-12-20 00:00:00", d(2021, 12, 20)],
    ["2020-02-29", d(2020, 2, 29)],
  ])("%p", (s, expected) => {
    expect(parseDate(s)).toEqual(expected);
  });

  it.each(["2021-02-30", "2021-13-01", "2021-00-10", "2021-12-32", "2019-02-29", "2021-12/20", "21-12-20", "2021122", "202112200", "明年", "", "2021年12月", "1899-12-31", "44550"])(
    "%p -> null",
    (s) => {
      expect(parseDate(s)).toBeNull();
    },
  );

  it.each([
    [1, d(1900, 1, 1)],
    [59, d(1900, 2, 28)],
    [61, d(1900, 3, 1)],
    [44550, d(2021, 12, 20)],
    [44550.75, d(2021, 12, 20)],
    [2958465, d(9999, 12, 31)],
  ])("serial %p", (n, expected) => {
    expect(parseDate(n)).toEqual(expected);
  });

  it.each([0, -1, 60, 0.5, 2958466, NaN, Infinity])("serial %p -> null", (n) => {
    expect(parseDate(n)).toBeNull();
  });

  it("takes the UTC date of a Date cell", () => {
    expect(parseDate(new Date(Date.UTC(2021, 11, 20, 15, 30)))).toEqual(d(2021, 12, 20));
    expect(parseDate(new Date(NaN))).toBeNull();
  });

  it("rejects other cell types", () => {
    expect(parseDate(null)).toBeNull();
    expect(parseDate(true)).toBeNull();
    expect(parseDate(new CellError("#N/A"))).toBeNull();
  });

  const date = fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((x) => d(x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate()));
  const p2 = (n: number) => String(n).padStart(2, "0");
  const full = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

  it("round-trips every text form", () => {
    fc.assert(
      fc.property(date, (x) => {
        const y = x.getUTCFullYear();
        const m = x.getUTCMonth() + 1;
        const day = x.getUTCDate();
        const forms = [
          `${y}-${p2(m)}-${p2(day)}`,
          `${y}/${p2(m)}/${p2(day)}`,
          `${y}.${p2(m)}.${p2(day)}`,
          `${y}年${m}月${day}日`,
          `${y}${p2(m)}${p2(day)}`,
          `${y}-${m}-${day}`,
          full(`${y}年${m}月${day}日`),
        ];
        for (const f of forms) expect(parseDate(f)).toEqual(x);
      }),
    );
  });

  it("round-trips Excel serials after 1900-03-01", () => {
    fc.assert(
      fc.property(date, (x) => {
        const serial = Math.round((x.getTime() - Date.UTC(1899, 11, 30)) / 86400000);
        expect(parseDate(serial)).toEqual(x);
        expect(parseDate(x)).toEqual(x);
      }),
    );
  });

  it("never throws and returns UTC midnight", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: fc.constantFrom(..."0123456789-/.年月日 ") }), fc.double()), (v) => {
        const r = parseDate(v);
        if (r) expect(r.getTime() % 86400000 === 0).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("yyyymmdd typed as a number", () => {
  it("reads 20211220 as 2021-12-20 and rejects 20210230", () => {
    expect(parseDate(20211220)?.toISOString().slice(0, 10)).toBe("2021-12-20");
    expect(parseDate(20210230)).toBeNull();
    expect(parseDate(44550)?.toISOString().slice(0, 10)).toBe("2021-12-20");
  });
});
