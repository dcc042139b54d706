// The sheets the product owns and rewrites as a whole: listed once, here. Never marked, never read as input.
export const FINDINGS_SHEET = "审核结果";
export const SELF_EVAL_SHEET = "绩效自评表";

/** In the order `fill` writes them. */
export const OUTPUT_SHEET_NAMES: readonly string[] = [FINDINGS_SHEET, SELF_EVAL_SHEET];
export const OUTPUT_SHEETS: ReadonlySet<string> = new Set(OUTPUT_SHEET_NAMES);
