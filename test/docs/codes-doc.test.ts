// docs/codes.md is the user's reference for every finding code: a code without an entry fails here.
import { readFileSync } from "fs";
import { join } from "path";
import { FINDING_CODES, FINDING_SEVERITY } from "../../src/core/findings";

const doc = readFileSync(join(__dirname, "..", "..", "docs", "codes.md"), "utf8");
const sections = doc.split(/^### /m).slice(1);
const SEVERITY_WORD = { error: "错误", warning: "警告", info: "提示" } as const;

describe("docs/codes.md", () => {
  const documented = sections.flatMap((s) => [...s.split("\n")[0].matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]));

  it("has exactly one entry per finding code, and none for codes that do not exist", () => {
    expect([...documented].sort()).toEqual([...FINDING_CODES].sort());
  });

  it("gives each code a stable anchor, docs/codes.md#<code>: its own heading or an explicit id", () => {
    const anchored = (c: string) => doc.includes(`\n### \`${c}\`\n`) || doc.includes(`<a id="${c}"></a>`);
    expect(FINDING_CODES.filter((c) => !anchored(c))).toEqual([]);
  });

  it("gives each entry its meaning, why it matters, how to fix it, an example and the code's severity", () => {
    for (const s of sections) {
      const codes = [...s.split("\n")[0].matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1] as keyof typeof FINDING_SEVERITY);
      for (const field of ["- 级别：", "- 含义：", "- 为什么重要：", "- 怎样修改：", "- 例："]) expect({ codes, has: s.includes(field) }).toEqual({ codes, has: true });
      const line = s.split("\n").find((l) => l.startsWith("- 级别："))!;
      for (const c of codes) expect({ c, line: line.includes(SEVERITY_WORD[FINDING_SEVERITY[c]]) }).toEqual({ c, line: true });
    }
  });
});
