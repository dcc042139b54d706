// The typed model of an allocation workbook, the findings and the evaluation.
import type { ColumnMap } from "./column-map";
import type { FindingCode, FindingParamsMap } from "./findings";
import type { FormRead } from "./form/model";
import type { FundingTable } from "./funding";
import type { CellValue } from "./grid";

export type Severity = "error" | "warning" | "info";
export type Lang = "zh" | "en";

/** Where a value came from: sheet name as in the workbook, zero-based row/col. */
export interface CellPos {
  sheet: string;
  row: number;
  col: number;
}

export type AmountUnit = "yuan" | "wan";

export interface Project {
  name: string;
  department: string;
  implementer: string;
  year: number | null;
  unit: AmountUnit;
  budgetInitialFen: number | null;
  budgetFen: number | null;
  executedFen: number | null;
  fiscalFen: number | null;
  carryoverFen: number | null;
  otherFen: number | null;
  districts: string[];
  supportAreas: string[];
  overallGoal: string;
  overallGoalActual: string;
  claimedScore: number | null;
  executionWeight: number;
  executionReason: string;
  /** 支出范围模板 as typed (电商 | 经济分类; blank = the profile that classifies more lines). */
  scopeProfile?: string;
  /** Cell of each key's value on 项目信息, by canonical key (e.g. "全年预算数"). */
  cells: Record<string, CellPos>;
  sheet: string | null;
}

export interface Recipient {
  row: number; // zero-based on the allocation sheet
  index: number;
  district: string;
  name: string;
  normName: string;
  creditCode: string;
  area: string;
  approvedFen: number | null;
  disbursedFen: number | null;
  disbursedDate: Date | null;
  note: string;
  detailText: string;
  hidden: boolean;
  cells: Partial<Record<AllocationField, CellPos>>;
  /** Amount cells that hold an error value or unreadable text (their sums are unknown). */
  unreadable?: { approved: boolean; disbursed: boolean };
  /** 项目名称 of a project list's row: a recipient with several projects has several rows. */
  project?: string;
}

export type AllocationField = "seq" | "district" | "name" | "project" | "creditCode" | "area" | "approved" | "disbursed" | "disbursedDate" | "note" | "detail";
export type SpendingField = "seq" | "name" | "content" | "category" | "amount" | "date" | "voucher" | "note";

export interface SpendingLine {
  sheet: string;
  row: number; // zero-based
  recipientName: string;
  normName: string;
  content: string;
  category: string; // typed category ("" when blank)
  amountFen: number | null;
  date: Date | null;
  voucher: string;
  note: string;
  source: "sheet" | "detail";
  hidden: boolean;
  /** The 金额 cell holds an error value or unreadable text. */
  amountUnreadable?: boolean;
  /** Category after classification; "" when unclassified. */
  resolvedCategory: string;
  keyword: string;
  /**
   * Column of each field's cell in the line's row of `sheet`; one object shared by all lines of a
   * sheet (see lineCell): a line carries no position object of its own.
   */
  cols: Readonly<Partial<Record<SpendingField, number>>>;
}

export type TargetOp = ">=" | "<=" | ">" | "<" | "=" | "rank";

export type ParsedTarget =
  | { kind: "quantitative"; op: TargetOp; value: number; unit: string }
  | { kind: "qualitative"; text: string }
  | { kind: "invalid"; text: string };

export type QualitativeGrade = "达成" | "部分达成" | "未达成";

export interface Indicator {
  row: number; // zero-based
  level1: string;
  level2: string;
  name: string;
  targetText: string;
  target: ParsedTarget;
  actualText: string;
  actualValue: { value: number; unit: string } | null;
  weight: number;
  grade: QualitativeGrade | null;
  typedScore: number | null;
  source: string;
  reason: string;
  notApplicable: boolean;
  nature: string;
  unit: string;
  cells: Partial<Record<"level1" | "level2" | "name" | "target" | "actual" | "weight" | "grade" | "score" | "source" | "reason", CellPos>>;
}

export interface ScopeCategory {
  name: string;
  status: "allowed" | "forbidden" | "review";
  areas: string[]; // empty = all
  keywords: string[];
  capPercent: number | null;
  capFen: number | null;
  note: string;
  builtIn: boolean;
  /** 支出经济分类 codes (30201) or class codes (301) that classify a line exactly. */
  codes?: string[];
}

/** The input roles a workbook may hold (SPEC §8). */
export type Role = "project" | "allocation" | "spending" | "scope" | "indicators";
/** present: read; unreadable: found but a required column is missing; absent: not in the workbook. */
export type RoleState = "present" | "unreadable" | "absent";

/** A table's amount columns as fen (values[column][row]), for cross-footing. */
export interface NumericTable {
  sheet: string;
  /** Zero-based data rows, in order. */
  rows: number[];
  columns: { col: number; header: string }[];
  values: (number | null)[][];
}

