// SPEC §10: scope profiles, keyword strength, item codes, the profile choice and unpriced-detail.
import { chooseProfile, Classifier, WEAK_KEYWORDS } from "../../src/core/scope";
import { ecommerceScope, economicScope, profileScope } from "../../src/core/scope-profiles";
import { pairs, run, WorkbookBuilder } from "./builders";
import { LABELLED } from "./scope-lines";

const classify = (profile: "电商" | "经济分类", text: string): [string, string] | null => {
  const hit = new Classifier(profileScope(profile)).classify(text);
  return hit ? [hit.category.name, hit.keyword] : null;
};

describe("labelled lines from the seed and public tables", () => {
  it("has at least 60 lines, both profiles", () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(60);
    expect(new Set(LABELLED.map(([p]) => p))).toEqual(new Set(["电商", "经济分类"]));
  });
  it.each(LABELLED)("%s: %s → %s", (profile, text, category) => {
    expect(classify(profile, text)?.[0]).toBe(category);
  });
});

describe("keyword strength", () => {
  it("a weak keyword yields to any strong one, wherever it is", () => {
    expect(classify("电商", "第三方平台推广维护")).toEqual(["推广营销", "推广"]);
    expect(classify("电商", "电商平台宣传推广")).toEqual(["推广营销", "宣传"]);
    expect(classify("电商", "冷库提质升级")).toEqual(["冷链物流", "冷库"]);
  });
  it("weak keywords alone: 平台 and 升级 are 平台建设, the others classify nothing", () => {
    expect(classify("电商", "平台维护")).toEqual(["平台建设", "平台"]);
    expect(classify("电商", "系统升级")).toEqual(["平台建设", "升级"]);
    expect(classify("电商", "相关服务")).toBeNull();
    expect([...WEAK_KEYWORDS].sort()).toEqual(["升级", "相关", "平台", "服务", "电商", "系统", "维护"].sort());
  });
  it("then the longest, then forbidden over allowed, then the earliest", () => {
    expect(classify("电商", "电商人才培训")).toEqual(["培训", "人才培训"]);
    expect(classify("电商", "推广促销")).toEqual(["促销让利", "促销"]);
    expect(classify("电商", "培训推广")).toEqual(["培训", "培训"]);
    expect(classify("电商", "推广培训")).toEqual(["推广营销", "推广"]);
    expect(classify("电商", "直通车返现")).toEqual(["推广营销", "直通车"]);
  });
  it("a user's weak keyword is weak too", () => {
    const scope = [...ecommerceScope(), { name: "运维", status: "allowed" as const, areas: [], keywords: ["服务"], capPercent: null, capFen: null, note: "", builtIn: false }];
    const c = new Classifier(scope);
    expect(c.classify("服务")?.category.name).toBe("运维");
    expect(c.classify("推广服务")?.category.name).toBe("推广营销");
  });
});

