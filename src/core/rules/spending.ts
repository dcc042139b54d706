// Spending lines: recipients, totals against disbursement, scope, caps and duplicates.
import { normalizeName } from "../parse/text";
import { hashName, hashText, LineIndex, lineHash } from "../perf/line-index";
import { PAID_TRAFFIC } from "../scope";
import type { Recipient } from "../types";
import { isoDate } from "./allocation";
import { lineCell, type Rule } from "./context";

/** Where a recipient's money is checked: 拨付金额 when given, else 批复金额. */
function limitOf(r: Recipient): { fen: number | null; field: "拨付金额" | "批复金额"; cell: Recipient["cells"]["approved"] } {
  if (r.disbursedFen !== null) return { fen: r.disbursedFen, field: "拨付金额", cell: r.cells.disbursed };
  return { fen: r.approvedFen, field: "批复金额", cell: r.cells.approved };
}

export const recipientTotals: Rule = {
  name: "spending vs disbursement",
  codes: ["unknown-recipient", "spend-over-disbursed", "spend-under-disbursed", "no-spending", "unpriced-detail"],
  check({ model, classes, emit }) {
    const sums = new Array<number>(model.recipients.length).fill(0);
    const counts = new Array<number>(model.recipients.length).fill(0);
    const withAmount = new Array<number>(model.recipients.length).fill(0);
    const unreadable = new Array<boolean>(model.recipients.length).fill(false);
    // Lines split from 明细说明 (only for recipients with none on the spending sheet).
    const fromDetail = new Array<boolean>(model.recipients.length).fill(false);
    // A name that cannot be read (an error value, or blank: reported at its cell) hides whose row it
    // is: an allocation row without a name may be the one an unmatched line names, and a line without
    // one may be the spending a recipient seems to lack. One finding at that cell, no cascade.
    const namelessRecipient = model.recipients.some((r) => !r.normName);
    let namelessFen = 0;
    model.lines.forEach((l, i) => {
      const ri = classes.recipient[i];
      if (ri < 0) {
        if (!l.recipientName) namelessFen += l.amountFen === null || l.amountUnreadable ? Infinity : l.amountFen;
        // Without an allocation sheet every name would be unknown: sheet-missing says it once.
        else if (model.sheets.allocation && !namelessRecipient) emit("unknown-recipient", lineCell(l, "name"), { recipient: l.recipientName });
        return;
      }
      counts[ri]++;
      if (l.source === "detail") fromDetail[ri] = true;
      if (l.amountUnreadable) unreadable[ri] = true;
      if (l.amountFen !== null) {
        sums[ri] += l.amountFen;
        withAmount[ri]++;
      }
    });
    // A project list gives one recipient a row per project; its lines (matched to its first row)
    // are checked against the money of all its rows together, at the first.
    const later = new Set<number>();
    const extra = new Map<number, { limit: number | null; money: number }>();
    const firstRow = new Map<string, number>();
    model.recipients.forEach((r, i) => {
      if (!r.project || !r.normName) return;
      const first = firstRow.get(r.normName);
      if (first === undefined) return void firstRow.set(r.normName, i);
      later.add(i);
      const acc = extra.get(first) ?? { limit: 0, money: 0 };
      const l = limitOf(r).fen;
      extra.set(first, { limit: acc.limit === null || l === null ? null : acc.limit + l, money: acc.money + Math.max(r.approvedFen ?? 0, r.disbursedFen ?? 0) });
    });
    model.recipients.forEach((r, i) => {
      if (later.has(i)) return;
      const more = extra.get(i);
      const own = limitOf(r);
      const lim = more ? { ...own, fen: own.fen === null || more.limit === null ? null : own.fen + more.limit } : own;
      const money = Math.max(r.approvedFen ?? 0, r.disbursedFen ?? 0) + (more?.money ?? 0);
      // 明细说明 that explains the money in words only (or splits into nothing): not itemised.
      if ((counts[i] === 0 && r.detailText) || (withAmount[i] === 0 && fromDetail[i])) {
        if (money > 0 && r.cells.detail) emit("unpriced-detail", r.cells.detail, { recipient: r.name, amountFen: money });
        return;
      }
      if (counts[i] === 0) {
        if (money > 0 && namelessFen === 0) emit("no-spending", r.cells.name, { recipient: r.name, limitFen: money });
        return;
      }
      if (withAmount[i] === 0 || lim.fen === null) return;
      if (sums[i] > lim.fen) emit("spend-over-disbursed", lim.cell, { recipient: r.name, amountFen: sums[i], limitFen: lim.fen, field: lim.field });
      // A line whose amount cannot be read may hold the difference: only its own cell is reported.
      else if (lim.fen - sums[i] > namelessFen && !unreadable[i]) emit("spend-under-disbursed", lim.cell, { recipient: r.name, amountFen: sums[i], limitFen: lim.fen, field: lim.field });
    });
  },
};

