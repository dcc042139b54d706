// The streamed JSON report is byte-for-byte what JSON.stringify(…, null, 2) gives.
import { toJsonReport, validateWorkbook } from "../../src/core";
import { reportsJson } from "../../src/cli/json-out";
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
