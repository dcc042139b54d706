// The scope table: which spending categories a fund may pay for, and keyword classification.
import { normalizeName } from "./parse/text";
import type { ScopeCategory } from "./types";

const cat = (name: string, status: ScopeCategory["status"], keywords: string[]): ScopeCategory => ({
  name, status, areas: [], keywords, capPercent: null, capFen: null, note: "", builtIn: true,
});

/** SPEC §1 defaults (extend, never shrink). */
export function defaultScope(): ScopeCategory[] {
  return [
    cat("平台建设", "allowed", ["平台", "网站", "系统开发", "商城", "小程序", "升级", "装修"]),
    cat("推广营销", "allowed", ["推广", "直通车", "超级推荐", "钻展", "淘宝客", "抖音", "直播", "广告", "宣传", "关键词", "活动坑位", "抢购"]),
    cat("培训", "allowed", ["培训", "学习", "考察", "大学", "职院"]),
    cat("人才引进", "allowed", ["人才引进", "人才"]),
    cat("技术服务", "allowed", ["技术服务", "代运营", "运营服务", "网络服务", "软件"]),
    cat("设备购置", "allowed", ["设备", "电脑", "硬件"]),
    cat("冷链物流", "allowed", ["冷库", "冷链", "物流", "仓储"]),
    cat("协会活动", "allowed", ["协会", "会议", "展会"]),
    cat("促销让利", "forbidden", ["促销", "特价", "让利", "返现", "红包"]),
    cat("人员经费", "forbidden", ["工资", "奖金", "福利", "社保", "人员经费"]),
    cat("基本建设", "forbidden", ["基建", "土建", "征地", "拆迁", "楼堂馆所", "装修办公楼"]),
    cat("偿还债务", "forbidden", ["还贷", "还款", "利息"]),
    cat("罚款捐赠", "forbidden", ["罚款", "滞纳金", "捐赠", "赞助"]),
    cat("工作经费", "forbidden", ["提取工作经费", "管理费"]),
    // 购买流量 is flagged on top of the line's category, not used to classify it.
    cat("购买流量", "review", ["购买流量", "直通车", "超级推荐", "钻展", "淘宝客", "多多场景", "关键词搜索", "信息流", "付费推广", "引流"]),
  ];
}

export const PAID_TRAFFIC = "购买流量";

export interface KeywordHit {
  category: ScopeCategory;
  keyword: string;
}

interface Entry {
  keyword: string;
  category: ScopeCategory;
  forbidden: boolean;
}

/**
 * Keyword classifier compiled once per scope table: keywords are indexed by their first
 * character so a line is scanned once, whatever the number of keywords.
 */
export class Classifier {
  private readonly byFirst = new Map<string, Entry[]>();
  private readonly trafficByFirst = new Map<string, string[]>();
  private readonly cache = new Map<string, KeywordHit | null>();

  constructor(scope: ScopeCategory[]) {
    for (const c of scope) {
      const isTraffic = c.name === PAID_TRAFFIC;
      for (const raw of c.keywords) {
        const keyword = normalizeName(raw);
        if (!keyword) continue;
        const first = keyword[0];
        if (isTraffic) {
          const l = this.trafficByFirst.get(first) ?? [];
          l.push(keyword);
          this.trafficByFirst.set(first, l);
          continue;
        }
        const list = this.byFirst.get(first) ?? [];
        list.push({ keyword, category: c, forbidden: c.status === "forbidden" });
        this.byFirst.set(first, list);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.keyword.length - a.keyword.length);
    for (const list of this.trafficByFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** Longest match wins, then the earliest; a forbidden keyword wins over an allowed one. */
  classify(text: string): KeywordHit | null {
    const cached = this.cache.get(text);
    if (cached !== undefined) return cached;
    const t = normalizeName(text);
    let best: Entry | null = null;
    let bestForbidden: Entry | null = null;
    for (let i = 0; i < t.length; i++) {
      const list = this.byFirst.get(t[i]);
      if (!list) continue;
      for (const e of list) {
        if (!t.startsWith(e.keyword, i)) continue;
        if (e.forbidden) {
          if (!bestForbidden || e.keyword.length > bestForbidden.keyword.length) bestForbidden = e;
        } else if (!best || e.keyword.length > best.keyword.length) {
          best = e;
        }
      }
    }
    const pick = bestForbidden ?? best;
    const hit = pick ? { category: pick.category, keyword: pick.keyword } : null;
    if (this.cache.size < 100000) this.cache.set(text, hit);
    return hit;
  }

  /** The paid-traffic keyword in a text, if any. */
  paidTraffic(text: string): string | null {
    const t = normalizeName(text);
    for (let i = 0; i < t.length; i++) {
      const list = this.trafficByFirst.get(t[i]);
      if (!list) continue;
      for (const k of list) if (t.startsWith(k, i)) return k;
    }
    return null;
  }
}
