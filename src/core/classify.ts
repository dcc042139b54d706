// Resolve each spending line's category (typed or by keyword) and its recipient, once.
import { normalizeName } from "./parse/text";
import { Classifier, PAID_TRAFFIC } from "./scope";
import type { LineClasses } from "./rules/context";
import type { ScopeCategory, WorkbookModel } from "./types";

export function classifyLines(model: WorkbookModel): LineClasses {
  const classifier = new Classifier(model.scope);
  const byName = new Map(model.scope.map((c) => [normalizeName(c.name), c]));
  // Typed categories repeat on most lines: normalise each distinct text once.
  const typed = new Map<string, ScopeCategory | null>();
  const recipientIdx = new Map<string, number>();
  model.recipients.forEach((r, i) => {
    if (r.normName && !recipientIdx.has(r.normName)) recipientIdx.set(r.normName, i);
  });
  const n = model.lines.length;
  // Sized once: pushing 100k entries would regrow (and copy) each array ~20 times.
  const out: LineClasses = {
    category: new Array<ScopeCategory | null>(n).fill(null),
    keyword: new Array<string>(n).fill(""),
    inferred: new Uint8Array(n),
    unknownTyped: new Uint8Array(n),
    trafficKeyword: new Array<string | null>(n).fill(null),
    recipient: new Int32Array(n),
  };
  // A recipient's lines usually come together: the previous line's recipient first, then the map.
  let lastName: string | null = null;
  let lastRecipient = -1;
  model.lines.forEach((line, i) => {
    if (line.normName !== lastName) {
      lastName = line.normName;
      lastRecipient = recipientIdx.get(lastName) ?? -1;
    }
    let category: ScopeCategory | null = null;
    let keyword = "";
    let inferred = false;
    if (line.category) {
      const known = typed.get(line.category);
      if (known === undefined) {
        category = byName.get(normalizeName(line.category)) ?? null;
        typed.set(line.category, category);
      } else {
        category = known;
      }
    } else if (line.content) {
      const hit = classifier.classify(line.content);
      if (hit) {
        category = hit.category;
        keyword = hit.keyword;
        inferred = true;
      }
    }
    let trafficKeyword: string | null = null;
    if (category && category.status !== "forbidden" && (category.name === PAID_TRAFFIC || category.name === "推广营销")) {
      trafficKeyword = category.name === PAID_TRAFFIC ? category.name : classifier.paidTraffic(line.content);
    }
    out.category[i] = category;
    out.keyword[i] = keyword;
    out.inferred[i] = inferred ? 1 : 0;
    out.unknownTyped[i] = line.category !== "" && category === null ? 1 : 0;
    out.trafficKeyword[i] = trafficKeyword;
    out.recipient[i] = lastRecipient;
    line.resolvedCategory = category?.name ?? "";
    line.keyword = keyword;
  });
  return out;
}
