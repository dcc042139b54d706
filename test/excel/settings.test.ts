import { DEFAULT_SETTINGS, SETTINGS_KEY, createExcelOps } from "../../src/excel";
import { createFakeOffice, installFakeOffice } from "../fake-office";

describe("settings", () => {
  test("defaults when the workbook has none; saved with saveAsync and read back", async () => {
    const host = createFakeOffice({ sheets: [] });
    const ops = createExcelOps(host);
    expect(await ops.loadSettings()).toEqual(DEFAULT_SETTINGS);
    const next = { amountUnit: "wan" as const, executionReasonThreshold: 0.85, overshootRatio: 1.5, paidTraffic: "forbid" as const, scopeProfile: "经济分类" as const };
    await ops.saveSettings(next);
    expect(host.savedSettings()[SETTINGS_KEY]).toEqual(next);
    expect(await ops.loadSettings()).toEqual(next);
  });

  test("whatever is stored is normalised (percent form accepted, nonsense replaced by defaults)", async () => {
    const host = createFakeOffice({ sheets: [] }, { settings: { [SETTINGS_KEY]: { amountUnit: "亿", executionThresholdPercent: 80, overshootRatio: "x", paidTraffic: "forbid", scopeProfile: "农业" } } });
    expect(await createExcelOps(host).loadSettings()).toEqual({ amountUnit: "yuan", executionReasonThreshold: 0.8, overshootRatio: 1.3, paidTraffic: "forbid", scopeProfile: "auto" });
  });

  test("the globals installed by installFakeOffice are what createExcelOps() uses by default", async () => {
    const g: Record<string, unknown> = {};
    const host = installFakeOffice(g, { sheets: [{ name: "Sheet1", values: [["a"]] }] }, { excelApi: "1.9", displayLanguage: "en-US" });
    expect(g.Excel).toBe(host.Excel);
    const saved = globalThis as unknown as Record<string, unknown>;
    const before = { Excel: saved.Excel, Office: saved.Office };
    Object.assign(saved, { Excel: g.Excel, Office: g.Office });
    try {
      const ops = createExcelOps();
      expect(ops.apiSupport()).toMatchObject({ excel17: true, hiddenRows: true, merges: false, notes: false });
      expect((await ops.readWorkbook()).sheets[0].rows).toEqual([["a"]]);
      expect((g.Office as typeof Office).context.displayLanguage).toBe("en-US");
    } finally {
      Object.assign(saved, before);
    }
  });

  test("outside Excel: apiSupport is all false and calls fail with a clear error", async () => {
    const ops = createExcelOps();
    expect(Object.values(ops.apiSupport()).every((v) => v === false)).toBe(true);
    await expect(ops.readWorkbook()).rejects.toThrow(/open the add-in from Excel/);
  });

  test("a settings save the host refuses rejects with a clear error and keeps what was saved before", async () => {
    const host = createFakeOffice({ sheets: [{ name: "S", values: [["a"]] }] });
    const ops = createExcelOps(host);
    await ops.saveSettings({ ...DEFAULT_SETTINGS, amountUnit: "wan" });
    host.failSettingsSave(1);
    await expect(ops.saveSettings({ ...DEFAULT_SETTINGS, overshootRatio: 2 })).rejects.toThrow(/Could not save settings/);
    expect(host.savedSettings()[SETTINGS_KEY]).toMatchObject({ amountUnit: "wan", overshootRatio: DEFAULT_SETTINGS.overshootRatio });
    await ops.saveSettings({ ...DEFAULT_SETTINGS, overshootRatio: 2 });
    expect(host.savedSettings()[SETTINGS_KEY]).toMatchObject({ overshootRatio: 2 });
  });
});
