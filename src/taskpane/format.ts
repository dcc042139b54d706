// Display formatting for the pane (the engine's amounts arrive in yuan with 2 decimals).
import { formatWan } from "../core/messages/format";

/** 3825000 yuan → "382.50" (万元, thousands grouped, the engine's half-up rounding). */
export function wan(yuan: number | null): string {
  if (yuan === null || !Number.isFinite(yuan)) return "—";
  return formatWan(Math.round(yuan * 100), 2, "", true);
}

/** 0.765 → "76.50%". */
export function percent(rate: number | null): string {
  return rate === null || !Number.isFinite(rate) ? "—" : `${(rate * 100).toFixed(2)}%`;
}

export function score(x: number): string {
  return (Math.round(x * 100) / 100).toFixed(2);
}

export function clock(d: Date): string {
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

/** "支出明细!E17" / "'My sheet'!E17" → ["支出明细", "E17"]. */
export function splitCell(cell: string, fallbackSheet: string): [string, string] {
  const bang = cell.lastIndexOf("!");
  if (bang < 0) return [fallbackSheet, cell];
  let sheet = cell.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return [sheet, cell.slice(bang + 1)];
}
