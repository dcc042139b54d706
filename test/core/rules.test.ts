// Every finding code fires at the right cell, and stays quiet where it must (SPEC §3).
import { CellError } from "../../src/core/grid";
import { validateWorkbook } from "../../src/core/validate";
import type { ValidationResult } from "../../src/core/types";
import { aWorkbook, pairs, run, utcDay as d, WorkbookBuilder } from "./builders";

const has = (r: ValidationResult, code: string, cell: string): boolean => pairs(r, code).includes(`${code}@${cell}`);
const none = (r: ValidationResult, code: string): boolean => pairs(r, code).length === 0;

describe("the clean sample", () => {
  const r = run(aWorkbook());
  it("gives no finding at all: no code fires where it must not", () => {
    expect(r.findings.map((f) => `${f.code}@${f.cell}`)).toEqual([]);
  });
  it("scores 100 / 优", () => {
    expect(r.evaluation.total).toBe(100);
    expect(r.evaluation.grade).toBe("优");
    expect(r.summary).toMatchObject({ recipients: 3, lines: 5, budget: 300000, approved: 300000, disbursed: 300000, spent: 300000, executionRate: 1 });
  });
});

describe("structure", () => {
  it("sheet-missing points at A1 of the first sheet", () => {
    const r = run(aWorkbook().without("资金分配"));
    expect(pairs(r, "sheet-missing")).toEqual(["sheet-missing@项目信息!A1"]);
  });
  it("a missing 资金分配 is said once, not as unknown-recipient on every line", () => {
    const r = run(aWorkbook().without("资金分配"));
    expect(none(r, "unknown-recipient")).toBe(true);
  });
  it("支出明细 is not required when 明细说明 is used", () => {
    const b = new WorkbookBuilder().withRecipient({ name: "甲公司", approved: 50000, detail: "直通车3万、培训费用2万" }).without("支出明细");
    const r = run(b);
    expect(none(r, "sheet-missing")).toBe(true);
    expect(r.model.lines.map((l) => l.amountFen)).toEqual([3000000, 2000000]);
    expect(none(r, "spend-under-disbursed")).toBe(true);
  });
  it("column-missing on the header row", () => {
    const b = aWorkbook();
    const g = b.build();
    const alloc = g.sheets.find((s) => s.name === "资金分配")!;
    alloc.rows[0][5] = "钱";
    const r = validateWorkbook(g);
    expect(pairs(r, "column-missing")).toEqual(["column-missing@资金分配!A1"]);
  });
  it("finds the header row below a title, columns in any order, English aliases", () => {
    const g = aWorkbook().build();
    const s = g.sheets.find((x) => x.name === "支出明细")!;
    const header = ["Amount", "Recipient", "Item", "Category", "No", "Date", "Voucher"];
    s.rows = [["2022 年支出明细"], [], ...[header, ...s.rows.slice(1).map((row) => [row[4], row[1], row[2], row[3], row[0], row[5], row[6]])]];
    s.name = "Spending";
    const r = validateWorkbook(g);
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(r.model.lines).toHaveLength(5);
  });
  it("hidden-row is info and the row is still validated", () => {
    const b = aWorkbook();
    b.hiddenLineRows = [2];
    const r = run(b);
    expect(pairs(r, "hidden-row")).toEqual(["hidden-row@支出明细!A3"]);
    expect(r.summary.spent).toBe(300000);
  });
  it("cell-error at the error cell", () => {
    const r = run(aWorkbook().withLine({ name: "示例服饰有限公司", content: "宣传", amount: new CellError("#REF!") }));
    expect(pairs(r, "cell-error")).toEqual(["cell-error@支出明细!E7"]);
    expect(none(r, "invalid-amount")).toBe(true);
  });
  it("required-missing at the empty cell", () => {
    const r = run(aWorkbook().withLine({ name: "示例服饰有限公司", content: "", amount: 100 }));
    expect(has(r, "required-missing", "支出明细!C7")).toBe(true);
  });
  it("required-missing for an absent 项目信息 key points below the last key", () => {
    const r = run(aWorkbook().withoutInfo("资金年度"));
    expect(pairs(r, "required-missing")).toEqual(["required-missing@项目信息!A12"]);
  });
});

