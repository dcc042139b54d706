// One pass over a workbook: parse, classify, score, run every rule, render messages.
import { classifyLines } from "./classify";
import { FINDING_SEVERITY, FindingSink, type FindingCode, type FindingFields, type FindingParamsMap, type MessageCatalogue } from "./findings";
import { columnLetter, type WorkbookGrids } from "./grid";
import { enUS } from "./messages/en-US";
import { fenToYuanNumber } from "./messages/format";
import { zhCN } from "./messages/zh-CN";
import { readModel } from "./form/input";
import { computeTotals } from "./metrics";
import type { OnEngineProgress } from "./progress";
import { makeEmit, ruleApplies, type RuleContext } from "./rules/context";
import { RULES } from "./rules/registry";
import { score } from "./scoring";
import { orderFindings } from "./perf/finding-order";
import { PAID_TRAFFIC } from "./scope";
import { codeSelection } from "./selection";
import type { CellPos, Finding, Lang, Severity, Summary, ValidateOptions, ValidationResult } from "./types";

/** Bumped when a rule, default or scoring changes what a workbook yields. */
export const RULESET_VERSION = "2026.12.1";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Messages that quote only the category and the keyword, so every line sharing them gets one string:
 * at 100k lines these are most findings (63k inferred-category infos), and a template per finding
 * was ~5 short-lived strings kept alive to the end of the run. The key names every param the
 * message reads; test/core/render.test.ts checks no other param changes the text.
 */
export const SHARED_MESSAGE_KEYS: Partial<MessageCatalogue> = {
  "inferred-category": (p) => `${p.keyword ?? ""}\u0000${p.category ?? ""}`,
};

/** Renders findings for one run: caches what repeats (cell address prefixes, shared messages). */
export class FindingRenderer {
  private readonly catalogue: MessageCatalogue;
  /** Sheet -> column -> "支出明细!C": a finding's address is then one concatenation. */
  private readonly prefixes = new Map<string, string[]>();
  private readonly shared = new Map<string, string>();

  constructor(lang: Lang, private readonly severityOf: (code: FindingCode) => Severity = (code) => FINDING_SEVERITY[code]) {
    this.catalogue = lang === "en" ? enUS : zhCN;
  }

  private cell(sheet: string, row: number, col: number): string {
    let cols = this.prefixes.get(sheet);
    if (!cols) this.prefixes.set(sheet, (cols = []));
    const prefix = (cols[col] ??= `${sheet}!${columnLetter(col)}`);
    return prefix + (row + 1);
  }

  private message<C extends FindingCode>(code: C, p: FindingParamsMap[C]): string {
    const keyOf: MessageCatalogue[C] | undefined = SHARED_MESSAGE_KEYS[code];
    if (!keyOf) return this.catalogue[code](clipTexts(p));
    const key = keyOf(p);
    let m = this.shared.get(key);
    if (m === undefined) this.shared.set(key, (m = this.catalogue[code](clipTexts(p))));
    return m;
  }

  render<C extends FindingCode>(code: C, pos: CellPos, params: FindingParamsMap[C]): Finding {
    const p: FindingFields = params;
    // Every field in one literal, absent ones undefined: one fixed shape for all findings, no
    // property array grown per optional field (JSON writers and toJsonFinding skip undefined).
    // The fields come from C's params, so this is the union's member for C.
    return {
      code,
      severity: p.severity ?? this.severityOf(code),
      message: this.message(code, params),
      sheet: pos.sheet,
      cell: this.cell(pos.sheet, pos.row, pos.col),
      row: pos.row + 1,
      col: pos.col,
      recipient: p.recipient || undefined,
      category: p.category || undefined,
      keyword: p.keyword || undefined,
      amount: p.amountFen !== undefined ? fenToYuanNumber(p.amountFen) : undefined,
      limit: p.limitFen !== undefined ? fenToYuanNumber(p.limitFen) : undefined,
      expected: p.expectedFen !== undefined ? fenToYuanNumber(p.expectedFen) : p.expected,
      actual: p.actualFen !== undefined ? fenToYuanNumber(p.actualFen) : p.actual,
      raw: p.raw,
    } as Finding;
  }
}

