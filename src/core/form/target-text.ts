// 年度指标值 as the form shows it: as typed, or 指标性质 + value + 度量单位 ("≤30万元"), never a bare number.
import { headerKey } from "../sheet-reader";

const NATURE_OP: Record<string, string> = {
  "≥": "≥", ">=": "≥", "正向": "≥", "大于等于": "≥", "≤": "≤", "<=": "≤", "反向": "≤", "小于等于": "≤", "=": "=", "＝": "=", "等于": "=",
  ">": ">", "大于": ">", "<": "<", "小于": "<",
};

const BARE_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** The operator a 指标性质 cell names, or "" (定性, blank, unknown). */
export function natureOp(nature: string): string {
  return NATURE_OP[headerKey(nature)] ?? NATURE_OP[nature.trim()] ?? "";
}

/**
 * The target as a reader sees it: a bare number with a 指标性质 gets the operator and the
 * 度量单位; anything else stays as typed (it already says what it means).
 */
export function targetDisplay(target: string, nature: string, unit: string): string {
  const t = target.normalize("NFKC").trim();
  if (!BARE_NUMBER.test(t)) return target;
  const op = natureOp(nature);
  return `${op}${t}${unit.trim()}`;
}
