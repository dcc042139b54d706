import { CellEditModeError, createExcelOps } from "../../src/excel";
import { createFakeOffice } from "../fake-office";
import { smallWorkbook } from "./fixtures";

describe("cell-edit mode", () => {
  test("retries with backoff and succeeds once the user leaves the cell", async () => {
    const host = createFakeOffice(smallWorkbook());
    const waits: number[] = [];
    const ops = createExcelOps(host, { retry: { attempts: 5, baseDelayMs: 100 }, sleep: async (ms) => void waits.push(ms) });
    host.setCellEditMode(2);
    const wb = await ops.readWorkbook();
    expect(wb.sheets[1].rows[1][2]).toBe("益阳市甲电子商务有限公司");
    expect(waits).toEqual([100, 200]);
  });

  test("gives up after the last attempt with a clear error", async () => {
    const host = createFakeOffice(smallWorkbook());
    const waits: number[] = [];
    const ops = createExcelOps(host, { retry: { attempts: 3, baseDelayMs: 10 }, sleep: async (ms) => void waits.push(ms) });
    host.setCellEditMode(100);
    const err = await ops.selectCell("资金分配", "C2").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CellEditModeError);
    expect((err as CellEditModeError).code).toBe("InvalidOperationInCellEditMode");
    expect((err as Error).message).toMatch(/cell-edit mode.*3 attempts/);
    expect(waits).toEqual([10, 20]);
    expect(host.syncCount).toBe(3);
  });

  test("a write interrupted by cell-edit mode is re-run whole and applied once", async () => {
    const host = createFakeOffice(smallWorkbook());
    const ops = createExcelOps(host, { sleep: async () => undefined });
    host.setCellEditMode(1);
    await ops.writeLayouts([{ name: "审核结果", cells: [{ row: 0, col: 0, value: "标题" }], merges: [], columnWidths: [] }]);
    const names = host.snapshot().sheets.map((s) => s.name);
    expect(names.filter((n) => n === "审核结果")).toHaveLength(1);
  });

  test("other errors are not retried", async () => {
    const host = createFakeOffice(smallWorkbook());
    const ops = createExcelOps(host, { sleep: async () => undefined });
    await expect(ops.selectCell("没有这个表", "A1")).rejects.toThrow(/没有这个表/);
    expect(host.syncCount).toBe(1);
  });
});
