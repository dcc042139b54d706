import type { Finding } from "../../src/core";
import { NO_FILTER, NO_RECIPIENT, facet, filterFindings, groupFindings, isFiltered, searchTexts, viewFindings } from "../../src/taskpane/findings-view";
import { aFinding, SEED_FINDINGS } from "./fixtures";

const codes = (fs: { code: string }[]): string[] => fs.map((f) => f.code);

describe("findings view", () => {
  it("filters by each facet and by all words of the search text", () => {
    expect(filterFindings(SEED_FINDINGS, NO_FILTER)).toHaveLength(5);
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(codes(filterFindings(SEED_FINDINGS, { ...NO_FILTER, severities: ["warning"] }))).toEqual(["claimed-score-mismatch", "missing-execution-reason"]);
    expect(codes(filterFindings(SEED_FINDINGS, { ...NO_FILTER, sheet: "支出明细" }))).toEqual(["forbidden-category", "paid-traffic"]);
    expect(codes(filterFindings(SEED_FINDINGS, { ...NO_FILTER, recipient: NO_RECIPIENT }))).toEqual(["claimed-score-mismatch", "missing-execution-reason"]);
    expect(codes(filterFindings(SEED_FINDINGS, { ...NO_FILTER, code: "paid-traffic" }))).toEqual(["paid-traffic"]);
    expect(codes(filterFindings(SEED_FINDINGS, { ...NO_FILTER, text: "促销 电商" }))).toEqual(["forbidden-category"]);
    expect(codes(filterFindings(SEED_FINDINGS, { ...NO_FILTER, text: "B20" }))).toEqual(["claimed-score-mismatch"]);
    expect(isFiltered({ ...NO_FILTER, text: "  " })).toBe(false);
  });

  it("counts each facet value under the other filters", () => {
    const filter = { ...NO_FILTER, severities: ["error" as const] };
    expect(facet(SEED_FINDINGS, filter, "sheet")).toEqual([
      { key: "支出明细", count: 1 },
      { key: "资金分配", count: 1 },
      { key: "项目信息", count: 0 },
    ]);
    // The severity facet ignores the severity filter itself.
    expect(facet(SEED_FINDINGS, filter, "severities")).toEqual([
      { key: "error", count: 2 },
      { key: "warning", count: 2 },
      { key: "info", count: 1 },
    ]);
  });

  it("groups contiguously: severity in fixed order, sheets by appearance, recipients sorted with none last", () => {
    const mixed = [aFinding("a", "S2!A1", { severity: "info" }), aFinding("b", "S1!A1", { severity: "warning", recipient: "乙" }), aFinding("c", "S2!A2", { recipient: "甲" })];
    const bySeverity = groupFindings(mixed, "severity");
    expect(codes(bySeverity.items)).toEqual(["c", "b", "a"]);
    expect(bySeverity.groups.map((g) => [g.value, g.startIndex, g.count])).toEqual([
      ["error", 0, 1],
      ["warning", 1, 1],
      ["info", 2, 1],
    ]);
    const bySheet = groupFindings(mixed, "sheet");
    expect(bySheet.groups.map((g) => [g.value, g.count])).toEqual([
      ["S2", 2],
      ["S1", 1],
    ]);
    expect(codes(bySheet.items)).toEqual(["c", "a", "b"]); // errors first within a sheet
    const byRecipient = groupFindings(mixed, "recipient");
    expect(byRecipient.groups.map((g) => g.value)).toEqual(["甲", "乙", NO_RECIPIENT]);
  });

  it("builds each finding's search text once per result, however many keys are typed (64k findings)", () => {
    let reads = 0;
    const many: Finding[] = Array.from({ length: 64000 }, (_, i) => {
      const f = aFinding(i % 3 ? "paid-traffic" : "forbidden-category", `支出明细!C${i + 2}`, { severity: i % 3 ? "info" : "error", recipient: `单位${i % 500}` });
      const message = `第 ${i} 行 直通车 ${i % 7 ? "促销" : "培训"}`;
      Object.defineProperty(f, "message", { enumerable: true, get: () => (reads++, message) });
      return f;
    });
    const typed = ["促", "促销", "促销 单位1", "促销 单位12", "促销 单位123", "培训"];
    const views = typed.map((text) => viewFindings(many, { ...NO_FILTER, text, severities: ["error", "info"] }));
    expect(reads).toBe(64000);
    expect(searchTexts(many)).toBe(searchTexts(many));
    // The one pass gives the same answers as counting each facet on its own.
    const v = views[2];
    const expected = many.filter((f) => f.message.includes("促销") && f.recipient?.startsWith("单位1"));
    expect(v.shown).toEqual(expected);
    expect(v.facets.severities).toEqual([
      { key: "error", count: expected.filter((f) => f.severity === "error").length },
      { key: "info", count: expected.filter((f) => f.severity === "info").length },
    ]);
    expect(v.facets.code.map((c) => c.key)).toEqual(["forbidden-category", "paid-traffic"]);
    expect(v.facets.recipient.reduce((n, c) => n + c.count, 0)).toBe(expected.length);
    expect(v.facets.recipient).toHaveLength(500);
  });

  it("counts a finding failing only one facet under that facet, and not when it fails two", () => {
    const filter = { ...NO_FILTER, sheet: "支出明细", code: "paid-traffic" };
    const v = viewFindings(SEED_FINDINGS, filter);
    expect(codes(v.shown)).toEqual(["paid-traffic"]);
    expect(v.facets.sheet).toEqual([
      { key: "支出明细", count: 1 },
      { key: "资金分配", count: 0 },
      { key: "项目信息", count: 0 },
    ]);
    expect(v.facets.code).toEqual([
      { key: "forbidden-category", count: 1 },
      { key: "spend-over-disbursed", count: 0 },
      { key: "claimed-score-mismatch", count: 0 },
      { key: "missing-execution-reason", count: 0 },
      { key: "paid-traffic", count: 1 },
    ]);
  });
});
