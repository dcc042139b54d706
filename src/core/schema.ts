// The input sheets and their columns (SPEC §1): canonical names, English aliases, required flags.
import type { AllocationField, SpendingField } from "./types";

export interface ColumnDef<F extends string> {
  field: F;
  header: string;
  aliases: string[];
  required: boolean;
  /** Money column: a unit in the header such as （万元） applies to its plain numbers. */
  money?: boolean;
  /** Help text for the template's 使用说明 sheet. */
  help: string;
  /** Read from real tables only (SPEC §8): not a column of the template. */
  readOnly?: boolean;
}

export interface SheetDef<F extends string> {
  name: string;
  aliases: string[];
  columns: ColumnDef<F>[];
  /**
   * A required column another column stands in for when absent: a table of regions has no
   * 单位名称, and its 区域 column names the recipients (SPEC §8).
   */
  nameFrom?: { field: F; from: F; unless: F[] };
}

/** 区域 as real tables head it (SPEC §8 vocabulary). */
export const DISTRICT_ALIASES = [
  "district", "region", "地区", "地 区", "区县", "县区", "县市区", "县区名称", "县(市、区)", "所属区域", "所在地", "市州", "地市", "市县", "市县名称", "地县", "乡镇", "乡镇名称", "村名", "村",
];
/** 单位名称 as real tables head it. */
export const NAME_ALIASES = ["recipient", "name", "enterprise", "企业名称", "受助单位", "项目单位", "申报单位", "承担单位", "项目承担单位", "单位", "责任单位", "实施单位", "项目实施单位", "建设单位"];
/** 批复金额 as real tables head it; a year before any of them (2017年补助金额) is matched too. */
export const APPROVED_ALIASES = [
  "approved", "approvedamount", "批复资金", "分配金额", "资金分配额", "安排金额", "下达金额", "拟下达金额", "补助金额", "奖补金额", "扶持金额", "资金合计", "金额", "资金金额",
  "计划安排额度", "安排额度", "市级资金", "省级资金", "中央资金", "投资规模", "资金规模", "补助资金", "安排资金",
];
/** 项目名称 as project lists head it: one recipient may carry several projects (SPEC §8). */
export const PROJECT_ALIASES = ["project", "projectname", "项目", "项目名", "建设项目"];

export type ScopeField = "category" | "allowed" | "areas" | "keywords" | "capPercent" | "capAmount" | "note";
export type IndicatorField =
  | "level1" | "level2" | "name" | "target" | "actual" | "weight" | "grade" | "score" | "source" | "reason" | "nature" | "unit";
export type ProjectField = "key" | "value";

export const PROJECT_SHEET: SheetDef<ProjectField> = {
  name: "项目信息",
  aliases: ["project", "projectinfo", "项目基本信息"],
  columns: [
    { field: "key", header: "项目", aliases: ["item", "key", "名称"], required: true, help: "项目信息的名称，每行一项" },
    { field: "value", header: "内容", aliases: ["value", "content", "值"], required: true, help: "对应的内容" },
  ],
};

export const ALLOCATION_SHEET: SheetDef<AllocationField> = {
  name: "资金分配",
  aliases: ["allocation", "allocations", "资金分配表", "分配表"],
  columns: [
    { field: "seq", header: "序号", aliases: ["no", "no.", "#"], required: false, help: "行号，可不填" },
    { field: "district", header: "区域", aliases: DISTRICT_ALIASES, required: false, help: "受助单位所在区县，须属于适用区域" },
    { field: "name", header: "单位名称", aliases: NAME_ALIASES, required: true, help: "受助单位全称，与支出明细中的单位名称一致" },
    { field: "project", header: "项目名称", aliases: PROJECT_ALIASES, required: false, readOnly: true, help: "同一单位的不同项目各占一行，不算重复" },
    { field: "creditCode", header: "统一社会信用代码", aliases: ["creditcode", "uscc", "信用代码"], required: false, help: "18 位统一社会信用代码，按 GB 32100-2015 校验" },
    { field: "area", header: "支持方向", aliases: ["supportarea", "area", "支持类别"], required: false, help: "须为项目信息中列出的支持方向之一" },
    { field: "approved", header: "批复金额", aliases: APPROVED_ALIASES, required: true, money: true, help: "批复给该单位的金额；可写 35000、3.5万、人民币叁万伍仟元整" },
    { field: "disbursed", header: "拨付金额", aliases: ["disbursed", "disbursedamount", "已拨付金额"], required: false, money: true, help: "实际拨付金额，不得超过批复金额" },
    { field: "disbursedDate", header: "拨付日期", aliases: ["disbursementdate", "disburseddate", "paiddate"], required: false, help: "如 2021-12-20" },
    { field: "note", header: "备注", aliases: ["note", "notes", "remark", "remarks"], required: false, help: "其他说明" },
    { field: "detail", header: "明细说明", aliases: ["details", "detail", "资金使用明细", "使用明细"], required: false, help: "可选：用文字写支出明细，如“直通车12万、培训费用5万”，会拆成支出行" },
  ],
  // Credit codes and support areas belong to enterprises: such a table lacks its 单位名称.
  nameFrom: { field: "name", from: "district", unless: ["creditCode", "area"] },
};

