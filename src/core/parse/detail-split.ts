// 明细说明 free text -> spending lines: "推广8.5万（包括直通车6.5万、淘宝客2万）、培训费用1万".
import type { AmountUnit } from "../types";
import { parseAmount } from "./amount";

export interface DetailItem {
  /** What the money is for, without the amount and filler words (用于, 投入 …). */
  content: string;
  /** null when the clause names no amount. */
  fen: number | null;
  /** The clause as written; text.slice(start, start + raw.length) === raw. */
  raw: string;
  start: number;
}

interface Span {
  start: number;
  end: number;
}

const OPEN = "（(";
const CLOSE = "）)";
const CLAUSE_SEPS = "、，,：:";
const GROUP_SEPS = "；;。\n\r";
const SPACE = /\s/u;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && ((c >= "0" && c <= "9") || (c >= "０" && c <= "９"));
}

/** Separators outside brackets in span; at(i) gives the separator's length at i, or 0. */
function topLevel(text: string, span: Span, at: (i: number) => number): { index: number; length: number }[] {
  const out: { index: number; length: number }[] = [];
  let depth = 0;
  for (let i = span.start; i < span.end; i++) {
    const c = text[i];
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const len = at(i);
      if (len > 0 && i + len <= span.end) {
        out.push({ index: i, length: len });
        i += len - 1;
      }
    }
  }
  return out;
}

