// The pane's settings as any host stores them: whatever is stored is normalised on the way in and out.
import { parseColumnMap } from "../core/column-map";
import { headerKey } from "../core/sheet-reader";
import type { Settings } from "./types";

export const DEFAULT_SETTINGS: Settings = { amountUnit: "yuan", executionReasonThreshold: 0.9, overshootRatio: 1.3, paidTraffic: "allow", scopeProfile: "auto" };

function numberIn(v: unknown, min: number, max: number): number | null {
  const n = typeof v === "string" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) && n >= min && n <= max ? n : null;
}

/** Accepts ratios (0.9, 1.3) and the percent form some screens use (90, 130). */
export function normaliseSettings(raw: unknown): Settings {
  const o = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const pct = (v: unknown, min: number, max: number): number | null => {
    const n = numberIn(v, min * 100, max * 100);
    return n === null ? null : n / 100;
  };
  // A stored map the CLI would reject is dropped whole, as the CLI rejects it whole.
  const map = o.columnMap === undefined ? null : parseColumnMap(o.columnMap, headerKey).map;
  return {
    amountUnit: o.amountUnit === "wan" ? "wan" : "yuan",
    executionReasonThreshold: numberIn(o.executionReasonThreshold, 0, 1) ?? pct(o.executionThresholdPercent, 0, 1) ?? DEFAULT_SETTINGS.executionReasonThreshold,
    overshootRatio: numberIn(o.overshootRatio, 1, 10) ?? pct(o.overshootPercent, 1, 10) ?? DEFAULT_SETTINGS.overshootRatio,
    paidTraffic: o.paidTraffic === "forbid" ? "forbid" : "allow",
    scopeProfile: o.scopeProfile === "电商" || o.scopeProfile === "经济分类" ? o.scopeProfile : "auto",
    ...(map ? { columnMap: map } : {}),
  };
}
