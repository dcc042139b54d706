// Filtering, facet counts and grouping of findings for the list: pure, so it is tested
// without rendering. At 64k findings a key typed in the search box must stay cheap: each
// finding's search text and facet ids are built once per result (the index), the facets are
// counted in one pass over typed arrays, and a search that extends the previous one only
// looks at the previous matches.
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

export interface Facet {
  key: string;
  count: number;
}

export type FacetField = "sheet" | "recipient" | "code" | "severities";
const FACETS: FacetField[] = ["severities", "sheet", "recipient", "code"];

export interface FindingsView {
  shown: Finding[];
  /**
   * Values of each facet with counts, each counted under all the other filters (so a count says
   * how many findings choosing that value would show), in order of first appearance. A facet whose
   * counts did not change since the last view of the same findings is the same array (memo-friendly),
   * and so is `shown` when it holds the same findings.
   */
  facets: Record<FacetField, Facet[]>;
}

/** What is built once per result (per findings array) and reused for every key typed. */
interface FindingsIndex {
  /** Lower-cased search text per finding; filled up to `built`. */
  texts: string[];
  built: number;
  /** Per facet (FACETS order): each finding's value id, and the values by id in order of first appearance. */
  ids: Int32Array[];
  values: string[][];
  valueIds: Map<string, number>[];
  /** The last search and the findings it matched (ascending indexes): a longer search narrows it. */
  lastSearch: { text: string; matches: Int32Array } | null;
  lastFacets: { counts: Int32Array; facets: Facet[] }[];
  lastShown: Finding[];
}

const INDEX = new WeakMap<readonly Finding[], FindingsIndex>();
const UPPER = /[A-Z]/;

// ICU lower-casing of CJK text is slow and changes nothing: only text with A–Z goes through it.
function lower(s: string): string {
  return UPPER.test(s) ? s.toLowerCase() : s;
}

// join, not a template: it gives a flat string, where a template's rope is flattened by the first key's search.
function searchText(f: Finding): string {
  return [lower(f.message), lower(f.cell), f.code, lower(f.recipient ?? ""), lower(f.category ?? ""), lower(f.keyword ?? "")].join(" ");
}

function newIndex(findings: readonly Finding[]): FindingsIndex {
  const ids = FACETS.map(() => new Int32Array(findings.length));
  const values: string[][] = FACETS.map(() => []);
  const valueIds = FACETS.map(() => new Map<string, number>());
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const keys = [f.severity as string, f.sheet, recipientOf(f), f.code];
    for (let k = 0; k < 4; k++) {
      let id = valueIds[k].get(keys[k]);
      if (id === undefined) {
        id = values[k].length;
        values[k].push(keys[k]);
        valueIds[k].set(keys[k], id);
      }
      ids[k][i] = id;
    }
  }
  return { texts: new Array<string>(findings.length), built: 0, ids, values, valueIds, lastSearch: null, lastFacets: [], lastShown: [] };
}

function indexOf(findings: readonly Finding[]): FindingsIndex {
  let index = INDEX.get(findings);
  if (!index) {
    index = newIndex(findings);
    INDEX.set(findings, index);
  }
  return index;
}

/**
 * Builds up to `count` more search texts of the findings' index; true once all are built. The list
 * calls it in small slices after a result arrives, so the first key typed finds them ready and no
 * single task holds the main thread long.
 */
export function prepareSearch(findings: readonly Finding[], count = Infinity): boolean {
  const index = indexOf(findings);
  const end = Math.min(findings.length, index.built + count);
  for (let i = index.built; i < end; i++) index.texts[i] = searchText(findings[i]);
  index.built = end;
  return end === findings.length;
}

/** Each finding's lower-cased search text, built once per result (the array). */
export function searchTexts(findings: readonly Finding[]): string[] {
  prepareSearch(findings);
  return indexOf(findings).texts;
}

