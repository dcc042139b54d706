// Builds the draft 自评报告 (SPEC §11) from one validation result. Every figure is read from the
// engine's model and evaluation, the same ones the 绩效自评表 and 审核结果 sheets print, so the
// report cannot contradict its own table (the seed did, five times).
import { SEVERITY_LABEL } from "../marks";
import { round2 } from "../messages/format";
import { gradeOf } from "../scoring";
import type { Finding, Recipient, SpendingLine, ValidationResult } from "../types";
import { departure, pct, points, wan, wanNumber, weightText } from "./figures";
import type { ReportBlock, ReportDraft } from "./types";

const NO_DISTRICT = "未填区域";

/** A file name for the draft: its title without the characters file systems refuse. */
export function reportFileName(draft: ReportDraft): string {
  const safe = [...draft.title].map((c) => (c < " " || '\\/:*?"<>|'.includes(c) ? "_" : c)).join("");
  return `${safe}.docx`;
}

export function reportDraft(result: ValidationResult): ReportDraft {
  const p = result.model.project;
  const year = p.year === null ? "" : `${p.year}年度`;
  const name = p.name || "专项资金项目";
  const title = p.year !== null && name.includes(String(p.year)) ? `${name}绩效自评报告` : `${year}${name}绩效自评报告`;
  const blocks: ReportBlock[] = [
    {
      kind: "paragraph",
      text:
        `根据《项目支出绩效评价管理办法》（财预〔2020〕10号），${p.implementer || "项目实施单位"}对${year}${name}的资金使用和绩效目标完成情况进行了自评。` +
        "本报告中的金额、单位数、执行率和得分均取自项目工作簿，与所附项目支出绩效自评表按同一口径计算。现将有关情况报告如下：",
    },
    ...basics(result),
    ...spending(result),
    ...indicators(result),
    ...problems(result.findings),
    ...conclusion(result),
    { kind: "paragraph", text: "" },
    { kind: "paragraph", text: p.implementer, align: "right" },
    { kind: "paragraph", text: "年　　月　　日", align: "right" },
  ];
  const time = `${p.year === null ? 2000 : p.year + 1}-01-01T00:00:00Z`;
  return { title, blocks, meta: { title, subject: "项目支出绩效自评报告（初稿）", creator: "fund-audit", time } };
}

/** Recipients by district, districts in the order they first appear. */
function byDistrict(recipients: readonly Recipient[]): [string, Recipient[]][] {
  const groups = new Map<string, Recipient[]>();
  for (const r of recipients) {
    const d = r.district || NO_DISTRICT;
    const list = groups.get(d);
    if (list) list.push(r);
    else groups.set(d, [r]);
  }
  return [...groups];
}

const sum = (xs: (number | null)[]): number => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
const fen = (yuan: number): number => Math.round(yuan * 100);

function executedFen(result: ValidationResult): number | null {
  const p = result.model.project;
  const rate = result.evaluation.executionRate;
  return p.executedFen ?? (rate !== null && p.budgetFen ? Math.round(rate * p.budgetFen) : null);
}