/** Longest quoted text in a message: a 32,767-character 支出内容 must not make a message longer than a cell holds. */
const MAX_QUOTED = 200;

const tooLong = (v: unknown): boolean => typeof v === "string" && v.length > MAX_QUOTED;

function clipTexts<P extends FindingFields>(p: P): P {
  // Almost every finding quotes short texts: copy only when something must be cut.
  if (!(tooLong(p.raw) || tooLong(p.recipient) || tooLong(p.category) || tooLong(p.keyword) || tooLong(p.actual) || tooLong(p.expected) || tooLong(p.list) || tooLong(p.field))) return p;
  const clip = <T>(v: T): T => (typeof v === "string" && v.length > MAX_QUOTED ? (`${Array.from(v).slice(0, MAX_QUOTED - 1).join("")}…` as T) : v);
  return { ...p, recipient: clip(p.recipient), category: clip(p.category), keyword: clip(p.keyword), raw: clip(p.raw), actual: clip(p.actual), expected: clip(p.expected), list: clip(p.list), field: clip(p.field) };
}

function posKey(f: Finding): string {
  return `${f.sheet}|${f.row}|${f.col}`;
}

/** `onProgress` hears each role sheet parsed and each rule run, then "done" (the pane's progress bar). */
export function validateWorkbook(wb: WorkbookGrids, opts: ValidateOptions = {}, onProgress?: OnEngineProgress): ValidationResult {
  const config = opts.config ?? {};
  const lang = opts.lang ?? "zh";
  const selection = codeSelection(config);
  const renderer = new FindingRenderer(lang, selection.severityOf);
  const sink = new FindingSink((code, pos, params) => renderer.render(code, pos, params), selection.keeps);
  // A workbook holding only a filled 绩效自评表 is read as that form (SPEC §9).
  const model = readModel(wb, sink, config, onProgress);
  const classes = classifyLines(model);
  const forbidden = new Set<number>();
  const unknown = new Set<number>();
  // 购买流量 set to 否 forbids the paid-traffic lines of an allowed category (直通车 under 推广营销).
  const trafficForbidden = model.scope.some((c) => c.name === PAID_TRAFFIC && c.status === "forbidden");
  for (let i = 0; i < model.lines.length; i++) {
    if (classes.category[i]?.status === "forbidden" || (trafficForbidden && classes.trafficKeyword[i])) forbidden.add(i);
    if (classes.recipient[i] < 0) unknown.add(i);
  }
  const totals = computeTotals(model, forbidden, unknown);
  const scoring = score(model, totals, config);
  const ctx: RuleContext = { model, config, classes, totals, scoring, emit: makeEmit(sink) };
  const rules = RULES.filter((rule) => ruleApplies(rule, model));
  rules.forEach((rule, i) => {
    rule.check(ctx);
    onProgress?.({ phase: "rules", done: i + 1, total: rules.length });
  });

  const sheetOrder = new Map(wb.sheets.map((s, i) => [s.name, i]));
  // A cell holding an error value gets cell-error and nothing else: whatever else a rule says about
  // it follows from the error.
  const errorCells = new Set(sink.items.filter((x) => x.code === "cell-error").map(posKey));
  const kept = errorCells.size === 0 ? sink.items : sink.items.filter((f) => f.code === "cell-error" || !errorCells.has(posKey(f)));
  // Order: severity, sheet, row, column, then emission order.
  const findings = orderFindings(kept, SEVERITY_ORDER, sheetOrder);

  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  findings.forEach((f) => counts[f.severity]++);
  const summary: Summary = {
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
    recipients: model.recipients.length,
    lines: model.lines.length,
    budget: model.project.budgetFen === null ? null : fenToYuanNumber(model.project.budgetFen),
    approved: fenToYuanNumber(totals.approvedFen),
    disbursed: fenToYuanNumber(totals.disbursedFen),
    spent: fenToYuanNumber(totals.spentFen),
    executionRate: scoring.evaluation.executionRate,
    score: scoring.evaluation.total,
    grade: scoring.evaluation.grade,
  };
  onProgress?.({ phase: "done", done: 1, total: 1 });
  return { rulesetVersion: RULESET_VERSION, model, findings, evaluation: scoring.evaluation, summary };
}