describe("amounts and dates", () => {
  it("invalid-amount carries the raw text", () => {
    const r = run(aWorkbook().withLine({ name: "示例物流科技有限公司", content: "仓储设备", category: "设备购置", amount: "约两万" }));
    const f = r.findings.find((x) => x.code === "invalid-amount")!;
    expect(f.cell).toBe("支出明细!E7");
    expect(f.message).toContain("约两万");
  });
  it("amount-precision warns and rounds half-up", () => {
    const b = new WorkbookBuilder().withRecipient({ name: "甲公司", approved: 100.01 }).withLine({ name: "甲公司", content: "平台升级", amount: 100.005 });
    const r = run(b);
    expect(pairs(r, "amount-precision")).toEqual(["amount-precision@支出明细!E2"]);
    expect(r.model.lines[0].amountFen).toBe(10001);
  });
  it("non-positive-amount for zero and negative lines", () => {
    const r = run(aWorkbook().withLine({ name: "示例服饰有限公司", content: "宣传", amount: 0 }).withLine({ name: "示例服饰有限公司", content: "宣传2", amount: "(1,000)" }));
    expect(pairs(r, "non-positive-amount")).toEqual(["non-positive-amount@支出明细!E7", "non-positive-amount@支出明细!E8"]);
  });
  it("text amounts in 万 and 大写 are read", () => {
    const b = new WorkbookBuilder()
      .withRecipient({ name: "甲公司", approved: "5万", disbursed: "人民币伍万元整" })
      .withLine({ name: "甲公司", content: "直通车", amount: "3.5万" })
      .withLine({ name: "甲公司", content: "天猫淘抢购活动坑位", amount: "1万5" });
    const r = run(b);
    expect(r.model.recipients[0].approvedFen).toBe(5000000);
    expect(r.model.lines.map((l) => l.amountFen)).toEqual([3500000, 1500000]);
    expect(none(r, "spend-under-disbursed")).toBe(true);
  });
  it("invalid-date and date-outside-year", () => {
    const r = run(aWorkbook().withLine({ name: "示例服饰有限公司", content: "宣传", amount: 1, date: "明年" }).withLine({ name: "示例服饰有限公司", content: "宣传3", amount: 1, date: d(2021, 5, 1) }));
    expect(pairs(r, "invalid-date")).toEqual(["invalid-date@支出明细!F7"]);
    expect(pairs(r, "date-outside-year")).toEqual(["date-outside-year@支出明细!F8"]);
  });
  it("拨付 in the next year's first quarter is fine, April is not", () => {
    const ok = run(new WorkbookBuilder().withRecipient({ name: "甲", approved: 1, date: d(2023, 3, 31) }));
    expect(none(ok, "date-outside-year")).toBe(true);
    const late = run(new WorkbookBuilder().withRecipient({ name: "甲", approved: 1, date: d(2023, 4, 1) }));
    expect(pairs(late, "date-outside-year")).toEqual(["date-outside-year@资金分配!H2"]);
  });
});