export interface WorkbookModel {
  project: Project;
  recipients: Recipient[];
  lines: SpendingLine[];
  indicators: Indicator[];
  scope: ScopeCategory[];
  sheets: { project: string | null; allocation: string | null; spending: string | null; scope: string | null; indicators: string | null };
  /** Header row (zero-based) per sheet name. */
  headerRows: Record<string, number>;
  /** Column of the 分值 header on the indicators sheet. */
  weightHeader: CellPos | null;
  /** A filled 绩效自评表 (SPEC §9): the input itself, or a typed copy beside the input sheets. */
  form?: { read: FormRead; role: "input" | "copy" };
  /** The optional 资金来源 sheet (SPEC §9). */
  funding?: FundingTable | null;
  /**
   * Which roles the workbook holds and could read: rules needing a role not present are skipped.
   * Absent for a model read from a lone 绩效自评表 (SPEC §9), where every rule runs.
   */
  roles?: Record<Role, RoleState>;
  /** Tables with amount columns, for cross-footing. */
  tables?: NumericTable[];
}

interface FindingBase {
  severity: Severity;
  message: string;
  sheet: string;
  /** "支出明细!E17" */
  cell: string;
  /** 1-based. */
  row: number;
  /** Zero-based column, for adapters. */
  col: number;
}

/** A param's value type in each member of P (a union for actual-mismatch); never where P has no such param. */
type ParamOf<P, K extends string> = P extends unknown ? (K extends keyof P ? Exclude<P[K], undefined> : never) : never;

/** The JSON fields a finding carries: those its code's params feed, absent (never) for the others. */
interface ExposedParams<P> {
  recipient?: ParamOf<P, "recipient">;
  category?: ParamOf<P, "category">;
  keyword?: ParamOf<P, "keyword">;
  /** Yuan with 2 decimals. */
  amount?: ParamOf<P, "amountFen">;
  limit?: ParamOf<P, "limitFen">;
  /** Yuan when the params give it in fen. */
  expected?: ParamOf<P, "expectedFen"> | ParamOf<P, "expected">;
  actual?: ParamOf<P, "actualFen"> | ParamOf<P, "actual">;
  /** Raw text of the offending cell, when relevant. */
  raw?: ParamOf<P, "raw">;
}

/** One finding of code C. */
export type FindingOf<C extends FindingCode> = FindingBase & { code: C } & ExposedParams<FindingParamsMap[C]>;

/** A finding: a union keyed by code, each member exposing its own params. */
export type Finding = { [C in FindingCode]: FindingOf<C> }[FindingCode];

export interface IndicatorScore {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: number;
  score: number;
  met: boolean | null;
  notApplicable?: boolean;
}

export interface Evaluation {
  executionRate: number | null;
  executionScore: number;
  executionWeight: number;
  indicators: IndicatorScore[];
  total: number;
  grade: "优" | "良" | "中" | "差";
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  recipients: number;
  lines: number;
  /** Yuan. */
  budget: number | null;
  approved: number;
  disbursed: number;
  spent: number;
  executionRate: number | null;
  /** The recomputed score (复核得分); the unit's own (自评得分) is model.project.claimedScore. */
  score: number;
  grade: string;
}

export interface RuleConfig {
  /** Execution rate below which a reason is required (0.9). */
  executionReasonThreshold?: number;
  /** Actual ≥ this multiple of target needs a deviation reason (1.3). */
  overshootRatio?: number;
  /** Qualitative grade percentages. */
  qualitative?: Partial<Record<QualitativeGrade, number>>;
  /** "allow" (default: info finding), "review" (warning? stays info) or "forbid". */
  paidTraffic?: "allow" | "forbid";
  /** Standard level-1 weights. */
  standardWeights?: Record<string, number>;
  /** Built-in scope profile (SPEC §10); "auto" or absent: 支出范围模板, else the one that classifies more lines. */
  profile?: "电商" | "经济分类" | "auto";
  /** Extra scope categories or overrides by name. */
  scope?: Partial<ScopeCategory>[];
  /** Default amount unit when 项目信息 has no 金额单位. */
  amountUnit?: AmountUnit;
  /** Where the input tables are, where detection misses (SPEC §8 column map). */
  columnMap?: ColumnMap;
  /** Finding codes not to report (the checks still run where others depend on them). */
  skip?: string[];
  /** When given, only these finding codes are reported. */
  select?: string[];
  /** A code's severity changed, e.g. { "paid-traffic": "warning" }. */
  severity?: Record<string, Severity>;
}

export interface ValidateOptions {
  lang?: Lang;
  config?: RuleConfig;
}

export interface ValidationResult {
  rulesetVersion: string;
  model: WorkbookModel;
  findings: Finding[];
  evaluation: Evaluation;
  summary: Summary;
}

/**
 * What the task pane keeps of a result: everything but the spending lines. At 100k lines they cost
 * ~0.4 s to clone from the validation worker to the pane, and nothing the pane shows or writes reads
 * them (the 绩效自评表 and 审核结果 layouts take this type, so the compiler keeps it that way).
 */
export interface ResultWithoutLines extends Omit<ValidationResult, "model"> {
  model: Omit<WorkbookModel, "lines">;
}

/** What the JSON and text reports read of a result: no lines or recipients (see reportedResult). */
export interface ReportedResult extends Omit<ValidationResult, "model"> {
  model: Pick<WorkbookModel, "project">;
}

export type { CellValue };
