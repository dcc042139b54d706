// Resolve each spending line's category (typed or by keyword) and its recipient, once.
import { normalizeName } from "./parse/text";
import { Classifier, PAID_TRAFFIC } from "./scope";
import type { LineClass } from "./rules/context";
import type { ScopeCategory, WorkbookModel } from "./types";

export function classifyLines(model: WorkbookModel): LineClass[] {
  const classifier = new Classifier(model.scope);
  const byName = new Map(model.scope.map((c) => [normalizeName(c.name), c]));
  // Typed categories repeat on most lines: normalise each distinct text once.
  const typed = new Map<string, ScopeCategory | null>();
  const recipientIdx = new Map<string, number>();
  model.recipients.forEach((r, i) => {
    if (r.normName && !recipientIdx.has(r.normName)) recipientIdx.set(r.normName, i);
  });
  return model.lines.map((line) => {
    const recipient = recipientIdx.get(line.normName) ?? -1;
    let out: LineClass;
    if (line.category) {
      let category = typed.get(line.category);
      if (category === undefined) {
        category = byName.get(normalizeName(line.category)) ?? null;
        typed.set(line.category, category);
      }
      out = { category, keyword: "", inferred: false, unknownTyped: category === null, trafficKeyword: null, recipient };
    } else {
      const hit = line.content ? classifier.classify(line.content) : null;
      out = { category: hit?.category ?? null, keyword: hit?.keyword ?? "", inferred: hit !== null, unknownTyped: false, trafficKeyword: null, recipient };
    }
    const cat = out.category;
    if (cat && cat.status !== "forbidden" && (cat.name === PAID_TRAFFIC || cat.name === "推广营销")) {
      out.trafficKeyword = cat.name === PAID_TRAFFIC ? cat.name : classifier.paidTraffic(line.content);
    }
    line.resolvedCategory = cat?.name ?? "";
    line.keyword = out.keyword;
    return out;
  });
}
