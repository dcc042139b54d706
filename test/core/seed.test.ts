// The seed case (../shared/seed/yiyang-2021-self-evaluation-report.txt): 赫山区's itemised lines exactly
// as the report gives them, and the report's own contradictions, each producing its finding.
import { validateWorkbook } from "../../src/core/validate";
import { WorkbookBuilder, type IndicatorRow } from "./builders";

const YIYANG_INDICATORS: IndicatorRow[] = [
  ["产出指标", "数量指标", "支持市本级电商企业", "支持市本级电商企业25家以上", "30家", 10, "", "受助单位数", ""],
  ["产出指标", "质量指标", "全省电商交易额排名", "全省电商交易额排名前四名", "第4位", 15, "", "", ""],
  ["产出指标", "时效指标", "项目完成时间", "12月份前确保项目按时保质完成", "如期完成", 15, "达成", "", ""],
  ["产出指标", "成本指标", "电商运营成本", "电商运营成本低于传统销售成本", "低于传统销售成本", 10, "部分达成", "", "引流费用较高"],
  ["效益指标", "经济效益指标", "全年电商交易额", "全年电商交易额500亿元以上", "600亿元", 10, "", "", ""],
  ["效益指标", "社会效益指标", "帮助解决人员就业", "帮助解决解决人员就业10万人以上", "生产、销售及支撑服务人员10万人以上", 10, "", "", ""],
  ["效益指标", "生态效益指标", "促进农业自然资源合理开发", "促进农业自然资源得到合理的开发", "减少了土地资源的闲置浪费", 5, "达成", "", ""],
  ["效益指标", "可持续影响指标", "促进农业和农村经济持续稳定发展", "促进农业和农村经济持续、稳定发展", "帮助扩大了农产品线上销售渠道", 5, "达成", "", ""],
  ["满意度指标", "服务对象满意度指标", "被扶持企业满意度", "95%以上", "100%", 10, "", "", ""],
];

const HESHAN: { name: string; detail: string; approved: number }[] = [
  { name: "湖南旭荣制衣有限公司", detail: "技术服务费156804元、购办公设备15758元、购电脑27965元和购设备40700元", approved: 241227 },
  { name: "益阳市风帆制衣有限公司", detail: "推广，包括直通车12万、培训费用5万、阿里巴巴实力商家3.5万", approved: 205000 },
  { name: "益阳市赫山区益乐红服装有限公司", detail: "推广8.5万（包括直通车多多场景6.5万、淘宝客2万）、培训费用1万、网络服务订购5千", approved: 100000 },
  { name: "益阳神奇草养生茶业有限公司", detail: "直通车9万、超级推荐2万、钻展5千、杭州网川大学3万、天猫淘抢购活动坑位1万5", approved: 160000 },
  { name: "湖南青松蛋业有限公司", detail: "线上推广（直通车抖音）以及促销特价", approved: 100000 },
];

function seedWorkbook(): WorkbookBuilder {
  const b = new WorkbookBuilder()
    .withInfo("项目名称", "益阳市促进电子商务产业发展奖励").withInfo("主管部门", "益阳市商务局").withInfo("实施单位", "益阳市商务局")
    .withInfo("资金年度", 2021).withInfo("全年预算数", "500万元").withInfo("全年执行数", "382.5万元").withInfo("当年财政拨款", "382.5万元")
    .withInfo("适用区域", "资阳区、赫山区、益阳高新区")
    .withInfo("支持方向", "电商招商、园区发展、农特产品上行、企业做大做强、支撑服务企业、跨境电商、人才引进和专业培训、电子商务生活服务、创先争优、协会发展")
    .withInfo("自评得分", 98)
    .withIndicators(YIYANG_INDICATORS);
  const date = new Date(Date.UTC(2021, 11, 20));
  for (const h of HESHAN) b.withRecipient({ district: "赫山区", name: h.name, area: "企业做大做强", approved: h.approved, date, detail: h.detail });
  const ziyang: [string, number, string][] = [["益阳缺牙齿食品有限公司", 200000, "线上平台提质改造"], ["湖南好兆头食品有限公司", 200000, "电商平台服务费用"], ["资阳区张家塞乡合兴村村民委员会", 100000, "农特产品电商平台宣传推广"]];
  for (const [name, approved, content] of ziyang) {
    b.withRecipient({ district: "资阳区", name, area: "农特产品上行", approved, date });
    b.withLine({ name, content, amount: approved, date });
  }
  // 18 further recipients (高新区 and 赫山区's others) share the rest of 382.5万元.
  let rest = 3825000 - HESHAN.reduce((s, h) => s + h.approved, 0) - 500000;
  for (let i = 0; i < 18; i++) {
    const approved = i === 17 ? rest : 139931;
    rest -= approved;
    const name = `高新区受助企业${i + 1}`;
    b.withRecipient({ district: "益阳高新区", name, area: "企业做大做强", approved, date });
    b.withLine({ name, content: "电子商务平台系统升级", amount: approved, date });
  }
  return b;
}

