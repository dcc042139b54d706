// Excel serial numbers to UTC dates, in the 1900 system (with Lotus's fictitious
// 1900-02-29 = serial 60) and the 1904 system.

const DAY_MS = 86_400_000;
const BASE_1900_EARLY = Date.UTC(1899, 11, 31); // serial 1 = 1900-01-01, valid below 60
const BASE_1900 = Date.UTC(1899, 11, 30); // from serial 61 = 1900-03-01 on
const BASE_1904 = Date.UTC(1904, 0, 1);
/** 9999-12-31 is the last date Excel can show. */
const MAX_SERIAL_1900 = 2_958_466;
const MAX_SERIAL_1904 = MAX_SERIAL_1900 - 1462;

/**
 * The date a date-formatted serial shows; null when Excel would show ##### (negative or past
 * 9999-12-31), in which case the caller keeps the number. Serial 60 (the 1900-02-29 that never
 * was) maps to 1900-02-28. Time of day is rounded to the millisecond.
 */
export function serialToDate(serial: number, date1904: boolean): Date | null {
  if (!(serial >= 0) || serial >= (date1904 ? MAX_SERIAL_1904 : MAX_SERIAL_1900)) return null;
  const ms = Math.round(serial * DAY_MS);
  if (date1904) return new Date(BASE_1904 + ms);
  if (serial < 60) return new Date(BASE_1900_EARLY + ms);
  if (serial < 61) return new Date(BASE_1900_EARLY + ms - DAY_MS);
  return new Date(BASE_1900 + ms);
}