describe("allocation", () => {
  it("invalid-credit-code", () => {
    const r = run(new WorkbookBuilder().withRecipient({ name: "甲", approved: 1, code: "91430100MA4L12345X" }));
    expect(pairs(r, "invalid-credit-code")).toEqual(["invalid-credit-code@资金分配!D2"]);
  });
  it("duplicate-recipient by normalised name (full-width brackets, spaces) at the later row", () => {
    const r = run(new WorkbookBuilder().withRecipient({ name: "湖南旭荣制衣(有限)公司", approved: 1 }).withRecipient({ name: "湖南 旭荣制衣（有限）公司", approved: 1 }));
    expect(pairs(r, "duplicate-recipient")).toEqual(["duplicate-recipient@资金分配!C3"]);
  });
  it("unknown-support-area and ineligible-district", () => {
    const r = run(new WorkbookBuilder().withRecipient({ name: "甲", approved: 1, area: "房地产", district: "丙区" }));
    expect(pairs(r, "unknown-support-area")).toEqual(["unknown-support-area@资金分配!E2"]);
    expect(pairs(r, "ineligible-district")).toEqual(["ineligible-district@资金分配!B2"]);
  });
  it("高新区 is eligible when 适用区域 says 益阳高新区", () => {
    const r = run(new WorkbookBuilder().withInfo("适用区域", "资阳区、赫山区、益阳高新区").withRecipient({ name: "甲", approved: 1, district: "高新区" }));
    expect(none(r, "ineligible-district")).toBe(true);
  });
  it("disbursed-over-approved and disbursed-under-approved at the 拨付金额 cell", () => {
    const r = run(new WorkbookBuilder().withRecipient({ name: "甲", approved: 100, disbursed: 120 }).withRecipient({ name: "乙", approved: 100, disbursed: 80 }));
    expect(pairs(r, "disbursed-over-approved")).toEqual(["disbursed-over-approved@资金分配!G2"]);
    expect(pairs(r, "disbursed-under-approved")).toEqual(["disbursed-under-approved@资金分配!G3"]);
  });
  it("allocation-over-budget and executed-total-mismatch on 项目信息", () => {
    const r = run(aWorkbook().withInfo("全年预算数", 200000).withInfo("全年执行数", 250000));
    expect(pairs(r, "allocation-over-budget")).toEqual(["allocation-over-budget@项目信息!B7"]);
    expect(pairs(r, "executed-total-mismatch")).toEqual(["executed-total-mismatch@项目信息!B8"]);
    const f = r.findings.find((x) => x.code === "allocation-over-budget")!;
    expect([f.amount, f.limit]).toEqual([300000, 200000]);
  });
  it("a 合计 row is checked against its own column when an earlier money column is missing", () => {
    const g = aWorkbook().build();
    const alloc = g.sheets.find((x) => x.name === "资金分配")!;
    alloc.rows = alloc.rows.map((row) => row.filter((_, c) => c !== 5)); // no 批复金额 column
    alloc.rows.push(["合计", null, null, null, null, 300000]);
    const r = validateWorkbook(g);
    expect(pairs(r, "column-missing")).toEqual(["column-missing@资金分配!A1"]);
    expect(none(r, "total-row-mismatch")).toBe(true);
  });
  it("total-row-mismatch checks a 合计 row against the rows it closes", () => {
    const g = aWorkbook().build();
    const s = g.sheets.find((x) => x.name === "支出明细")!;
    s.rows.splice(3, 0, ["小计", null, null, null, 100000]);
    s.rows.push(["合计", null, null, null, 299999]);
    const r = validateWorkbook(g);
    expect(pairs(r, "total-row-mismatch")).toEqual(["total-row-mismatch@支出明细!E8"]);
    expect(r.model.lines).toHaveLength(5);
  });
});

