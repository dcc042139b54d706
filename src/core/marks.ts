// What a cell mark says: one note format shared by the CLI's fill and the add-in, so each can
// find and replace the other's marks.
import type { Finding, Lang, Severity } from "./types";

export { OUTPUT_SHEETS } from "./output-sheets";

/** Our notes start with this; everything before it is the user's own note. */
export const NOTE_PREFIX = "【专项资金审核】";

export const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "Error", warning: "Warning", info: "Info" },
};

/** "错误 forbidden-category：支出「促销特价」…" */
export function markLine(f: Finding, lang: Lang): string {
  return `${SEVERITY_LABEL[lang][f.severity]} ${f.code}${lang === "en" ? ": " : "："}${f.message}`;
}

export function markNote(lines: readonly string[]): string {
  return `${NOTE_PREFIX}\n${lines.join("\n")}`;
}