export const SPENDING_SHEET: SheetDef<SpendingField> = {
  name: "支出明细",
  aliases: ["spending", "expenditure", "expenses", "支出明细表"],
  columns: [
    { field: "seq", header: "序号", aliases: ["no", "no.", "#"], required: false, help: "行号，可不填" },
    { field: "name", header: "单位名称", aliases: ["recipient", "name", "enterprise", "企业名称", "受助单位", "项目单位", "单位"], required: true, help: "须与资金分配表中的单位名称一致" },
    { field: "content", header: "支出内容", aliases: ["item", "description", "content", "支出事项", "用途"], required: true, help: "支出事项，如“直通车推广”" },
    { field: "category", header: "支出类别", aliases: ["category", "类别"], required: false, help: "支出范围表中的类别；不填则按关键词自动归类" },
    { field: "amount", header: "金额", aliases: ["amount", "支出金额"], required: true, money: true, help: "支出金额，须为正数" },
    { field: "date", header: "支出日期", aliases: ["date", "日期"], required: false, help: "须在资金年度内" },
    { field: "voucher", header: "凭证号", aliases: ["voucher", "voucherno", "凭证编号"], required: false, help: "记账凭证号，同一凭证不得重复报账" },
    { field: "note", header: "备注", aliases: ["note", "notes", "remark", "remarks"], required: false, help: "其他说明" },
  ],
};

export const SCOPE_SHEET: SheetDef<ScopeField> = {
  name: "支出范围",
  aliases: ["scope", "scoperules", "支出范围表"],
  columns: [
    { field: "category", header: "支出类别", aliases: ["category"], required: true, help: "类别名称；与内置类别同名则覆盖内置设置" },
    { field: "allowed", header: "是否允许", aliases: ["allowed", "status"], required: true, help: "是 / 否 / 需复核" },
    { field: "areas", header: "适用支持方向", aliases: ["areas", "supportareas"], required: false, help: "留空表示适用于全部支持方向" },
    { field: "keywords", header: "关键词", aliases: ["keywords"], required: false, help: "用、分隔；未填类别的支出按关键词归类" },
    { field: "capPercent", header: "占比上限", aliases: ["cappercent", "maxshare"], required: false, help: "占该单位批复金额的百分比上限，如 30%" },
    { field: "capAmount", header: "金额上限", aliases: ["capamount", "maxamount"], required: false, money: true, help: "每个单位该类别的金额上限" },
    { field: "note", header: "说明", aliases: ["note", "description"], required: false, help: "说明" },
  ],
};