function basics(result: ValidationResult): ReportBlock[] {
  const { model, evaluation, summary } = result;
  const p = model.project;
  const money: string[] = [];
  if (p.budgetInitialFen !== null && p.budgetInitialFen !== p.budgetFen) money.push(`年初预算数${wan(p.budgetInitialFen)}`);
  if (p.budgetFen !== null) money.push(`全年预算数${wan(p.budgetFen)}`);
  const executed = executedFen(result);
  if (executed !== null) money.push(`全年执行数${wan(executed)}`);
  if (evaluation.executionRate !== null) money.push(`预算执行率${pct(evaluation.executionRate)}`);
  const out: ReportBlock[] = [{ kind: "heading", level: 1, text: "一、项目基本情况" }];
  const who =
    p.department && p.department === p.implementer
      ? `主管部门和实施单位均为${p.department}`
      : [p.department && `主管部门为${p.department}`, p.implementer && `实施单位为${p.implementer}`].filter(Boolean).join("，");
  out.push({ kind: "paragraph", text: `${p.name || "本项目"}${p.year === null ? "" : `（${p.year}年度）`}${who ? `，${who}` : ""}。${money.length > 0 ? `项目${money.join("，")}。` : "工作簿未填写预算数和执行数。"}` });
  if (p.supportAreas.length > 0) out.push({ kind: "paragraph", text: `资金从${p.supportAreas.join("、")}等${p.supportAreas.length}个方面支持项目实施。` });
  const groups = byDistrict(model.recipients);
  if (groups.length === 0) {
    out.push({ kind: "paragraph", text: "资金分配表中没有受助单位。" });
    return out;
  }
  const parts = groups.map(([d, rs]) => `${d}${rs.length}家（批复${wan(sum(rs.map((r) => r.approvedFen)))}）`);
  out.push({
    kind: "paragraph",
    text: `全年共支持${model.recipients.length}家单位，批复金额合计${wan(fen(summary.approved))}，拨付金额合计${wan(fen(summary.disbursed))}。其中${parts.join("，")}。各单位获批及拨付金额见下表。`,
  });
  // Amounts in the table are plain 万元 figures under a 万元 header; 区域 is merged per district.
  const rows = groups.flatMap(([d, rs]) => [
    ...rs.map((r, i) => ({ cells: [String(i + 1), i === 0 ? d : null, r.name, tableAmount(r.approvedFen), tableAmount(r.disbursedFen)] })),
    { cells: ["", null, `小计（${rs.length}家）`, wanNumber(sum(rs.map((r) => r.approvedFen))), wanNumber(sum(rs.map((r) => r.disbursedFen)))], bold: true },
  ]);
  rows.push({ cells: ["", "合计", `${model.recipients.length}家`, wanNumber(fen(summary.approved)), wanNumber(fen(summary.disbursed))], bold: true });
  out.push({
    kind: "table",
    columns: [
      { title: "序号", width: 8, align: "center" },
      { title: "区域", width: 13, align: "center" },
      { title: "单位名称", width: 49, align: "left" },
      { title: "批复金额（万元）", width: 15, align: "center" },
      { title: "拨付金额（万元）", width: 15, align: "center" },
    ],
    rows,
  });
  return out;
}

const amount = (f: number | null): string => (f === null ? "—" : wan(f));
const tableAmount = (f: number | null): string => (f === null ? "—" : wanNumber(f));

/** "技术服务15.6804万元、设备购置8.4423万元": a recipient's lines summed by category, in the order
 * the categories first appear; a line without a category is named by its content. */
function uses(lines: readonly SpendingLine[]): string[] {
  const totals = new Map<string, number>();
  for (const l of lines) {
    if (l.amountFen === null) continue;
    const key = l.resolvedCategory || l.category || l.content || "未注明用途";
    totals.set(key, (totals.get(key) ?? 0) + l.amountFen);
  }
  return [...totals].map(([k, f]) => `${k}${wan(f)}`);
}

