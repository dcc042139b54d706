// Text normalisation for cell values, headers, recipient names and lists.
import { CellError, isKeptChar, type CellValue } from "../grid";

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A number as a user would type it: no exponent for ordinary magnitudes. */
function numberText(n: number): string {
  // Excel shows 15 significant digits; 0.1+0.2 reads as 0.3. Integers are left alone.
  const s = String(Number.isFinite(n) && !Number.isInteger(n) ? Number(n.toPrecision(15)) : n);
  if (!/e/i.test(s) || !Number.isFinite(n) || Math.abs(n) >= 1e21) return s;
  // Tiny values such as 1e-7: write them out in full, then drop trailing zeros.
  return n.toFixed(20).replace(/\.?0+$/, "");
}

/** The text of a cell as the user sees it, trimmed. */
export function toText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") {
    // Most cells have nothing to trim: two character looks instead of a trim() call per cell.
    return v.length > 0 && isKeptChar(v.charCodeAt(0)) && isKeptChar(v.charCodeAt(v.length - 1)) ? v : v.trim();
  }
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return "";
    return `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
  }
  if (v instanceof CellError) return v.code;
  return "";
}

/** Bracket pairs NFKC leaves alone, mapped to ASCII. */
const BRACKETS: Record<string, string> = { "【": "[", "】": "]", "〔": "(", "〕": ")", "〖": "[", "〗": "]", "［": "[", "］": "]" };

function unifyBrackets(s: string): string {
  return s.replace(/[【】〔〕〖〗［］]/g, (c) => BRACKETS[c] ?? c);
}

function lowerAscii(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/**
 * Text squash() returns unchanged: CJK unified ideographs (no compatibility forms among them, so
 * NFKC keeps them) and printable ASCII without spaces or capitals. Most names and contents are.
 */
const ALREADY_SQUASHED = /^[\u4e00-\u9fff!-@[-~]*$/;

/** squash(s) === s: then a header key made from s is a prefix of s (only trailing units and * go). */
export function isSquashed(s: string): boolean {
  return ALREADY_SQUASHED.test(s);
}

/** NFKC, brackets unified, whitespace removed, ASCII lower-cased: a name as typed, any code before it kept. */
export function squash(s: string): string {
  if (ALREADY_SQUASHED.test(s)) return s;
  return lowerAscii(unifyBrackets(s.normalize("NFKC")).replace(/\s+/gu, ""));
}

/** Units a header may carry in trailing brackets: "金额（万元）". */
const HEADER_UNITS = new Set([
  "元", "万元", "千元", "百元", "亿元", "%", "‰", "家", "个", "人", "万人", "户", "件", "万件", "项", "次", "场", "天", "日", "月", "年",
  "小时", "名", "位", "分", "篇", "期", "单", "亩", "吨", "公斤", "千克", "平方米", "万家", "万个",
]);

/** English aliases' units, after lower-casing and removing spaces: "(Wan Yuan)" -> 万元. */
const ENGLISH_UNITS: Record<string, string> = { yuan: "元", cny: "元", rmb: "元", wan: "万元", wanyuan: "万元", "10kyuan": "万元", "10thousandyuan": "万元" };

const TRAILING_UNIT = /[([]([^()[\]]{1,12})[)\]]$/;

/**
 * Traditional characters that occur in the headers of real tables (市縣, 資金合計, 序號, 補助金額),
 * each with its simplified form: a header key is simplified, so one alias serves both scripts.
 */
const TRADITIONAL = "縣县資资計计級级額额備备註注區区項项單单號号補补實实際际達达劃划稱称鄉乡鎮镇內内撥拨發发業业費费數数預预執执績绩標标評评價价與与為为機机構构動动總总專专來来報报務务獎奖勵励碼码統统會会說说細细門门開开產产農农萬万廠厂場场貼贴";
const SIMPLIFIED = new Map<string, string>();
for (let i = 0; i < TRADITIONAL.length; i += 2) SIMPLIFIED.set(TRADITIONAL[i], TRADITIONAL[i + 1]);
const TRADITIONAL_CHAR = new RegExp(`[${[...SIMPLIFIED.keys()].join("")}]`, "gu");

/** Traditional header characters replaced by their simplified forms (a repeated 資金合計 header is 资金合计). */
export function simplify(s: string): string {
  return s.replace(TRADITIONAL_CHAR, (ch) => SIMPLIFIED.get(ch) ?? ch);
}

/**
 * A header reduced to its matching key (traditional characters simplified), plus the unit it carried
 * in trailing brackets. "批复金额（万元）*" -> { key: "批复金额", unit: "万元" }.
 */
export function normalizeHeader(s: string): { key: string; unit: string | null } {
  let key = simplify(squash(s));
  let unit: string | null = null;
  key = key.replace(/\*+$/, "");
  const m = TRAILING_UNIT.exec(key);
  if (m) {
    const inner = m[1].replace(/^单位[:：]?/, "");
    const known = HEADER_UNITS.has(inner) ? inner : ENGLISH_UNITS[inner];
    if (known) {
      unit = known;
      key = key.slice(0, m.index);
    }
  }
  key = key.replace(/\*+$/, "");
  return { key, unit };
}

/**
 * A code before a name: [105210]北京大学, 219-池州市…, 105210 北京大学 (after squashing: three or more
 * digits, bracketed or followed by a dash or dot, then a Chinese character).
 */
const CODE_PREFIX = /^(?:\[\d{3,}\]|\(\d{3,}\)|\d{3,}[-_.、:]?)(?=[\u4e00-\u9fff])/;

/**
 * A 单位名称 reduced for comparison: width, spaces, brackets and ASCII case do not matter, nor a code
 * before the name (SPEC §8); messages keep the name as written.
 */
export function normalizeName(s: string): string {
  const k = squash(s);
  const c = k.charCodeAt(0);
  // Most names start with a Chinese character: no code to look for.
  return c === 0x5b || c === 0x28 || (c >= 0x30 && c <= 0x39) ? k.replace(CODE_PREFIX, "") : k;
}

/** "资阳区、赫山区，益阳高新区" -> three items. Splits on 、，,;； and line breaks. */
export function splitList(s: string): string[] {
  return s
    .split(/[、，,;；\r\n]+/)
    .map((x) => x.trim())
    .filter((x) => x !== "");
}
