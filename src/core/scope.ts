// The scope table: which spending categories a fund may pay for, and keyword classification.
import { normalizeName, squash } from "./parse/text";
import { ecommerceScope, profileNamed, profileScope, SCOPE_PROFILES, type ScopeProfile } from "./scope-profiles";
import type { ScopeCategory } from "./types";

/** SPEC §1 defaults: the 电商 profile. */
export const defaultScope = ecommerceScope;

export const PAID_TRAFFIC = "购买流量";

/** SPEC §10: these classify only when no other keyword is in the text. */
export const WEAK_KEYWORDS: ReadonlySet<string> = new Set(["平台", "系统", "升级", "服务", "维护", "相关", "电商"]);

export interface KeywordHit {
  category: ScopeCategory;
  /** The keyword, or the 经济分类 code, that matched. */
  keyword: string;
}

interface Entry {
  keyword: string;
  category: ScopeCategory;
  /** strong > weak, then longer, then forbidden: one number, compared once per match. */
  rank: number;
}

function rankOf(keyword: string, forbidden: boolean): number {
  return (WEAK_KEYWORDS.has(keyword) ? 0 : 1 << 20) + keyword.length * 2 + (forbidden ? 1 : 0);
}

/** "[30201]办公费", "【30201】", "30201 办公费", "30201-办公费": the leading digits, else null. */
const CODE_PREFIX = /^[[(【〔]?(\d{3,9})(?![\d年月日号.%])/u;

/**
 * Keyword classifier compiled once per scope table: keywords are indexed by their first
 * character so a line is scanned once, whatever the number of keywords.
 */
export class Classifier {
  private readonly byFirst = new Map<string, Entry[]>();
  private readonly trafficByFirst = new Map<string, string[]>();
  private readonly byCode = new Map<string, ScopeCategory>();
  private readonly cache = new Map<string, KeywordHit | null>();

  constructor(scope: ScopeCategory[]) {
    for (const c of scope) {
      const isTraffic = c.name === PAID_TRAFFIC;
      for (const code of c.codes ?? []) if (!this.byCode.has(code)) this.byCode.set(code, c);
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
        list.push({ keyword, category: c, rank: rankOf(keyword, c.status === "forbidden") });
        this.byFirst.set(first, list);
      }
    }
    for (const list of this.trafficByFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /**
   * A leading 经济分类 code decides; else a strong keyword beats a weak one, then the longest,
   * then forbidden beats allowed, then the earliest in the text.
   */
  classify(text: string): KeywordHit | null {
    const cached = this.cache.get(text);
    if (cached !== undefined) return cached;
    // The 经济分类 code is read before normalizeName drops a code in front of a name.
    const t = normalizeName(text);
    const hit = this.byCode.size > 0 ? this.byCodePrefix(squash(text)) ?? this.byKeyword(t) : this.byKeyword(t);
    if (this.cache.size < 100000) this.cache.set(text, hit);
    return hit;
  }

  private byCodePrefix(t: string): KeywordHit | null {
    const m = CODE_PREFIX.exec(t);
    if (!m) return null;
    // 3020101 (a province's sub-item) falls back to 30201, then to its class 302.
    for (const len of [m[1].length, 5, 3]) {
      const category = len <= m[1].length ? this.byCode.get(m[1].slice(0, len)) : undefined;
      if (category) return { category, keyword: m[1].slice(0, len) };
    }
    return null;
  }

  private byKeyword(t: string): KeywordHit | null {
    let best: Entry | null = null;
    for (let i = 0; i < t.length; i++) {
      const list = this.byFirst.get(t[i]);
      if (!list) continue;
      for (const e of list) {
        // Strictly better only: of equals the earliest stays.
        if ((!best || e.rank > best.rank) && t.startsWith(e.keyword, i)) best = e;
      }
    }
    return best ? { category: best.category, keyword: best.keyword } : null;
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

/** What the profile choice needs of a spending line. */
export interface ScopeSample {
  content: string;
  category: string;
}

/** Lines looked at to choose a profile: enough to tell a 经济分类 table from an e-commerce one. */
const SAMPLE_LINES = 2000;

/**
 * The built-in profile: the one named (config first, then 项目信息 支出范围模板), else the one under
 * which more of the first lines classify (typed category known, or text matched); 电商 on a tie.
 */
export function chooseProfile(configProfile: string | undefined, projectProfile: string | undefined, lines: readonly ScopeSample[]): ScopeProfile {
  const named = profileNamed(configProfile) ?? profileNamed(projectProfile);
  if (named) return named;
  const sample = lines.length > SAMPLE_LINES ? lines.slice(0, SAMPLE_LINES) : lines;
  let best: ScopeProfile = SCOPE_PROFILES[0];
  let bestCount = -1;
  for (const profile of SCOPE_PROFILES) {
    const scope = profileScope(profile);
    const names = new Set(scope.map((c) => normalizeName(c.name)));
    const classifier = new Classifier(scope);
    let count = 0;
    for (const l of sample) {
      if (l.category ? names.has(normalizeName(l.category)) : l.content !== "" && classifier.classify(l.content) !== null) count++;
    }
    if (count > bestCount) [best, bestCount] = [profile, count];
  }
  return best;
}
