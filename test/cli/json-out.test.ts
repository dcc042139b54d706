// The streamed JSON report is byte-for-byte what JSON.stringify(…, null, 2) gives.
import fc from "fast-check";
import { toJsonReport, validateWorkbook, type Finding } from "../../src/core";
import { reportsJson, writeChunked } from "../../src/cli/json-out";
import { aWorkbook } from "../core/builders";

const entry = (extra = 0) => {
  const b = aWorkbook();
  for (let i = 0; i < extra; i++) b.withLine({ name: "不在名单的公司", content: `促销${i}`, amount: "abc" });
  return { result: validateWorkbook(b.build()), workbook: `a${extra}.xlsx` };
};
const asJson = (e: ReturnType<typeof entry>) => toJsonReport(e.result, e.workbook);

describe("streamed JSON", () => {
  it("equals JSON.stringify for one report, with and without findings", () => {
    for (const e of [entry(0), entry(3)]) expect([...reportsJson([e])].join("")).toBe(`${JSON.stringify(asJson(e), null, 2)}\n`);
    expect(entry(0).result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(entry(3).result.findings.some((f) => f.raw !== undefined)).toBe(true);
  });
  it("equals JSON.stringify for several reports (an array)", () => {
    const es = [entry(2), entry(0), entry(1)];
    const failed = { workbook: "bad.xlsx", ok: false as const, error: { code: "csv", message: "不是 xlsx" } };
    expect([...reportsJson([...es, failed])].join("")).toBe(`${JSON.stringify([...es.map(asJson), failed], null, 2)}\n`);
  });
});

describe("findings written by hand", () => {
  const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.constantFrom("", "\"引号\"", "a\\b", "\n\t\u0000", "\ud800", "</script>", "支出明细!E17"));
  const value = fc.oneof(text, fc.double(), fc.integer(), fc.constantFrom(-0, NaN, Infinity, 1e21, 0.1 + 0.2), fc.constant(undefined));
  const finding = fc.record({
    code: fc.constantFrom("inferred-category", "cell-error"), severity: fc.constantFrom("error", "warning", "info"), message: text, sheet: text, cell: text,
    row: fc.integer({ min: 1, max: 1048576 }), col: fc.integer({ min: 0, max: 16383 }),
    recipient: fc.option(text, { nil: undefined }), category: fc.option(text, { nil: undefined }), keyword: fc.option(text, { nil: undefined }),
    amount: fc.option(fc.double(), { nil: undefined }), limit: fc.option(fc.double(), { nil: undefined }), expected: value, actual: value, raw: fc.option(text, { nil: undefined }),
  });

  it("give JSON.stringify's text for any values, repeated or not", () => {
    const base = entry(0);
    fc.assert(fc.property(fc.array(finding, { maxLength: 8 }), fc.boolean(), (fs, twice) => {
      const findings = (twice ? [...fs, ...fs] : fs) as Finding[];
      const e = { result: { ...base.result, findings }, workbook: "p.xlsx" };
      expect([...reportsJson([e])].join("")).toBe(`${JSON.stringify(asJson(e), null, 2)}\n`);
      expect([...reportsJson([e, e])].join("")).toBe(`${JSON.stringify([asJson(e), asJson(e)], null, 2)}\n`);
    }), { numRuns: 300 });
  });
});

describe("writeChunked", () => {
  /** The chunks one write of `pieces` hands the stream, each decoded on its own. */
  async function chunks(pieces: string[]): Promise<string[]> {
    const out: string[] = [];
    const io = { out: () => undefined, err: () => undefined, color: false, progress: false, write: async (t: string | Uint8Array) => void out.push(typeof t === "string" ? t : Buffer.from(t).toString("utf8")) };
    await writeChunked(io, pieces);
    return out;
  }

  it("gives the pieces' text in chunks of about 1 MB that each end between characters", async () => {
    // 3-byte and 4-byte (surrogate pair) characters straddling every chunk boundary.
    const pieces = Array.from({ length: 40000 }, (_, i) => `{"message": "第${i}行：金额𠀀超出 ${"x".repeat(i % 17)}"}`);
    const out = await chunks(pieces);
    expect(out.join("")).toBe(pieces.join(""));
    expect(out.length).toBeGreaterThan(1);
    for (const c of out) {
      expect(c).not.toContain("\ufffd");
      expect(Buffer.byteLength(c)).toBeLessThanOrEqual(1 << 20);
    }
  });

  it("writes a piece larger than a chunk as it is, after what came before", async () => {
    const big = "汇".repeat(400000);
    const out = await chunks(["a", big, "b"]);
    expect(out).toEqual(["a", big, "b"]);
  });

  it("writes nothing for no pieces", async () => {
    expect(await chunks([])).toEqual([]);
  });
});
