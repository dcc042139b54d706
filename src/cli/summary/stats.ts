// Counts across the files of a batch: per finding code (按代码统计) and the totals row of 汇总.
import type { Severity } from "../../core";
import type { BatchFile, BatchRow } from "./rows";

export interface CodeStat {
  code: string;
  severity: Severity | "unreadable";
  /** Findings of this code (for unreadable files: files). */
  count: number;
  /** 序号 of the files it occurs in, ascending. */
  files: number[];
  example: string;
}

const SEVERITY_ORDER: Record<CodeStat["severity"], number> = { unreadable: 0, error: 1, warning: 2, info: 3 };

/** Most frequent first; then in more files, then more severe, then by code. */
export function codeStats(files: readonly BatchFile[]): CodeStat[] {
  const byKey = new Map<string, CodeStat>();
  const add = (code: string, severity: CodeStat["severity"], count: number, index: number, example: string): void => {
    const key = `${code}|${severity}`;
    const s = byKey.get(key);
    if (!s) byKey.set(key, { code, severity, count, files: [index], example });
    else {
      s.count += count;
      if (s.files[s.files.length - 1] !== index) s.files.push(index);
    }
  };
  const ordered = [...files].sort((a, b) => a.row.index - b.row.index);
  for (const f of ordered) {
    if (f.row.status === "unreadable") for (const i of f.issues) add(i.code, "unreadable", 1, f.row.index, i.message);
    for (const c of f.codeCounts.values()) add(c.code, c.severity, c.count, f.row.index, c.example);
  }
  return [...byKey.values()].sort(
    (a, b) => b.count - a.count || b.files.length - a.files.length || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

export interface BatchTotals {
  files: number;
  readable: number;
  unreadable: number;
  withErrors: number;
  /** Yuan, over the files that state it. */
  budget: number;
  executed: number;
  executionRate: number | null;
  errors: number;
  warnings: number;
  infos: number;
  /** Files whose claimed score is CLAIM_GAP or more from the computed one. */
  scoreGaps: number;
}

/** |自评得分 − 复核得分| at or above this is highlighted (SPEC §12). */
export const CLAIM_GAP = 5;

export function hasScoreGap(r: BatchRow): boolean {
  return r.claimedScore !== null && r.score !== null && Math.abs(r.claimedScore - r.score) >= CLAIM_GAP;
}

export function batchTotals(rows: readonly BatchRow[]): BatchTotals {
  const sum = (pick: (r: BatchRow) => number | null): number => rows.reduce((n, r) => n + (pick(r) ?? 0), 0);
  // Sums of yuan kept in fen, so 0.1 + 0.2 stays 0.3.
  const budget = sum((r) => (r.budget === null ? null : Math.round(r.budget * 100))) / 100;
  const executed = sum((r) => (r.executed === null ? null : Math.round(r.executed * 100))) / 100;
  const readable = rows.filter((r) => r.status === "readable").length;
  return {
    files: rows.length,
    readable,
    unreadable: rows.length - readable,
    withErrors: rows.filter((r) => (r.errors ?? 0) > 0).length,
    budget,
    executed,
    executionRate: budget > 0 ? executed / budget : null,
    errors: sum((r) => r.errors),
    warnings: sum((r) => r.warnings),
    infos: sum((r) => r.infos),
    scoreGaps: rows.filter(hasScoreGap).length,
  };
}
