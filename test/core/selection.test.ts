// skip / select / severity from the config decide what a run reports, and bad selections are named.
import { selectionProblems } from "../../src/core/selection";
import { validateWorkbook } from "../../src/core/validate";
import { aWorkbook } from "./builders";

const codeAt = (r: ReturnType<typeof validateWorkbook>) => r.findings.map((f) => `${f.code}@${f.cell}:${f.severity}`);

describe("code selection", () => {
  const wb = () => aWorkbook().withRecipient({ name: "甲公司", area: "企业做大做强", approved: 100000, disbursed: 120000 }).withLine({ name: "甲公司", content: "直通车推广", amount: 120000 }).build();

  it("reports every code by default", () => {
    const all = validateWorkbook(wb());
    expect(all.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["disbursed-over-approved", "paid-traffic", "inferred-category"]));
  });

  it("skip drops a code and nothing else; counts follow", () => {
    const all = validateWorkbook(wb());
    const skipped = validateWorkbook(wb(), { config: { skip: ["paid-traffic", "inferred-category"] } });
    expect(codeAt(skipped)).toEqual(codeAt(all).filter((k) => !k.startsWith("paid-traffic@") && !k.startsWith("inferred-category@")));
    expect(skipped.summary.infos).toBe(all.summary.infos - all.findings.filter((f) => f.code === "paid-traffic" || f.code === "inferred-category").length);
  });

  it("select keeps only the codes named", () => {
    const r = validateWorkbook(wb(), { config: { select: ["disbursed-over-approved"] } });
    expect(r.findings.map((f) => f.code)).toEqual(["disbursed-over-approved"]);
    expect(r.summary).toMatchObject({ errors: 1, warnings: 0, infos: 0 });
  });

  it("severity changes a code's level and the counts", () => {
    const r = validateWorkbook(wb(), { config: { severity: { "paid-traffic": "warning" } } });
    expect(r.findings.filter((f) => f.code === "paid-traffic").map((f) => f.severity)).toEqual(["warning"]);
  });

  it("names what is wrong in a selection by its JSON path", () => {
    expect(selectionProblems({ skip: ["paid-traffic"], select: [], severity: { "hidden-row": "warning" } })).toEqual([]);
    expect(selectionProblems({ skip: ["no-such-code"] })).toEqual(["skip[0]: 「no-such-code」不是问题代码（见 docs/codes.md）"]);
    expect(selectionProblems({ select: "paid-traffic" as unknown as string[] })).toEqual(['select: 应为问题代码的数组，如 ["paid-traffic"]']);
    expect(selectionProblems({ severity: { "paid-traffic": "fatal" as "error" } })).toEqual(['severity.paid-traffic: 应为 "error"、"warning" 或 "info"']);
  });
});
