// The one money formatter against exact decimal arithmetic: half-up (away from zero) to the fen and to 0.01万元.
import fc from "fast-check";
import { formatWan, formatYuan } from "../../src/core/messages/format";
import { wan } from "../../src/taskpane/format";

/** Exact: fen / scale rounded half away from zero at `digits` decimals, in BigInt. */
function exact(fen: number, scale: bigint, digits: number): string {
  const f = BigInt(fen);
  const neg = f < 0n;
  const abs = neg ? -f : f;
  // Work at 10^-digits of the unit: scale the fen up when digits pass the fen's own precision.
  const exactDigits = scale.toString().length - 1;
  const up = digits > exactDigits ? 10n ** BigInt(digits - exactDigits) : 1n;
  const step = digits > exactDigits ? 1n : scale / 10n ** BigInt(digits);
  const units = (abs * up) / step + (((abs * up) % step) * 2n >= step ? 1n : 0n);
  const denom = 10n ** BigInt(digits);
  const int = (units / denom).toString();
  const dec = digits > 0 ? `.${(units % denom).toString().padStart(digits, "0")}` : "";
  return `${neg && units > 0n ? "-" : ""}${int}${dec}`;
}

const fenArb = fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: -20000, max: 20000 }), fc.constantFrom(15000, -15000, 5000, 4999, 5000000, 1e15));

describe("money formatting", () => {
  it("formatWan equals exact half-up rounding at every precision", () => {
    fc.assert(fc.property(fenArb, fc.integer({ min: 0, max: 9 }), (fen, digits) => {
      expect(formatWan(fen, digits, "")).toBe(exact(fen, 1000000n, digits));
    }), { numRuns: 5000 });
  });

  it("formatYuan equals exact rounding to the fen, grouped, with the sign before ¥", () => {
    fc.assert(fc.property(fenArb, (fen) => {
      const e = exact(fen, 100n, 2);
      const grouped = e.replace(/^(-?)(\d+)/, (_, s: string, i: string) => `${s}¥${i.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`);
      expect(formatYuan(fen)).toBe(grouped);
    }), { numRuns: 3000 });
  });

  it("rounds ties up where binary floating point rounds them down", () => {
    expect(formatWan(15000)).toBe("0.02万元"); // 150 元; (0.015).toFixed(2) is "0.01"
    expect(formatWan(105000)).toBe("0.11万元");
    expect(formatWan(-15000)).toBe("-0.02万元");
    expect(formatWan(4999)).toBe("0.00万元");
    expect(formatWan(-4999)).toBe("0.00万元");
    expect(formatWan(382500000, 2, "万元", true)).toBe("382.50万元");
    expect(formatWan(12345678999, 2, "", true)).toBe("12,345.68");
  });

  it("the pane's 万元 figures come from the same formatter", () => {
    fc.assert(fc.property(fc.integer({ min: -1e11, max: 1e11 }), (fen) => {
      expect(wan(fen / 100)).toBe(formatWan(fen, 2, "", true));
    }), { numRuns: 2000 });
    expect(wan(150)).toBe("0.02");
  });
});
