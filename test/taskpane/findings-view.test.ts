import { NO_FILTER, NO_RECIPIENT, facet, filterFindings, groupFindings, isFiltered } from "../../src/taskpane/findings-view";
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
});