function cut(span: Span, marks: { index: number; length: number }[]): Span[] {
  const out: Span[] = [];
  let s = span.start;
  for (const m of marks) {
    out.push({ start: s, end: m.index });
    s = m.index + m.length;
  }
  out.push({ start: s, end: span.end });
  return out;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * The amount in [from, to): digits with , and ., multipliers (万千百亿, "1万5"), 元/圆, a ¥ in
 * front. A marked amount (multiplier, 元 or ¥) wins; a bare number counts only when no marked one
 * exists and it is not a count or a date (2021年, 30家).
 */
function findAmount(text: string, span: Span): Span | null {
  let bare: Span | null = null;
  let i = span.start;
  while (i < span.end) {
    const c = text[i];
    const yen = (c === "¥" || c === "￥") && isDigit(text[i + 1]);
    if (!yen && !isDigit(c)) {
      i++;
      continue;
    }
    const s = i;
    let marked = yen;
    if (yen) i++;
    const digits = (): void => {
      while (i < span.end && (isDigit(text[i]) || text[i] === "." || text[i] === "．" || text[i] === ",")) i++;
    };
    digits();
    while (i < span.end && "万千百亿".includes(text[i])) {
      marked = true;
      i++;
      digits();
    }
    if (i < span.end && (text[i] === "元" || text[i] === "圆")) {
      marked = true;
      i++;
      if (i < span.end && (text[i] === "整" || text[i] === "正")) i++;
    }
    if (marked) return { start: s, end: i };
    if (!bare && (i >= span.end || !/[年月日号%％个家人次天期届名位项件台套场篇户年度季]/.test(text[i]))) bare = { start: s, end: i };
  }
  return bare;
}

/** Words that introduce the money's purpose rather than name it. */
const LEADING_FILLERS = ["另一部分用于", "一部分用于", "另一部分", "一部分", "全部用于", "主要用于", "使用于", "用于", "包括", "其中", "投入"];

function stripFillers(s: string): string {
  let t = s.trim();
  for (let changed = true; changed; ) {
    changed = false;
    t = t.replace(/^[\s:：、，,]+/u, "");
    for (const f of LEADING_FILLERS) {
      if (t.startsWith(f)) {
        t = t.slice(f.length);
        changed = true;
      }
    }
    // "在湖南农业大学培训", but not "在线推广".
    if (t.startsWith("在") && !t.startsWith("在线")) {
      t = t.slice(1);
      changed = true;
    }
  }
  return t.replace(/[\s:：、，,]+$/u, "");
}

function makeItem(text: string, span: Span, unit: AmountUnit): DetailItem | null {
  const sp = trimSpan(text, span);
  if (sp.start >= sp.end) return null;
  const raw = text.slice(sp.start, sp.end);
  const a = findAmount(text, sp);
  let fen: number | null = null;
  let content = raw;
  if (a) {
    const r = parseAmount(text.slice(a.start, a.end), unit);
    if (r.ok) fen = r.fen;
    content = text.slice(sp.start, a.start) + text.slice(a.end, sp.end);
  }
  content = stripFillers(content);
  if (content === "" && fen === null) return null;
  return { content, fen, raw, start: sp.start };
}

/** "购电脑27965元和购设备40700元": 和/及/与 split only when both sides name an amount; 以及 always. */
function splitConjunctions(text: string, span: Span, unit: AmountUnit): DetailItem[] {
  const andAlso = topLevel(text, span, (i) => (text.startsWith("以及", i) ? 2 : 0));
  if (andAlso.length > 0) return cut(span, andAlso).flatMap((s) => splitConjunctions(text, s, unit));
  const conj = topLevel(text, span, (i) => ("和及与".includes(text[i]) ? 1 : 0));
  for (const c of conj) {
    const left = { start: span.start, end: c.index };
    const right = { start: c.index + 1, end: span.end };
    if (findAmount(text, left) && findAmount(text, right)) {
      return [...splitConjunctions(text, left, unit), ...splitConjunctions(text, right, unit)];
    }
  }
  const item = makeItem(text, span, unit);
  return item ? [item] : [];
}

/** Children replace their parent; a shortfall stays as "parent（其余）". */
function mergeChildren(parent: DetailItem | null, children: DetailItem[]): DetailItem[] {
  if (!parent) return children;
  if (children.length === 0 || parent.fen === null) return children.length > 0 ? children : [parent];
  const priced = children.filter((c) => c.fen !== null);
  if (priced.length === 0) return [parent];
  const sum = priced.reduce((s, c) => s + (c.fen ?? 0), 0);
  if (sum >= parent.fen) return children;
  return [...children, { content: `${parent.content}（其余）`, fen: parent.fen - sum, raw: parent.raw, start: parent.start }];
}

function matchingClose(text: string, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    if (OPEN.includes(text[i])) depth++;
    else if (CLOSE.includes(text[i])) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function startsWithListWord(text: string, span: Span): number {
  const s = trimSpan(text, span);
  for (const w of ["包括", "其中"]) if (text.startsWith(w, s.start)) return s.start + w.length - span.start;
  return -1;
}

/** One clause; a bracket that lists amounts or starts with 包括/其中 is a sub-list of it. */
function clauseItems(text: string, span: Span, unit: AmountUnit): DetailItem[] {
  for (let i = span.start; i < span.end; i++) {
    if (!OPEN.includes(text[i])) continue;
    const close = matchingClose(text, i, span.end);
    if (close < 0) break;
    const inner = { start: i + 1, end: close };
    const listWord = startsWithListWord(text, inner);
    if (listWord < 0 && !findAmount(text, inner)) {
      i = close;
      continue;
    }
    const childSpan = { start: inner.start + Math.max(listWord, 0), end: inner.end };
    const children = clauses(text, childSpan, unit);
    // The parent is the clause without its bracket: "推广8.5万（…）" -> "推广8.5万".
    const before = { start: span.start, end: i };
    const after = { start: close + 1, end: span.end };
    const parent = makeItem(text, before, unit);
    const rest = trimSpan(text, after);
    const tail = rest.start < rest.end ? clauseItems(text, after, unit) : [];
    return [...mergeChildren(parent, children), ...tail];
  }
  return splitConjunctions(text, span, unit);
}

/** "12,000": a comma between digits in groups of three is part of a number. */
function isThousandsComma(text: string, i: number): boolean {
  return text[i] === "," && isDigit(text[i - 1]) && isDigit(text[i + 1]) && isDigit(text[i + 2]) && isDigit(text[i + 3]) && !isDigit(text[i + 4]);
}

function clauses(text: string, span: Span, unit: AmountUnit): DetailItem[] {
  const seps = topLevel(text, span, (i) => (CLAUSE_SEPS.includes(text[i]) && !isThousandsComma(text, i) ? 1 : 0));
  return cut(span, seps).flatMap((s) => clauseItems(text, s, unit));
}

/** Where a list of lines starts: 包括, 其中, or a colon. */
function listMarkerAt(text: string, i: number): number {
  if (text.startsWith("包括", i) || text.startsWith("其中", i)) return 2;
  return text[i] === "：" || text[i] === ":" ? 1 : 0;
}

/** "用于推广，包括直通车12万、…": the header before 包括/其中/： gives way to the list after it. */
function groupItems(text: string, span: Span, unit: AmountUnit): DetailItem[] {
  const lists = topLevel(text, span, (i) => listMarkerAt(text, i));
  if (lists.length === 0) return clauses(text, span, unit);
  const at = lists[0];
  const parents = clauses(text, { start: span.start, end: at.index }, unit);
  const children = clauses(text, { start: at.index + at.length, end: span.end }, unit);
  if (children.length === 0) return parents;
  const priced = parents.filter((p) => p.fen !== null);
  if (priced.length === 0) return children;
  const last = priced[priced.length - 1];
  return [...parents.filter((p) => p !== last), ...mergeChildren(last, children)];
}

/**
 * "获批电子商务扶持资金…" / "某公司获批的20万元专项资金…": the preamble up to 资金/经费 is not a line.
 * Returns where the body starts and the total the preamble names, if any.
 */
function preamble(text: string, unit: AmountUnit): { bodyStart: number; totalFen: number | null } {
  const g = text.indexOf("获批");
  if (g < 0) return { bodyStart: 0, totalFen: null };
  const before = text.slice(0, g);
  if (/[、，,；;。：:]/.test(before)) return { bodyStart: 0, totalFen: null };
  let end = -1;
  for (let i = g + 2; i < text.length - 1; i++) {
    if (GROUP_SEPS.includes(text[i]) || CLAUSE_SEPS.includes(text[i])) break;
    if (text.startsWith("资金", i) || text.startsWith("经费", i)) {
      end = i + 2;
      break;
    }
  }
  if (end < 0) return { bodyStart: 0, totalFen: null };
  const a = findAmount(text, { start: g, end });
  const r = a ? parseAmount(text.slice(a.start, a.end), unit) : null;
  return { bodyStart: end, totalFen: r && r.ok ? r.fen : null };
}

/** Longest 明细说明 we split; beyond this the text is one unsplit line. */
const MAX_TEXT = 5000;

/**
 * Splits 明细说明 into spending lines. Separators: 、，,；; 。 and 包括/其中/： lists; 和/及 when
 * both sides carry an amount. A "（包括…）" sub-list replaces its parent (plus "parent（其余）" for
 * any shortfall), so nothing is counted twice. Clauses without an amount come back with fen null.
 */
export function splitDetail(text: string, unit: AmountUnit): DetailItem[] {
  if (typeof text !== "string" || text.trim() === "") return [];
  if (text.length > MAX_TEXT) {
    const item = makeItem(text, { start: 0, end: text.length }, unit);
    return item ? [{ ...item, fen: null }] : [];
  }
  const { bodyStart, totalFen } = preamble(text, unit);
  const body = { start: bodyStart, end: text.length };
  const groups: Span[] = [];
  for (const g of cut(body, topLevel(text, body, (i) => (GROUP_SEPS.includes(text[i]) ? 1 : 0)))) {
    // "…另一部分用于…" starts a new group even without a ；before it.
    const t = trimSpan(text, g);
    let s = t.start;
    for (const m of topLevel(text, t, (i) => (i > t.start && text.startsWith("另一部分", i) ? 4 : 0))) {
      groups.push({ start: s, end: m.index });
      s = m.index;
    }
    groups.push({ start: s, end: t.end });
  }
  const items = groups.flatMap((g) => groupItems(text, g, unit));
  // "获批的20万元财政扶持资金全部用于网络的维护与运营": the total belongs to the one purpose.
  if (totalFen !== null && items.length === 1 && items[0].fen === null) items[0] = { ...items[0], fen: totalFen };
  return items;
}