function spending(result: ValidationResult): ReportBlock[] {
  const { model, summary } = result;
  const out: ReportBlock[] = [{ kind: "heading", level: 1, text: "二、项目资金使用及管理情况" }];
  out.push({ kind: "paragraph", text: `支出明细共${summary.lines}条，支出金额合计${wan(fen(summary.spent))}。各单位资金使用情况如下（按支出类别汇总）：` });
  const linesOf = new Map<string, SpendingLine[]>();
  for (const l of model.lines) {
    const list = linesOf.get(l.normName);
    if (list) list.push(l);
    else linesOf.set(l.normName, [l]);
  }
  const known = new Set(model.recipients.map((r) => r.normName));
  byDistrict(model.recipients).forEach(([d, rs], i) => {
    out.push({ kind: "heading", level: 2, text: `（${CN_ORDINALS[i] ?? i + 1}）${d}项目资金实际使用情况` });
    rs.forEach((r, j) => {
      const mine = linesOf.get(r.normName) ?? [];
      const spent = sum(mine.map((l) => l.amountFen));
      const got = r.disbursedFen ?? r.approvedFen;
      const items = uses(mine);
      const text =
        items.length === 0
          ? `获批资金${amount(r.approvedFen)}，${mine.length === 0 ? "未填报支出明细" : "支出明细的金额无法识别"}。`
          : `${items.join("、")}${items.length > 1 ? `，合计${wan(spent)}` : ""}${got !== null && got !== spent ? `（拨付${wan(got)}）` : ""}。`;
      out.push({ kind: "paragraph", text: `（${j + 1}）${r.name}：${text}` });
    });
  });
  const strays = model.lines.filter((l) => !known.has(l.normName));
  if (strays.length > 0) {
    const names = [...new Set(strays.map((l) => l.recipientName))];
    out.push({ kind: "paragraph", text: `另有${strays.length}条支出的单位（${names.join("、")}）不在资金分配表中，金额合计${wan(sum(strays.map((l) => l.amountFen)))}，见第四部分。` });
  }
  return out;
}

const CN_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];

function indicators(result: ValidationResult): ReportBlock[] {
  const { model, evaluation } = result;
  const p = model.project;
  const out: ReportBlock[] = [{ kind: "heading", level: 1, text: "三、绩效指标完成情况" }];
  if (p.overallGoal) out.push({ kind: "paragraph", text: `年度总体目标：${p.overallGoal}` });
  if (p.overallGoalActual) out.push({ kind: "paragraph", text: `实际完成情况：${p.overallGoalActual}` });
  const inds = evaluation.indicators;
  if (inds.length === 0) {
    out.push({ kind: "paragraph", text: "工作簿中没有绩效指标。" });
    return out;
  }
  // 一级/二级 merged over runs of the same value, as on the 绩效自评表.
  const rows = inds.map((ind, i) => {
    const prev = inds[i - 1];
    const same1 = prev !== undefined && prev.level1 === ind.level1;
    const same2 = same1 && prev.level2 === ind.level2;
    return {
      cells: [same1 ? null : ind.level1, same2 ? null : ind.level2, ind.name, ind.target, ind.notApplicable ? "不适用" : ind.actual, String(round2(ind.weight)), ind.notApplicable ? "—" : round2(ind.score).toFixed(2)],
    };
  });
  out.push({ kind: "paragraph", text: `绩效指标共${inds.length}项，完成情况见下表。` });
  out.push({
    kind: "table",
    columns: [
      { title: "一级指标", width: 13, align: "center" },
      { title: "二级指标", width: 13, align: "center" },
      { title: "三级指标", width: 17, align: "left" },
      { title: "年度指标值", width: 19, align: "left" },
      { title: "实际完成值", width: 19, align: "left" },
      { title: "分值", width: 8, align: "center" },
      { title: "得分", width: 11, align: "center" },
    ],
    rows,
  });
  const notes: string[] = [];
  inds.forEach((ind, i) => {
    const src = model.indicators[i];
    const way = src ? departure(ind, src.target) : null;
    if (!way) return;
    const verdict = way === "missed" ? "未达到年度指标值" : "超过年度指标值";
    const reason = src?.reason ? `偏差原因分析及改进措施：${src.reason}` : "工作簿未填写偏差原因分析及改进措施。";
    notes.push(`${ind.level2}“${ind.name}”：年度指标值为“${ind.target}”，实际完成值为“${ind.actual}”，${verdict}，得分${points(ind.score)}（分值${weightText(ind.weight)}）。${reason}`);
  });
  if (notes.length === 0) out.push({ kind: "paragraph", text: "各项指标均按年度指标值完成，没有未达到或超过指标值的情况。" });
  else notes.forEach((n, i) => out.push({ kind: "paragraph", text: `${i + 1}. ${n}` }));
  return out;
}

