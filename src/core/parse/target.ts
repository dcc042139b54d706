// 年度指标值 and 实际完成值: "25家以上", "前四名", "不超过5天", "如期完成".
import type { ParsedTarget, TargetOp } from "../types";
import { chineseToNumber, isChineseNumeralChar } from "./numerals";

/** Units without a scale; longer ones are tried first. */
const BASE_UNITS = [
  "元", "人次", "人", "家次", "家", "个百分点", "百分点", "个月", "个", "天", "日", "次", "场次", "场", "名", "位", "篇", "项", "期", "户", "件",
  "单", "小时", "分钟", "季度", "月", "年", "分", "倍", "亩", "吨", "千克", "公斤", "公里", "平方米", "台", "套", "批次", "批", "所", "条", "份",
  "座", "辆", "笔", "%", "‰",
];
/** Scales that may stand before a base unit ("万人", "亿元") or alone ("500亿"). */
const SCALES: Record<string, number> = { 千万: 1e7, 百万: 1e6, 十万: 1e5, 万: 1e4, 亿: 1e8, 千: 1e3 };

const UNIT_CANDIDATES: string[] = (() => {
  const all = new Set<string>(BASE_UNITS);
  for (const s of Object.keys(SCALES)) {
    all.add(s);
    for (const b of BASE_UNITS) if (b !== "%" && b !== "‰") all.add(s + b);
  }
  return Array.from(all).sort((a, b) => b.length - a.length);
})();

/** After a Chinese numeral only these count, so "十分满意" and "一年来" are not numbers. */
const CHINESE_UNIT_EXCLUDED = new Set(["分", "年", "月", "日", "千", "万", "亿"]);

const UNIT_ALIASES: Record<string, string> = { "％": "%", 日: "天", 位: "名", 公斤: "千克", 个百分点: "%", 百分点: "%" };

interface NumberToken {
  value: number;
  unit: string;
  start: number;
  end: number;
  /** 前N / 第N with no unit other than 名/位. */
  rank: boolean;
}

function matchUnit(s: string, i: number): string {
  for (const u of UNIT_CANDIDATES) if (s.startsWith(u, i)) return u;
  return "";
}

/** "100家(个)": an alternative unit in brackets right after the unit is skipped. */
function skipAltUnit(s: string, i: number): number {
  if (s[i] !== "(") return i;
  const close = s.indexOf(")", i);
  if (close < 0 || close - i > 5) return i;
  const alt = matchUnit(s, i + 1);
  return alt !== "" && alt.length === close - i - 1 ? close + 1 : i;
}

