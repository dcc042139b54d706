// The JSON report of SPEC §6: field names are a contract.
import type { Evaluation, Finding, Summary, ValidationResult } from "./types";

export interface JsonReport {
  workbook: string;
  ok: boolean;
  rulesetVersion: string;
  summary: Summary;
  findings: Omit<Finding, "col" | "raw">[];
  evaluation: {
    executionRate: number | null;
    executionScore: number;
    indicators: Evaluation["indicators"];
    total: number;
    grade: Evaluation["grade"];
  };
}

export function toJsonReport(result: ValidationResult, workbook: string): JsonReport {
  const e = result.evaluation;
  return {
    workbook,
    ok: result.summary.errors === 0,
    rulesetVersion: result.rulesetVersion,
    summary: result.summary,
    findings: result.findings.map((f) => {
      const { col: _col, raw: _raw, ...rest } = f;
      void _col;
      void _raw;
      return rest;
    }),
    evaluation: { executionRate: e.executionRate, executionScore: e.executionScore, indicators: e.indicators, total: e.total, grade: e.grade },
  };
}
