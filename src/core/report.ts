// The JSON report of SPEC §6: field names are a contract.
import type { Evaluation, Finding, ReportedResult, ResultWithoutLines, Summary, ValidationResult, WorkbookModel } from "./types";

export interface JsonReport {
  workbook: string;
  ok: boolean;
  rulesetVersion: string;
  summary: Summary;
  findings: JsonFinding[];
  evaluation: {
    executionRate: number | null;
    executionScore: number;
    indicators: Evaluation["indicators"];
    total: number;
    grade: Evaluation["grade"];
  };
}

/** The fields of a finding in the JSON report, in order (SPEC §6); `col` and `raw` stay internal. */
export const JSON_FINDING_FIELDS = ["code", "severity", "message", "sheet", "cell", "row", "recipient", "category", "keyword", "amount", "limit", "expected", "actual"] as const;

export type JsonFinding = Omit<Finding, "col" | "raw">;

export function toJsonFinding(f: Finding): JsonFinding {
  const out: Record<string, unknown> = {};
  for (const k of JSON_FINDING_FIELDS) if (f[k] !== undefined) out[k] = f[k];
  return out as unknown as JsonFinding;
}

/** The report with its findings; `findings` may be left out when a writer streams them itself. */
/**
 * A result cut down to what the reports read: a worker thread posts this instead of the whole model
 * (a structured clone of 100k parsed lines), and a batch of files keeps this much of each until the
 * report is written.
 */
export function reportedResult(r: ValidationResult): ReportedResult {
  return { rulesetVersion: r.rulesetVersion, model: { project: r.model.project }, findings: r.findings, evaluation: r.evaluation, summary: r.summary };
}

/** The result without its spending lines, for the task pane (ResultWithoutLines); findings as given. */
export function withoutLines(r: ValidationResult, findings: Finding[] = r.findings): ResultWithoutLines {
  const model: Partial<WorkbookModel> = { ...r.model };
  delete model.lines;
  return { rulesetVersion: r.rulesetVersion, model: model as ResultWithoutLines["model"], findings, evaluation: r.evaluation, summary: r.summary };
}

export function toJsonReport(result: ReportedResult, workbook: string, opts: { findings?: boolean } = {}): JsonReport {
  const e = result.evaluation;
  return {
    workbook,
    ok: result.summary.errors === 0,
    rulesetVersion: result.rulesetVersion,
    summary: result.summary,
    findings: opts.findings === false ? [] : result.findings.map(toJsonFinding),
    evaluation: { executionRate: e.executionRate, executionScore: e.executionScore, indicators: e.indicators, total: e.total, grade: e.grade },
  };
}
