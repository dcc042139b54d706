// Figures as the report prints them: money in 万元 at the workbook's own precision, scores with
// two decimals, and which way an indicator's actual departs from its target.
import { formatPercent, formatWan, round2 } from "../messages/format";
import { parseActual, scaleToUnit } from "../parse/target";
import type { IndicatorScore, ParsedTarget } from "../types";

/** 382500000 fen -> "382.50万元"; 15680400 -> "15.6804万元": never fewer than 2 decimals, never a
 * fen rounded away (a 万元 has 6 decimal places of fen). */
export function wan(fen: number): string {
  let digits = 2;
  while (digits < 6 && Math.round(fen) % 10 ** (6 - digits) !== 0) digits++;
  return formatWan(fen, digits);
}

/** The same figure without the unit, for tables whose header says 万元: "15.6804". */
export function wanNumber(fen: number): string {
  return wan(fen).slice(0, -2);
}

export function pct(rate: number): string {
  return formatPercent(rate);
}

/** 94.65 -> "94.65分"; 10 -> "10.00分". */
export function points(score: number): string {
  return `${round2(score).toFixed(2)}分`;
}

/** A weight as typed: 10 -> "10分", 7.5 -> "7.5分". */
export function weightText(w: number): string {
  return `${round2(w)}分`;
}

export type Departure = "missed" | "exceeded" | null;

/**
 * How an indicator ended against its target: missed when it scored as not met, exceeded when a
 * higher-is-better quantitative target was passed (the actual is above the target value, after
 * unit scaling). Ranks, equalities and qualitative targets are never "exceeded".
 */
export function departure(score: IndicatorScore, target: ParsedTarget): Departure {
  if (score.notApplicable) return null;
  if (score.met === false) return "missed";
  if (score.met !== true || target.kind !== "quantitative" || (target.op !== ">=" && target.op !== ">")) return null;
  const actual = parseActual(score.actual);
  if (!actual || actual.rank) return null;
  let a = scaleToUnit(actual.value, actual.unit, target.unit);
  if (a === null) return null;
  if (target.unit === "%" && actual.unit === "" && Math.abs(a) <= 1 && target.value > 1) a *= 100;
  return a > target.value + 1e-9 * Math.abs(target.value) ? "exceeded" : null;
}
