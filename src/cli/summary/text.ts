// The batch summary on stdout: one table row per file, the totals, then what a reviewer acts on —
// each file's main problems, the unreadable files and the most frequent finding codes.
import { formatWan, type Lang } from "../../core";
import { displayWidth } from "../text-width";
import { severityLabel, type BatchFile, type BatchRow } from "./rows";
import { batchTotals, codeStats, hasScoreGap, type BatchTotals } from "./stats";

const TOP_CODES = 10;
const FILE_WIDTH = 28;
const PROJECT_WIDTH = 20;

const LABELS = {
  zh: {
    headers: ["序号", "文件", "项目名称", "预算(万元)", "执行(万元)", "执行率", "自评", "复核", "等级", "错误", "警告", "提示", "状态"],
    readable: "可读",
    unreadable: "无法读取",
    gap: "*",
    totals: (t: BatchTotals) =>
      `共 ${t.files} 个文件：可读 ${t.readable} 个（有错误 ${t.withErrors} 个），无法读取 ${t.unreadable} 个；错误 ${t.errors} 项，警告 ${t.warnings} 项，提示 ${t.infos} 项；预算合计 ${formatWan(Math.round(t.budget * 100))}，执行合计 ${formatWan(Math.round(t.executed * 100))}${t.executionRate === null ? "" : `，执行率 ${pct(t.executionRate)}`}`,
    gapNote: (n: number) => `* 自评得分与复核得分相差 5 分及以上：${n} 个文件`,
    problems: "主要问题",
    unreadableList: "无法读取的文件",
    codes: "最常见的问题（按代码）",
    codeLine: (n: number, files: number) => `${n} 次，${files} 个文件`,
    colon: "：",
  },
  en: {
    headers: ["#", "File", "Project", "Budget(万元)", "Executed", "Rate", "Claimed", "Score", "Grade", "Err", "Warn", "Info", "Status"],
    readable: "readable",
    unreadable: "unreadable",
    gap: "*",
    totals: (t: BatchTotals) =>
      `${t.files} files: ${t.readable} readable (${t.withErrors} with errors), ${t.unreadable} unreadable; ${t.errors} errors, ${t.warnings} warnings, ${t.infos} infos; budget ${formatWan(Math.round(t.budget * 100))}, executed ${formatWan(Math.round(t.executed * 100))}${t.executionRate === null ? "" : `, rate ${pct(t.executionRate)}`}`,
    gapNote: (n: number) => `* claimed score 5 or more points from the computed score: ${n} files`,
    colon: ": ",
    problems: "Main problems",
    unreadableList: "Unreadable files",
    codes: "Most frequent findings (by code)",
    codeLine: (n: number, files: number) => `${n} ${n === 1 ? "time" : "times"} in ${files} ${files === 1 ? "file" : "files"}`,
  },
};

function pct(rate: number): string {
  return `${(rate * 100).toFixed(2)}%`;
}

/** Control characters (C0, DEL, C1) of a hostile file name or cell would drive the terminal: shown as "?". */
function clean(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c < 0x20 || (c >= 0x7f && c <= 0x9f) ? "?" : ch;
  }
  return out;
}

function fit(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = "";
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

const num = (v: number | null, d: number): string => (v === null ? "—" : v.toFixed(d));

function cellsOf(r: BatchRow, L: (typeof LABELS)["zh"]): string[] {
  const gap = hasScoreGap(r) ? L.gap : "";
  return [
    String(r.index),
    fit(clean(r.name), FILE_WIDTH),
    fit(clean(r.project ?? "—"), PROJECT_WIDTH),
    num(r.budget === null ? null : r.budget / 10000, 2),
    num(r.executed === null ? null : r.executed / 10000, 2),
    r.executionRate === null ? "—" : pct(r.executionRate),
    `${num(r.claimedScore, 2)}${gap}`,
    `${num(r.score, 2)}${gap}`,
    r.grade ?? "—",
    num(r.errors, 0),
    num(r.warnings, 0),
    num(r.infos, 0),
    r.status === "readable" ? L.readable : L.unreadable,
  ];
}

/** Columns 0–2 and 8, 12 are text (left-aligned); the rest are numbers. */
const LEFT = new Set([1, 2, 8, 12]);

export function summaryText(files: readonly BatchFile[], lang: Lang): string {
  const L = LABELS[lang];
  const rows = [...files].sort((a, b) => a.row.index - b.row.index).map((f) => f.row);
  const table = [L.headers, ...rows.map((r) => cellsOf(r, L))];
  const widths = L.headers.map((_, c) => Math.max(...table.map((t) => displayWidth(t[c]))));
  const line = (t: string[]): string =>
    t
      .map((v, c) => {
        const padding = " ".repeat(widths[c] - displayWidth(v));
        return LEFT.has(c) ? v + padding : padding + v;
      })
      .join("  ")
      .trimEnd();
  const out: string[] = [line(table[0]), widths.map((w) => "─".repeat(w)).join("  "), ...table.slice(1).map(line)];
  const t = batchTotals(rows);
  out.push("", L.totals(t));
  if (t.scoreGaps > 0) out.push(L.gapNote(t.scoreGaps));

  const withProblems = rows.filter((r) => r.mainProblems.length > 0);
  if (withProblems.length > 0) {
    out.push("", L.problems);
    for (const r of withProblems) {
      out.push(`  ${r.index}. ${clean(r.name)}`);
      for (const m of r.mainProblems) out.push(`     - ${clean(m)}`);
    }
  }
  const unreadable = rows.filter((r) => r.status === "unreadable");
  if (unreadable.length > 0) {
    out.push("", L.unreadableList);
    for (const r of unreadable) out.push(`  ${r.index}. ${clean(r.name)}${L.colon}${clean(r.reason ?? "")}`);
  }
  const stats = codeStats(files).slice(0, TOP_CODES);
  if (stats.length > 0) {
    out.push("", L.codes);
    const codeWidth = Math.max(...stats.map((s) => s.code.length));
    for (const s of stats) out.push(`  ${s.code.padEnd(codeWidth)}  ${severityLabel(s.severity, lang)}  ${L.codeLine(s.count, s.files.length)}`);
  }
  return `${out.join("\n")}\n`;
}
