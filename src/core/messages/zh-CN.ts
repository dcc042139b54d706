// zh-CN messages: what is wrong and what to do. Rules never build text; they pass params.
import type { MessageCatalogue } from "../findings";
import { UNCALCULATED_FORMULA } from "../grid";
import { formatPercent, formatWan, formatYuan } from "./format";

const money = (fen: number | undefined): string => (fen === undefined ? "—" : `${formatWan(fen)}（${formatYuan(fen)}）`);
const who = (p: { recipient?: string }): string => (p.recipient ? `「${p.recipient}」` : "");
const pct = (v: number | undefined): string => (v === undefined ? "—" : formatPercent(v));

export const zhCN: MessageCatalogue = {
  "sheet-missing": (p) =>
    p.raw
      ? `这是${p.raw}，不是专项资金的分配表或支出明细，无法按专项资金审核（找到：${p.list ?? "—"}；查找的是：${p.target}）：请提供该资金的分配表、支出明细或绩效自评表。`
      : `缺少工作表「${p.target}」${p.list ? `（找到的表头：${p.list}）` : ""}：请按模板添加该工作表（可用“新建模板”生成），或用列映射（--map）指出表头。`,
  "column-missing": (p) => `工作表「${p.target}」的表头不全（${p.list ? `找到：${p.list}；` : ""}缺少：${p.field}${p.keyword ? `，可写作「${p.keyword}」` : ""}）：请在表头行添加该列或改用认得的列名，也可用列映射（--map）指定；该表未作检查。`,
  "hidden-row": () => `该行被隐藏，仍参与校验：请确认隐藏行是否应计入。`,
  "cell-error": (p) =>
    p.raw === UNCALCULATED_FORMULA
      ? `单元格含公式但没有计算结果（公式未计算）：请在 Excel 中重新计算（公式 > 开始计算，或按 F9）并保存后重新校验。`
      : `单元格为错误值 ${p.raw}：请修正公式或引用后重新校验。`,
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
  "total-row-mismatch": (p) => `合计行的${p.field} ${money(p.actualFen)} 与它所合计的明细之和 ${money(p.expectedFen)} 不一致：请核对合计公式。`,
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
  "missing-execution-reason": (p) => `预算执行率 ${pct(p.percent)} 低于 ${pct(Number(p.expected))}，未填写执行率偏差原因：请在项目信息的“执行率偏差原因”一行（自评表则在原因栏）补充。`,
  "indicator-not-applicable": () => `该指标标为“不适用”，不计分，指标总分按适用指标折算。`,
  "claimed-score-mismatch": (p) => `自评得分 ${p.actual} 分与按指标计算的 ${p.expected} 分不一致：请核对自评得分。`,
  "actual-mismatch": (p) => `实际完成值「${p.raw ?? p.actual}」与按数据来源「${p.field}」计算的 ${p.expectedFen !== undefined ? money(p.expectedFen) : p.expected} 不一致：请核对。`,
  // §8 real workbooks (#12)
  "role-absent": (p) => `工作簿中没有${p.list}，相关检查未进行。`,
  "unit-suspect": (p) => `金额单位未注明，数值像是万元（「${p.field}」）：请在表头或表格上方注明单位（如“单位：万元”），或在项目信息中填写金额单位。`,
  "unlabelled-total-row": (p) => `该行没有“合计”字样，但${p.field} ${money(p.actualFen)} 等于所合计各行之和，已按合计行处理，不计为受助单位。`,
  "row-arithmetic-mismatch": (p) => `本行不符合该表其他各行的勾稽关系「${p.raw}」：${p.field}应为 ${money(p.expectedFen)}，实为 ${money(p.actualFen)}：请核对。`,
  "merge-repaired": (p) => `合并单元格区域相互重叠（${p.raw}），已按最外层区域读取：请在 WPS 或 Excel 中重新设置合并单元格。`,

  // §9 a filled 绩效自评表 (#13)
  "form-funding-sum-mismatch": (p) => (p.target
    ? `${p.target}的${p.field} ${money(p.actualFen)} 与各资金来源之和 ${money(p.expectedFen)} 不一致：请核对当年财政拨款、上年结转资金、其他资金（或资金来源表各行）。`
    : `年度资金总额的${p.field} ${money(p.actualFen)} 与其中各行之和 ${money(p.expectedFen)} 不一致：请核对年度资金总额及其中各行。`),
  "form-execution-rate-mismatch": (p) => `执行率填写为 ${p.actual}，按全年执行数 / 全年预算数应为 ${p.expected}：请核对。`,
  "form-execution-score-mismatch": (p) => `预算执行率得分填写为 ${p.actual} 分，按 min(执行率, 1) × 分值应为 ${p.expected} 分：请核对。`,
  "score-over-weight": (p) => `得分 ${p.actual} 超过该指标的分值 ${p.expected}：请核对得分。`,
  "form-total-mismatch": (p) => `总分填写为 ${p.actual}，预算执行率得分与各指标得分之和为 ${p.expected}：请核对总分。`,
  "form-grade-mismatch": (p) => `自评等级「${p.actual}」与总分 ${p.raw} 对应的等级「${p.expected}」不符（优 ≥ 90，良 80–89.99，中 60–79.99，差 < 60）：请核对。`,
  "score-contradicts-actual": (p) => `实际完成值「${p.actual}」${p.level === "met" ? "已达到" : "未达到"}年度指标值「${p.expected}」，但得分${p.level === "met" ? "低于" : "等于"}分值：请核对得分或完成值。`,
  "actual-not-comparable": (p) => `年度指标值「${p.expected}」是数值目标，实际完成值「${p.actual}」没有数值，无法判断是否完成：请填写实际数值。`,
  "form-mismatch": (p) => `自评表中${p.field}填写为「${p.actual}」，按工作簿数据计算应为「${p.expected}」：请核对。`,

  // §10 scope profiles (#17)
  "unpriced-detail": (p) => `${who(p)}获得资金 ${money(p.amountFen)}，明细说明只有文字、没有金额，资金用途未逐项列明：请按“事项＋金额”填写。`,
};
