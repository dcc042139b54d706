// The draft 自评报告's model (SPEC §11): every figure from the engine, sections in order, and the
// cases the example does not reach (missed and exceeded indicators, stray lines, no district).
import { reportDraft, reportFileName, type ReportBlock, type ReportDraft } from "../../src/core";
import { departure, wan } from "../../src/core/report-draft/figures";
import { fixZipTimes } from "../../src/core/report-draft/zip-time";
import { WorkbookBuilder, run } from "./builders";

const texts = (d: ReportDraft): string[] => d.blocks.map((b) => (b.kind === "table" ? b.rows.map((r) => r.cells.join("|")).join("\n") : b.text));
const paragraphs = (d: ReportDraft): string[] => d.blocks.filter((b): b is Extract<ReportBlock, { kind: "paragraph" }> => b.kind === "paragraph").map((b) => b.text);
const headings = (d: ReportDraft, level: 1 | 2): string[] => d.blocks.filter((b) => b.kind === "heading" && b.level === level).map((b) => (b as { text: string }).text);
const tables = (d: ReportDraft): Extract<ReportBlock, { kind: "table" }>[] => d.blocks.filter((b): b is Extract<ReportBlock, { kind: "table" }> => b.kind === "table");

describe("figures", () => {
  it("prints 万元 at the workbook's precision, never fewer than two decimals", () => {
    expect([wan(500000000), wan(38250000), wan(15680400), wan(1), wan(-250000), wan(0)]).toEqual(["500.00万元", "38.25万元", "15.6804万元", "0.000001万元", "-0.25万元", "0.00万元"]);
  });

  it("calls an indicator exceeded only when a higher-is-better quantitative actual passes its target", () => {
    const base = { level1: "产出指标", level2: "数量指标", name: "n", target: "", weight: 10, score: 10 };
    const ge = { kind: "quantitative", op: ">=", value: 25, unit: "家" } as const;
    expect(departure({ ...base, actual: "26家", met: true }, ge)).toBe("exceeded");
    expect(departure({ ...base, actual: "25家", met: true }, ge)).toBeNull();
    expect(departure({ ...base, actual: "20家", met: false, score: 8 }, ge)).toBe("missed");
    expect(departure({ ...base, actual: "6亿元", met: true }, { kind: "quantitative", op: ">=", value: 50000, unit: "万元" })).toBe("exceeded");
    expect(departure({ ...base, actual: "0.98", met: true }, { kind: "quantitative", op: ">=", value: 95, unit: "%" })).toBe("exceeded");
    expect(departure({ ...base, actual: "第3位", met: true }, { kind: "quantitative", op: "rank", value: 4, unit: "名" })).toBeNull();
    expect(departure({ ...base, actual: "如期完成", met: true }, { kind: "qualitative", text: "如期完成" })).toBeNull();
    expect(departure({ ...base, actual: "不适用", met: null, notApplicable: true }, ge)).toBeNull();
  });
});