function problems(findings: readonly Finding[]): ReportBlock[] {
  const out: ReportBlock[] = [{ kind: "heading", level: 1, text: "四、存在的问题及改进措施" }];
  const shown = findings.filter((f) => f.severity !== "info");
  const infos = findings.length - shown.length;
  const errors = shown.filter((f) => f.severity === "error").length;
  if (shown.length === 0) {
    out.push({ kind: "paragraph", text: `审核未发现错误或警告${infos > 0 ? `（另有提示${infos}项，见审核结果表）` : ""}。` });
    return out;
  }
  out.push({ kind: "paragraph", text: `审核发现错误${errors}项、警告${shown.length - errors}项${infos > 0 ? `（另有提示${infos}项，不列入本报告，见审核结果表）` : ""}，按问题类型列示如下：` });
  // Errors before warnings, each code where it first appears.
  const groups = new Map<string, Finding[]>();
  for (const f of [...shown].sort((a, b) => Number(a.severity !== "error") - Number(b.severity !== "error"))) {
    const list = groups.get(f.code);
    if (list) list.push(f);
    else groups.set(f.code, [f]);
  }
  [...groups].forEach(([code, fs], i) => {
    out.push({ kind: "heading", level: 2, text: `（${CN_ORDINALS[i] ?? i + 1}）${SEVERITY_LABEL.zh[fs[0].severity]}：${code}（${fs.length}项）` });
    fs.forEach((f, j) => out.push({ kind: "paragraph", text: `${j + 1}. ${f.cell}${f.recipient ? `（${f.recipient}）` : ""}：${f.message}` }));
  });
  out.push({
    kind: "paragraph",
    text: `改进措施：${errors > 0 ? "错误项应在报送前逐项整改并重新校验；" : ""}警告项应逐项核实，在审核结果表的复核意见中写明核实结论；涉及绩效指标的，在绩效自评表的偏差原因分析及改进措施中说明。`,
  });
  return out;
}

function conclusion(result: ValidationResult): ReportBlock[] {
  const { evaluation, model } = result;
  const claimed = model.project.claimedScore;
  const out: ReportBlock[] = [{ kind: "heading", level: 1, text: "五、自评结论" }];
  const levels = new Map<string, { weight: number; score: number }>();
  for (const ind of evaluation.indicators) {
    const l = levels.get(ind.level1) ?? { weight: 0, score: 0 };
    l.weight += ind.weight;
    l.score += ind.notApplicable ? 0 : ind.score;
    levels.set(ind.level1, l);
  }
  const rate = evaluation.executionRate === null ? "工作簿未提供预算执行率" : `预算执行率${pct(evaluation.executionRate)}`;
  out.push({
    kind: "paragraph",
    text: `按财预〔2020〕10号的评分方法复核，${rate}，得${points(evaluation.executionScore)}（分值${weightText(evaluation.executionWeight)}）；${[...levels].map(([k, v]) => `${k}得${points(v.score)}（分值${weightText(v.weight)}）`).join("，")}。项目复核得分${points(evaluation.total)}，自评等级为“${evaluation.grade}”。`,
  });
  // The unit's own score is shown beside the computed one only when the two differ.
  const own = claimed !== null && Math.abs(claimed - evaluation.total) >= 0.005 ? claimed : null;
  if (own !== null) {
    out.push({ kind: "paragraph", text: `单位自评得分为${points(own)}，与按工作簿数据计算的复核得分${points(evaluation.total)}相差${points(Math.abs(own - evaluation.total))}，以复核得分为准。` });
  }
  out.push({
    kind: "table",
    columns: [{ title: "项目", width: 34, align: "center" }, { title: "复核得分", width: 33, align: "center" }, ...(own !== null ? [{ title: "自评得分", width: 33, align: "center" as const }] : [])],
    rows: [
      { cells: ["总分", points(evaluation.total), ...(own !== null ? [points(own)] : [])] },
      { cells: ["等级", evaluation.grade, ...(own !== null ? [gradeOf(own)] : [])] },
    ],
  });
  return out;
}
