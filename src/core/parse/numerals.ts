// Chinese numerals (小写 and 大写) to numbers.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, "○": 0,
  一: 1, 壹: 1, 幺: 1,
  二: 2, 两: 2, 貳: 2, 贰: 2, 兩: 2,
  三: 3, 叁: 3, 參: 3, 叄: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};

const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Is this character part of a Chinese numeral? */
export function isChineseNumeralChar(c: string): boolean {
  return c in DIGITS || c in SMALL_UNITS || c in BIG_UNITS;
}

/**
 * "四" -> 4, "十二" -> 12, "一百零五" -> 105, "两万" -> 20000, "壹拾贰万叁仟" -> 123000,
 * "二〇二一" -> 2021 (positional, 3+ digits), "一万五" -> 15000 (colloquial: a trailing digit takes the next
 * lower unit). null when the text is not a well-formed numeral.
 */
export function chineseToNumber(s: string): number | null {
  const t = s.trim();
  if (t === "") return null;
  const chars = Array.from(t);
  for (const c of chars) if (!isChineseNumeralChar(c)) return null;

  if (chars.every((c) => c in DIGITS)) {
    if (chars.length === 1) return DIGITS[chars[0]];
    // Two digits are an estimate ("四五家" = four or five), not 45; three or more are
    // positional, as in the year 二〇二一.
    if (chars.length === 2) return null;
    let n = 0;
    for (const c of chars) n = n * 10 + DIGITS[c];
    return Number.isSafeInteger(n) ? n : null;
  }

  let total = 0; // closed by 亿
  let wan = 0; // closed by 万 within the current 亿 group
  let sec = 0; // below 万
  let digit = -1; // pending digit
  let lastSmall = Infinity; // last small unit in this section (units must descend)
  let lastUnit = 0; // the last unit seen, for the colloquial trailing digit
  let zeroSinceUnit = false;

  for (const c of chars) {
    if (c in DIGITS) {
      const d = DIGITS[c];
      if (d === 0) {
        if (digit !== -1) return null;
        zeroSinceUnit = true;
        continue;
      }
      if (digit !== -1) return null;
      digit = d;
    } else if (c in SMALL_UNITS) {
      const u = SMALL_UNITS[c];
      if (u >= lastSmall) return null;
      if (digit === -1) {
        // 十二, 一百一十 / 一百零十 colloquially: a bare 十 means 一十.
        if (u !== 10) return null;
        digit = 1;
      }
      sec += digit * u;
      digit = -1;
      lastSmall = u;
      lastUnit = u;
      zeroSinceUnit = false;
    } else {
      const u = BIG_UNITS[c];
      if (digit !== -1) sec += digit;
      digit = -1;
      if (u === 1e4) {
        if (sec === 0 || wan !== 0) return null;
        wan = sec * 1e4;
      } else {
        const group = wan + sec;
        if (group === 0) {
          if (total === 0) return null;
          total *= 1e8; // 亿亿
        } else {
          total = (total + group) * 1e8;
        }
        wan = 0;
      }
      sec = 0;
      lastSmall = Infinity;
      lastUnit = u;
      zeroSinceUnit = false;
    }
  }
  if (digit !== -1) {
    sec += !zeroSinceUnit && lastUnit >= 10 ? (digit * lastUnit) / 10 : digit;
  }
  const n = total + wan + sec;
  return Number.isSafeInteger(n) ? n : null;
}
