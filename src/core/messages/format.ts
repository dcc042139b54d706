// Display formatting of money and rates. Money is integer fen everywhere else.

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 125000000 fen -> "¥1,250,000.00" */
export function formatYuan(fen: number): string {
  const neg = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const int = Math.floor(abs / 100);
  const dec = String(abs % 100).padStart(2, "0");
  return `${neg ? "-" : ""}¥${groupThousands(String(int))}.${dec}`;
}

/** 12500000 fen -> "12.50万元" (digits after the point, default 2). */
export function formatWan(fen: number, digits = 2, suffix = "万元"): string {
  const wan = fen / 1000000;
  return `${wan.toFixed(digits)}${suffix}`;
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
