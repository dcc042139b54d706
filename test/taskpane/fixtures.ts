// Builders for the pane's tests: findings, a validation result, a fake WorkbookOps and a fake
// engine whose calls are recorded.
import type { Finding, SheetGrid, SheetLayout, ValidationResult, WorkbookGrids, WorkbookModel } from "../../src/core";
import type { PaneEngine } from "../../src/taskpane/engine";
import type { ReadProgress, Settings, WorkbookOps } from "../../src/taskpane/ops";
import { workerValidator } from "../../src/taskpane/worker-validate";

export function aFinding(code: string, cell: string, over: Partial<Finding> = {}): Finding {
  const bang = cell.lastIndexOf("!");
  const sheet = cell.slice(0, bang);
  const row = Number(/\d+$/.exec(cell)?.[0] ?? 1);
  return { code, severity: "error", message: `${code} at ${cell}`, sheet, cell, row, col: 0, ...over } as Finding;
}

export const SEED_FINDINGS: Finding[] = [
  aFinding("forbidden-category", "支出明细!C17", { recipient: "益阳市某电商公司", category: "促销让利", keyword: "促销", message: "支出「促销特价活动」属于禁止类别「促销让利」（关键词“促销”）" }),
  aFinding("spend-over-disbursed", "资金分配!G5", { recipient: "资阳区某农业公司", message: "支出合计超过拨付金额" }),
  aFinding("claimed-score-mismatch", "项目信息!B20", { severity: "warning", message: "自评得分 100 与计算得分 81.25 不一致", expected: 81.25, actual: 100 }),
  aFinding("missing-execution-reason", "项目信息!B10", { severity: "warning", message: "预算执行率 76.50% 低于 90%，未填写执行率偏差原因" }),
  aFinding("paid-traffic", "支出明细!C4", { severity: "info", recipient: "益阳市某电商公司", message: "直通车属于购买流量，请复核" }),
];

export function aResult(findings: Finding[] = SEED_FINDINGS, sheets: Partial<WorkbookModel["sheets"]> = {}): ValidationResult {
  const count = (s: string): number => findings.filter((f) => f.severity === s).length;
  const model = {
    sheets: { project: "项目信息", allocation: "资金分配", spending: "支出明细", scope: null, indicators: "绩效指标", ...sheets },
  } as unknown as WorkbookModel;
  return {
    rulesetVersion: "test",
    model,
    findings,
    evaluation: { executionRate: 0.765, executionScore: 7.65, executionWeight: 10, indicators: [], total: 81.25, grade: "良" },
    summary: {
      errors: count("error"),
      warnings: count("warning"),
      infos: count("info"),
      recipients: 26,
      lines: 88,
      budget: 5000000,
      approved: 3825000,
      disbursed: 3825000,
      spent: 3790000.5,
      executionRate: 0.765,
      score: 81.25,
      grade: "良",
    },
  };
}

export const GRIDS: WorkbookGrids = {
  sheets: [
    { name: "项目信息", rows: [["项目", "内容"]] },
    { name: "资金分配", rows: [["序号", "区域", "单位名称"]] },
    { name: "支出明细", rows: [["序号", "单位名称", "支出内容"]] },
    { name: "绩效指标", rows: [["一级指标"]] },
  ],
};

export interface FakeOps extends WorkbookOps {
  calls: { method: string; args: unknown[] }[];
  saved: unknown;
  existingSheets: Record<string, SheetGrid>;
}

export function fakeOps(over: Partial<WorkbookOps> = {}, settings: unknown = null): FakeOps {
  const calls: FakeOps["calls"] = [];
  const record =
    <A extends unknown[], R>(method: string, fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      calls.push({ method, args });
      return fn(...args);
    };
  const ops: FakeOps = {
    calls,
    saved: settings,
    existingSheets: {},
    readWorkbook: record("readWorkbook", async (progress?: (p: ReadProgress) => void) => {
      GRIDS.sheets.forEach((s, i) => progress?.({ done: i + 1, total: GRIDS.sheets.length, sheet: s.name }));
      return GRIDS;
    }),
    readSheet: record("readSheet", async (name: string) => ops.existingSheets[name] ?? null),
    writeLayouts: record("writeLayouts", async (layouts: SheetLayout[]) => {
      void layouts;
    }),
    markFindings: record("markFindings", async (findings: Finding[]) => findings.length),
    clearMarks: record("clearMarks", async () => 3),
    selectCell: record("selectCell", async (sheet: string, address: string) => {
      void sheet;
      void address;
    }),
    // Stored settings may be anything (another version's, hand-edited): the pane normalises.
    loadSettings: record("loadSettings", async () => ops.saved as Settings),
    saveSettings: record("saveSettings", async (s: Settings) => {
      ops.saved = s;
    }),
    apiSupport: () => ({ excel17: true, merges: true, notes: true, comments: true, suspend: true, suspendScreen: true, hiddenRows: true, validation: true, pageLayout: true, undoGroup: true, delayForCellEdit: true }),
  };
  return Object.assign(ops, over);
}

export function callsOf(ops: FakeOps, method: string): unknown[][] {
  return ops.calls.filter((c) => c.method === method).map((c) => c.args);
}

export function fakeEngine(result: ValidationResult = aResult()): PaneEngine & { validateCalls: unknown[][] } {
  const validateCalls: unknown[][] = [];
  const layout = (name: string, rows: number): SheetLayout => ({
    name,
    cells: Array.from({ length: rows }, (_, r) => ({ row: r, col: 0, value: `${name}${r}` })),
    merges: [],
    columnWidths: [],
  });
  const validateWorkbook = ((wb, opts) => {
    validateCalls.push([wb, opts]);
    return result;
  }) as PaneEngine["validateWorkbook"];
  return {
    validateCalls,
    validateWorkbook,
    validateAsync: workerValidator(validateWorkbook, null),
    selfEvaluationLayout: () => layout("绩效自评表", 24),
    findingsLayout: () => layout("审核结果", 20),
    readReviews: () => new Map([["forbidden-category|支出明细!C17", { status: "已确认", comment: "已核实" }]]),
    readKeptReasons: () => new Map([["k", "因疫情延期"]]),
    templateLayouts: () => ["项目信息", "资金分配", "支出明细", "支出范围", "绩效指标", "使用说明"].map((n) => layout(n, 1)),
    hasReadableInput: () => true,
    reportDocx: async () => ({ name: "2021年度绩效自评报告.docx", bytes: new Uint8Array([0x50, 0x4b, 3, 4]) }),
    findingsSheet: "审核结果",
    selfEvalSheet: "绩效自评表",
  };
}
