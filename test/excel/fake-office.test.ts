// The fake host must fail where office-js fails, or adapter tests prove nothing.
import { createFakeOffice, type FakeOfficeHost } from "../fake-office";

const seed = { sheets: [{ name: "S", values: [["a", 1], ["b", 2]] }, { name: "T", values: [] }] };

function run<T>(host: FakeOfficeHost, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return host.Excel.run(batch);
}

describe("fake office host", () => {
  test("a property throws PropertyNotLoaded until loaded and synced", async () => {
    const host = createFakeOffice(seed);
    await run(host, async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:B2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([["a", 1], ["b", 2]]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("writes apply at sync; *OrNullObject gives isNullObject; getItem of a missing sheet fails at sync", async () => {
    const host = createFakeOffice(seed);
    await run(host, async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("C1").values = [["x"]];
      expect(host.model.sheetByName("S")?.getValue(0, 2)).toBeUndefined();
      const missing = context.workbook.worksheets.getItemOrNullObject("nope");
      await context.sync();
      expect(host.model.sheetByName("S")?.getValue(0, 2)).toBe("x");
      expect(missing.isNullObject).toBe(true);
      context.workbook.worksheets.getItem("nope").getRange("A1").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(host.syncCount).toBe(2);
  });

  test("values: '=…' becomes a formula, but not in a text cell or after an apostrophe; numeric strings become numbers", async () => {
    const host = createFakeOffice(seed);
    await run(host, async (context) => {
      const r = context.workbook.worksheets.getItem("T").getRange("A1:D1");
      r.numberFormat = [["General", "@", "General", "General"]];
      r.values = [['=HYPERLINK("#A1","go")', "=1+1", "'=2+2", "42"]];
      await context.sync();
    });
    const t = host.snapshot().sheets[1];
    expect(t.formulas).toEqual({ A1: '=HYPERLINK("#A1","go")' });
    expect(t.values[0]).toEqual(["go", "=1+1", "=2+2", 42]);
  });

  test("a request or response over the payload limit is rejected; a get of > 5,000,000 cells returns null", async () => {
    const host = createFakeOffice(seed, { payloadLimit: 1000 });
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("T").getRange("A1:A100").values = Array.from({ length: 100 }, () => ["0123456789abcdef"]);
      await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    });
    const big = createFakeOffice(seed);
    await run(big, async (context) => {
      const r = context.workbook.worksheets.getItem("T").getRange("A1:E1000001");
      r.load("values,cellCount");
      await context.sync();
      expect(r.cellCount).toBe(5_000_005);
      expect(r.values).toBeNull();
    });
  });

  test("merged areas: only those anchored in the range (office-js #3611), and an error above 512", async () => {
    const merges = ["B2:B3", ...Array.from({ length: 513 }, (_, i) => `D${i * 2 + 1}:D${i * 2 + 2}`)];
    const host = createFakeOffice({ sheets: [{ name: "T", values: [["a"]], merges }] });
    await run(host, async (context) => {
      const ws = context.workbook.worksheets.getItem("T");
      const anchor = ws.getRange("B2").getMergedAreasOrNullObject().load("address");
      const inner = ws.getRange("B3").getMergedAreasOrNullObject().load("address");
      await context.sync();
      expect(anchor.address).toBe("T!B2:B3");
      expect(inner.isNullObject).toBe(true);
      ws.getRange("D:D").getMergedAreasOrNullObject().load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
    });
  });

  test("cell-edit mode rejects the next syncs without applying anything", async () => {
    const host = createFakeOffice(seed);
    host.setCellEditMode(1);
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("T").getRange("A1").values = [["x"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
      expect(host.model.sheetByName("T")?.getValue(0, 0)).toBeUndefined();
      context.workbook.worksheets.getItem("T").getRange("A1").values = [["y"]];
      await context.sync();
    });
    expect(host.model.sheetByName("T")?.getValue(0, 0)).toBe("y");
  });

  test("APIs above the configured ExcelApi version fail at sync like a host without them", async () => {
    const host = createFakeOffice(seed, { excelApi: "1.7" });
    expect(host.Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(host.Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(false);
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("S").getRange().getMergedAreasOrNullObject().load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });

  test("Excel.run flushes queued work left at the end of the batch", async () => {
    const host = createFakeOffice(seed);
    await run(host, async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").select();
    });
    expect(host.selection()).toEqual({ sheet: "S", address: "A1" });
    expect(host.syncCount).toBe(1);
  });
});
