// What the batch summary (SPEC §12) keeps of each file: one row of 汇总 and its errors and warnings
// for 问题明细. A result is cut down to this as soon as it arrives, so a batch of hundreds of files
// holds a few numbers and messages per file, not every result.
import { SEVERITY_LABEL, type Finding, type Lang, type ReportedResult, type Severity } from "../../core";
import type { FileOutcome } from "../validate-files";

/** One file of the batch. Its fields are the JSON keys of `validate --summary --format json`. */
export interface BatchRow {
  /** 1-based, the order files were given or found in. */
  index: number;
  /** The path as given or found. */
  file: string;
  /** The path shown: relative to the folder all files of the batch share. */
  name: string;
  status: "readable" | "unreadable";
  /** Why the file could not be read (status "unreadable"), else null. */
  reason: string | null;
  project: string | null;
  department: string | null;
  implementer: string | null;
  /** 全年预算数 and 全年执行数 in yuan, as in the per-file JSON report (the workbook shows 万元). */
  budget: number | null;
  executed: number | null;
  executionRate: number | null;
  /** 自评得分: the score the unit claims. */
  claimedScore: number | null;
  /** 复核得分: the score the data supports, and its grade. */
  score: number | null;
  grade: string | null;
  errors: number | null;
  warnings: number | null;
  infos: number | null;
  /** The first three error messages. */
  mainProblems: string[];
}

/** An error or warning of one file (问题明细), or the reason a file could not be read. */
export interface BatchIssue {
  index: number;
  file: string;
  severity: Severity | "unreadable";
  code: string;
  sheet: string;
  cell: string;
  message: string;
}

export interface BatchFile {
  row: BatchRow;
  issues: BatchIssue[];
  /** Findings per code and severity, infos included (按代码统计). */
  codeCounts: Map<string, CodeCount>;
}

export interface CodeCount {
  code: string;
  severity: Severity;
  count: number;
  /** The first message of this code, to show what it is about. */
  example: string;
}

export const MAIN_PROBLEMS = 3;

interface ProjectFields {
  project: string | null;
  department: string | null;
  implementer: string | null;
  budgetFen: number | null;
  executedFen: number | null;
  executionRate: number | null;
  claimedScore: number | null;
  score: number;
  grade: string;
}

/**
 * The project fields of a result, in one place: a 绩效自评表 read as input (SPEC §9) fills the
 * same project fields, so this is where a form-specific source would be read.
 */
export function projectFields(result: ReportedResult): ProjectFields {
  const p = result.model.project;
  const s = result.summary;
  const text = (v: string): string | null => (v.trim() === "" ? null : v.trim());
  // As the engine's metrics do when 全年执行数 is not stated: disbursed, else approved.
  const derived = s.disbursed > 0 ? s.disbursed * 100 : s.approved > 0 ? s.approved * 100 : null;
  return {
    project: text(p.name),
    department: text(p.department),
    implementer: text(p.implementer),
    budgetFen: p.budgetFen,
    executedFen: p.executedFen ?? (s.executionRate === null ? null : Math.round(derived ?? 0)),
    executionRate: s.executionRate,
    claimedScore: p.claimedScore,
    score: s.score,
    grade: s.grade,
  };
}

const yuan = (fen: number | null): number | null => (fen === null ? null : fen / 100);

export function batchFile(o: FileOutcome, name: string): BatchFile {
  const index = o.index + 1;
  if (!o.ok) {
    const reason = withoutFile(o.error.message, o.file);
    const row: BatchRow = {
      index,
      file: o.file,
      name,
      status: "unreadable",
      reason,
      project: null,
      department: null,
      implementer: null,
      budget: null,
      executed: null,
      executionRate: null,
      claimedScore: null,
      score: null,
      grade: null,
      errors: null,
      warnings: null,
      infos: null,
      mainProblems: [],
    };
    return { row, issues: [{ index, file: o.file, severity: "unreadable", code: o.error.code, sheet: "", cell: "", message: reason }], codeCounts: new Map() };
  }
  const r = o.result;
  const f = projectFields(r);
  const s = r.summary;
  const row: BatchRow = {
    index,
    file: o.file,
    name,
    status: "readable",
    reason: null,
    project: f.project,
    department: f.department,
    implementer: f.implementer,
    budget: yuan(f.budgetFen),
    executed: yuan(f.executedFen),
    executionRate: f.executionRate,
    claimedScore: f.claimedScore,
    score: f.score,
    grade: f.grade,
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos,
    mainProblems: r.findings.filter((x) => x.severity === "error").slice(0, MAIN_PROBLEMS).map((x) => x.message),
  };
  const issues: BatchIssue[] = [];
  const codeCounts: BatchFile["codeCounts"] = new Map();
  for (const x of r.findings) {
    if (x.severity !== "info") issues.push(issueOf(index, o.file, x));
    const key = `${x.code}|${x.severity}`;
    const c = codeCounts.get(key);
    if (c) c.count++;
    else codeCounts.set(key, { code: x.code, severity: x.severity, count: 1, example: x.message });
  }
  return { row, issues, codeCounts };
}

function issueOf(index: number, file: string, f: Finding): BatchIssue {
  return { index, file, severity: f.severity, code: f.code, sheet: f.sheet, cell: f.cell, message: f.message };
}

/** "a/b.xlsx：找不到文件…" -> "找不到文件…": the file has its own column. */
function withoutFile(message: string, file: string): string {
  for (const prefix of [`${file}：`, `${file.split(/[\\/]/).pop()}：`]) if (message.startsWith(prefix)) return message.slice(prefix.length);
  return message;
}

export function severityLabel(severity: Severity | "unreadable", lang: Lang): string {
  if (severity === "unreadable") return lang === "en" ? "Unreadable" : "无法读取";
  return SEVERITY_LABEL[lang][severity];
}
