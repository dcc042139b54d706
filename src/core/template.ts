// An empty allocation workbook: every input sheet with headers, drop-downs and a 使用说明 sheet.
import { columnLetter } from "./grid";
import type { CellStyle, LayoutCell, SheetLayout } from "./layout";
import {
  ALLOCATION_SHEET, DEFAULT_SUPPORT_AREAS, INDICATOR_SHEET, PROJECT_KEYS, PROJECT_SHEET, SCOPE_SHEET, SPENDING_SHEET, type SheetDef,
} from "./schema";
import { economicScope, ecommerceScope, SCOPE_PROFILES } from "./scope-profiles";

const head: CellStyle = { bold: true, border: "thin", fill: "#D9E1F2", hAlign: "center", vAlign: "middle", wrap: true };
const DATA_ROWS = 1000;
const FORMATTED_ROWS = 500;
const GRADES = ["达成", "部分达成", "未达成"];

function tableSheet<F extends string>(full: SheetDef<F>, widths: Partial<Record<F, number>>, formats: Partial<Record<F, string>>, lists: Partial<Record<F, string[]>>): SheetLayout {
  const def = { ...full, columns: full.columns.filter((c) => !c.readOnly) };
  const cells: LayoutCell[] = def.columns.map((c, i) => ({ row: 0, col: i, value: c.header + (c.required ? "*" : ""), style: head }));
  const validations: NonNullable<SheetLayout["validations"]> = [];
  def.columns.forEach((c, i) => {
    const letter = columnLetter(i);
    const fmt = formats[c.field];
    // Formats on every data row: an all-digit credit code typed anywhere must stay text.
    if (fmt) for (let r = 1; r <= FORMATTED_ROWS; r++) cells.push({ row: r, col: i, value: null, style: { numberFormat: fmt } });
    const list = lists[c.field];
    if (list) validations.push({ range: `${letter}2:${letter}${DATA_ROWS + 1}`, list });
  });
  return { name: def.name, cells, merges: [], columnWidths: def.columns.map((c) => widths[c.field] ?? Math.max(10, c.header.length * 2 + 4)), frozenRows: 1, validations };
}

/** Drop-down of 项目信息 支出范围模板: blank or 自动 lets the engine choose (SPEC §10). */
const PROFILE_CHOICES = ["自动", ...SCOPE_PROFILES];

export function templateLayouts(): SheetLayout[] {
  const profiles = [ecommerceScope(), economicScope()];
  const keyRow = (key: string): number => 2 + PROJECT_KEYS.findIndex((k) => k.key === key);
  const project: SheetLayout = {
    name: PROJECT_SHEET.name,
    cells: [
      { row: 0, col: 0, value: "项目", style: head },
      { row: 0, col: 1, value: "内容", style: head },
      ...PROJECT_KEYS.map((k, i) => ({ row: 1 + i, col: 0, value: k.key + (k.required ? "*" : ""), style: { bold: k.required } })),
      { row: 1 + PROJECT_KEYS.findIndex((k) => k.key === "金额单位"), col: 1, value: "元" },
      { row: 1 + PROJECT_KEYS.findIndex((k) => k.key === "支持方向"), col: 1, value: DEFAULT_SUPPORT_AREAS.join("、") },
      { row: 1 + PROJECT_KEYS.findIndex((k) => k.key === "预算执行率分值"), col: 1, value: 10 },
    ],
    merges: [],
    columnWidths: [22, 60],
    frozenRows: 1,
    validations: [
      { range: `B${keyRow("金额单位")}`, list: ["元", "万元"] },
      { range: `B${keyRow("支出范围模板")}`, list: PROFILE_CHOICES },
    ],
  };
  const money = "#,##0.00";
  const allocation = tableSheet(ALLOCATION_SHEET, { name: 30, creditCode: 22, area: 16, detail: 40, note: 20 }, { approved: money, disbursed: money, disbursedDate: "yyyy-mm-dd", creditCode: "@" }, { area: DEFAULT_SUPPORT_AREAS });
  const spending = tableSheet(SPENDING_SHEET, { name: 30, content: 30, category: 12, voucher: 14, note: 20 }, { amount: money, date: "yyyy-mm-dd", voucher: "@" }, { category: [...new Set(profiles.flat().map((c) => c.name))] });
  // Left empty: a row here extends whichever built-in profile applies (a copy of the 电商 rows
  // would leak 电商 keywords such as 管理费 into a 经济分类 table). The built-ins are on 使用说明.
  const scopeSheet = tableSheet(SCOPE_SHEET, { keywords: 50, note: 30, areas: 20 }, {}, { allowed: ["是", "否", "需复核"], areas: DEFAULT_SUPPORT_AREAS });
  const statusText = { allowed: "允许", forbidden: "禁止", review: "需复核" } as const;
  const indicators = tableSheet(INDICATOR_SHEET, { name: 24, target: 22, actual: 18, source: 14, reason: 30 }, {}, { grade: GRADES, level1: ["产出指标", "效益指标", "满意度指标"] });

  const help: LayoutCell[] = [{ row: 0, col: 0, value: "使用说明", style: { bold: true, fontSize: 14 } }];
  let r = 2;
  const line = (a: string, b: string, c: string, bold = false): void => {
    help.push({ row: r, col: 0, value: a, style: { bold } }, { row: r, col: 1, value: b, style: { bold } }, { row: r, col: 2, value: c, style: { wrap: true, bold } });
    r++;
  };
  line("工作表", "列 / 项目", "怎么填", true);
  for (const k of PROJECT_KEYS) line(PROJECT_SHEET.name, k.key + (k.required ? "（必填）" : ""), k.help);
  for (const def of [ALLOCATION_SHEET, SPENDING_SHEET, SCOPE_SHEET, INDICATOR_SHEET] as SheetDef<string>[]) {
    for (const c of def.columns) if (!c.readOnly) line(def.name, c.header + (c.required ? "（必填）" : ""), c.help);
  }
  r++;
  SCOPE_PROFILES.forEach((name, i) => {
    line(`支出范围模板：${name}`, "支出类别（是否允许）", "关键词", true);
    for (const c of profiles[i]) line("", `${c.codes ? `[${c.codes.join("、")}] ` : ""}${c.name}（${statusText[c.status]}）`, c.keywords.join("、"));
    r++;
  });
  line("说明", "", "带 * 的列必填。金额可写数字、3.5万、1万5 或大写（人民币叁万伍仟元整）；数字按项目信息中的金额单位计。合计/小计行会与上方明细核对。校验不会修改本工作簿的数据，结果写入“审核结果”和“绩效自评表”两张表。");
  const instructions: SheetLayout = { name: "使用说明", cells: help, merges: [], columnWidths: [14, 26, 80] };
  return [project, allocation, spending, scopeSheet, indicators, instructions];
}