export const INDICATOR_SHEET: SheetDef<IndicatorField> = {
  name: "绩效指标",
  aliases: ["indicators", "performance", "绩效指标表"],
  columns: [
    { field: "level1", header: "一级指标", aliases: ["level1"], required: true, help: "产出指标 / 效益指标 / 满意度指标" },
    { field: "level2", header: "二级指标", aliases: ["level2"], required: true, help: "数量指标、质量指标、时效指标、成本指标、经济效益指标等" },
    { field: "name", header: "三级指标", aliases: ["level3", "indicator", "name"], required: true, help: "指标名称" },
    { field: "target", header: "年度指标值", aliases: ["target", "指标值", "目标值", "年度目标值", "年初目标值"], required: true, help: "如 25家以上、前4名、95%以上、如期完成" },
    { field: "actual", header: "实际完成值", aliases: ["actual", "完成值", "实际值", "实际完成情况"], required: false, help: "如 26家、第4位、100%；不适用的指标写“不适用”" },
    { field: "weight", header: "分值", aliases: ["weight", "points", "权重"], required: true, help: "指标分值；与预算执行率分值合计 100" },
    { field: "grade", header: "评价等级", aliases: ["grade", "rating"], required: false, help: "定性指标填 达成 / 部分达成 / 未达成" },
    { field: "score", header: "得分", aliases: ["score"], required: false, help: "可不填，由程序计算；定性指标填在等级区间内的得分会保留" },
    { field: "source", header: "数据来源", aliases: ["source", "datasource"], required: false, help: "可写 受助单位数、批复总额、拨付总额、支出总额、预算执行率、合规支出占比、按时拨付率，由程序计算实际值" },
    { field: "reason", header: "偏差原因分析及改进措施", aliases: ["deviationreason", "reason", "偏差原因", "偏差原因分析", "未完成原因分析"], required: false, help: "未完成或超出 30% 时必填" },
    { field: "nature", header: "指标性质", aliases: ["nature", "direction", "计算符号"], required: false, help: "可选：≥ / ≤ / = / 定性，或 正向 / 反向" },
    { field: "unit", header: "度量单位", aliases: ["unit", "计量单位"], required: false, help: "可选：家、%、万元等" },
  ],
};

/** Canonical 项目信息 keys with aliases. */
export const PROJECT_KEYS: { key: string; aliases: string[]; required: boolean; help: string }[] = [
  { key: "项目名称", aliases: ["projectname", "name"], required: true, help: "如 益阳市促进电子商务产业发展奖励" },
  { key: "主管部门", aliases: ["department", "competentdepartment"], required: false, help: "如 益阳市商务局" },
  { key: "实施单位", aliases: ["implementer", "implementingunit"], required: false, help: "如 益阳市商务局" },
  { key: "资金年度", aliases: ["year", "fundyear"], required: true, help: "如 2021" },
  { key: "金额单位", aliases: ["amountunit", "unit"], required: false, help: "元 或 万元，默认元" },
  { key: "年初预算数", aliases: ["initialbudget", "年初预算"], required: false, help: "年初预算金额" },
  { key: "全年预算数", aliases: ["budget", "annualbudget", "调整后预算数", "调整预算数"], required: true, help: "全年预算金额" },
  { key: "全年执行数", aliases: ["executed", "annualexecution", "预算执行数", "执行数"], required: false, help: "全年实际执行金额" },
  { key: "当年财政拨款", aliases: ["fiscal", "currentappropriation", "本年财政拨款"], required: false, help: "其中当年财政拨款" },
  { key: "上年结转资金", aliases: ["carryover"], required: false, help: "其中上年结转资金" },
  { key: "其他资金", aliases: ["otherfunds", "other"], required: false, help: "其中其他资金" },
  { key: "适用区域", aliases: ["districts", "eligibledistricts"], required: false, help: "用、分隔，如 资阳区、赫山区、益阳高新区" },
  { key: "支持方向", aliases: ["supportareas", "areas"], required: false, help: "用、分隔；不填则为电商招商等十个方向" },
  { key: "年度总体目标", aliases: ["overallgoal", "goal"], required: false, help: "预期目标" },
  { key: "年度总体目标完成情况", aliases: ["overallgoalactual", "goalactual"], required: false, help: "实际完成情况" },
  { key: "自评得分", aliases: ["claimedscore", "selfscore"], required: false, help: "单位自评的总分" },
  { key: "预算执行率分值", aliases: ["executionweight"], required: false, help: "默认 10 分" },
  { key: "执行率偏差原因", aliases: ["executionreason"], required: false, help: "执行率低于 90% 时必填" },
  { key: "支出范围模板", aliases: ["scopeprofile"], required: false, help: "电商 或 经济分类；不填（或自动）则取能归类更多支出的一个" },
];

export const DEFAULT_SUPPORT_AREAS = [
  "电商招商", "园区发展", "农特产品上行", "企业做大做强", "支撑服务企业", "跨境电商", "人才引进和专业培训", "电子商务生活服务", "创先争优", "协会发展",
];