describe("spending", () => {
  it("unknown-recipient at the 单位名称 cell", () => {
    const r = run(aWorkbook().withLine({ name: "不在名单的公司", content: "平台建设费", category: "平台建设", amount: 8000 }));
    expect(pairs(r, "unknown-recipient")).toEqual(["unknown-recipient@支出明细!B7"]);
  });
  it("names differing by width and spaces still match", () => {
    const r = run(aWorkbook().withLine({ name: "示例服饰 有限公司", content: "宣传", amount: 0.01 }));
    expect(none(r, "unknown-recipient")).toBe(true);
  });
  it("spend-over-disbursed / spend-under-disbursed at the allocation amount cell", () => {
    const r = run(aWorkbook().withLine({ name: "示例服饰有限公司", content: "宣传", category: "推广营销", amount: 5000 }));
    expect(pairs(r, "spend-over-disbursed")).toEqual(["spend-over-disbursed@资金分配!G4"]);
    const f = r.findings.find((x) => x.code === "spend-over-disbursed")!;
    expect([f.amount, f.limit, f.recipient]).toEqual([55000, 50000, "示例服饰有限公司"]);
    const b = aWorkbook();
    b.lines[4].amount = 10000;
    expect(pairs(run(b), "spend-under-disbursed")).toEqual(["spend-under-disbursed@资金分配!G4"]);
  });
  it("no-spending, unless 明细说明 explains", () => {
    const r = run(aWorkbook().withRecipient({ name: "新公司", approved: 10 }));
    expect(pairs(r, "no-spending")).toEqual(["no-spending@资金分配!C5"]);
  });
  it("forbidden-category from keywords (奖金), with the keyword", () => {
    const r = run(aWorkbook().withLine({ name: "示例服饰有限公司", content: "发放员工年终奖金", amount: 5000 }));
    const f = r.findings.find((x) => x.code === "forbidden-category")!;
    expect([f.cell, f.category, f.keyword, f.amount]).toEqual(["支出明细!C7", "人员经费", "奖金", 5000]);
    expect(has(r, "inferred-category", "支出明细!C7")).toBe(true);
  });
  it("a forbidden keyword wins over an allowed one in the same text (促销特价 推广)", () => {
    const r = run(aWorkbook().withLine({ name: "示例服饰有限公司", content: "线上推广促销特价", amount: 1 }));
    expect(r.findings.find((x) => x.code === "forbidden-category")?.keyword).toBe("促销");
  });
  it("typed forbidden category", () => {
    const r = run(aWorkbook().withLine({ name: "示例服饰有限公司", content: "某项", category: "偿还债务", amount: 1 }));
    expect(pairs(r, "forbidden-category")).toEqual(["forbidden-category@支出明细!C7"]);
  });
  it("unknown-category at the 支出类别 cell; unclassified-line at 支出内容", () => {
    const r = run(aWorkbook().withLine({ name: "示例服饰有限公司", content: "某项", category: "杂项", amount: 1 }).withLine({ name: "示例服饰有限公司", content: "其他开支", amount: 1 }));
    expect(pairs(r, "unknown-category")).toEqual(["unknown-category@支出明细!D7"]);
    expect(pairs(r, "unclassified-line")).toEqual(["unclassified-line@支出明细!C8"]);
  });
  it("paid-traffic info for 直通车; forbidden when the policy forbids it", () => {
    const b = aWorkbook().withLine({ name: "示例服饰有限公司", content: "直通车推广", amount: 1 });
    expect(pairs(run(b), "paid-traffic")).toEqual(["paid-traffic@支出明细!C7"]);
    const r = run(b, { paidTraffic: "forbid" });
    expect(r.findings.find((x) => x.code === "forbidden-category")?.category).toBe("购买流量");
  });
  it("category-not-allowed-for-area and category-cap-exceeded from a 支出范围 sheet", () => {
    const b = aWorkbook().withScope([
      ["培训", "是", "人才引进和专业培训", "", "", "", ""],
      ["平台建设", "是", "", "", "50%", "", ""],
    ]);
    b.lines[0].amount = 60000;
    const r = run(b);
    expect(pairs(r, "category-not-allowed-for-area")).toEqual(["category-not-allowed-for-area@支出明细!C5"]);
    expect(pairs(r, "category-cap-exceeded")).toEqual(["category-cap-exceeded@资金分配!F2"]);
  });
  it("duplicate-voucher across recipients and duplicate-line at the later row", () => {
    const b = aWorkbook()
      .withLine({ name: "示例服饰有限公司", content: "x", category: "培训", amount: 1, voucher: "SL-001" })
      .withLine({ name: "示例服饰有限公司", content: "购置电脑", category: "设备购置", amount: 20000, date: d(2022, 12, 5), voucher: "NEW-1" });
    const r = run(b);
    expect(pairs(r, "duplicate-voucher")).toEqual(["duplicate-voucher@支出明细!G7"]);
    expect(pairs(r, "duplicate-line")).toEqual(["duplicate-line@支出明细!C8"]);
  });
});

