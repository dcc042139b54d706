// The pane's settings as stored in the workbook (WorkbookOps.loadSettings/saveSettings), and
// how they become the engine's RuleConfig.
import type { RuleConfig } from "../core/types";
import type { Settings } from "./ops";

// Normalisation is shared with the adapter, which applies it on load and save as well.
export { DEFAULT_SETTINGS, normaliseSettings } from "../host/settings";

/** Bounds of the ratios, as the settings panel shows them (percent). */
export const SETTING_LIMITS = {
  executionThresholdPercent: { min: 0, max: 100 },
  overshootPercent: { min: 100, max: 1000 },
} as const;

export function settingsToConfig(s: Settings): RuleConfig {
  return {
    amountUnit: s.amountUnit,
    executionReasonThreshold: s.executionReasonThreshold,
    overshootRatio: s.overshootRatio,
    paidTraffic: s.paidTraffic,
    // 自动 leaves the choice to the workbook's 支出范围模板, then to the engine.
    ...(s.scopeProfile === "auto" ? {} : { profile: s.scopeProfile }),
    ...(s.columnMap ? { columnMap: s.columnMap } : {}),
  };
}

/** 0.9 → "90" for the panel (no float noise such as 90.00000000000001). */
export function toPercentText(ratio: number): string {
  return String(Math.round(ratio * 10000) / 100);
}
