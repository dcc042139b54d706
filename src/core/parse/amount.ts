// Money parsing and formatting. Money is integer fen; decimal text is parsed digit by digit
// into exact integers (BigInt) so 0.29 never becomes 28.999999 fen.
import type { CellValue } from "../grid";
import type { AmountUnit } from "../types";
import { chineseToNumber } from "./numerals";

export type AmountResult = { ok: true; fen: number; precisionLoss: boolean } | { ok: false; raw: string };

/** An exact decimal: value = digits × 10^exp. */
interface Decimal {
  digits: bigint;
  exp: number;
}

/** Longest numeric text we try to read; beyond this it is not an amount anyone typed. */
const MAX_TEXT = 200;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function invalid(raw: string): AmountResult {
  return { ok: false, raw };
}

function pow10(n: number): bigint {
  return BigInt(10) ** BigInt(n);
}

/**
 * Σ terms in fen, rounded half away from zero (四舍五入) to whole fen. precisionLoss when a
 * fraction of a fen was dropped. null when the total is beyond safe integers.
 */
function toFen(terms: Decimal[], negative: boolean): { fen: number; precisionLoss: boolean } | null {
  let minExp = 0;
  for (const t of terms) if (t.exp < minExp) minExp = t.exp;
  const shift = -minExp;
  let total = BigInt(0);
  for (const t of terms) total += t.digits * pow10(t.exp + shift);
  const scale = pow10(shift);
  let q = total / scale;
  const r = total % scale;
  if (r * BigInt(2) >= scale && r !== BigInt(0)) q += BigInt(1);
  if (q > MAX_SAFE) return null;
  const n = Number(q);
  return { fen: negative && n !== 0 ? -n : n, precisionLoss: r !== BigInt(0) };
}

/**
 * "1,234.50" / "12" / ".5" / "1.5e-7" -> Decimal. Commas must group by three.
 * Returns null when the text is not a plain unsigned decimal.
 */
function parseDecimal(s: string, allowExponent: boolean): Decimal | null {
  let i = 0;
  let intDigits = "";
  let fracDigits = "";
  let sawComma = false;
  let group = -1; // digits since the last comma
  while (i < s.length) {
    const c = s[i];
    if (c >= "0" && c <= "9") {
      intDigits += c;
      if (group >= 0) group++;
    } else if (c === ",") {
      if (intDigits === "" || (sawComma && group !== 3) || (!sawComma && intDigits.length > 3)) return null;
      sawComma = true;
      group = 0;
    } else break;
    i++;
  }
  if (sawComma && group !== 3) return null;
  if (s[i] === ".") {
    i++;
    while (i < s.length && s[i] >= "0" && s[i] <= "9") fracDigits += s[i++];
  }
  if (intDigits === "" && fracDigits === "") return null;
  let exp = -fracDigits.length;
  if (allowExponent && (s[i] === "e" || s[i] === "E")) {
    i++;
    let sign = 1;
    if (s[i] === "+" || s[i] === "-") sign = s[i++] === "-" ? -1 : 1;
    let e = "";
    while (i < s.length && s[i] >= "0" && s[i] <= "9") e += s[i++];
    if (e === "" || e.length > 4) return null;
    exp += sign * Number(e);
  }
  if (i !== s.length) return null;
  return { digits: BigInt(intDigits + fracDigits || "0"), exp };
}

const UNIT_EXP: Record<AmountUnit, number> = { yuan: 2, wan: 6 };

function fromNumber(v: number, unit: AmountUnit): AmountResult {
  if (!Number.isFinite(v)) return invalid(String(v));
  // Excel keeps 15 significant digits; reading at that precision drops binary noise
  // (0.1+0.2) that no user typed.
  const text = String(Number(v.toPrecision(15)));
  const negative = text.startsWith("-");
  const d = parseDecimal(negative ? text.slice(1) : text, true);
  if (!d) return invalid(String(v));
  const r = toFen([{ digits: d.digits, exp: d.exp + UNIT_EXP[unit] }], negative);
  return r ? { ok: true, ...r } : invalid(String(v));
}

/** Multipliers written after a number: 万, 千, 百, 十, 亿 and runs such as 千万 / 百万. */
const MULTIPLIER_EXP: Record<string, number> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 };

function isDigitLike(c: string): boolean {
  return (c >= "0" && c <= "9") || c === "," || c === ".";
}

/**
 * Arabic numbers with optional multipliers: "1,234.50", "3.5万", "1万5", "1万5千", "2亿",
 * "1亿2000万". explicit = the text named 元 or a multiplier, so the workbook unit does not apply.
 */
function parseArabic(s: string): { terms: Decimal[]; explicit: boolean } | null {
  const terms: Decimal[] = [];
  let i = 0;
  let lastExp = Infinity;
  let explicit = false;
  while (i < s.length) {
    const start = i;
    while (i < s.length && isDigitLike(s[i])) i++;
    if (i === start) return null;
    const d = parseDecimal(s.slice(start, i), false);
    if (!d) return null;
    let mexp = 0;
    let sawMultiplier = false;
    while (i < s.length && s[i] in MULTIPLIER_EXP) {
      mexp += MULTIPLIER_EXP[s[i]];
      sawMultiplier = true;
      i++;
    }
    if (sawMultiplier) {
      if (mexp >= lastExp) return null;
      explicit = true;
      terms.push({ digits: d.digits, exp: d.exp + mexp });
      lastExp = mexp;
      continue;
    }
    if (terms.length === 0) {
      terms.push(d);
      lastExp = 0;
    } else {
      // A trailing bare number after a multiplier: "1万5" -> 5 takes the next lower unit (千);
      // "1万500" -> 500 yuan.
      const raw = s.slice(start, i);
      if (/^[1-9]$/.test(raw) && lastExp >= 1) {
        terms.push({ digits: d.digits, exp: lastExp - 1 });
      } else {
        if (d.digits >= pow10(lastExp - d.exp)) return null;
        terms.push(d);
      }
      lastExp = 0;
    }
    if (i < s.length) return null;
  }
  if (terms.length === 0) return null;
  return { terms, explicit };
}

