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

/** Each finding's lower-cased search text, built once per result (the array) and reused for every key typed. */
const SEARCH_TEXT = new WeakMap<readonly Finding[], string[]>();

export function searchTexts(findings: readonly Finding[]): string[] {
  let texts = SEARCH_TEXT.get(findings);
  if (!texts) {
    texts = findings.map((f) => `${f.message} ${f.cell} ${f.code} ${f.recipient ?? ""} ${f.category ?? ""} ${f.keyword ?? ""}`.toLowerCase());
    SEARCH_TEXT.set(findings, texts);
  }
  return texts;
}

export interface Facet {
  key: string;
  count: number;
}

export interface FindingsView {
  shown: Finding[];
  /**
   * Values of each facet with counts, each counted under all the other filters (so a count says
   * how many findings choosing that value would show), in order of first appearance.
   */
  facets: Record<FacetField, Facet[]>;
}

export type FacetField = "sheet" | "recipient" | "code" | "severities";
const FACETS: FacetField[] = ["severities", "sheet", "recipient", "code"];

/** The shown findings and all four facets' counts in one pass over the findings. */
export function viewFindings(findings: readonly Finding[], filter: FindingFilter): FindingsView {
  const words = filter.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const texts = words.length > 0 ? searchTexts(findings) : null;
  const counts: Record<FacetField, Map<string, number>> = { severities: new Map(), sheet: new Map(), recipient: new Map(), code: new Map() };
  const shown: Finding[] = [];
  // fails[i] says whether facet FACETS[i] rejects the finding; the text filter applies to every count.
  const fails = [false, false, false, false];
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const keys = [f.severity as string, f.sheet, recipientOf(f), f.code];
    for (let k = 0; k < 4; k++) if (!counts[FACETS[k]].has(keys[k])) counts[FACETS[k]].set(keys[k], 0);
    if (texts && !words.every((w) => texts[i].includes(w))) continue;
    fails[0] = !filter.severities.includes(f.severity);
    fails[1] = filter.sheet !== null && f.sheet !== filter.sheet;
    fails[2] = filter.recipient !== null && keys[2] !== filter.recipient;
    fails[3] = filter.code !== null && f.code !== filter.code;
    const failing = (fails[0] ? 1 : 0) + (fails[1] ? 1 : 0) + (fails[2] ? 1 : 0) + (fails[3] ? 1 : 0);
    if (failing === 0) shown.push(f);
    if (failing > 1) continue;
    for (let k = 0; k < 4; k++) {
      // Counted under the other filters: passes all, or fails only this facet.
      if (failing === 0 || fails[k]) {
        const m = counts[FACETS[k]];
        m.set(keys[k], (m.get(keys[k]) ?? 0) + 1);
      }
    }
  }
  const list = (m: Map<string, number>): Facet[] => [...m].map(([key, count]) => ({ key, count }));
  return { shown, facets: { severities: list(counts.severities), sheet: list(counts.sheet), recipient: list(counts.recipient), code: list(counts.code) } };
}

export function filterFindings(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  return viewFindings(findings, filter).shown;
}

export function facet(findings: readonly Finding[], filter: FindingFilter, field: FacetField): Facet[] {
  return viewFindings(findings, filter).facets[field];
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
