// Which findings a run reports: `skip` / `select` codes and per-code severities from the config
// (Frictionless's pick_errors / skip_errors). A skipped code costs nothing: it is dropped before rendering.
import { FINDING_CODES, FINDING_SEVERITY, type FindingCode } from "./findings";
import type { RuleConfig, Severity } from "./types";

export interface CodeSelection {
  keeps(code: FindingCode): boolean;
  severityOf(code: FindingCode): Severity;
}

const KNOWN = new Set<string>(FINDING_CODES);
const SEVERITIES = new Set<string>(["error", "warning", "info"]);

/** What is wrong with the config's code selection, as "path: problem" lines; empty when it is fine. */
export function selectionProblems(config: RuleConfig): string[] {
  const problems: string[] = [];
  for (const key of ["skip", "select"] as const) {
    const list = config[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(`${key}: 应为问题代码的数组，如 ["paid-traffic"]`);
      continue;
    }
    list.forEach((c, i) => {
      if (typeof c !== "string" || !KNOWN.has(c)) problems.push(`${key}[${i}]: 「${String(c)}」不是问题代码（见 docs/codes.md）`);
    });
  }
  const sev = config.severity;
  if (sev !== undefined) {
    if (typeof sev !== "object" || sev === null || Array.isArray(sev)) problems.push(`severity: 应为 { "问题代码": "error" | "warning" | "info" }`);
    else {
      for (const [c, s] of Object.entries(sev)) {
        if (!KNOWN.has(c)) problems.push(`severity.${c}: 不是问题代码（见 docs/codes.md）`);
        else if (typeof s !== "string" || !SEVERITIES.has(s)) problems.push(`severity.${c}: 应为 "error"、"warning" 或 "info"`);
      }
    }
  }
  return problems;
}

export function codeSelection(config: RuleConfig): CodeSelection {
  const selected = config.select && config.select.length > 0 ? new Set<string>(config.select) : null;
  const skipped = new Set<string>(config.skip ?? []);
  const severity = config.severity ?? {};
  return {
    keeps: (code) => !skipped.has(code) && (selected === null || selected.has(code)),
    severityOf: (code) => severity[code] ?? FINDING_SEVERITY[code],
  };
}
