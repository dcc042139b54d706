// The golden workbooks: each validates to exactly the error findings its builder promises, and
// the committed files are what the builder makes today.
import * as fs from "fs";
import * as path from "path";
import { FIXTURES, buildAll } from "../fixtures/build-fixtures";
import { cli, fixture, FIXTURES_DIR, tempDir } from "./helpers";

interface JsonFinding {
  code: string;
  severity: string;
  cell: string;
}

describe.each(Object.entries(FIXTURES))("%s.xlsx", (name, expected) => {
  it(`exits ${expected.exit} with exactly its error findings`, async () => {
    const { code, stdout, stderr } = await cli(["validate", fixture(name), "--format", "json"]);
    expect(stderr).toBe("");
    const report = JSON.parse(stdout) as { ok: boolean; findings: JsonFinding[] };
    const errors = report.findings.filter((f) => f.severity === "error").map((f) => [f.code, f.cell]);
    expect(errors).toEqual(expected.errors);
    expect(code).toBe(expected.exit);
    expect(report.ok).toBe(expected.exit === 0);
  });
});

it("the committed fixtures are what build-fixtures.js makes", async () => {
  const dir = tempDir();
  await buildAll(dir);
  const built = fs.readdirSync(dir).sort();
  expect(built).toEqual(fs.readdirSync(FIXTURES_DIR).filter((f) => f.endsWith(".xlsx")).sort());
  for (const f of built) expect(`${f}:${fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(FIXTURES_DIR, f)))}`).toBe(`${f}:true`);
});