const DAXIE_MARK = /[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟角]/;
const DAXIE_INT = /^[零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億]*$/;
const DAXIE_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9 };

/** 大写: "壹拾贰万叁仟肆佰伍拾陆元柒角捌分", "壹万元整", "叁佰元零伍分". Result in fen. */
function parseDaxie(s: string): number | null {
  let rest = s;
  let yuan = 0;
  const y = rest.search(/[元圆]/);
  if (y >= 0) {
    const intPart = rest.slice(0, y);
    rest = rest.slice(y + 1);
    if (intPart !== "") {
      if (!DAXIE_INT.test(intPart)) return null;
      const n = chineseToNumber(intPart);
      if (n === null) return null;
      yuan = n;
    } else if (rest === "") return null;
  } else {
    const m = /^([^角分整正]+)([整正]?)$/.exec(rest);
    if (m) {
      if (!DAXIE_INT.test(m[1])) return null;
      const n = chineseToNumber(m[1]);
      if (n === null) return null;
      yuan = n;
      rest = "";
    }
  }
  let jiao = 0;
  let fen = 0;
  const m = /^零?(?:([零〇壹贰貳叁參肆伍陆陸柒捌玖])角)?零?(?:([零〇壹贰貳叁參肆伍陆陸柒捌玖])分)?[整正]?$/.exec(rest);
  if (!m) return null;
  if (m[1]) jiao = DAXIE_DIGIT[m[1]];
  if (m[2]) fen = DAXIE_DIGIT[m[2]];
  const total = yuan * 100 + jiao * 10 + fen;
  return Number.isSafeInteger(total) ? total : null;
}

const MINUS = /^[-−－‐‑–]/;

/** A figure, then a bracketed remark holding Chinese text (after NFKC, brackets are half-width). */
const REMARK = /^([^()]+)\(([^()]*[\u4e00-\u9fff][^()]*)\)$/u;
/** "(元)" / "(万元)" name a unit, not a remark: such text stays unreadable rather than guessed. */
const UNIT_ONLY = /^(?:单位[:：]?)?(?:万?元|亿元)$/u;

function fromText(original: string, unit: AmountUnit): AmountResult {
  const raw = original.trim();
  if (raw === "") return invalid("");
  if (raw.length > MAX_TEXT) return invalid(raw);
  let s = raw.normalize("NFKC").replace(/\s+/gu, "");
  // A remark after the figure, as published tables write it: "10(其中,灾情因素6万元)" is 10.
  const remark = REMARK.exec(s);
  if (remark && !UNIT_ONLY.test(remark[2])) s = remark[1];
  let negative = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1);
  }
  // Prefixes in any order, at most one sign: "-¥1,234", "¥-1,234", "人民币壹万元".
  let sawSign = negative;
  for (;;) {
    if (s.startsWith("¥")) {
      s = s.slice(1);
    } else if (s.startsWith("人民币")) {
      s = s.slice(3);
    } else if (MINUS.test(s) || s.startsWith("+")) {
      if (sawSign) return invalid(raw);
      sawSign = true;
      negative = !s.startsWith("+");
      s = s.slice(1);
    } else break;
  }
  if (s === "") return invalid(raw);

  if (DAXIE_MARK.test(s)) {
    const fen = parseDaxie(s);
    if (fen === null) return invalid(raw);
    return { ok: true, fen: negative && fen !== 0 ? -fen : fen, precisionLoss: false };
  }

  let explicitYuan = false;
  const suffix = /(?:元|圆|块)?[整正]?$/.exec(s);
  if (suffix && suffix[0] !== "") {
    if (!/^(?:元|圆|块)/.test(suffix[0])) return invalid(raw); // 整 without 元
    explicitYuan = true;
    s = s.slice(0, suffix.index);
  }
  const parsed = parseArabic(s);
  if (!parsed) return invalid(raw);
  const baseExp = parsed.explicit || explicitYuan ? 2 : UNIT_EXP[unit];
  const r = toFen(
    parsed.terms.map((t) => ({ digits: t.digits, exp: t.exp + baseExp })),
    negative,
  );
  return r ? { ok: true, ...r } : invalid(raw);
}

/**
 * A cell as money in fen. Number cells are in the workbook unit; text may name its own unit
 * (万, 元, 大写) which then wins. Blank gives { ok: false, raw: "" }; never throws.
 */
export function parseAmount(v: CellValue, unit: AmountUnit): AmountResult {
  if (v === null || v === undefined) return invalid("");
  if (typeof v === "number") return fromNumber(v, unit);
  if (typeof v === "string") return fromText(v, unit);
  if (typeof v === "boolean") return invalid(v ? "TRUE" : "FALSE");
  if (v instanceof Date) return invalid(Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10));
  return invalid(String(v));
}
