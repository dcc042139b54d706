#!/usr/bin/env node
"use strict";
// Builds examples/yiyang-2021.xlsx: a reconstruction of the seed case
// (益阳市商务局 2021 年度电子商务产业发展引导资金绩效自评报告) as an allocation workbook.
// Run `node scripts/make-example.js`; the output is byte-for-byte reproducible.
//
// Taken from the report as written: the project, the 26 recipients and their districts, every
// itemised amount the report gives (赫山区; 资阳区's 20万/20万/10万), the nine indicators with
// their targets, actuals and weights, and the claimed score of 98. Reconstructed (the report
// does not say): credit codes, 支持方向, the 益阳高新区 amounts and lines (from each unit's
// narrative), 青松蛋业's two amounts — chosen so that Σ = 382.5 万元.
const path = require("path");
const ExcelJS = require("exceljs");
const { saveDeterministic, creditCode } = require("./xlsx-deterministic");

const OUT = path.join(__dirname, "..", "examples", "yiyang-2021.xlsx");

const SUPPORT_AREAS = ["电商招商", "园区发展", "农特产品上行", "企业做大做强", "支撑服务企业", "跨境电商", "人才引进和专业培训", "电子商务生活服务", "创先争优", "协会发展"];

const PROJECT = [
  ["项目名称", "益阳市促进电子商务产业发展奖励"],
  ["主管部门", "益阳市商务局"],
  ["实施单位", "益阳市商务局"],
  ["资金年度", 2021],
  ["金额单位", "元"],
  ["年初预算数", 5000000],
  ["全年预算数", 5000000],
  ["全年执行数", 3825000],
  ["当年财政拨款", 3825000],
  ["上年结转资金", null],
  ["其他资金", null],
  ["适用区域", "资阳区、赫山区、益阳高新区"],
  ["支持方向", SUPPORT_AREAS.join("、")],
  [
    "年度总体目标",
    "坚持市场导向，坚持创新引领，突出项目绩效，重点支持市场发展潜力较大，产品竞争力较强，电商比重较大，创新创业能力强，电商扶贫成绩较大的企业和项目，电商交易额500亿元以上，全省排名前4位。",
  ],
  [
    "年度总体目标完成情况",
    "坚持市场导向，坚持创新引领，突出项目绩效，重点支持市场发展潜力较大，产品竞争力较强，电商比重较大，创新创业能力强，电商扶贫成绩较大的企业和项目，电商交易额600亿元以上，全省排名前4位。",
  ],
  ["自评得分", 98],
  ["预算执行率分值", 10],
  ["执行率偏差原因", null],
];

