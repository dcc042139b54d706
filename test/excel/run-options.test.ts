// Excel.run's options: a writing run is one undo step where ExcelApi 1.20 allows (mergeUndoGroup),
// delayForCellEdit where the host has it, and the retry kept as the fallback with the pane told
// at the first refusal.
import type { Finding } from "../../src/core/types";
import { createExcelOps } from "../../src/excel";
import { createFakeOffice, type FakeOfficeOptions } from "../fake-office";

const ROWS = 1200;

function host(opts: FakeOfficeOptions) {
  const values: (string | number)[][] = [["序号", "单位名称"]];
  for (let i = 1; i <= ROWS; i++) values.push([i, `单位${i}`]);
  return createFakeOffice({ sheets: [{ name: "支出明细", values }] }, opts);
}

const FINDINGS: Finding[] = Array.from({ length: ROWS }, (_, i) => ({ code: "required-missing", severity: "error", message: `第 ${i + 2} 行缺单位名称`, sheet: "支出明细", cell: `支出明细!B${i + 2}`, row: i + 2, col: 1 }));
const LAYOUT = { name: "审核结果", cells: [{ row: 0, col: 0, value: "标题" }], merges: [], columnWidths: [] };

describe("one undo step per run (ExcelApi 1.20 mergeUndoGroup)", () => {
  test("ExcelApi 1.20: marking 1,200 cells takes several syncs and is one undo step; so are clearing and a fill", async () => {
    const h = host({ excelApi: "1.20" });
    const ops = createExcelOps(h);
    expect(ops.apiSupport().undoGroup).toBe(true);
    h.resetCounters();
    await ops.markFindings(FINDINGS);
    expect(h.syncs.filter((s) => s.actions > 100).length).toBeGreaterThan(2);
    expect(h.undoSteps).toBe(1);
    expect(h.runs).toEqual([{ mergeUndoGroup: true }]);
    h.resetCounters();
    await ops.clearMarks();
    expect(h.undoSteps).toBe(1);
    h.resetCounters();
    await ops.writeLayouts([LAYOUT]);
    expect(h.undoSteps).toBe(1);
  });

  test("reads never ask for an undo group", async () => {
    const h = host({ excelApi: "1.20" });
    const ops = createExcelOps(h);
    await ops.readWorkbook();
    await ops.selectCell("支出明细", "B2");
    expect(h.runs).toEqual([{}, {}]);
  });

  test("below ExcelApi 1.20 the option is not sent and each writing sync is an undo step, as the host makes it", async () => {
    const h = host({ excelApi: "1.18" });
    const ops = createExcelOps(h);
    expect(ops.apiSupport().undoGroup).toBe(false);
    h.resetCounters();
    await ops.markFindings(FINDINGS);
    expect(h.runs).toEqual([{}]);
    expect(h.undoSteps).toBeGreaterThan(2);
  });
});

describe("cell-edit mode", () => {
  test("a host with DelayForCellEdit holds the batch until the user leaves the cell: no retry, no wait, no notice", async () => {
    const h = host({ excelApi: "1.20", delayForCellEdit: true });
    const waits: number[] = [];
    const ops = createExcelOps(h, { sleep: async (ms) => void waits.push(ms) });
    const told: string[] = [];
    ops.onCellEditWait?.(() => told.push("wait"));
    h.setCellEditMode(3);
    expect(await ops.markFindings(FINDINGS.slice(0, 3))).toBe(3);
    expect(h.runs).toEqual([{ delayForCellEdit: true, mergeUndoGroup: true }]);
    expect(h.syncs[0].delayed).toBe(true);
    expect(h.syncs.every((s) => !s.error)).toBe(true);
    expect(waits).toEqual([]);
    expect(told).toEqual([]);
  });

  test("without it, the pane is told at the first refusal, before any wait, and the retry finishes the run", async () => {
    const h = host({ excelApi: "1.18" });
    const events: string[] = [];
    const ops = createExcelOps(h, { retry: { attempts: 5, baseDelayMs: 100 }, sleep: async (ms) => void events.push(`sleep ${ms}`) });
    const stop = ops.onCellEditWait?.(() => events.push("told"));
    h.setCellEditMode(2);
    expect(await ops.markFindings(FINDINGS.slice(0, 3))).toBe(3);
    expect(h.runs[0]).toEqual({});
    expect(events).toEqual(["told", "sleep 100", "sleep 200"]);
    stop?.();
    h.setCellEditMode(1);
    await ops.readWorkbook();
    expect(events).toEqual(["told", "sleep 100", "sleep 200", "sleep 100"]);
  });
});