describe("reportDraft", () => {
  const sample = (): WorkbookBuilder => WorkbookBuilder.sample();

  it("has the five sections of SPEC §11 in order, then the unit and a date line", () => {
    const d = reportDraft(run(sample()));
    expect(d.title).toBe("2022年度示例电商扶持资金绩效自评报告");
    expect(headings(d, 1)).toEqual(["一、项目基本情况", "二、项目资金使用及管理情况", "三、绩效指标完成情况", "四、存在的问题及改进措施", "五、自评结论"]);
    expect(paragraphs(d).slice(-2)).toEqual(["示例市商务局", "年　　月　　日"]);
    expect(d.meta).toEqual({ title: d.title, subject: "项目支出绩效自评报告（初稿）", creator: "fund-audit", time: "2023-01-01T00:00:00Z" });
    expect(reportFileName(d)).toBe("2022年度示例电商扶持资金绩效自评报告.docx");
  });

  it("states budget, execution, rate and recipients by district from the model", () => {
    const d = reportDraft(run(sample()));
    const text = texts(d).join("\n");
    expect(text).toContain("项目全年预算数30.00万元，全年执行数30.00万元，预算执行率100.00%。");
    expect(text).toContain("全年共支持3家单位，批复金额合计30.00万元，拨付金额合计30.00万元。其中甲区2家（批复25.00万元），乙区1家（批复5.00万元）。");
    const [recipients] = tables(d);
    expect(recipients.rows.map((r) => r.cells)).toEqual([
      ["1", "甲区", "示例农业电子商务有限公司", "10.00", "10.00"],
      ["2", null, "示例物流科技有限公司", "15.00", "15.00"],
      ["", null, "小计（2家）", "25.00", "25.00"],
      ["1", "乙区", "示例服饰有限公司", "5.00", "5.00"],
      ["", null, "小计（1家）", "5.00", "5.00"],
      ["", "合计", "3家", "30.00", "30.00"],
    ]);
  });

  it("itemises each recipient's uses by category, per district, in the seed's style", () => {
    const d = reportDraft(run(sample()));
    expect(headings(d, 2).slice(0, 2)).toEqual(["（一）甲区项目资金实际使用情况", "（二）乙区项目资金实际使用情况"]);
    const p = paragraphs(d);
    expect(p).toContain("（1）示例农业电子商务有限公司：平台建设6.00万元、推广营销4.00万元，合计10.00万元。");
    expect(p).toContain("（2）示例物流科技有限公司：冷链物流15.00万元。");
    expect(p).toContain("（1）示例服饰有限公司：培训3.00万元、设备购置2.00万元，合计5.00万元。");
  });

  it("sums a recipient's lines of one category, names an unclassified line by its content, and reports strays and recipients without lines", () => {
    const b = sample()
      .withRecipient({ district: "", name: "示例无明细有限公司", area: "企业做大做强", approved: 10000 })
      .withLine({ name: "示例服饰有限公司", content: "再次培训", category: "培训", amount: 1234.56 })
      .withLine({ name: "示例不在表中有限公司", content: "网店平台升级", category: "平台建设", amount: 500 })
      .withLine({ name: "示例物流科技有限公司", content: "阿里巴巴实力商家", amount: 100 });
    const d = reportDraft(run(b));
    const p = paragraphs(d);
    expect(p).toContain("（1）示例服饰有限公司：培训3.123456万元、设备购置2.00万元，合计5.123456万元（拨付5.00万元）。");
    expect(p).toContain("（1）示例无明细有限公司：获批资金1.00万元，未填报支出明细。");
    expect(p).toContain("（2）示例物流科技有限公司：冷链物流15.00万元、阿里巴巴实力商家0.01万元，合计15.01万元（拨付15.00万元）。");
    expect(headings(d, 2)).toContain("（三）未填区域项目资金实际使用情况");
    expect(p).toContain("另有1条支出的单位（示例不在表中有限公司）不在资金分配表中，金额合计0.05万元，见第四部分。");
  });

  it("tables every indicator (一级/二级 merged over runs) and writes a paragraph for each missed or exceeded one, quoting its 偏差原因", () => {
    const b = sample().withIndicators([
      ["产出指标", "数量指标", "支持企业数", "3家以上", "3家", 30, "", "受助单位数", ""],
      ["产出指标", "质量指标", "验收合格率", "100%", "90%", 20, "", "", "两家企业未按期验收，已督促整改。"],
      ["效益指标", "经济效益指标", "带动网络销售额", "1000万元以上", "1500万元", 30, "", "", "直播带货增长超预期。"],
      ["满意度指标", "服务对象满意度指标", "企业满意度", "90%以上", "85%", 10, "", "", ""],
    ]);
    const r = run(b);
    const d = reportDraft(r);
    const indicatorTable = tables(d)[1];
    expect(indicatorTable.columns.map((c) => c.title)).toEqual(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]);
    expect(indicatorTable.rows.map((row) => row.cells)).toEqual([
      ["产出指标", "数量指标", "支持企业数", "3家以上", "3家", "30", "30.00"],
      [null, "质量指标", "验收合格率", "100%", "90%", "20", "18.00"],
      ["效益指标", "经济效益指标", "带动网络销售额", "1000万元以上", "1500万元", "30", "30.00"],
      ["满意度指标", "服务对象满意度指标", "企业满意度", "90%以上", "85%", "10", "9.44"],
    ]);
    const notes = paragraphs(d).filter((t) => /^\d\. .*指标“/.test(t));
    expect(notes).toEqual([
      "1. 质量指标“验收合格率”：年度指标值为“100%”，实际完成值为“90%”，未达到年度指标值，得分18.00分（分值20分）。偏差原因分析及改进措施：两家企业未按期验收，已督促整改。",
      "2. 经济效益指标“带动网络销售额”：年度指标值为“1000万元以上”，实际完成值为“1500万元”，超过年度指标值，得分30.00分（分值30分）。偏差原因分析及改进措施：直播带货增长超预期。",
      "3. 服务对象满意度指标“企业满意度”：年度指标值为“90%以上”，实际完成值为“85%”，未达到年度指标值，得分9.44分（分值10分）。工作簿未填写偏差原因分析及改进措施。",
    ]);
  });

  it("lists every error and warning grouped by code with its cell, errors first, and leaves infos to the 审核结果 sheet", () => {
    const b = sample()
      .withLine({ name: "示例服饰有限公司", content: "促销特价", amount: 1000 })
      .withLine({ name: "示例服饰有限公司", content: "发放奖金", amount: 500 });
    const r = run(b);
    const d = reportDraft(r);
    const shown = r.findings.filter((f) => f.severity !== "info");
    const text = texts(d).join("\n");
    for (const f of shown) expect(text).toContain(`${f.cell}${f.recipient ? `（${f.recipient}）` : ""}：${f.message}`);
    const groups = headings(d, 2).filter((h) => /^（.）(错误|警告)：/.test(h));
    const codes = [...new Set([...shown].sort((a, b2) => Number(a.severity !== "error") - Number(b2.severity !== "error")).map((f) => f.code))];
    expect(groups.map((g) => g.replace(/^（.）(错误|警告)：| ?（\d+项）$/g, ""))).toEqual(codes);
    expect(groups[0]).toMatch(/^（一）错误：/);
    for (const f of r.findings.filter((x) => x.severity === "info")) expect(text).not.toContain(f.message);
  });

  it("says so when there is nothing to report in 四", () => {
    const r = run(sample());
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(texts(reportDraft(r)).join("\n")).toMatch(/审核未发现错误或警告/);
  });

  it("concludes with the computed score and grade, and the unit's own score beside it only when they differ", () => {
    const same = reportDraft(run(sample()));
    const sameTable = tables(same).at(-1);
    expect(sameTable?.columns.map((c) => c.title)).toEqual(["项目", "复核得分"]);
    expect(sameTable?.rows.map((r) => r.cells)).toEqual([["总分", "100.00分"], ["等级", "优"]]);

    const r = run(sample().withInfo("自评得分", 85));
    const d = reportDraft(r);
    const table = tables(d).at(-1);
    expect(table?.columns.map((c) => c.title)).toEqual(["项目", "复核得分", "自评得分"]);
    expect(table?.rows.map((row) => row.cells)).toEqual([["总分", "100.00分", "85.00分"], ["等级", "优", "良"]]);
    expect(paragraphs(d)).toContain("单位自评得分为85.00分，与按工作簿数据计算的复核得分100.00分相差15.00分，以复核得分为准。");
  });
});