describe("indicators and scoring", () => {
  it("weights-not-100 at the 分值 header; nonstandard-weights at the first row of the level", () => {
    const b = aWorkbook();
    b.indicators[0][5] = 40;
    const r = run(b);
    expect(pairs(r, "weights-not-100")).toEqual(["weights-not-100@绩效指标!F1"]);
    expect(pairs(r, "nonstandard-weights")).toEqual(["nonstandard-weights@绩效指标!A2"]);
  });
  it("target-not-met and missing-deviation-reason at 实际完成值 / 偏差原因", () => {
    const b = aWorkbook();
    b.indicators[1][4] = "800万元";
    const r = run(b);
    expect(pairs(r, "target-not-met")).toEqual(["target-not-met@绩效指标!E3"]);
    expect(pairs(r, "missing-deviation-reason")).toEqual(["missing-deviation-reason@绩效指标!I3"]);
    expect(r.evaluation.indicators[1].score).toBe(24);
    expect(r.evaluation.total).toBe(94);
  });
  it("overshoot ≥130% needs a reason; a reason silences it", () => {
    const b = aWorkbook();
    b.indicators[1][4] = "1300万元";
    expect(pairs(run(b), "missing-deviation-reason")).toEqual(["missing-deviation-reason@绩效指标!I3"]);
    b.indicators[1][8] = "市场回暖";
    expect(none(run(b), "missing-deviation-reason")).toBe(true);
  });
  it("unparseable-target and missing-actual", () => {
    const b = aWorkbook();
    b.indicators[2][3] = "80个或90%";
    b.indicators[2][4] = "";
    const r = run(b);
    expect(pairs(r, "unparseable-target")).toEqual(["unparseable-target@绩效指标!D4"]);
    expect(pairs(r, "missing-actual")).toEqual(["missing-actual@绩效指标!E4"]);
    expect(none(run(aWorkbook()), "unparseable-target")).toBe(true);
  });
  it("indicator-not-applicable rescales the indicator total", () => {
    const b = aWorkbook();
    b.indicators[2][4] = "不适用";
    const r = run(b);
    expect(pairs(r, "indicator-not-applicable")).toEqual(["indicator-not-applicable@绩效指标!F4"]);
    expect(r.evaluation.total).toBe(100);
  });
  it("actual-mismatch when 数据来源 computes a different value", () => {
    const b = aWorkbook();
    b.indicators[0][4] = "30家";
    const r = run(b);
    expect(pairs(r, "actual-mismatch")).toEqual(["actual-mismatch@绩效指标!E2"]);
    expect(r.evaluation.indicators[0].actual).toBe("3家");
  });
  it("claimed-score-mismatch and missing-execution-reason on 项目信息", () => {
    const r = run(aWorkbook().withInfo("全年预算数", 500000).withInfo("自评得分", 98));
    expect(pairs(r, "missing-execution-reason")).toEqual(["missing-execution-reason@项目信息!B8"]);
    expect(r.evaluation.executionScore).toBe(6);
    expect(pairs(r, "claimed-score-mismatch")).toEqual(["claimed-score-mismatch@项目信息!B12"]);
    expect(r.evaluation.total).toBe(96);
  });
  it("qualitative grades score 100/70/30 % and a typed score in band is kept", () => {
    const b = aWorkbook().withIndicators([
      ["产出指标", "时效指标", "按时完成", "如期完成", "如期完成", 50, "达成"],
      ["效益指标", "社会效益指标", "带动就业", "明显提升", "", 30, "部分达成"],
      ["满意度指标", "服务对象满意度指标", "满意度", "较高", "", 10, "未达成"],
    ]);
    const r = run(b);
    expect(r.evaluation.indicators.map((i) => i.score)).toEqual([50, 21, 3]);
    expect(r.evaluation.grade).toBe("良");
  });
  it("rank targets: 前四名 met by 第4位, missed by 第5位", () => {
    const b = aWorkbook();
    b.indicators[0] = ["产出指标", "质量指标", "全省排名", "前四名", "第4位", 50, "", "", ""];
    expect(run(b).evaluation.indicators[0].score).toBe(50);
    b.indicators[0][4] = "第5位";
    expect(run(b).evaluation.indicators[0].score).toBe(40);
  });
  it("grades by total: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below", () => {
    const b = aWorkbook();
    b.indicators[0][4] = "1家";
    b.indicators[0][7] = "";
    const r = run(b);
    expect(r.evaluation.total).toBeCloseTo(10 + 16.67 + 30 + 10, 2);
    expect(r.evaluation.grade).toBe("中");
  });
});

describe("one pass", () => {
  it("reports every problem, not the first", () => {
    const r = run(aWorkbook()
      .withLine({ name: "不在名单的公司", content: "平台", amount: 1 })
      .withLine({ name: "示例服饰有限公司", content: "促销", amount: "abc" })
      .withLine({ name: "示例服饰有限公司", content: "红包", amount: 5 }));
    const codes = new Set(r.findings.map((f) => f.code));
    for (const c of ["unknown-recipient", "invalid-amount", "forbidden-category", "spend-over-disbursed"] as const) expect(codes.has(c)).toBe(true);
  });
  it("messages in en-US when asked", () => {
    const r = validateWorkbook(aWorkbook().withLine({ name: "X", content: "平台", amount: 1 }).build(), { lang: "en" });
    expect(r.findings.find((f) => f.code === "unknown-recipient")!.message).toMatch(/not on the allocation sheet/);
  });
});