describe("seed case: 益阳市 2021 电子商务产业发展引导资金", () => {
  const r = validateWorkbook(seedWorkbook().build());
  const linesOf = (name: string): (number | null)[] => r.model.lines.filter((l) => l.recipientName === name).map((l) => l.amountFen);

  it("has 26 recipients and 382.5万元 approved", () => {
    expect(r.summary.recipients).toBe(26);
    expect(r.summary.approved).toBe(3825000);
    expect(r.summary.budget).toBe(5000000);
  });

  it("splits 赫山区's free-text lines to the fen, without double counting 推广8.5万", () => {
    expect(linesOf("湖南旭荣制衣有限公司")).toEqual([15680400, 1575800, 2796500, 4070000]);
    expect(linesOf("益阳市风帆制衣有限公司")).toEqual([12000000, 5000000, 3500000]);
    expect(linesOf("益阳市赫山区益乐红服装有限公司")).toEqual([6500000, 2000000, 1000000, 500000]);
    expect(linesOf("益阳神奇草养生茶业有限公司")).toEqual([9000000, 2000000, 500000, 3000000, 1500000]);
  });

  it("flags 青松蛋业's 促销特价 as forbidden at its 明细说明 cell", () => {
    const f = r.findings.filter((x) => x.code === "forbidden-category");
    expect(f.map((x) => [x.cell, x.recipient, x.category, x.keyword])).toEqual([["资金分配!I6", "湖南青松蛋业有限公司", "促销让利", "促销"]]);
  });

  it("marks 直通车 and 超级推荐 lines as paid traffic (info)", () => {
    const traffic = r.findings.filter((x) => x.code === "paid-traffic").map((x) => x.keyword);
    expect(traffic).toEqual(expect.arrayContaining(["直通车", "超级推荐", "淘宝客", "钻展"]));
  });

  it("computes 7.65 for 执行率 76.5% and asks for the reason", () => {
    expect(r.evaluation.executionRate).toBe(0.765);
    expect(r.evaluation.executionScore).toBe(7.65);
    expect(r.findings.filter((x) => x.code === "missing-execution-reason").map((x) => x.cell)).toEqual(["项目信息!B8"]);
  });

  it("counts 26 recipients against the claimed 30 enterprises", () => {
    const f = r.findings.find((x) => x.code === "actual-mismatch")!;
    expect([f.cell, f.actual, f.expected]).toEqual(["绩效指标!E2", "30家", "26家"]);
  });

  it("scores 94.65 / 优 against the claimed 98", () => {
    expect(r.evaluation.indicators.map((i) => i.score)).toEqual([10, 15, 15, 7, 10, 10, 5, 5, 10]);
    expect(r.evaluation.total).toBe(94.65);
    expect(r.evaluation.grade).toBe("优");
    const f = r.findings.find((x) => x.code === "claimed-score-mismatch")!;
    expect([f.cell, f.actual, f.expected]).toEqual(["项目信息!B12", 98, 94.65]);
  });

  it("has no other error than its 当年财政拨款 short of the budget (382.5 of 500 万元) and the forbidden line", () => {
    expect(r.findings.filter((x) => x.severity === "error").map((x) => x.code)).toEqual(["form-funding-sum-mismatch", "forbidden-category"]);
    const f = r.findings.find((x) => x.code === "form-funding-sum-mismatch")!;
    expect([f.cell, f.actual, f.expected]).toEqual(["项目信息!B7", 5000000, 3825000]);
  });
});
