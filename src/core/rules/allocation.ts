// Recipients on the allocation sheet: duplicates, areas, districts, disbursement vs approval.
import { normalizeName } from "../parse/text";
import type { Rule } from "./context";

export const duplicateRecipients: Rule = {
  name: "duplicate recipients",
  codes: ["duplicate-recipient"],
  check({ model, emit }) {
    const byName = new Map<string, number>();
    const byCode = new Map<string, number>();
    for (const r of model.recipients) {
      // Codes are usually typed clean (digits and capitals): then there is nothing to normalise.
      const code = /^[0-9A-Z]*$/.test(r.creditCode) ? r.creditCode : r.creditCode.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
      // A project list: a village with two projects has two rows, one per (recipient, project).
      const key = r.normName && r.project ? `${r.normName}\u0000${normalizeName(r.project)}` : r.normName;
      const firstByName = key ? byName.get(key) : undefined;
      const firstByCode = code ? byCode.get(code) : undefined;
      if (firstByName !== undefined) {
        emit("duplicate-recipient", r.cells.name, { recipient: r.name, otherRow: firstByName + 1, field: r.project ? "单位名称和项目名称" : "单位名称" });
      } else if (firstByCode !== undefined) {
        emit("duplicate-recipient", r.cells.creditCode, { recipient: r.name, otherRow: firstByCode + 1, field: "统一社会信用代码", raw: r.creditCode });
      }
      if (key && firstByName === undefined) byName.set(key, r.row);
      if (code && firstByCode === undefined) byCode.set(code, r.row);
    }
  },
};

export const supportAreaAndDistrict: Rule = {
  name: "support area and district",
  codes: ["unknown-support-area", "ineligible-district"],
  check({ model, emit }) {
    const areas = new Set(model.project.supportAreas.map(normalizeName));
    const districts = model.project.districts.map(normalizeName);
    for (const r of model.recipients) {
      if (r.area && !areas.has(normalizeName(r.area))) {
        emit("unknown-support-area", r.cells.area, { recipient: r.name, actual: r.area, list: model.project.supportAreas.join("、") });
      }
      const d = normalizeName(r.district);
      // 高新区 and 益阳高新区 name the same district: one containing the other is eligible.
      if (d && districts.length > 0 && !districts.some((x) => x === d || x.includes(d) || d.includes(x))) {
        emit("ineligible-district", r.cells.district, { recipient: r.name, actual: r.district, list: model.project.districts.join("、") });
      }
    }
  },
};

export const disbursement: Rule = {
  name: "disbursement vs approval",
  codes: ["disbursed-over-approved", "disbursed-under-approved", "date-outside-year"],
  check({ model, emit }) {
    const year = model.project.year;
    for (const r of model.recipients) {
      if (r.disbursedFen !== null && r.approvedFen !== null) {
        if (r.disbursedFen > r.approvedFen) emit("disbursed-over-approved", r.cells.disbursed, { recipient: r.name, amountFen: r.disbursedFen, limitFen: r.approvedFen });
        else if (r.disbursedFen < r.approvedFen) emit("disbursed-under-approved", r.cells.disbursed, { recipient: r.name, amountFen: r.disbursedFen, limitFen: r.approvedFen });
      }
      if (r.disbursedDate && year !== null) {
        const y = r.disbursedDate.getUTCFullYear();
        const m = r.disbursedDate.getUTCMonth();
        // 拨付 may fall in the first quarter of the next year.
        const ok = y === year || (y === year + 1 && m <= 2);
        if (!ok) emit("date-outside-year", r.cells.disbursedDate, { recipient: r.name, actual: isoDate(r.disbursedDate), expected: year });
      }
    }
  },
};

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
