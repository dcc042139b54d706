// The real `fund-audit` executable: exit codes and stderr as a shell sees them, the demo, and
// `npx --no-install fund-audit` resolving this package's own bin (the conformance check uses it).
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { EXAMPLE, load, ROOT, tempDir } from "./helpers";

const BIN = path.join(ROOT, "bin", "fund-audit.js");
const MAIN = path.join(ROOT, "dist-cli", "cli", "main.js");
const SAMPLES_CHECK = path.join(ROOT, "..", "shared", "samples", "check.js");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

beforeAll(() => {
  // `npm ci` compiles dist-cli (the prepare script); rebuild it when the sources are newer.
  const stale = !fs.existsSync(MAIN) || fs.statSync(MAIN).mtimeMs < Math.max(newestMtime(path.join(ROOT, "src", "cli")), newestMtime(path.join(ROOT, "src", "core")));
  if (stale) execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.cli.json")], { cwd: ROOT, stdio: "inherit" });
}, 120000);

const fundAudit = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

it("validate on the example exits 1 and prints the report on stdout only", () => {
  const r = fundAudit("validate", path.relative(ROOT, EXAMPLE));
  expect(r.status).toBe(1);
  expect(r.stdout).toContain("审核结论");
  expect(r.stdout).toContain("forbidden-category");
  expect(r.stderr).toBe("");
});

it("an unreadable file exits 2 with one Chinese line on stderr and no stack trace", () => {
  const bad = path.join(tempDir(), "报表.xlsx");
  fs.writeFileSync(bad, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  const r = fundAudit("validate", bad, "--format", "json");
  expect(r.status).toBe(2);
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^fund-audit: .*报表\.xlsx.*[\u4e00-\u9fff]/);
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
});

it("a usage error exits 2", () => {
  const r = fundAudit("validate", "--frobnicate");
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("未知选项");
});

it("demo validates the example and writes the filled workbook where asked", async () => {
  const out = path.join(tempDir(), "demo", "yiyang.checked.xlsx");
  const r = fundAudit("demo", "-o", out);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("益阳市促进电子商务产业发展奖励");
  expect(r.stdout).toContain(out);
  const wb = await load(out);
  expect(wb.worksheets.map((w) => w.name).slice(-2)).toEqual(["审核结果", "绩效自评表"]);
});

it("npx --no-install fund-audit resolves this package's bin", () => {
  const r = spawnSync("npx", ["--no-install", "fund-audit", "--version"], { cwd: ROOT, encoding: "utf8" });
  expect(r.stdout).toMatch(/^fund-audit \d+\.\d+\.\d+/);
  expect(r.status).toBe(0);
});

(fs.existsSync(SAMPLES_CHECK) ? it : it.skip)("passes the shared conformance samples", () => {
  const r = spawnSync(process.execPath, [SAMPLES_CHECK], { cwd: ROOT, encoding: "utf8" });
  expect(r.stdout).toMatch(/samples: (\d+)\/\1 expectations met/);
  expect(r.status).toBe(0);
});