describe("经济分类 item codes", () => {
  it("a leading code classifies exactly, whatever the words say", () => {
    expect(classify("经济分类", "[30201]培训教材")).toEqual(["办公费", "30201"]);
    expect(classify("经济分类", "【30215】会议费")).toEqual(["会议费", "30215"]);
    expect(classify("经济分类", "3021601 师资费")).toEqual(["培训费", "30216"]);
    expect(classify("经济分类", "30113 住房公积金")).toEqual(["工资奖金津补贴", "30113"]);
    expect(classify("经济分类", "30105 其他")).toEqual(["工资奖金津补贴", "301"]);
  });
  it("an unknown code, a year or an amount falls back to the keywords", () => {
    expect(classify("经济分类", "30231 公务用车燃料费")).toEqual(["其他交通费用", "燃料费"]);
    expect(classify("经济分类", "2021年培训")).toEqual(["培训费", "培训"]);
    expect(classify("经济分类", "30201")).toEqual(["办公费", "30201"]);
    expect(classify("电商", "30201 办公费")).toBeNull();
  });
  it("every 经济分类 category has its code, every code one category", () => {
    const codes = economicScope().flatMap((c) => c.codes ?? []);
    expect(economicScope().every((c) => (c.codes ?? []).length > 0)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe("choosing the profile", () => {
  const gov = [{ content: "办公费", category: "" }, { content: "差旅费", category: "" }, { content: "直通车", category: "" }];
  it("config first, then 支出范围模板, then the one that classifies more lines", () => {
    expect(chooseProfile(undefined, "", gov)).toBe("经济分类");
    expect(chooseProfile(undefined, "电商", gov)).toBe("电商");
    expect(chooseProfile("经济分类", "电商", [])).toBe("经济分类");
    expect(chooseProfile("auto", "自动", gov)).toBe("经济分类");
    expect(chooseProfile(undefined, undefined, [])).toBe("电商");
  });
  it("typed categories count for the profile that knows them", () => {
    expect(chooseProfile(undefined, "", [{ content: "x", category: "办公费" }])).toBe("经济分类");
    expect(chooseProfile(undefined, "", [{ content: "x", category: "平台建设" }])).toBe("电商");
  });
});

/** A government project table: 经济分类 lines, no categories typed. */
function govTable(): WorkbookBuilder {
  const b = new WorkbookBuilder().withRecipient({ name: "某某县农业农村局", area: "农特产品上行", approved: 60000 });
  for (const [content, amount] of [["办公费", 10000], ["印刷费", 5000], ["劳务费", 15000], ["咨询费", 10000], ["30211 差旅费", 20000]] as const) {
    b.withLine({ name: "某某县农业农村局", content, amount });
  }
  return b;
}

describe("the engine with profiles", () => {
  it("a government spending table classifies every line under 经济分类, each as inferred-category", () => {
    const r = run(govTable());
    expect(pairs(r).filter((p) => /category|unclassified/.test(p))).toEqual(["inferred-category@支出明细!C2", "inferred-category@支出明细!C3", "inferred-category@支出明细!C4", "inferred-category@支出明细!C5", "inferred-category@支出明细!C6"]);
    expect(r.findings.filter((f) => f.code === "inferred-category").map((f) => [f.category, f.keyword])).toEqual([
      ["办公费", "办公费"], ["印刷费", "印刷"], ["劳务费", "劳务"], ["咨询费", "咨询"], ["差旅费", "30211"],
    ]);
  });
  it("支出范围模板 电商 keeps the e-commerce scope: the same lines are unclassified", () => {
    const r = run(govTable().withInfo("支出范围模板", "电商"));
    expect(pairs(r).filter((p) => /category|unclassified/.test(p))).toEqual(["unclassified-line@支出明细!C2", "unclassified-line@支出明细!C3", "unclassified-line@支出明细!C4", "unclassified-line@支出明细!C5", "unclassified-line@支出明细!C6"]);
  });
  it("the config's profile wins over 支出范围模板", () => {
    const r = run(govTable().withInfo("支出范围模板", "电商"), { profile: "经济分类" });
    expect(pairs(r, "unclassified-line")).toEqual([]);
  });
  it("a forbidden 经济分类 item is forbidden-category; the scope sheet may allow it", () => {
    const b = govTable();
    b.lines[0].content = "30217 公务接待费";
    expect(pairs(run(b), "forbidden-category")).toEqual(["forbidden-category@支出明细!C2"]);
    b.withScope([["公务接待费", "是", null, null, null, null, null]]);
    expect(pairs(run(b), "forbidden-category")).toEqual([]);
  });
  it("a typed 经济分类 category is known under that profile", () => {
    const b = govTable();
    b.lines.forEach((l) => (l.category = "办公费"));
    const r = run(b);
    expect(pairs(r).filter((p) => /category|unclassified/.test(p))).toEqual([]);
  });
});

describe("unpriced-detail", () => {
  const seedText = "获批电子商务扶持资金用于线上推广（直通车抖音）以及促销特价。";
  it("明细说明 with words and no amount is unpriced-detail at that cell, and no other money finding", () => {
    const b = new WorkbookBuilder()
      .withRecipient({ name: "湖南青松蛋业有限公司", approved: 138773, detail: seedText })
      .withRecipient({ name: "益阳市风帆制衣有限公司", approved: 205000, detail: "直通车12万、培训费用5万、阿里巴巴实力商家3.5万" })
      .without("支出明细");
    const r = run(b);
    expect(pairs(r, "unpriced-detail")).toEqual(["unpriced-detail@资金分配!I2"]);
    expect(r.findings.find((f) => f.code === "unpriced-detail")?.message).toContain("湖南青松蛋业有限公司");
    expect(r.findings.find((f) => f.code === "unpriced-detail")?.amount).toBe(138773);
    expect(pairs(r).filter((p) => /spend-|no-spending/.test(p))).toEqual([]);
  });
  it("a 明细说明 with some amounts is itemised (the sums are checked instead)", () => {
    const b = new WorkbookBuilder().withRecipient({ name: "甲公司", approved: 100000, detail: "直通车3万、培训等" }).without("支出明细");
    const r = run(b);
    expect(pairs(r, "unpriced-detail")).toEqual([]);
    expect(pairs(r, "spend-under-disbursed")).toEqual(["spend-under-disbursed@资金分配!G2"]);
  });
  it("lines on the spending sheet win over 明细说明: no unpriced-detail", () => {
    const b = new WorkbookBuilder().withRecipient({ name: "甲公司", approved: 30000, detail: seedText }).withLine({ name: "甲公司", content: "直通车", amount: 30000 });
    expect(pairs(run(b), "unpriced-detail")).toEqual([]);
  });
});
