import fc from "fast-check";
import { CellError, isBlank } from "../../../src/core/grid";
import { normalizeHeader, normalizeName, splitList, toText } from "../../../src/core/parse/text";

describe("toText", () => {
  it.each([
    [null, ""],
    ["  单位名称 \n", "单位名称"],
    ["　全角空格　", "全角空格"],
    [123, "123"],
    [125000, "125000"],
    [12.5, "12.5"],
    [-3, "-3"],
    [123456789012345, "123456789012345"],
    [1e-7, "0.0000001"],
    [0.1 + 0.2, "0.3"],
    [1234567890123456, "1234567890123456"],
    [true, "TRUE"],
    [false, "FALSE"],
    [new Date(Date.UTC(2021, 11, 20)), "2021-12-20"],
    [new Date(Date.UTC(2021, 0, 5)), "2021-01-05"],
    [new CellError("#REF!"), "#REF!"],
  ])("%p -> %p", (v, expected) => {
    expect(toText(v)).toBe(expected);
  });

  it("gives an empty string for an invalid Date", () => {
    expect(toText(new Date(NaN))).toBe("");
  });

  it("trims exactly what String.prototype.trim trims, for every UTF-16 code unit at either end", () => {
    const differs: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `${ch}中`, `中${ch}`, `${ch}a${ch}`]) if (toText(s) !== s.trim()) differs.push(c.toString(16));
    }
    expect(differs).toEqual([]);
  });
});

describe("isBlank", () => {
  it("is blank exactly when trim() leaves nothing, for every UTF-16 code unit", () => {
    const differs: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `${ch}${ch}`, `${ch}x`, ` ${ch}`]) if (isBlank(s) !== (s.trim() === "")) differs.push(c.toString(16));
    }
    expect(differs).toEqual([]);
    expect([isBlank(null), isBlank(""), isBlank(0), isBlank(false), isBlank(" \u3000\n")]).toEqual([true, true, false, false, true]);
  });
});

describe("normalizeHeader", () => {
  it.each([
    ["批复金额（元）", "批复金额", "元"],
    ["批复金额(万元)", "批复金额", "万元"],
    ["批复金额[元]", "批复金额", "元"],
    ["批复金额【万元】", "批复金额", "万元"],
    ["金额（单位：万元）", "金额", "万元"],
    ["满意度（%）", "满意度", "%"],
    ["满意度（％）", "满意度", "%"],
    ["受助单位数（家）", "受助单位数", "家"],
    ["单位名称*", "单位名称", null],
    ["单位名称＊", "单位名称", null],
    ["批复金额（元）*", "批复金额", "元"],
    ["批复金额*（元）", "批复金额", "元"],
    [" 单 位\n名 称 ", "单位名称", null],
    ["单位　名称", "单位名称", null],
    ["统一社会信用代码（注册号）", "统一社会信用代码(注册号)", null],
    ["Approved Amount (Yuan)", "approvedamount", "元"],
    ["Approved (Wan Yuan)", "approved", "万元"],
    ["Approved (10k yuan)", "approved", "万元"],
    ["Approved (note)", "approved(note)", null],
    ["Name", "name", null],
    ["ＮＡＭＥ", "name", null],
    ["", "", null],
  ])("%p -> %p %p", (input, key, unit) => {
    expect(normalizeHeader(input)).toEqual({ key, unit });
  });

  it("never throws and never leaves whitespace in the key", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const r = normalizeHeader(s);
        expect(/\s/u.test(r.key)).toBe(false);
      }),
    );
  });
});

describe("normalizeName", () => {
  it("ignores spaces, width and bracket style", () => {
    expect(normalizeName("湖南 旭荣制衣（有限）公司")).toBe(normalizeName("湖南旭荣制衣(有限)公司"));
    expect(normalizeName("湖南旭荣制衣(有限)公司")).toBe("湖南旭荣制衣(有限)公司");
    expect(normalizeName("益阳ＡＢＣ电商 有限公司")).toBe("益阳abc电商有限公司");
    expect(normalizeName("〔益阳〕某公司")).toBe("(益阳)某公司");
    expect(normalizeName("某公司\n")).toBe("某公司");
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(normalizeName(normalizeName(s))).toBe(normalizeName(s));
      }),
    );
  });
});

describe("splitList", () => {
  it.each([
    ["资阳区、赫山区、益阳高新区", ["资阳区", "赫山区", "益阳高新区"]],
    ["资阳区，赫山区,益阳高新区", ["资阳区", "赫山区", "益阳高新区"]],
    ["资阳区;赫山区；益阳高新区", ["资阳区", "赫山区", "益阳高新区"]],
    ["资阳区\n赫山区\r\n益阳高新区", ["资阳区", "赫山区", "益阳高新区"]],
    [" 资阳区 、、 赫山区 ", ["资阳区", "赫山区"]],
    ["电商招商 园区发展", ["电商招商 园区发展"]],
    ["", []],
    ["、，", []],
  ])("%p", (input, expected) => {
    expect(splitList(input)).toEqual(expected);
  });

  it("never yields empty or untrimmed items", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        for (const item of splitList(s)) {
          expect(item).not.toBe("");
          expect(item).toBe(item.trim());
        }
      }),
    );
  });
});
