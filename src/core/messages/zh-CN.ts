// zh-CN messages: what is wrong and what to do. Rules never build text; they pass params.
import type { FindingCode, FindingParams } from "../findings";
import { formatPercent, formatWan, formatYuan } from "./format";

const money = (fen: number | undefined): string => (fen === undefined ? "—" : `${formatWan(fen)}（${formatYuan(fen)}）`);
const who = (p: FindingParams): string => (p.recipient ? `「${p.recipient}」` : "");
const pct = (v: number | undefined): string => (v === undefined ? "—" : formatPercent(v));

export const zhCN: Record<FindingCode, (p: FindingParams) => string> = {
  "sheet-missing": (p) => `缺少工作表「${p.target}」：请按模板添加该工作表（可用“新建模板”生成）。`,
  "column-missing": (p) => `工作表「${p.target}」缺少必填列「${p.field}」：请在表头行（前 10 行内）添加该列。`,
  "hidden-row": () => `该行被隐藏，仍参与校验：请确认隐藏行是否应计入。`,
  "cell-error": (p) => `单元格为错误值 ${p.raw}：请修正公式或引用后重新校验。`,
  "required-missing": (p) => `必填项「${p.field}」为空：请填写。`,
  "invalid-amount": (p) => `金额「${p.raw}」无法识别：请填写数字（如 35000、3.5万、人民币叁万伍仟元整）。`,
  "amount-precision": (p) => `金额「${p.raw}」超过两位小数，已按四舍五入计为 ${money(p.amountFen)}：请核对到分。`,
  "non-positive-amount": (p) => `${p.field ?? "金额"}为 ${money(p.amountFen)}，不是正数：请核对金额或删除该行。`,
  "invalid-date": (p) => `日期「${p.raw}」无法识别：请使用 2021-12-20 或 2021年12月20日 等格式。`,
  "date-outside-year": (p) => `日期 ${p.actual} 不在资金年度 ${p.expected} 年内：请核对日期或资金年度。`,
  "invalid-credit-code": (p) => `统一社会信用代码「${p.raw}」${p.actual === "length" ? "长度不是 18 位" : p.actual === "charset" ? "含有不允许的字符（I、O、Z、S、V 等）" : "校验码不正确"}：请按营业执照核对。`,
  "duplicate-recipient": (p) => `单位${who(p)}与第 ${p.otherRow} 行重复（${p.field}相同）：请合并或删除重复行。`,
  "unknown-support-area": (p) => `支持方向「${p.actual}」不在项目的支持方向中（${p.list}）：请改为其中之一，或在项目信息中补充。`,
  "ineligible-district": (p) => `区域「${p.actual}」不在适用区域（${p.list}）内：请核对受助单位是否符合申报范围。`,
  "disbursed-over-approved": (p) => `${who(p)}拨付金额 ${money(p.amountFen)} 超过批复金额 ${money(p.limitFen)}：请核对拨付凭证，超拨部分应收回。`,
  "disbursed-under-approved": (p) => `${who(p)}拨付金额 ${money(p.amountFen)} 少于批复金额 ${money(p.limitFen)}：请说明未拨付原因。`,
  "allocation-over-budget": (p) => `批复金额合计 ${money(p.amountFen)} 超过全年预算数 ${money(p.limitFen)}：请核减分配金额或调整预算。`,
  "executed-total-mismatch": (p) => `全年执行数 ${money(p.actualFen)} 与${p.field}合计 ${money(p.expectedFen)} 不一致：请核对执行数。`,
  "total-row-mismatch": (p) => `合计行的${p.field} ${money(p.actualFen)} 与上方明细之和 ${money(p.expectedFen)} 不一致：请核对合计公式。`,
  "unknown-recipient": (p) => `支出单位${who(p)}不在资金分配表中：请核对单位名称（全角/半角、空格）或补充分配记录。`,
  "spend-over-disbursed": (p) => `${who(p)}支出合计 ${money(p.amountFen)} 超过${p.field} ${money(p.limitFen)}：请核对支出明细，超出部分不得列支专项资金。`,
  "spend-under-disbursed": (p) => `${who(p)}支出合计 ${money(p.amountFen)} 少于${p.field} ${money(p.limitFen)}：请补充支出明细或说明结余。`,
  "no-spending": (p) => `${who(p)}已获资金 ${money(p.limitFen)}，但没有支出明细：请补充支出明细或在明细说明中说明原因。`,
  "forbidden-category": (p) => `支出「${p.raw}」属于禁止列支的「${p.category}」${p.keyword ? `（关键词“${p.keyword}”）` : ""}，金额 ${money(p.amountFen)}：专项资金不得用于此类支出，请核减。`,
  "category-not-allowed-for-area": (p) => `支出类别「${p.category}」不适用于支持方向「${p.actual}」：请核对支出类别或支持方向。`,
  "unknown-category": (p) => `支出类别「${p.raw}」不在支出范围表中：请改用已定义的类别，或在支出范围表中补充。`,
  "unclassified-line": (p) => `支出「${p.raw}」未填支出类别，也未匹配到关键词：请填写支出类别。`,
  "inferred-category": (p) => `支出类别未填写，按关键词“${p.keyword}”归入「${p.category}」：请确认。`,
  "paid-traffic": (p) => `支出「${p.raw}」属于购买流量（关键词“${p.keyword}”）：本资金办法允许列支推广费用，但电商进农村等资金禁止购买流量，请复核。`,
  "category-cap-exceeded": (p) => `${who(p)}「${p.category}」支出 ${money(p.amountFen)} 超过上限 ${money(p.limitFen)}${p.percent !== undefined ? `（批复金额的 ${p.percent}%）` : ""}：请核减。`,
  "duplicate-voucher": (p) => `凭证号「${p.raw}」与第 ${p.otherRow} 行重复${p.recipient ? `（单位${who(p)}）` : ""}：请核对是否重复报账。`,
  "duplicate-line": (p) => `与第 ${p.otherRow} 行完全相同（单位、内容、金额、日期）：请核对是否重复录入。`,
  "weights-not-100": (p) => `预算执行率分值与指标分值合计为 ${p.actual} 分，不是 100 分：请调整分值。`,
  "nonstandard-weights": (p) => `「${p.level}」分值合计 ${p.actual} 分，与财预〔2020〕10号建议的 ${p.expected} 分不同：如有依据请在说明中注明。`,
  "unparseable-target": (p) => `年度指标值「${p.raw}」无法识别为数值目标或定性目标：请写成“25家以上”“前4名”“如期完成”等形式。`,
  "missing-actual": () => `缺少实际完成值或评价等级：请填写。`,
  "target-not-met": (p) => `实际完成值「${p.actual}」未达到年度指标值「${p.expected}」：请在偏差原因分析中说明。`,
  "missing-deviation-reason": (p) => `${p.actual === "over" ? "实际完成值超出指标值 30% 以上" : "指标未完成"}，但未填写偏差原因分析及改进措施：请补充。`,
  "missing-execution-reason": (p) => `预算执行率 ${pct(p.percent)} 低于 ${pct(Number(p.expected))}，项目信息中未填写执行率偏差原因：请补充。`,
  "indicator-not-applicable": () => `该指标标为“不适用”，不计分，指标总分按适用指标折算。`,
  "claimed-score-mismatch": (p) => `自评得分 ${p.actual} 分与按指标计算的 ${p.expected} 分不一致：请核对自评得分。`,
  "actual-mismatch": (p) => `实际完成值「${p.raw ?? p.actual}」与按数据来源「${p.field}」计算的 ${p.expectedFen !== undefined ? money(p.expectedFen) : p.expected} 不一致：请核对。`,
};
