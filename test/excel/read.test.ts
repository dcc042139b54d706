import { CellError, isCellError } from "../../src/core/grid";
import { createExcelOps, MARKS_SHEET } from "../../src/excel";
import { createFakeOffice } from "../fake-office";
import { largeWorkbook, smallWorkbook } from "./fixtures";

const MB5 = 5_000_000;

describe("readWorkbook", () => {
  test("values, error values, merges, hidden rows, offsets and hidden sheets", async () => {
    const host = createFakeOffice(smallWorkbook());
    const wb = await createExcelOps(host).readWorkbook();
    expect(wb.sheets.map((s) => s.name)).toEqual(["项目信息", "资金分配", "空白", "偏移"]);
    const alloc = wb.sheets[1];
    expect(alloc.rows[1]).toEqual([1, "资阳区", "益阳市甲电子商务有限公司", "电商招商", 20, 44550]);
    expect(alloc.rows[2][1]).toBeNull();
    expect(alloc.rows[3][2]).toEqual(new CellError("#REF!"));
    expect(isCellError(alloc.rows[3][4])).toBe(true);
    expect(alloc.rows[3][5]).toBe(true);
    // A user's string that looks like a formula is read back as the string it is.
    expect(alloc.rows[4][2]).toBe('=HYPERLINK("http://x","点我")');
    expect(alloc.rows[4]).toHaveLength(5);
    expect(alloc.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 1 }]);
    expect(alloc.hiddenRows).toEqual([3]);
    expect(wb.sheets[2]).toEqual({ name: "空白", rows: [] });
    const offset = wb.sheets[3];
    expect(offset.hidden).toBe(true);
    expect(offset.rows).toEqual([[], [], [null, null, "表头", "金额"], [null, null, "数据", 12]]);
    // Sheet list, used ranges (+ visible rows), merged areas, values.
    expect(host.syncCount).toBe(4);
  });

  test("on ExcelApi 1.7 it reads values only and calls nothing newer", async () => {
    const host = createFakeOffice(smallWorkbook(), { excelApi: "1.7" });
    const ops = createExcelOps(host);
    expect(ops.apiSupport()).toMatchObject({ excel17: true, merges: false, notes: false, comments: false, hiddenRows: false });
    const wb = await ops.readWorkbook();
    expect(wb.sheets[1].merges).toBeUndefined();
    expect(wb.mergesUnread).toEqual(["项目信息", "资金分配", "偏移"]);
    expect(wb.sheets[1].hiddenRows).toBeUndefined();
    expect(wb.sheets[1].rows[1][2]).toBe("益阳市甲电子商务有限公司");
  });

  test("1,500 merged areas on one sheet (Excel returns at most 512 a query): every area read, blocks halved", async () => {
    const values = Array.from({ length: 3000 }, (_, i) => [i % 2 === 0 ? `单位${i}` : null, i]);
    const merges = Array.from({ length: 1500 }, (_, i) => `A${2 * i + 1}:A${2 * i + 2}`);
    const host = createFakeOffice({ sheets: [{ name: "支出明细", values, merges }] });
    const wb = await createExcelOps(host).readWorkbook();
    expect(wb.sheets[0].merges).toHaveLength(1500);
    expect(wb.sheets[0].merges?.[1499]).toEqual({ top: 2998, left: 0, bottom: 2999, right: 0 });
    expect(wb.mergesUnread).toBeUndefined();
    expect(host.syncs.some((s) => s.error === "GeneralException")).toBe(true);
  });

  test("the marks bookkeeping sheet is not part of the workbook's data", async () => {
    const seed = smallWorkbook();
    seed.sheets.push({ name: MARKS_SHEET, values: [["sheet"]], visibility: "VeryHidden" });
    const wb = await createExcelOps(createFakeOffice(seed)).readWorkbook();
    expect(wb.sheets.map((s) => s.name)).not.toContain(MARKS_SHEET);
  });

  test("readSheet returns one sheet, or null when it does not exist", async () => {
    const host = createFakeOffice(smallWorkbook());
    const ops = createExcelOps(host);
    expect((await ops.readSheet("资金分配"))?.rows[0][0]).toBe("序号");
    expect(await ops.readSheet("审核结果")).toBeNull();
  });

  test("a 20,000-line workbook: constant syncs, every payload under 5 MB, progress reported", async () => {
    const host = createFakeOffice(largeWorkbook());
    const progress: number[] = [];
    const wb = await createExcelOps(host).readWorkbook((p) => progress.push(p.done));
    const spend = wb.sheets.find((s) => s.name === "支出明细");
    expect(spend?.rows).toHaveLength(20001);
    expect(spend?.rows[20000][6]).toBe("记-2021-19999");
    // Sheet list, used ranges, merged areas, the sample block, the rest.
    expect(host.syncCount).toBeLessThanOrEqual(5);
    expect(host.maxRequestBytes).toBeLessThan(MB5);
    expect(host.maxResponseBytes).toBeLessThan(MB5);
    expect(progress[progress.length - 1]).toBe(20001 + 501 + 6 + 13);
    console.log(`20,000-line workbook: ${host.syncCount} syncs, largest request ${host.maxRequestBytes} B, largest response ${host.maxResponseBytes} B`);
  });

  test("a 6,000,000-cell sheet is read in blocks: no null values, no payload over 5 MB", async () => {
    const rows = 600_000;
    const values: number[][] = new Array(rows);
    for (let r = 0; r < rows; r++) values[r] = [r, 1, 2, 3, 4, 5, 6, 7, 8, r % 97];
    const host = createFakeOffice({ sheets: [{ name: "大表", values }] });
    const wb = await createExcelOps(host).readWorkbook();
    const grid = wb.sheets[0];
    expect(grid.rows).toHaveLength(rows);
    expect(grid.rows[rows - 1]).toEqual([rows - 1, 1, 2, 3, 4, 5, 6, 7, 8, (rows - 1) % 97]);
    expect(host.maxResponseBytes).toBeLessThan(MB5);
    expect(host.maxRequestBytes).toBeLessThan(MB5);
    expect(host.syncs.every((s) => !s.error)).toBe(true);
    console.log(`6,000,000-cell sheet: ${host.syncCount} syncs, largest response ${host.maxResponseBytes} B`);
  });

  test("trailing rows that are formatted or hold empty strings are trimmed", async () => {
    const values: (string | number | null)[][] = [["单位名称", "金额"]];
    for (let i = 1; i <= 10; i++) values.push([`公司${i}`, i]);
    // Formula-blank cells ("") far below the data, and a fill down to row 1,048,576.
    for (let i = 0; i < 5000; i++) values.push(["", null]);
    const host = createFakeOffice({ sheets: [{ name: "支出明细", values, fills: { "A1:J1048576": "#FFF2CC" } }] });
    const wb = await createExcelOps(host).readWorkbook();
    expect(wb.sheets[0].rows).toHaveLength(11);
    expect(host.maxResponseBytes).toBeLessThan(200_000);
  });

  test("when a response would pass 5 MB the adapter re-reads the rows in smaller blocks", async () => {
    // A short sample, then 3,000 rows of 5 long Chinese cells: ~1.8 KB a row, far above what
    // the sample measured. Excel on the web names this ResponsePayloadSizeLimitExceeded.
    const long = "项目资金使用情况说明".repeat(40);
    const values: (string | number)[][] = Array.from({ length: 5000 }, (_, i) => [i, "短", "短", "短", "短"]);
    for (let i = 0; i < 3000; i++) values.push([i, long, long, long, long]);
    const host = createFakeOffice({ sheets: [{ name: "说明", values }] });
    const wb = await createExcelOps(host).readWorkbook();
    expect(wb.sheets[0].rows).toHaveLength(8000);
    expect(wb.sheets[0].rows[7999][4]).toBe(long);
    const errors = host.syncs.flatMap((s) => (s.error ? [s.error] : []));
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(new Set(errors)).toEqual(new Set(["ResponsePayloadSizeLimitExceeded"]));
    expect(Math.max(...host.syncs.filter((s) => !s.error).map((s) => s.responseBytes))).toBeLessThan(MB5);
  });

  test("the first block is a measured sample: 30 B a cell (ten CJK characters) reads without a failed sync", async () => {
    const text = "益阳市电子商务协会";
    const values = Array.from({ length: 40_000 }, (_, i) => [i, text, text, text, text, text, text, text]);
    const host = createFakeOffice({ sheets: [{ name: "支出明细", values }] });
    const wb = await createExcelOps(host).readWorkbook();
    expect(wb.sheets[0].rows).toHaveLength(40_000);
    expect(host.syncs.every((s) => !s.error)).toBe(true);
    expect(host.maxResponseBytes).toBeLessThan(MB5);
  });

  test("a values get that fails with GeneralException is re-read in smaller blocks", async () => {
    const values = Array.from({ length: 30_000 }, (_, i) => [i, "甲", "乙", 1.5]);
    const host = createFakeOffice({ sheets: [{ name: "支出明细", values }] }, { generalExceptionCells: 50_000 });
    const wb = await createExcelOps(host).readWorkbook();
    expect(wb.sheets[0].rows[29_999]).toEqual([29_999, "甲", "乙", 1.5]);
    expect(host.syncs.some((s) => s.error === "GeneralException")).toBe(true);
  });
});