// [区域, 单位名称, 统一社会信用代码 prefix, 支持方向, 明细说明 | null, lines: [支出内容, 金额][]]
// Amounts are numbers in 元, or text exactly as the report writes them.
const GX = "益阳高新区";
const HS = "赫山区";
const ZY = "资阳区";
const RECIPIENTS = [
  [GX, "湖南省湘巧食品有限公司", "91", "农特产品上行", null, [["电子商务平台系统开发与系统升级", 150000], ["第三方平台推广维护", 80000]]],
  [GX, "湖南天缘竹业发展有限公司", "91", "企业做大做强", null, [["电子商务人才引进", 40000], ["电子商务平台系统升级", 40000], ["平台产品设计及平台装修", 30000], ["电商推广", 40000]]],
  [GX, "益阳市电子商务协会", "51", "协会发展", "电子商务学习考察6万、培训8万、直播带货活动6万", []],
  [GX, "益阳市爱贝尔科技有限公司", "91", "企业做大做强", null, [["电子商务平台系统开发与系统升级", 90000], ["电商渠道和产品推广", 60000]]],
  [GX, "益阳曙林贸易有限公司", "91", "人才引进和专业培训", null, [["电商人才培训", 40000], ["网店运营服务", 30000], ["电商推广", 30000]]],
  [GX, "湖南克明油脂有限公司", "91", "农特产品上行", null, [["平台系统建设与维护", 80000], ["广告宣传与推广", 70000]]],
  [GX, "湖南臻有趣咨询管理有限公司", "91", "支撑服务企业", null, [["系统平台升级", 40000], ["本地农产品选品推广", 30000], ["电商人才引进", 30000]]],
  [GX, "湖南递王科技有限公司", "91", "支撑服务企业", "代运营技术服务12万（包括网上商城开发6万、分销系统开发6万）、网络推广4万、大数据分析技术服务4万", []],
  [GX, "益阳大森林食品生物科技有限公司", "91", "农特产品上行", null, [["平台系统建设与维护", 80000], ["广告宣传与推广", 70000]]],
  [GX, "湖南恰创客创业集团有限公司", "91", "园区发展", null, [["电子商务平台系统开发", 60000], ["平台系统升级", 40000]]],
  [GX, "湖南天翔生态竹业科技有限公司", "91", "企业做大做强", null, [["产品线上销售推广", 40000], ["电商人才引进", 30000], ["平台设计及升级", 30000]]],
  [HS, "湖南叶姿国际植物化妆品有限公司", "91", "企业做大做强", null, [["完善叶姿电商平台", "2万元"], ["购买电商平台相关软件和硬件", "3万元"]]],
  [HS, "湖南旭荣制衣有限公司", "91", "企业做大做强", null, [["技术服务费", 156804], ["购办公设备", 15758], ["购电脑", 27965], ["购设备", 40700]]],
  [HS, "益阳市风帆制衣有限公司", "91", "企业做大做强", null, [["直通车", "12万"], ["培训费用", "5万"], ["阿里巴巴实力商家", "3.5万"]]],
  [HS, "益阳市锐益生态农业开发有限公司", "91", "农特产品上行", null, [["关键词搜索", "2万"], ["超级推荐", "2万"], ["金钻展", "1万"], ["湖南农业大学培训", "5万"]]],
  [HS, "益阳市赫山区益乐红服装有限公司", "91", "企业做大做强", null, [["推广：直通车多多场景", "6.5万"], ["推广：淘宝客", "2万"], ["培训费用", "1万"], ["网络服务订购", "5千"]]],
  [HS, "湖南振华农产品电子商务有限公司", "91", "农特产品上行", null, [["直通车", "7万"], ["超级推荐", "2万"], ["益阳职院", "2万"], ["天猫抢购活动", "1万"]]],
  [HS, "益阳市赫山区明华种养专业合作社", "93", "农特产品上行", null, [["设备购置", "8万元"]]],
  [HS, "湖南农田谋士现代农业集团有限公司", "91", "农特产品上行", null, [["冷库提质升级", "20万元"]]],
  [HS, "益阳世林食品有限公司", "91", "农特产品上行", null, [["直通车", "5万"], ["抖音直播宣传", "2万"], ["平台维护费", "3万"]]],
  [HS, "益阳神奇草养生茶业有限公司", "91", "农特产品上行", null, [["直通车", "9万"], ["超级推荐", "2万"], ["钻展", "5千"], ["杭州网川大学", "3万"], ["天猫淘抢购活动坑位", "1万5"]]],
  [HS, "湖南青松蛋业有限公司", "91", "农特产品上行", null, [["线上推广（直通车抖音）", 108773], ["促销特价", 30000]]],
  [HS, "益阳市衡宇食品有限公司", "91", "农特产品上行", null, [["直通车", "10万"], ["超级推荐", "5万"], ["淘宝客", "2万"], ["培训费用", "1万"], ["天猫抢购活动", "2万"]]],
  [ZY, "益阳缺牙齿食品有限公司", "91", "农特产品上行", null, [["特色休闲食品线上平台提质改造", 100000], ["硬件设施添置", 60000], ["电商从业人员培训", 40000]]],
  [ZY, "湖南好兆头食品有限公司", "91", "农特产品上行", null, [["网络维护与运营服务", 120000], ["电商平台服务费", 80000]]],
  [ZY, "资阳区张家塞乡合兴村村民委员会", "54", "农特产品上行", null, [["辖区内及周边村镇农特产品电商平台宣传推广", 100000]]],
];

// The approved amounts the report states (资阳区) or implies; the rest are the sums of the lines.
const STATED_APPROVED = { 益阳市电子商务协会: 200000, 湖南递王科技有限公司: 200000 };

// [一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 评价等级, 数据来源, 偏差原因]
const INDICATORS = [
  ["产出指标", "数量指标", "支持市本级电商企业数量", "支持市本级电商企业25家以上", "30家", 10, null, "受助单位数", null],
  ["产出指标", "质量指标", "全省电商交易额排名", "全省电商交易额排名前四名", "第4位", 15, null, null, null],
  ["产出指标", "时效指标", "项目按时保质完成", "如期完成", "如期完成（11月下旬开始实施，12月中旬完成）", 15, "达成", null, null],
  [
    "产出指标",
    "成本指标",
    "电商运营成本",
    "电商运营成本低于传统销售成本",
    "大部分电商运营成本低于传统销售成本",
    10,
    "部分达成",
    null,
    "传统电商平台引流费用较高，有些企业为了网店迅速引流，投入不少资金推广。",
  ],
  ["效益指标", "经济效益指标", "全年电商交易额", "全年电商交易额500亿元以上", "600亿元", 10, null, null, null],
  ["效益指标", "社会效益指标", "帮助解决人员就业", "帮助解决人员就业10万人以上", "生产、销售及支撑服务人员10万人以上", 10, null, null, null],
  ["效益指标", "生态效益指标", "农业自然资源合理开发", "促进农业自然资源得到合理的开发", "减少了土地资源的闲置浪费", 5, "达成", null, null],
  ["效益指标", "可持续影响指标", "农业和农村经济持续发展", "促进农业和农村经济持续、稳定发展", "帮助扩大了农产品线上销售渠道", 5, "达成", null, null],
  ["满意度指标", "服务对象满意度指标", "被扶持企业满意度", "被扶持企业满意度95%以上", "100%", 10, null, null, null],
];

