// The streamed JSON report is byte-for-byte what JSON.stringify(…, null, 2) gives.
import { toJsonReport, validateWorkbook } from "../../src/core";
import { reportsJson } from "../../src/cli/json-out";
import { aWorkbook } from "../core/builders";

const report = (extra = 0) => {
  const b = aWorkbook();
  for (let i = 0; i < extra; i++) b.withLine({ name: "不在名单的公司", content: `促销${i}`, amount: "abc" });
  return toJsonReport(validateWorkbook(b.build()), `a${extra}.xlsx`);
};

describe("streamed JSON", () => {
  it("equals JSON.stringify for one report, with and without findings", () => {
    for (const r of [report(0), report(3)]) expect([...reportsJson([r])].join("")).toBe(`${JSON.stringify(r, null, 2)}\n`);
    expect(report(0).findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
  it("equals JSON.stringify for several reports (an array)", () => {
    const rs = [report(2), report(0), report(1)];
    expect([...reportsJson(rs)].join("")).toBe(`${JSON.stringify(rs, null, 2)}\n`);
  });
});
