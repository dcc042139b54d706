// validateWorkbook's optional progress callback (issue 22): the pane's bar follows it.
import { validateWorkbook } from "../../src/core/validate";
import type { EngineProgress } from "../../src/core/progress";
import { aWorkbook } from "./builders";

const PHASES = ["read", "rules", "done"];

describe("engine progress", () => {
  it("reports each role sheet's rows, then each rule, monotonely, ending at done", () => {
    const grids = aWorkbook().build();
    const seen: EngineProgress[] = [];
    const result = validateWorkbook(grids, { lang: "zh" }, (p) => seen.push({ ...p }));
    const reads = seen.filter((p) => p.phase === "read");
    const rules = seen.filter((p) => p.phase === "rules");
    // Phases in order, never going back; within a phase done only grows, up to its total.
    expect(seen.map((p) => PHASES.indexOf(p.phase))).toEqual([...seen.map((p) => PHASES.indexOf(p.phase))].sort((a, b) => a - b));
    for (const list of [reads, rules]) {
      list.forEach((p, i) => {
        expect(p.done).toBeLessThanOrEqual(p.total);
        if (i > 0) expect(p.done).toBeGreaterThanOrEqual(list[i - 1].done);
      });
    }
    // The read phase counts the rows of the sheets given roles, and names them.
    const roleRows = grids.sheets.filter((s) => reads.some((p) => p.sheet === s.name)).reduce((n, s) => n + s.rows.length, 0);
    expect(reads.map((p) => p.sheet)).toEqual(expect.arrayContaining(["项目信息", "资金分配", "支出明细", "绩效指标"]));
    expect(reads[reads.length - 1]).toMatchObject({ done: roleRows, total: roleRows });
    expect(rules.length).toBeGreaterThan(3);
    expect(rules.map((p) => p.done)).toEqual(rules.map((_, i) => i + 1));
    expect(seen[seen.length - 1]).toEqual({ phase: "done", done: 1, total: 1 });
    // The callback changes nothing in the result.
    expect(result).toEqual(validateWorkbook(grids, { lang: "zh" }));
  });
});