const THIN = { style: "thin", color: { argb: "FF999999" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const FONT = { name: "宋体", size: 11 };

function styleTable(ws, header, widths) {
  ws.addRow(header);
  const h = ws.getRow(1);
  h.font = { ...FONT, bold: true };
  h.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  h.height = 22;
  header.forEach((_, i) => {
    h.getCell(i + 1).fill = HEADER_FILL;
    h.getCell(i + 1).border = BORDER;
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

function finishRows(ws, from, cols) {
  for (let r = from; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.font = FONT;
      cell.alignment = { vertical: "middle", wrapText: true, ...(cell.alignment || {}) };
    }
  }
}

function yuan(v) {
  if (typeof v === "number") return v;
  const m = /^([0-9.]+)万([0-9])?元?$/.exec(v) || /^([0-9.]+)千$/.exec(v);
  if (!m) throw new Error(`cannot total ${v}`);
  if (v.includes("千")) return Number(m[1]) * 1000;
  return Math.round(Number(m[1]) * 10000 + (m[2] ? Number(m[2]) * 1000 : 0));
}

function detailTotal(text) {
  // Only the top-level items: a "（包括…）" sub-list repeats its parent's amount.
  return text
    .replace(/（[^）]*）/g, "")
    .split("、")
    .reduce((s, part) => s + yuan(/([0-9.]+万[0-9]?|[0-9.]+千)$/.exec(part)[1]), 0);
}

async function main() {
  const wb = new ExcelJS.Workbook();

  const info = wb.addWorksheet("项目信息");
  styleTable(info, ["项目", "内容"], [18, 90]);
  for (const [k, v] of PROJECT) info.addRow([k, v]);
  finishRows(info, 2, 2);
  for (const key of ["年初预算数", "全年预算数", "全年执行数", "当年财政拨款"]) {
    const r = PROJECT.findIndex((p) => p[0] === key) + 2;
    info.getCell(r, 2).numFmt = "#,##0.00";
    info.getCell(r, 2).alignment = { horizontal: "left", vertical: "middle" };
  }
  info.getCell("A1").note =
    "本工作簿是据《2021年度服务外包及电子商务产业发展引导资金绩效自评报告》（益阳市商务局，2022年4月15日）重建的示例，" +
    "单位名称、区域及报告中写明的金额均照录原文；信用代码、支持方向、益阳高新区各单位金额与明细为按报告叙述拟定。详见 examples/README.md。";

  const alloc = wb.addWorksheet("资金分配");
  styleTable(alloc, ["序号", "区域", "单位名称", "统一社会信用代码", "支持方向", "批复金额", "拨付金额", "拨付日期", "明细说明", "备注"], [6, 12, 34, 22, 16, 14, 14, 12, 46, 16]);
  const spend = wb.addWorksheet("支出明细");
  styleTable(spend, ["序号", "单位名称", "支出内容", "支出类别", "金额", "支出日期", "凭证号", "备注"], [6, 34, 40, 12, 14, 12, 12, 20]);

  let total = 0;
  let lineNo = 0;
  const area = { [GX]: "430971", [HS]: "430903", [ZY]: "430902" };
  RECIPIENTS.forEach(([district, name, prefix, supportArea, detail, lines], i) => {
    const approved = STATED_APPROVED[name] ?? (detail ? detailTotal(detail) : lines.reduce((s, l) => s + yuan(l[1]), 0));
    if (detail && detailTotal(detail) !== approved) throw new Error(`${name}: 明细说明 does not add up`);
    total += approved;
    const row = alloc.addRow([i + 1, district, name, creditCode(10210 + i * 37, prefix, area[district]), supportArea, approved, approved, new Date(Date.UTC(2021, 11, 20)), detail, null]);
    row.getCell(6).numFmt = "#,##0.00";
    row.getCell(7).numFmt = "#,##0.00";
    row.getCell(8).numFmt = "yyyy-mm-dd";
    const first = spend.rowCount + 1;
    for (const [content, amount] of lines) {
      lineNo += 1;
      const r = spend.addRow([lineNo, name, content, null, amount, null, null, null]);
      r.getCell(5).numFmt = typeof amount === "number" ? "#,##0.00" : "@";
      r.getCell(5).alignment = { horizontal: "right" };
    }
    // The unit name spans its lines, as in the hand-made sheets the fund receives.
    if (lines.length > 1) spend.mergeCells(first, 2, spend.rowCount, 2);
  });
  if (total !== 3825000) throw new Error(`Σ批复 = ${total}, expected 3825000`);
  finishRows(alloc, 2, 10);
  finishRows(spend, 2, 8);

  const ind = wb.addWorksheet("绩效指标");
  styleTable(ind, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "评价等级", "数据来源", "偏差原因分析及改进措施"], [12, 18, 24, 32, 36, 8, 10, 12, 40]);
  for (const row of INDICATORS) ind.addRow(row);
  finishRows(ind, 2, 9);

  await saveDeterministic(wb, OUT);
  process.stdout.write(`wrote ${path.relative(process.cwd(), OUT)}: ${RECIPIENTS.length} recipients, ${lineNo} spending lines, Σ批复 ${total} 元\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
