// Display formatting of money and rates. Money is integer fen everywhere else.

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * The one money formatter: fen as a decimal of `scale` fen per unit (100 for 元, 1,000,000 for 万元),
 * rounded half-up (away from zero, 四舍五入) at `digits` decimals in integer arithmetic, so 150 元 is
 * 0.02万元, never the 0.01 that a binary 0.015 gives. A result that rounds to zero has no sign.
 */
function formatFixed(fen: number, scale: number, digits: number, group: boolean): string {
  // Past the fen there is nothing to round: the extra digits are zeros.
  const exactDigits = Math.round(Math.log10(scale));
  if (digits > exactDigits) return formatFixed(fen, scale, exactDigits, group) + "0".repeat(digits - exactDigits);
  const whole = Math.round(fen);
  const step = scale / 10 ** digits;
  const abs = Math.abs(whole);
  const units = Math.floor(abs / step) + ((abs % step) * 2 >= step ? 1 : 0);
  const denom = 10 ** digits;
  const intText = String(Math.floor(units / denom));
  const decText = digits > 0 ? `.${String(units % denom).padStart(digits, "0")}` : "";
  return `${whole < 0 && units > 0 ? "-" : ""}${group ? groupThousands(intText) : intText}${decText}`;
}

/** 12345 fen -> "123.45": yuan, ungrouped, no symbol (what a cell or a plain number shows). */
export function formatYuanPlain(fen: number): string {
  return formatFixed(fen, 100, 2, false);
}

/** 125000000 fen -> "¥1,250,000.00" */
export function formatYuan(fen: number): string {
  const text = formatFixed(fen, 100, 2, true);
  return text.startsWith("-") ? `-¥${text.slice(1)}` : `¥${text}`;
}

/** 12500000 fen -> "12.50万元"; `digits` after the point, thousands grouped when `group`. */
export function formatWan(fen: number, digits = 2, suffix = "万元", group = false): string {
  return `${formatFixed(fen, 1000000, digits, group)}${suffix}`;
}

/** Fen to a yuan number with 2 decimals, for JSON. */
export function fenToYuanNumber(fen: number): number {
  return Math.round(fen) / 100;
}

/** 0.765 -> "76.50%" */
export function formatPercent(rate: number, digits = 2): string {
  return `${(rate * 100).toFixed(digits)}%`;
}

/**
 * Round half-up to 2 decimals for scores. The product is first read at 15 significant digits, as
 * Excel shows it, so 64.995 (stored as 64.99499…) rounds to 65.
 */
export function round2(x: number): number {
  const scaled = x * 100;
  if (!Number.isFinite(scaled)) return x;
  return Math.round(Number(scaled.toPrecision(15))) / 100;
}
