// Sorting 100k findings by one packed number each: speed only, no policy.
import type { Finding, Severity } from "../types";

/**
 * Findings sorted by (severity rank, sheet index, row, column), then by their order in the list: the
 * four packed into one exact double per finding (2 + 8 + 21 + 14 bits), compared as numbers instead
 * of as tuples. A sheet past the 255th (or unknown) and a column past XFD share the last key.
 */
export function orderFindings(findings: Finding[], severityRank: Record<Severity, number>, sheetIndex: ReadonlyMap<string, number>): Finding[] {
  const keys = findings.map((f) =>
    ((severityRank[f.severity] * 256 + Math.min(sheetIndex.get(f.sheet) ?? 255, 255)) * 2097152 + f.row - 1) * 16384 + Math.min(f.col, 16383));
  const order = findings.map((_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  return order.map((i) => findings[i]);
}
