// What a filled 绩效自评表 says (SPEC §9), cell by cell: the form reader's output, checked by
// form/checks.ts and turned into the engine's model by form/input.ts.
import type { CellPos, Indicator } from "../types";

export type FundingColumn = "initial" | "budget" | "executed";
export const FUNDING_COLUMNS: readonly FundingColumn[] = ["initial", "budget", "executed"];
/** How a funding column is called in findings. */
export const FUNDING_LABEL: Record<FundingColumn, string> = { initial: "年初预算数", budget: "全年预算数", executed: "全年执行数" };

export interface FundingRow {
  /** The row's label without 其中： (年度资金总额, 当年财政拨款, 财政专户管理资金 …). */
  label: string;
  row: number;
  fen: Record<FundingColumn, number | null>;
}

export interface TypedNumber {
  value: number | null;
  /** The cell as typed, for messages. */
  text: string;
  cell: CellPos;
}

export interface FormRead {
  sheet: string;
  name: string;
  department: string;
  implementer: string;
  year: number | null;
  cells: Partial<Record<"name" | "department" | "implementer", CellPos>>;
  /** Column of each funding figure, and of the execution 分值 / 执行率 / 得分 / 原因. */
  fundingCols: Partial<Record<FundingColumn | "weight" | "rate" | "score" | "reason", number>>;
  fundingHeaderRow: number | null;
  /** 年度资金总额 (总额 / 合计); null when the form has no such row. */
  total: FundingRow | null;
  /** The 其中 rows, in order. */
  parts: FundingRow[];
  executionWeight: TypedNumber | null;
  /** Typed 执行率 as a ratio (100.00% -> 1). */
  executionRate: TypedNumber | null;
  executionScore: TypedNumber | null;
  executionReason: string;
  goal: string;
  goalActual: string;
  indicators: Indicator[];
  /** The 分值 (权重) header cell of the indicator table. */
  weightHeader: CellPos | null;
  /** The typed 总分 (the unit's claimed score). */
  totalScore: TypedNumber | null;
  grade: { text: string; cell: CellPos } | null;
}
