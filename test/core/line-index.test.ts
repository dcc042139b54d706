// The duplicate checks' hash table: equal items are found whatever the hashes do, others never are.
import fc from "fast-check";
import { LineIndex } from "../../src/core/perf/line-index";

/** firstOrAdd over items in order, with a hash the test chooses: the first equal item before each. */
function firsts(items: string[], hash: (s: string) => number, tagged?: boolean): number[] {
  const index = new LineIndex(items.length, tagged);
  return items.map((s, i) => index.firstOrAdd(hash(s), i, (a, b) => items[a] === items[b]));
}

/** The same answer by brute force. */
const expected = (items: string[]): number[] => items.map((s, i) => { const j = items.indexOf(s); return j < i ? j : -1; });

describe("LineIndex", () => {
  const hashes: [string, (s: string) => number][] = [
    ["a good hash", (s) => [...s].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), -2128831035)],
    ["every item colliding", () => 12345],
    ["same slot, different tags", (s) => (s.length << 21) | 7],
    ["negative hashes (tag bit 31)", (s) => -1 - s.length],
  ];
  for (const [name, hash] of hashes) {
    for (const tagged of [true, false]) {
      it(`finds the first equal item with ${name}${tagged ? "" : ", untagged"}`, () => {
        fc.assert(fc.property(fc.array(fc.constantFrom("a", "b", "cc", "ddd", "a1", "PZ-1", "PZ-2", ""), { maxLength: 60 }), (items) => {
          expect(firsts(items, hash, tagged)).toEqual(expected(items));
        }), { numRuns: 200 });
      });
    }
  }
});