/** Indexes of the findings whose text holds every word; narrows the last search when this one extends it. */
function searchMatches(findings: readonly Finding[], index: FindingsIndex, words: string[]): Int32Array {
  const text = words.join(" ");
  const texts = searchTexts(findings);
  const last = index.lastSearch;
  if (last && last.text === text) return last.matches;
  const out = new Int32Array(last && text.startsWith(last.text) ? last.matches.length : findings.length);
  let n = 0;
  const test = (i: number): void => {
    const s = texts[i];
    for (const w of words) if (!s.includes(w)) return;
    out[n++] = i;
  };
  // Every finding matching "ab c" (or "abc") matches "ab": only those are looked at again.
  if (last && text.startsWith(last.text)) for (const i of last.matches) test(i);
  else for (let i = 0; i < findings.length; i++) test(i);
  const matches = out.slice(0, n);
  index.lastSearch = { text, matches };
  return matches;
}

/** The shown findings and all four facets' counts in one pass over the findings. */
export function viewFindings(findings: readonly Finding[], filter: FindingFilter): FindingsView {
  const index = indexOf(findings);
  const words = filter.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const matches = words.length > 0 ? searchMatches(findings, index, words) : null;
  // The id each facet is filtered to (-1: not filtered, -2: a value no finding has).
  const wanted = (k: number, v: string | null): number => (v === null ? -1 : (index.valueIds[k].get(v) ?? -2));
  const only = [-1, wanted(1, filter.sheet), wanted(2, filter.recipient), wanted(3, filter.code)];
  const severityOk = index.values[0].map((s) => filter.severities.includes(s as Severity));
  const counts = index.values.map((v) => new Int32Array(v.length));
  const [sev, sheet, recipient, code] = index.ids;
  const shown: Finding[] = [];
  const total = matches ? matches.length : findings.length;
  for (let m = 0; m < total; m++) {
    const i = matches ? matches[m] : m;
    const f0 = severityOk[sev[i]] ? 0 : 1;
    const f1 = only[1] !== -1 && sheet[i] !== only[1] ? 1 : 0;
    const f2 = only[2] !== -1 && recipient[i] !== only[2] ? 1 : 0;
    const f3 = only[3] !== -1 && code[i] !== only[3] ? 1 : 0;
    const failing = f0 + f1 + f2 + f3;
    if (failing > 1) continue;
    // Counted under the other filters: passes all, or fails only this facet.
    if (failing === 0) {
      shown.push(findings[i]);
      counts[0][sev[i]]++;
      counts[1][sheet[i]]++;
      counts[2][recipient[i]]++;
      counts[3][code[i]]++;
    } else if (f0) counts[0][sev[i]]++;
    else if (f1) counts[1][sheet[i]]++;
    else if (f2) counts[2][recipient[i]]++;
    else counts[3][code[i]]++;
  }
  const facets = counts.map((c, k) => {
    const prev = index.lastFacets[k];
    if (prev && prev.counts.length === c.length && prev.counts.every((n, j) => n === c[j])) return prev.facets;
    const list = index.values[k].map((key, j) => ({ key, count: c[j] }));
    index.lastFacets[k] = { counts: c, facets: list };
    return list;
  });
  // The same findings shown as before (a key that narrows nothing): the same array, so the list is not rebuilt.
  const prev = index.lastShown;
  const same = prev.length === shown.length && shown.every((f, j) => f === prev[j]);
  if (!same) index.lastShown = shown;
  return { shown: same ? prev : shown, facets: { severities: facets[0], sheet: facets[1], recipient: facets[2], code: facets[3] } };
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

/**
 * The groups by severity of findings already in severity order (the engine's order, and so any
 * filtered subsequence of it), without copying them; null when they are not in that order.
 */
function severityRuns(findings: Finding[]): FindingGroup[] | null {
  const groups: FindingGroup[] = [];
  for (let i = 0; i < findings.length; i++) {
    const sev = findings[i].severity;
    const last = groups[groups.length - 1];
    if (last && last.value === sev) last.count++;
    else if (last && SEVERITY_RANK[sev] < SEVERITY_RANK[last.value as Severity]) return null;
    else groups.push({ key: `severity:${sev}`, value: sev, startIndex: i, count: 1 });
  }
  return groups;
}

/** Items reordered so each group is contiguous (stable within a group), and the groups. */
export function groupFindings(findings: Finding[], by: GroupBy): { items: Finding[]; groups: FindingGroup[] } {
  if (by === "severity") {
    const runs = severityRuns(findings);
    if (runs) return { items: findings, groups: runs };
  }
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
    // A loop, not push(...b): a spread of 100k arguments overflows the stack.
    for (const f of b) items.push(f);
  }
  return { items, groups };
}
