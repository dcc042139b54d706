"use strict";
// Reproducible benchmark workbooks: `lines` spending lines over lines/10 recipients, 2% of the
// recipients over-spent, 1% of the lines in a forbidden category. Written by hand (shared
// strings, date styles) the way Excel writes them, so the file is what a user would have; or
// the way WPS Office does (shape "wps").
const { strToU8, zipSync } = require("fflate");
const { creditCode } = require("../scripts/xlsx-deterministic");

const DISTRICTS = ["资阳区", "赫山区", "益阳高新区"];
const AREAS = ["电商招商", "园区发展", "农特产品上行", "企业做大做强", "支撑服务企业", "跨境电商", "人才引进和专业培训", "电子商务生活服务", "创先争优", "协会发展"];
const WORDS = ["湘", "益", "资", "桃", "安", "沅", "洞", "茶", "竹", "梅", "松", "禾", "丰", "华", "兴", "盛", "源", "瑞", "福", "康"];
const ALLOWED = [
  ["直通车推广", "推广营销"],
  ["网店平台升级", "平台建设"],
  ["电商运营培训", "培训"],
  ["冷库建设", "冷链物流"],
  ["购置电脑", "设备购置"],
  ["代运营技术服务费", "技术服务"],
  ["抖音直播推广", "推广营销"],
  ["小程序商城开发", "平台建设"],
];
const FORBIDDEN = ["发放员工年终奖金", "促销让利活动", "偿还银行贷款利息", "办公楼装修办公楼"];

/** mulberry32: a small seeded PRNG, so every run writes the same workbook. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function esc(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function col(c) {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const SERIAL_2021_01_01 = 44197;

/** Builds the data model; returns sheets as rows of cells ({s: string} | {n: number, date?}). */
function model(lines, seed = 20211231) {
  const rand = prng(seed + lines);
  const recipientCount = Math.max(20, Math.round(lines / 10));
  const recipients = [];
  for (let i = 0; i < recipientCount; i++) {
    const name = `益阳${WORDS[i % 20]}${WORDS[Math.floor(i / 20) % 20]}${i + 1}号电子商务有限公司`;
    recipients.push({ name, district: DISTRICTS[i % 3], area: AREAS[i % 10], code: creditCode(100000 + i, "91", "430900"), lines: [] });
  }
  // Spread the lines: every recipient gets floor(lines / n), the first (lines % n) one more.
  let serial = 0;
  let overspent = 0;
  let forbidden = 0;
  for (let i = 0; i < recipientCount; i++) {
    const r = recipients[i];
    const k = Math.floor(lines / recipientCount) + (i < lines % recipientCount ? 1 : 0);
    let total = 0;
    for (let j = 0; j < k; j++) {
      const isForbidden = rand() < 0.01;
      const [content, category] = isForbidden ? [FORBIDDEN[Math.floor(rand() * FORBIDDEN.length)], null] : ALLOWED[Math.floor(rand() * ALLOWED.length)];
      if (isForbidden) forbidden++;
      const amount = 1000 + Math.floor(rand() * 49) * 1000 + (rand() < 0.3 ? 0.5 : 0);
      total += amount;
      serial++;
      r.lines.push({ content, category: category && rand() < 0.5 ? category : null, amount, date: SERIAL_2021_01_01 + Math.floor(rand() * 360), voucher: `PZ-2021-${String(serial).padStart(7, "0")}` });
    }
    const isOver = i % 50 === 7; // 2% of the recipients
    if (isOver) overspent++;
    r.approved = isOver ? total - 1000 : total;
  }
  const budget = recipients.reduce((s, r) => s + r.approved, 0);
  return { recipients, budget, expected: { recipients: recipientCount, lines, overspent, forbidden } };
}

function sheetsOf(m) {
  const S = (s) => ({ s });
  const N = (n) => ({ n });
  const D = (n) => ({ n, date: true });
  const project = [
    ["项目", "内容"],
    ["项目名称", "益阳市电子商务产业发展引导资金（基准测试）"],
    ["主管部门", "益阳市商务局"],
    ["实施单位", "益阳市商务局"],
    ["资金年度", 2021],
    ["金额单位", "元"],
    ["年初预算数", m.budget],
    ["全年预算数", m.budget],
    ["全年执行数", m.budget],
    ["当年财政拨款", m.budget],
    ["适用区域", DISTRICTS.join("、")],
    ["自评得分", 100],
  ].map((r) => r.map((v) => (typeof v === "number" ? N(v) : S(v))));
  const allocation = [["序号", "区域", "单位名称", "统一社会信用代码", "支持方向", "批复金额", "拨付金额", "拨付日期"].map(S)];
  const spending = [["序号", "单位名称", "支出内容", "支出类别", "金额", "支出日期", "凭证号"].map(S)];
  let n = 0;
  m.recipients.forEach((r, i) => {
    allocation.push([N(i + 1), S(r.district), S(r.name), S(r.code), S(r.area), N(r.approved), N(r.approved), D(SERIAL_2021_01_01 + 150)]);
    for (const l of r.lines) spending.push([N(++n), S(r.name), S(l.content), l.category ? S(l.category) : null, N(l.amount), D(l.date), S(l.voucher)]);
  });
  const indicators = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "评价等级", "数据来源"],
    ["产出指标", "数量指标", "支持企业数", `${m.recipients.length}家以上`, `${m.recipients.length}家`, 30, null, "受助单位数"],
    ["产出指标", "时效指标", "按时拨付", "如期完成", "如期完成", 20, "达成", null],
    ["效益指标", "经济效益指标", "带动网络销售额", "1000万元以上", "1200万元", 30, null, null],
    ["满意度指标", "服务对象满意度指标", "企业满意度", "90%以上", "96%", 10, null, null],
  ].map((r) => r.map((v) => (v === null ? null : typeof v === "number" ? N(v) : S(v))));
  return [
    ["项目信息", project],
    ["资金分配", allocation],
    ["支出明细", spending],
    ["绩效指标", indicators],
  ];
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * WPS-style parts (`shape: "wps"`): what WPS Office writes for a sheet typed in by hand and
 * formatted: every shared string a rich-text run with its font (<r><rPr>…<rFont val="宋体"/>
 * <charset val="134"/></rPr><t>…</t></r>), 96 cellXfs (bordered, filled, aligned variants, three
 * date formats among them) used in turn, rows with spans/height/dyDescent attributes.
 */