const ARABIC = /[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?/y;

/** One number at i (Arabic, or a Chinese numeral run); null when there is none. */
function numberAt(s: string, i: number): { value: number; end: number; chinese: boolean } | null {
  ARABIC.lastIndex = i;
  const m = ARABIC.exec(s);
  if (m) return { value: Number(m[0].replace(/,/g, "")), end: i + m[0].length, chinese: false };
  let j = i;
  while (j < s.length && isChineseNumeralChar(s[j])) j++;
  if (j === i) return null;
  const n = chineseToNumber(s.slice(i, j));
  if (n === null) return null;
  return { value: n, end: j, chinese: true };
}

/** Years, months, days and quarters are deadlines or periods, not measures. */
const DATE_CONTEXT = [
  /[0-9]{4}年度?/g,
  /[〇零一二三四五六七八九]{4}年度?/g,
  /(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月份?(?:(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号])?/g,
  /第?[0-9一二三四]季度/g,
];

function normalise(text: string): string {
  let s = text.normalize("NFKC").replace(/\s+/gu, "");
  for (const re of DATE_CONTEXT) s = s.replace(re, "|");
  return s;
}

function tokens(s: string): NumberToken[] {
  const out: NumberToken[] = [];
  let i = 0;
  while (i < s.length) {
    let start = i;
    let percentWord = false;
    if (s.startsWith("百分之", i)) {
      percentWord = true;
      i += 3;
    }
    const num = numberAt(s, i);
    if (!num) {
      i = percentWord ? i : i + 1;
      continue;
    }
    let end = num.end;
    let unit = percentWord ? "%" : matchUnit(s, end);
    if (!percentWord) end += unit.length;
    end = skipAltUnit(s, end);
    const before = s[start - 1] ?? "";
    const ordinal = (before === "前" && s[start - 2] !== "提" && s[start - 2] !== "目") || before === "第";
    const rank = ordinal && (unit === "" || unit === "名" || unit === "位");
    if (num.chinese && !rank && (unit === "" || CHINESE_UNIT_EXCLUDED.has(unit))) {
      i = num.end;
      continue;
    }
    let value = num.value;
    if (!num.chinese && !percentWord && (before === "-" || before === "−") && !/[0-9]/.test(s[start - 2] ?? "")) {
      value = -value;
      start -= 1;
    }
    if (rank) unit = "名";
    out.push({ value, unit: UNIT_ALIASES[unit] ?? unit, start, end, rank });
    i = end;
  }
  return out;
}

const SUFFIX_OPS: [string, TargetOp][] = [
  ["及以上", ">="], ["或以上", ">="], ["以上", ">="], ["及以下", "<="], ["或以下", "<="], ["以下", "<="], ["以内", "<="], ["之内", "<="],
  ["内", "<="], ["左右", "="], ["+", ">="],
];

const PREFIX_OPS: [string, TargetOp][] = [
  ["大于等于", ">="], ["大于或等于", ">="], ["不低于", ">="], ["不少于", ">="], ["不小于", ">="], ["至少", ">="], ["达到", ">="], ["达", ">="],
  [">=", ">="], ["≥", ">="], ["≧", ">="],
  ["小于等于", "<="], ["小于或等于", "<="], ["不高于", "<="], ["不超过", "<="], ["不多于", "<="], ["不大于", "<="], ["最多", "<="], ["至多", "<="],
  ["控制在", "<="], ["<=", "<="], ["≤", "<="], ["≦", "<="],
  ["超过", ">"], ["高于", ">"], ["大于", ">"], ["多于", ">"], [">", ">"],
  ["低于", "<"], ["少于", "<"], ["不足", "<"], ["小于", "<"], ["<", "<"],
  ["等于", "="], ["=", "="],
];

/** How far before the number an operator word may stand ("满意度达到 95%"). */
const PREFIX_REACH = 12;

function operatorFor(s: string, tok: NumberToken): TargetOp | null {
  const after = s.slice(tok.end);
  for (const [w, op] of SUFFIX_OPS) if (after.startsWith(w)) return op;
  const before = s.slice(Math.max(0, tok.start - PREFIX_REACH), tok.start);
  let best: { end: number; len: number; op: TargetOp } | null = null;
  for (const [w, op] of PREFIX_OPS) {
    const at = before.lastIndexOf(w);
    if (at < 0) continue;
    const end = at + w.length;
    if (!best || end > best.end || (end === best.end && w.length > best.len)) best = { end, len: w.length, op };
  }
  return best ? best.op : null;
}

/**
 * 年度指标值 -> {op, value, unit} or qualitative.
 * - The first number is the measure; its unit keeps any scale ("10万人" -> 10 万人); compare
 *   across units with scaleToUnit.
 * - 前N名 / 前N位 / 排名前N -> op "rank" (smaller is better), unit 名.
 * - A bare number ("95%", "25家") reads as ">=": a finance target is a level to reach.
 * - Years, months, days and quarters are deadlines ("12月份前完成"): without another number the
 *   target is qualitative (time-bound), judged by 评价等级.
 * - invalid only for blank text, or several numbers with different units and no operator.
 */
export function parseTarget(text: string): ParsedTarget {
  const raw = typeof text === "string" ? text : "";
  if (raw.trim() === "") return { kind: "invalid", text: raw };
  const s = normalise(raw);
  const found = tokens(s);
  if (found.length === 0) return { kind: "qualitative", text: raw };
  const first = found[0];
  if (first.rank) return { kind: "quantitative", op: "rank", value: first.value, unit: "名" };
  const op = operatorFor(s, first);
  if (op === null) {
    const units = new Set(found.filter((t) => !t.rank && t.unit !== "").map((t) => t.unit));
    if (units.size > 1) return { kind: "invalid", text: raw };
  }
  // Bare numbers are levels to reach (see above).
  return { kind: "quantitative", op: op ?? ">=", value: first.value, unit: first.unit };
}

/**
 * 实际完成值 -> the first number with its unit; 第N位 / 第N名 / 前N名 give rank: true.
 * A number cell is taken as is with unit "". Text without a number (如期完成) gives null.
 */
export function parseActual(text: string | number): { value: number; unit: string; rank?: boolean } | null {
  if (typeof text === "number") return Number.isFinite(text) ? { value: text, unit: "" } : null;
  if (typeof text !== "string" || text.trim() === "") return null;
  const found = tokens(normalise(text));
  if (found.length === 0) return null;
  const t = found[0];
  return t.rank ? { value: t.value, unit: "名", rank: true } : { value: t.value, unit: t.unit };
}

function decompose(unit: string): { factor: number; base: string } {
  const u = UNIT_ALIASES[unit] ?? unit;
  if (u === "‰") return { factor: 0.1, base: "%" };
  for (const [s, f] of Object.entries(SCALES).sort((a, b) => b[0].length - a[0].length)) {
    if (!u.startsWith(s)) continue;
    const rest = u.slice(s.length);
    if (rest === "") return { factor: f, base: "" };
    if (BASE_UNITS.includes(rest)) {
      const inner = decompose(rest);
      return { factor: f * inner.factor, base: inner.base };
    }
  }
  return { factor: 1, base: u };
}

/**
 * value in `from` expressed in `to`: 亿元 -> 万元, 万人 -> 人, ‰ -> %. Same or blank unit gives the
 * value unchanged; units of different kinds (家 vs 元) give null.
 */
export function scaleToUnit(value: number, from: string, to: string): number | null {
  const f = from.normalize("NFKC").trim();
  const t = to.normalize("NFKC").trim();
  if (f === t || f === "" || t === "") return value;
  const a = decompose(f);
  const b = decompose(t);
  if (a.base !== b.base && a.base !== "" && b.base !== "") return null;
  const scaled = (value * a.factor) / b.factor;
  return Number.isFinite(scaled) ? Number(scaled.toPrecision(15)) : null;
}
