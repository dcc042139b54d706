// Filtering, facet counts and grouping of findings for the list: pure, so it is tested
// without rendering.
import type { Finding, Severity } from "../core/types";

export type GroupBy = "severity" | "sheet" | "recipient";

export const SEVERITIES: Severity[] = ["error", "warning", "info"];

export interface FindingFilter {
  severities: Severity[];
  sheet: string | null;
  recipient: string | null;
  code: string | null;
  text: string;
}

export const NO_FILTER: FindingFilter = { severities: [...SEVERITIES], sheet: null, recipient: null, code: null, text: "" };

/** The key used for "no recipient" in facets and groups; never a real name (names are trimmed). */
export const NO_RECIPIENT = " ";

export function recipientOf(f: Finding): string {
  return f.recipient && f.recipient.trim() ? f.recipient : NO_RECIPIENT;
}

export function isFiltered(filter: FindingFilter): boolean {
  return filter.severities.length !== SEVERITIES.length || filter.sheet !== null || filter.recipient !== null || filter.code !== null || filter.text.trim() !== "";
}

export function matches(f: Finding, filter: FindingFilter, except?: keyof FindingFilter): boolean {
  if (except !== "severities" && !filter.severities.includes(f.severity)) return false;
  if (except !== "sheet" && filter.sheet !== null && f.sheet !== filter.sheet) return false;
  if (except !== "recipient" && filter.recipient !== null && recipientOf(f) !== filter.recipient) return false;
  if (except !== "code" && filter.code !== null && f.code !== filter.code) return false;
  const text = filter.text.trim().toLowerCase();
  if (except !== "text" && text) {
    const hay = `${f.message} ${f.cell} ${f.code} ${f.recipient ?? ""} ${f.category ?? ""} ${f.keyword ?? ""}`.toLowerCase();
    if (!text.split(/\s+/).every((t) => hay.includes(t))) return false;
  }
  return true;
}

export function filterFindings(findings: Finding[], filter: FindingFilter): Finding[] {
  return findings.filter((f) => matches(f, filter));
}

export interface Facet {
  key: string;
  count: number;
}

/**
 * Values of one facet with counts, each counted under all the other filters (so a count says
 * how many findings choosing that value would show), in order of first appearance.
 */
export function facet(findings: Finding[], filter: FindingFilter, field: "sheet" | "recipient" | "code" | "severities"): Facet[] {
  const counts = new Map<string, number>();
  const keyOf = (f: Finding): string => (field === "sheet" ? f.sheet : field === "recipient" ? recipientOf(f) : field === "code" ? f.code : f.severity);
  for (const f of findings) {
    const k = keyOf(f);
    if (!counts.has(k)) counts.set(k, 0);
    if (matches(f, filter, field)) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ key, count }));
}

export interface FindingGroup {
  key: string;
  /** Severity key, sheet name or recipient (NO_RECIPIENT for none). */
  value: string;
  startIndex: number;
  count: number;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Items reordered so each group is contiguous (stable within a group), and the groups. */
export function groupFindings(findings: Finding[], by: GroupBy): { items: Finding[]; groups: FindingGroup[] } {
  const keyOf = (f: Finding): string => (by === "severity" ? f.severity : by === "sheet" ? f.sheet : recipientOf(f));
  const buckets = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = keyOf(f);
    const b = buckets.get(k);
    if (b) b.push(f);
    else buckets.set(k, [f]);
  }
  let keys = [...buckets.keys()];
  if (by === "severity") keys.sort((a, b) => SEVERITY_RANK[a as Severity] - SEVERITY_RANK[b as Severity]);
  if (by === "recipient") keys = keys.filter((k) => k !== NO_RECIPIENT).sort((a, b) => a.localeCompare(b, "zh-CN")).concat(buckets.has(NO_RECIPIENT) ? [NO_RECIPIENT] : []);
  const items: Finding[] = [];
  const groups: FindingGroup[] = [];
  for (const k of keys) {
    const b = buckets.get(k) ?? [];
    if (by !== "severity") b.sort((x, y) => SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity]);
    groups.push({ key: `${by}:${k}`, value: k, startIndex: items.length, count: b.length });
    items.push(...b);
  }
  return { items, groups };
}
