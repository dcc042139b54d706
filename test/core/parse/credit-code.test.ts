import fc from "fast-check";
import { checkCreditCode, makeCreditCode } from "../../../src/core/parse/credit-code";

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

describe("checkCreditCode", () => {
  // The GB 32100 example and two published enterprise codes.
  it.each(["91350100M000100Y43", "91110108551385082Q", "91440300708461136T"])("accepts %p", (c) => {
    expect(checkCreditCode(c)).toEqual({ ok: true });
  });

  it("normalises width, case and surrounding spaces", () => {
    const code = makeCreditCode(4242);
    const fullWidth = code.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(checkCreditCode(` ${code.toLowerCase()}\u3000`)).toEqual({ ok: true });
    expect(checkCreditCode(fullWidth)).toEqual({ ok: true });
  });

  it.each([
    ["", "length"],
    ["91350100M000100Y4", "length"],
    ["91350100M000100Y433", "length"],
    ["91350100M000100I43", "charset"],
    ["91350100M000100O43", "charset"],
    ["91350100M000100Z43", "charset"],
    ["91350100M000100Y4-", "charset"],
    ["91350100M000100Y44", "checksum"],
    ["91350100M000100Y53", "checksum"],
  ])("%p -> %p", (c, reason) => {
    expect(checkCreditCode(c)).toEqual({ ok: false, reason });
  });

  it("reports a wrong 组织机构代码 check as checksum even when the final char matches", () => {
    // Body with a wrong org check char, then a final char computed to match.
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const good = makeCreditCode(7);
    const wrongOrg = CHARSET[(CHARSET.indexOf(good[16]) + 1) % 11];
    const first17 = good.slice(0, 16) + wrongOrg;
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * weights[i];
    const code = first17 + CHARSET[(31 - (sum % 31)) % 31];
    expect(checkCreditCode(code)).toEqual({ ok: false, reason: "checksum" });
  });

  it("makeCreditCode always makes a valid, deterministic code", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const c = makeCreditCode(seed);
        expect(c).toHaveLength(18);
        expect(checkCreditCode(c)).toEqual({ ok: true });
        expect(makeCreditCode(seed)).toBe(c);
      }),
    );
    expect(checkCreditCode(makeCreditCode(NaN))).toEqual({ ok: true });
  });

  it("any single-character change is caught", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (seed, pos, delta) => {
        const c = makeCreditCode(seed);
        const replaced = CHARSET[(CHARSET.indexOf(c[pos]) + delta) % 31];
        const mutated = c.slice(0, pos) + replaced + c.slice(pos + 1);
        expect(checkCreditCode(mutated).ok).toBe(false);
      }),
    );
  });

  it("a character outside the charset is a charset failure", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 17 }), fc.constantFrom("I", "O", "Z", "S", "V", "-", "中"), (seed, pos, ch) => {
        const c = makeCreditCode(seed);
        expect(checkCreditCode(c.slice(0, pos) + ch + c.slice(pos + 1))).toEqual({ ok: false, reason: "charset" });
      }),
    );
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: fc.constantFrom(...CHARSET), minLength: 18, maxLength: 18 })), (s) => {
        checkCreditCode(s);
      }),
    );
  });
});
