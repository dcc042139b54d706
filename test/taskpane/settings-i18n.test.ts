import { clock, percent, splitCell, wan } from "../../src/taskpane/format";
import { pickLang, strings } from "../../src/taskpane/i18n";
import { DEFAULT_SETTINGS, normaliseSettings, settingsToConfig, toPercentText } from "../../src/taskpane/settings";

describe("settings", () => {
  it("normalises whatever the workbook holds", () => {
    expect(normaliseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(normaliseSettings("garbage")).toEqual(DEFAULT_SETTINGS);
    expect(normaliseSettings({ amountUnit: "wan", executionReasonThreshold: "0.85", overshootRatio: 0.5, paidTraffic: "forbid", scopeProfile: "电商" })).toEqual({
      amountUnit: "wan",
      executionReasonThreshold: 0.85,
      overshootRatio: 1.3, // below 100 % is meaningless: default
      paidTraffic: "forbid",
      scopeProfile: "电商",
    });
    expect(normaliseSettings({ scopeProfile: "农业" }).scopeProfile).toBe("auto");
    expect(normaliseSettings({ executionReasonThreshold: Number.NaN }).executionReasonThreshold).toBe(0.9);
    expect(normaliseSettings({ executionReasonThreshold: 2 }).executionReasonThreshold).toBe(0.9);
    expect(toPercentText(0.9)).toBe("90");
    expect(toPercentText(1.15)).toBe("115");
    expect(toPercentText(0.855)).toBe("85.5");
  });

  it("maps to the engine's RuleConfig", () => {
    expect(settingsToConfig(DEFAULT_SETTINGS)).toEqual({ amountUnit: "yuan", executionReasonThreshold: 0.9, overshootRatio: 1.3, paidTraffic: "allow" });
    expect(settingsToConfig({ ...DEFAULT_SETTINGS, scopeProfile: "经济分类" })).toEqual({ amountUnit: "yuan", executionReasonThreshold: 0.9, overshootRatio: 1.3, paidTraffic: "allow", profile: "经济分类" });
  });
});

describe("i18n", () => {
  it("picks Chinese for zh-* and English otherwise", () => {
    expect(pickLang("zh-CN")).toBe("zh");
    expect(pickLang("zh-TW")).toBe("zh");
    expect(pickLang("ZH-cn")).toBe("zh");
    expect(pickLang("en-US")).toBe("en");
    expect(pickLang("fr-FR")).toBe("en");
    expect(pickLang(undefined)).toBe("zh");
  });

  it("has every string in both languages", () => {
    const zh = strings("zh");
    const en = strings("en");
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of Object.entries(en)) {
      if (typeof v === "string") expect({ k, empty: v.trim() === "" }).toEqual({ k, empty: false });
    }
    expect(zh.shown(3, 10)).toBe("显示 3 / 10 条");
    expect(en.shown(3, 10)).toBe("Showing 3 of 10");
  });
});

describe("format", () => {
  it("shows yuan as 万元 with grouping, rates as percent", () => {
    expect(wan(3825000)).toBe("382.50");
    expect(wan(123456789.99)).toBe("12,345.68");
    expect(wan(-50)).toBe("-0.01");
    expect(wan(null)).toBe("—");
    expect(percent(0.765)).toBe("76.50%");
    expect(percent(null)).toBe("—");
    expect(clock(new Date(2026, 0, 1, 9, 5))).toBe("09:05");
  });

  it("splits sheet-qualified cells, quoted names included", () => {
    expect(splitCell("支出明细!E17", "x")).toEqual(["支出明细", "E17"]);
    expect(splitCell("'My ''sheet'''!B2", "x")).toEqual(["My 'sheet'", "B2"]);
    expect(splitCell("C3", "资金分配")).toEqual(["资金分配", "C3"]);
  });
});