describe("fixZipTimes", () => {
  it("dates every local and central entry 1980-01-01 00:00 and leaves every other byte alone", async () => {
    const { zipSync, unzipSync } = await import("fflate");
    const zip = zipSync({ "a.txt": new Uint8Array([1, 2, 3]), "b/c.xml": new TextEncoder().encode("<x/>") }, { mtime: new Date(2024, 5, 6, 7, 8, 10) });
    const fixed = fixZipTimes(zip);
    const diff = [...zip].map((v, i) => (v === fixed[i] ? -1 : i)).filter((i) => i >= 0);
    expect(diff.length).toBeGreaterThan(0);
    // 4 bytes (time + date) in each of 2 local headers and 2 central entries.
    expect(diff.length).toBeLessThanOrEqual(16);
    const again = zipSync({ "a.txt": new Uint8Array([1, 2, 3]), "b/c.xml": new TextEncoder().encode("<x/>") }, { mtime: new Date(2031, 0, 2, 3, 4, 6) });
    expect([...fixZipTimes(again)]).toEqual([...fixed]);
    expect(Object.keys(unzipSync(fixed))).toEqual(["a.txt", "b/c.xml"]);
    expect(() => fixZipTimes(new Uint8Array(40))).toThrow(/not a zip/);
  });
});
