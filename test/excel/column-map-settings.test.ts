// The column map (SPEC §8) kept in the workbook's document settings beside the pane's settings.
import { DEFAULT_SETTINGS, SETTINGS_KEY, createExcelOps } from "../../src/excel";
import { settingsToConfig } from "../../src/taskpane/settings";
import { createFakeOffice } from "../fake-office";

const map = { sheets: { 资金分配: { sheet: "Sheet1", headerRow: 3, unit: "万元" as const, columns: { 单位名称: "受款方", 批复金额: "E" } } } };

describe("the column map in document settings", () => {
  test("saved with the settings, read back, and handed to the engine", async () => {
    const host = createFakeOffice({ sheets: [] });
    const ops = createExcelOps(host);
    await ops.saveSettings({ ...DEFAULT_SETTINGS, columnMap: map });
    expect(host.savedSettings()[SETTINGS_KEY]).toEqual({ ...DEFAULT_SETTINGS, columnMap: map });
    const loaded = await ops.loadSettings();
    expect(loaded.columnMap).toEqual(map);
    expect(settingsToConfig(loaded).columnMap).toEqual(map);
    expect(settingsToConfig(DEFAULT_SETTINGS)).not.toHaveProperty("columnMap");
  });

  test("a stored map the CLI would reject is dropped whole; the other settings stay", async () => {
    const bad = { sheets: { 资金分配: { headerRow: 0, columns: { 单位名称: "受款方" } } } };
    const host = createFakeOffice({ sheets: [] }, { settings: { [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, paidTraffic: "forbid", columnMap: bad } } });
    expect(await createExcelOps(host).loadSettings()).toEqual({ ...DEFAULT_SETTINGS, paidTraffic: "forbid" });
  });

  test("a failed save rejects with the host's reason", async () => {
    const host = createFakeOffice({ sheets: [] });
    host.failSettingsSave(1);
    await expect(createExcelOps(host).saveSettings({ ...DEFAULT_SETTINGS, columnMap: map })).rejects.toThrow(/Could not save settings/);
  });
});
