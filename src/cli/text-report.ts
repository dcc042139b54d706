// The text report of `fund-audit validate`: what a finance reviewer hands on — a summary of the
// money and the score, then every error and warning with its cell, unit and message. Infos are
// summarised by code (each is listed in the 审核结果 sheet and the JSON report).
import { formatWan, type Finding, type Lang, type ReportedResult, type Severity } from "../core";
import { terminalSafe as safe } from "./terminal-text";
import { displayWidth } from "./text-width";

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export interface TextReportOptions {
  lang: Lang;
  color: boolean;
}

const LABELS = {
  zh: {
    title: "专项资金审核报告",
    workbook: "工作簿",
    project: "项目",
    year: (y: number) => `（${y}年度）`,
    implementer: "实施单位",
    ruleset: "规则版本",
    overview: "概况",
    recipients: "受助单位",
    recipientsValue: (n: number, lines: number) => `${n} 家（支出明细 ${lines} 条）`,
    budget: "全年预算数",
    approved: "批复金额合计",
    disbursed: "拨付金额合计",
    spent: "支出金额合计",
    rate: "预算执行率",
    score: "复核得分",
    scoreValue: (score: string, grade: string, claimed: number | null) => `${score} 分，等级：${grade}${claimed === null ? "" : `（单位自评得分 ${claimed} 分）`}`,
    verdict: "审核结论",
    pass: (w: number, i: number) => `通过：无错误，警告 ${w} 项，提示 ${i} 项`,
    fail: (e: number, w: number, i: number) => `不通过：错误 ${e} 项，警告 ${w} 项，提示 ${i} 项`,
    severity: { error: "错误", warning: "警告", info: "提示" } as Record<Severity, string>,
    none: "—",
    infoSummary: "按类型汇总，逐条见审核结果表或 --format json",
    codesDoc: (code: string) => `各问题代码的含义和改法见 docs/codes.md，某一代码见 docs/codes.md#代码（如 docs/codes.md#${code}）。`,
    places: (n: number) => `${n} 条`,
    example: "例",
    more: (n: number) => `等，共 ${n} 个单元格`,
    sep: "、",
    unitWan: "万元",
    colon: "：",
    count: (n: number) => `（${n}）`,
    infoCount: (n: number, note: string) => `（${n}，${note}）`,
  },
  en: {
    title: "Special fund audit report",
    workbook: "Workbook",
    project: "Project",
    year: (y: number) => ` (${y})`,
    implementer: "Implementer",
    ruleset: "Ruleset",
    overview: "Overview",
    recipients: "Recipients",
    recipientsValue: (n: number, lines: number) => `${n} (${lines} spending lines)`,
    budget: "Budget",
    approved: "Approved",
    disbursed: "Disbursed",
    spent: "Spent",
    rate: "Execution rate",
    score: "Reviewed score",
    scoreValue: (score: string, grade: string, claimed: number | null) => `${score}, grade ${grade}${claimed === null ? "" : ` (the unit's own score ${claimed})`}`,
    verdict: "Verdict",
    pass: (w: number, i: number) => `passed: no errors, ${plural(w, "warning")}, ${plural(i, "info")}`,
    fail: (e: number, w: number, i: number) => `failed: ${plural(e, "error")}, ${plural(w, "warning")}, ${plural(i, "info")}`,
    severity: { error: "Errors", warning: "Warnings", info: "Infos" } as Record<Severity, string>,
    none: "-",
    infoSummary: "by code; each one is listed in the findings sheet and in --format json",
    codesDoc: (code: string) => `What each code means and how to fix it: docs/codes.md; one code at docs/codes.md#<code> (e.g. docs/codes.md#${code}).`,
    places: (n: number) => `${n} findings`,
    example: "e.g.",
    more: (n: number) => `… (${n} cells in all)`,
    sep: ", ",
    unitWan: " 万元",
    colon: ": ",
    count: (n: number) => ` (${n})`,
    infoCount: (n: number, note: string) => ` (${n}, ${note})`,
  },
};

const ANSI = { bold: "\x1b[1m", dim: "\x1b[2m", red: "\x1b[31m", yellow: "\x1b[33m", cyan: "\x1b[36m", green: "\x1b[32m", reset: "\x1b[0m" };
const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan };
const INFO_CELLS_SHOWN = 6;

