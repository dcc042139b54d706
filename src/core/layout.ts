// A sheet the product owns, described as data: both the CLI writer (exceljs) and the Excel
// adapter (office-js) render it the same way.

export type Border = "thin" | "medium";

export interface CellStyle {
  bold?: boolean;
  fontSize?: number;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Excel number format, e.g. '#,##0.00"万元"' or "@" for text. */
  numberFormat?: string;
  fill?: string; // "#RRGGBB"
  border?: Border;
}

export interface LayoutCell {
  /** Zero-based. */
  row: number;
  col: number;
  value: string | number | null;
  /** A formula without the leading "=", written instead of value (value is its cached result). */
  formula?: string;
  style?: CellStyle;
}

export interface LayoutMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetLayout {
  name: string;
  cells: LayoutCell[];
  merges: LayoutMerge[];
  /** Width in characters per zero-based column. */
  columnWidths: number[];
  /** Height in points by zero-based row, where not default. */
  rowHeights?: Record<number, number>;
  /** Rows frozen at the top. */
  frozenRows?: number;
  /** Drop-down lists: range in A1 (e.g. "E2:E1000") and the allowed values. */
  validations?: { range: string; list: string[] }[];
  print?: { orientation: "landscape" | "portrait"; paper: "A4"; fitToWidth?: boolean; printArea?: string };
}

/** True when Excel would read the string as a formula or a DDE payload. */
export function looksLikeFormula(s: string): boolean {
  if (s.length === 0) return false;
  const c = s.charCodeAt(0);
  // = + - @ tab CR
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/** Fill colours for cell marks, by severity (Excel's standard "bad" red and "neutral" amber). */
export const MARK_FILL: Record<"error" | "warning" | "info", string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };
