// Dates from Date cells, Excel serials and the text forms Chinese finance staff type.
import type { CellValue } from "../grid";

/** Largest serial Excel accepts: 9999-12-31. */
const MAX_SERIAL = 2958465;
const DAY_MS = 86400000;
/** 1900-01-01 and 10000-01-01 (UTC): the years utcDate accepts, as times. */
const FIRST_DAY = Date.UTC(1900, 0, 1);
const AFTER_LAST_DAY = new Date(0).setUTCFullYear(10000, 0, 1);

function utcDate(y: number, m: number, d: number): Date | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC treats two-digit years as 19xx; y >= 1900 here so that never happens.
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t;
}

/**
 * Excel 1900 date system. Serial 60 is Excel's fictitious 1900-02-29 and gives null; serials
 * below it count from 1899-12-31, the rest from 1899-12-30. The time of day is ignored.
 */
function fromSerial(n: number): Date | null {
  if (!Number.isFinite(n)) return null;
  const day = Math.floor(n);
  if (day < 1 || day > MAX_SERIAL || day === 60) return null;
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + day * DAY_MS);
}

const TIME = "(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?";
const SEPARATED = new RegExp(`^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${TIME}$`);
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function fromText(s: string): Date | null {
  const t = s.normalize("NFKC").trim();
  if (t.length > 40) return null;
  let m = SEPARATED.exec(t);
  if (m) return utcDate(Number(m[1]), Number(m[3]), Number(m[4]));
  m = CHINESE.exec(t.replace(/\s+/g, "")) ?? COMPACT.exec(t);
  if (m) return utcDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/**
 * A cell as a calendar date at UTC midnight: Date cells (their UTC y/m/d), Excel serials,
 * "2021-12-20", "2021/12/20", "2021.12.20", "2021年12月20日", "20211220" (full-width digits
 * too). Impossible dates (2021-02-30) and anything else give null.
 */
export function parseDate(v: CellValue): Date | null {
  if (v instanceof Date) {
    const t = v.getTime();
    if (Number.isNaN(t)) return null;
    // Readers give UTC midnight already: keep the cell's own Date (never mutated) instead of a copy.
    if (t % DAY_MS === 0 && t >= FIRST_DAY && t < AFTER_LAST_DAY) return v;
    return utcDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  }
  // 20211220 typed as a number is far beyond the last serial (2958465): read it as yyyymmdd.
  if (typeof v === "number") return Number.isInteger(v) && v >= 19000101 && v <= 99991231 ? fromText(String(v)) : fromSerial(v);
  if (typeof v === "string") return fromText(v);
  return null;
}