const WPS_STYLES = 96;
const WPS_DATE_FORMATS = [14, 176, 177];
const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac"';

function wpsStyles() {
  const fonts = ['<font><sz val="11"/><color theme="1"/><name val="宋体"/><charset val="134"/><scheme val="minor"/></font>', '<font><b/><sz val="11"/><color theme="1"/><name val="宋体"/><charset val="134"/></font>', '<font><sz val="10"/><color rgb="FF000000"/><name val="仿宋_GB2312"/><charset val="134"/></font>'];
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>', '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>'];
  const borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>", '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>'];
  const xfs = [];
  for (let i = 0; i < WPS_STYLES; i++) {
    const numFmt = i < WPS_DATE_FORMATS.length ? WPS_DATE_FORMATS[i] : [0, 4, 49, 178][i % 4];
    xfs.push(`<xf numFmtId="${numFmt}" fontId="${i % fonts.length}" fillId="${i % fills.length}" borderId="${i % borders.length}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="${["left", "center", "right"][i % 3]}" vertical="center" wrapText="${i % 2}"/></xf>`);
  }
  const numFmts = '<numFmts count="3"><numFmt numFmtId="176" formatCode="yyyy/m/d;@"/><numFmt numFmtId="177" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/><numFmt numFmtId="178" formatCode="#,##0.00_ "/></numFmts>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet ${NS} ${MC}>${numFmts}<fonts count="${fonts.length}">${fonts.join("")}</fonts><fills count="${fills.length}">${fills.join("")}</fills><borders count="${borders.length}">${borders.join("")}</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}

/** A WPS-style style index: one of the date styles for dates, a rotating non-date style otherwise. */
function wpsStyle(c, r, ci) {
  if (c.date) return (r + ci) % WPS_DATE_FORMATS.length;
  return WPS_DATE_FORMATS.length + ((r * 7 + ci) % (WPS_STYLES - WPS_DATE_FORMATS.length));
}

function toXlsx(sheets, shape = "excel") {
  const wps = shape === "wps";
  const sst = new Map();
  const index = (s) => {
    let k = sst.get(s);
    if (k === undefined) sst.set(s, (k = sst.size));
    return k;
  };
  const files = {};
  sheets.forEach(([, rows], i) => {
    const parts = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${wps ? `${NS} ${MC}` : NS}><sheetData>`];
    rows.forEach((row, r) => {
      let xml = wps ? `<row r="${r + 1}" spans="1:${row.length}" ht="20.1" customHeight="1" x14ac:dyDescent="0.15">` : `<row r="${r + 1}">`;
      row.forEach((c, ci) => {
        if (!c) return;
        const ref = `${col(ci)}${r + 1}`;
        const style = wps ? ` s="${wpsStyle(c, r, ci)}"` : c.date ? ' s="1"' : "";
        if (c.s !== undefined) xml += `<c r="${ref}"${wps ? style : ""} t="s"><v>${index(c.s)}</v></c>`;
        else xml += `<c r="${ref}"${style}><v>${c.n}</v></c>`;
      });
      parts.push(`${xml}</row>`);
    });
    parts.push("</sheetData></worksheet>");
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(parts.join(""));
  });
  const si = [];
  const run = (s) => `<r><rPr><sz val="11"/><color theme="1"/><rFont val="宋体"/><charset val="134"/><scheme val="minor"/></rPr><t>${esc(s)}</t></r>`;
  for (const s of sst.keys()) si.push(wps ? `<si>${run(s)}</si>` : `<si><t>${esc(s)}</t></si>`);
  files["xl/sharedStrings.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${NS} count="${si.length}" uniqueCount="${si.length}">${si.join("")}</sst>`);
  files["xl/styles.xml"] = strToU8(
    wps ? wpsStyles() : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet ${NS}><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}><sheets>${sheets.map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join("")}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
      .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join(
        "",
      )}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  const mtime = new Date(Date.UTC(2022, 0, 1));
  const out = {};
  for (const k of Object.keys(files).sort()) out[k] = [files[k], { level: 6, mtime }];
  return zipSync(out);
}

/** The workbook bytes and what a correct checker must find in it; `shape` "excel" (default) or "wps" (bench/shapes.js). */
function benchWorkbook(lines, shape = "excel") {
  const m = model(lines);
  return { bytes: toXlsx(sheetsOf(m), shape), expected: m.expected };
}

module.exports = { benchWorkbook, FORBIDDEN_KEYWORDS: ["促销", "特价", "让利", "返现", "红包", "工资", "奖金", "福利", "社保", "人员经费", "基建", "土建", "征地", "拆迁", "楼堂馆所", "装修办公楼", "还贷", "还款", "利息", "罚款", "滞纳金", "捐赠", "赞助", "提取工作经费", "管理费"] };
