import fc from "fast-check";
import { splitDetail, type DetailItem } from "../../../src/core/parse/detail-split";

const W = 1000000; // fen per 万元
const Y = 100; // fen per 元

const brief = (items: DetailItem[]) => items.map((i) => [i.content, i.fen]);

describe("splitDetail", () => {
  it("replaces a （包括…） parent by its children when they sum to it", () => {
    expect(brief(splitDetail("推广8.5万（包括直通车多多场景6.5万、淘宝客2万）、培训费用1万、网络服务订购5千", "yuan"))).toEqual([
      ["直通车多多场景", 6.5 * W],
      ["淘宝客", 2 * W],
      ["培训费用", 1 * W],
      ["网络服务订购", 5000 * Y],
    ]);
  });

  it("keeps a remainder line when the children fall short", () => {
    expect(brief(splitDetail("推广10万（包括直通车6.5万、淘宝客2万）、培训费用1万", "yuan"))).toEqual([
      ["直通车", 6.5 * W],
      ["淘宝客", 2 * W],
      ["推广（其余）", 1.5 * W],
      ["培训费用", 1 * W],
    ]);
  });

  it("keeps the children when they exceed the parent", () => {
    expect(brief(splitDetail("推广8万（包括直通车6.5万、淘宝客2万）", "yuan"))).toEqual([
      ["直通车", 6.5 * W],
      ["淘宝客", 2 * W],
    ]);
  });

  it("keeps the parent when the sub-list names no amounts", () => {
    expect(brief(splitDetail("推广8万（包括直通车、淘宝客）", "yuan"))).toEqual([["推广", 8 * W]]);
  });

  it.each([
    ["直通车12万、培训费用5万、阿里巴巴实力商家3.5万", [["直通车", 12 * W], ["培训费用", 5 * W], ["阿里巴巴实力商家", 3.5 * W]]],
    [
      "技术服务费156804元、购办公设备15758元、购电脑27965元和购设备40700元",
      [["技术服务费", 156804 * Y], ["购办公设备", 15758 * Y], ["购电脑", 27965 * Y], ["购设备", 40700 * Y]],
    ],
    ["天猫淘抢购活动坑位1万5", [["天猫淘抢购活动坑位", 15000 * Y]]],
    ["用于设备购置8万元", [["设备购置", 8 * W]]],
    ["投入2万元完善叶姿电商平台和投入3万元购买电商平台相关软件和硬件", [["完善叶姿电商平台", 2 * W], ["购买电商平台相关软件和硬件", 3 * W]]],
    ["线上推广（直通车抖音）以及促销特价", [["线上推广（直通车抖音）", null], ["促销特价", null]]],
    ["获批电子商务扶持资金用于推广，包括直通车12万、培训费用5万、阿里巴巴实力商家3.5万", [["直通车", 12 * W], ["培训费用", 5 * W], ["阿里巴巴实力商家", 3.5 * W]]],
    [
      "获批电子商务扶持资金一部分用于推广，包括关键词搜索2万、超级推荐2万、金钻展1万；另一部分用于在湖南农业大学培训5万。",
      [["关键词搜索", 2 * W], ["超级推荐", 2 * W], ["金钻展", 1 * W], ["湖南农业大学培训", 5 * W]],
    ],
    [
      "获批电子商务扶持资金用于推广和培训等，包括：直通车7万，超级推荐2万、 益阳职院2万、天猫抢购活动1万。",
      [["直通车", 7 * W], ["超级推荐", 2 * W], ["益阳职院", 2 * W], ["天猫抢购活动", 1 * W]],
    ],
    [
      "获批电子商务扶持资金用于推广和培训等，包括：直通车9万、超级推荐2万、钻展5千、杭州网川大学3万、天猫淘抢购活动坑位1万5。",
      [["直通车", 9 * W], ["超级推荐", 2 * W], ["钻展", 5000 * Y], ["杭州网川大学", 3 * W], ["天猫淘抢购活动坑位", 15000 * Y]],
    ],
    [
      "获批电子商务扶持资金使用于推广8.5万（包括直通车多多场景6.5万、淘宝客2万）、培训费用1万、网络服务订购5千。",
      [["直通车多多场景", 6.5 * W], ["淘宝客", 2 * W], ["培训费用", 1 * W], ["网络服务订购", 5000 * Y]],
    ],
    ["获批电子商务扶持资金用于线上推广（直通车抖音）以及促销特价。", [["线上推广（直通车抖音）", null], ["促销特价", null]]],
    ["获批电子商务扶持资金用于冷库提质升级20万元。", [["冷库提质升级", 20 * W]]],
    ["湖南好兆头食品有限公司获批的20万元财政扶持资金全部用于网络的维护与运营及电商平台服务费用的支付。", [["网络的维护与运营及电商平台服务费用的支付", 20 * W]]],
    [
      "获批的20万元专项资金主要用于特色休闲食品线上平台的提质改造、硬件设施的添置和电商从业人员的培训等方面",
      [["特色休闲食品线上平台的提质改造", null], ["硬件设施的添置和电商从业人员的培训等方面", null]],
    ],
    ["推广8.5万，其中直通车6.5万、淘宝客2万", [["直通车", 6.5 * W], ["淘宝客", 2 * W]]],
    ["在线推广3万", [["在线推广", 3 * W]]],
    ["推广：直通车5万、抖音2万", [["直通车", 5 * W], ["抖音", 2 * W]]],
    ["推广8万：直通车5万、抖音2万", [["直通车", 5 * W], ["抖音", 2 * W], ["推广（其余）", 1 * W]]],
    ["推广5万；培训2万\n设备1万", [["推广", 5 * W], ["培训", 2 * W], ["设备", 1 * W]]],
    ["直通车¥12,000.00、培训￥5000元", [["直通车", 12000 * Y], ["培训", 5000 * Y]]],
    ["直通车１２万", [["直通车", 12 * W]]],
    ["2021年直通车12万", [["2021年直通车", 12 * W]]],
    ["培训30人次", [["培训30人次", null]]],
  ])("%p", (text, expected) => {
    expect(brief(splitDetail(text, "yuan"))).toEqual(expected);
  });

  it("reads bare numbers in the workbook unit", () => {
    expect(brief(splitDetail("直通车12、培训5", "wan"))).toEqual([
      ["直通车", 12 * W],
      ["培训", 5 * W],
    ]);
    expect(brief(splitDetail("直通车120000、培训费用5万", "yuan"))).toEqual([
      ["直通车", 120000 * Y],
      ["培训费用", 5 * W],
    ]);
  });

  it("gives offsets and raw text from the original", () => {
    const text = "推广8.5万（包括直通车6.5万、淘宝客2万）、培训费用1万";
    const items = splitDetail(text, "yuan");
    expect(items.map((i) => [i.raw, i.start])).toEqual([
      ["直通车6.5万", 9],
      ["淘宝客2万", 17],
      ["培训费用1万", 24],
    ]);
  });

  it("returns nothing for blank text", () => {
    expect(splitDetail("", "yuan")).toEqual([]);
    expect(splitDetail("  、，；", "yuan")).toEqual([]);
  });

  it("never throws, and raw is always the text at start", () => {
    const detailish = fc.string({ unit: fc.constantFrom(..."0123456789.万千元、，；（）()包括其中和及以及另一部分用于推广直通车获批资金 ") });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), detailish), fc.constantFrom<"yuan" | "wan">("yuan", "wan"), (s, unit) => {
        for (const item of splitDetail(s, unit)) {
          expect(s.slice(item.start, item.start + item.raw.length)).toBe(item.raw);
          if (item.fen !== null) expect(Number.isSafeInteger(item.fen)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("lists of priced items split into exactly those items", () => {
    const name = fc.constantFrom("直通车", "培训费用", "淘宝客", "超级推荐", "平台维护费", "购电脑");
    const item = fc.tuple(name, fc.integer({ min: 1, max: 99999 }));
    const sep = fc.constantFrom("、", "，", "；", ",");
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), sep, (items, s) => {
        const text = items.map(([n, yuan]) => `${n}${yuan}元`).join(s);
        expect(brief(splitDetail(text, "wan"))).toEqual(items.map(([n, yuan]) => [n, yuan * Y]));
      }),
    );
  });

  it("a sub-list never changes the total when it sums to its parent", () => {
    const amounts = fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(amounts, (parts) => {
        const total = parts.reduce((a, b) => a + b, 0);
        const text = `推广${total}元（包括${parts.map((p, i) => `项目${"甲乙丙丁戊"[i]}${p}元`).join("、")}）、培训1万`;
        const items = splitDetail(text, "yuan");
        expect(items.reduce((s, i) => s + (i.fen ?? 0), 0)).toBe((total + 10000) * Y);
        expect(items).toHaveLength(parts.length + 1);
      }),
    );
  });

  it("is fast on long text", () => {
    const t = Date.now();
    splitDetail("直通车12万、".repeat(400), "yuan");
    splitDetail("（".repeat(3000), "yuan");
    splitDetail("和1万".repeat(1000), "yuan");
    expect(Date.now() - t).toBeLessThan(2000);
  });
});