export function textReport(result: ReportedResult, workbook: string, opts: TextReportOptions): string {
  const L = LABELS[opts.lang];
  const paint = (code: string, s: string): string => (opts.color ? `${code}${s}${ANSI.reset}` : s);
  const { summary: s, model } = result;
  const p = model.project;
  const out: string[] = [];

  out.push(paint(ANSI.bold, L.title));
  out.push(`${L.workbook}${L.colon}${safe(workbook)}`);
  if (p.name) out.push(`${L.project}${L.colon}${safe(p.name)}${p.year ? L.year(p.year) : ""}${p.implementer ? `  ${L.implementer}${L.colon}${safe(p.implementer)}` : ""}`);
  out.push(`${L.ruleset}${L.colon}${result.rulesetVersion}`);
  out.push("");

  const wan = (yuan: number | null): string => (yuan === null ? L.none : formatWan(Math.round(yuan * 100), 2, L.unitWan));
  const rows: [string, string][] = [
    [L.recipients, L.recipientsValue(s.recipients, s.lines)],
    [L.budget, wan(s.budget)],
    [L.approved, wan(s.approved)],
    [L.disbursed, wan(s.disbursed)],
    [L.spent, wan(s.spent)],
    [L.rate, s.executionRate === null ? L.none : `${(s.executionRate * 100).toFixed(2)}%`],
    [L.score, L.scoreValue(s.score.toFixed(2), s.grade, p.claimedScore)],
    [L.verdict, s.errors > 0 ? paint(ANSI.red, L.fail(s.errors, s.warnings, s.infos)) : paint(ANSI.green, L.pass(s.warnings, s.infos))],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => displayWidth(label)));
  out.push(paint(ANSI.bold, L.overview));
  for (const [label, value] of rows) out.push(`  ${padDisplay(label, labelWidth)}  ${value}`);

  for (const severity of ["error", "warning"] as const) {
    const list = result.findings.filter((f) => f.severity === severity);
    if (list.length === 0) continue;
    out.push("");
    out.push(paint(ANSI.bold + SEVERITY_COLOR[severity], `${L.severity[severity]}${L.count(list.length)}`));
    list.forEach((f, i) => {
      const head = [paint(SEVERITY_COLOR[severity], safe(f.cell)), safe(f.recipient ?? ""), paint(ANSI.dim, `[${f.code}]`)].filter(Boolean).join("  ");
      out.push(`  ${i + 1}. ${head}`);
      out.push(`     ${safe(f.message)}`);
    });
  }

  const infos = result.findings.filter((f) => f.severity === "info");
  if (infos.length > 0) {
    out.push("");
    out.push(paint(ANSI.bold + SEVERITY_COLOR.info, `${L.severity.info}${L.infoCount(infos.length, L.infoSummary)}`));
    for (const [code, list] of groupByCode(infos)) {
      out.push(`  ${paint(SEVERITY_COLOR.info, code)}  ${L.places(list.length)}${L.colon}${cellList(list, L.sep, L.more)}`);
      out.push(`     ${L.example}${L.colon}${safe(list[0].message)}`);
    }
  }
  // Every code named above has its entry, anchored by the code (test/docs/codes-doc.test.ts).
  if (result.findings.length > 0) {
    out.push("");
    out.push(paint(ANSI.dim, L.codesDoc(result.findings[0].code)));
  }
  return `${out.join("\n")}\n`;
}

function groupByCode(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.code);
    if (list) list.push(f);
    else groups.set(f.code, [f]);
  }
  return groups;
}

/** 支出明细!C13、C16、C17 — each cell once, the sheet name once per run of the same sheet. */
function cellList(list: Finding[], separator: string, more: (n: number) => string): string {
  const cells = [...new Map(list.map((f) => [f.cell, f])).values()];
  const shown = cells.slice(0, INFO_CELLS_SHOWN);
  let lastSheet = "";
  const parts = shown.map((f) => {
    const local = f.cell.slice(f.cell.lastIndexOf("!") + 1);
    const part = f.sheet === lastSheet ? local : `${f.sheet}!${local}`;
    lastSheet = f.sheet;
    return part;
  });
  const text = safe(parts.join(separator));
  return cells.length > shown.length ? `${text} ${more(cells.length)}` : text;
}

function padDisplay(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}