export const scope: Rule = {
  name: "spending scope",
  codes: ["forbidden-category", "category-not-allowed-for-area", "unknown-category", "unclassified-line", "inferred-category", "paid-traffic"],
  check({ model, classes, emit }) {
    const trafficCat = model.scope.find((c) => c.name === PAID_TRAFFIC);
    // Each finding asks lineCell for its position: one is built only for lines that yield a finding.
    model.lines.forEach((l, i) => {
      const recipient = l.recipientName;
      const raw = l.content;
      const amountFen = l.amountFen ?? undefined;
      if (classes.unknownTyped[i]) {
        emit("unknown-category", lineCell(l, "category"), { recipient, raw: l.category, amountFen });
        return;
      }
      const cat = classes.category[i];
      if (!cat) {
        if (raw) emit("unclassified-line", lineCell(l, "content"), { recipient, raw, amountFen });
        return;
      }
      if (classes.inferred[i]) emit("inferred-category", lineCell(l, "content"), { recipient, raw, amountFen, category: cat.name, keyword: classes.keyword[i] });
      if (cat.status === "forbidden") {
        emit("forbidden-category", lineCell(l, "content"), { recipient, raw, amountFen, category: cat.name, keyword: classes.keyword[i] || undefined });
        return;
      }
      const ri = classes.recipient[i];
      if (cat.areas.length > 0 && ri >= 0) {
        const area = model.recipients[ri].area;
        if (!cat.areas.some((a) => normalizeName(a) === normalizeName(area))) {
          emit("category-not-allowed-for-area", lineCell(l, "content"), { recipient, raw, amountFen, category: cat.name, actual: area });
        }
      }
      const trafficKeyword = classes.trafficKeyword[i];
      if (trafficKeyword) {
        if (trafficCat?.status === "forbidden") emit("forbidden-category", lineCell(l, "content"), { recipient, raw, amountFen, category: PAID_TRAFFIC, keyword: trafficKeyword });
        else emit("paid-traffic", lineCell(l, "content"), { recipient, raw, amountFen, category: cat.name, keyword: trafficKeyword });
      }
    });
  },
};

export const categoryCaps: Rule = {
  name: "category caps",
  codes: ["category-cap-exceeded"],
  check({ model, classes, emit }) {
    const capped = model.scope.filter((c) => c.capPercent !== null || c.capFen !== null);
    if (capped.length === 0) return;
    const sums = new Map<string, number>();
    model.lines.forEach((l, i) => {
      const ri = classes.recipient[i];
      const cat = classes.category[i];
      if (ri < 0 || !cat || l.amountFen === null) return;
      const key = `${ri}|${cat.name}`;
      sums.set(key, (sums.get(key) ?? 0) + l.amountFen);
    });
    for (const [key, sum] of sums) {
      const [ri, name] = [Number(key.slice(0, key.indexOf("|"))), key.slice(key.indexOf("|") + 1)];
      const cat = capped.find((c) => c.name === name);
      if (!cat) continue;
      const r = model.recipients[ri];
      const limits: { fen: number; percent?: number }[] = [];
      if (cat.capPercent !== null && r.approvedFen !== null) limits.push({ fen: Math.round((r.approvedFen * cat.capPercent) / 100), percent: cat.capPercent });
      if (cat.capFen !== null) limits.push({ fen: cat.capFen });
      const lowest = limits.sort((a, b) => a.fen - b.fen)[0];
      if (lowest && sum > lowest.fen) {
        emit("category-cap-exceeded", r.cells.approved, { recipient: r.name, category: cat.name, amountFen: sum, limitFen: lowest.fen, percent: lowest.percent });
      }
    }
  },
};

export const duplicates: Rule = {
  name: "duplicate vouchers and lines",
  codes: ["duplicate-voucher", "duplicate-line"],
  check({ model, emit }) {
    const ls = model.lines;
    // First line per voucher, and identical lines: hashed, verified on a hit.
    const vouchers = new LineIndex(ls.length);
    const identical = new LineIndex(ls.length);
    // Line vouchers are trimmed cell text already.
    const sameVoucher = (a: number, b: number): boolean => ls[a].voucher === ls[b].voucher;
    const sameLine = (i: number, j: number): boolean => {
      const a = ls[i];
      const b = ls[j];
      return a.normName === b.normName && a.content === b.content && a.amountFen === b.amountFen && (a.date?.getTime() ?? null) === (b.date?.getTime() ?? null);
    };
    // A recipient's lines usually come together: its name is hashed once per run of lines.
    let lastName = "";
    let nameHash = hashName(lastName);
    ls.forEach((l, i) => {
      if (l.source !== "sheet") return;
      const v = l.voucher;
      if (v) {
        const first = vouchers.firstOrAdd(hashText(v), i, sameVoucher);
        if (first >= 0 && (ls[first].normName !== l.normName || ls[first].amountFen !== l.amountFen)) {
          emit("duplicate-voucher", lineCell(l, "voucher"), { recipient: l.recipientName, raw: l.voucher, otherRow: ls[first].row + 1 });
        }
      }
      if (l.normName !== lastName) {
        lastName = l.normName;
        nameHash = hashName(lastName);
      }
      const twin = identical.firstOrAdd(lineHash(nameHash, l.content, l.amountFen, l.date), i, sameLine);
      if (twin >= 0) emit("duplicate-line", lineCell(l, "content"), { recipient: l.recipientName, raw: l.content, otherRow: ls[twin].row + 1 });
    });
  },
};

export const spendingDates: Rule = {
  name: "spending dates in the fund year",
  codes: ["date-outside-year"],
  check({ model, emit }) {
    const year = model.project.year;
    if (year === null) return;
    // The year's bounds once, then a time comparison per line instead of getUTCFullYear().
    const start = new Date(0).setUTCFullYear(year, 0, 1);
    const end = new Date(0).setUTCFullYear(year + 1, 0, 1);
    for (const l of model.lines) {
      if (!l.date) continue;
      const t = l.date.getTime();
      if (t < start || t >= end) emit("date-outside-year", lineCell(l, "date"), { recipient: l.recipientName, actual: isoDate(l.date), expected: year });
    }
  },
};
