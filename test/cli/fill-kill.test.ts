// `fill --in-place` killed at random points: the file is always the old workbook or the new one,
// never a broken one; SIGTERM leaves no temp file behind. Runs the compiled CLI (dist-cli).
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { readXlsxFile } from "../../src/cli/xlsx";
import { fixture, ROOT, tempDir } from "./helpers";

const BIN = path.join(ROOT, "bin", "fund-audit.js");
const MAIN = path.join(ROOT, "dist-cli", "cli", "fill.js");

beforeAll(() => {
  const newest = (dir: string): number => Math.max(0, ...fs.readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs)));
  if (!fs.existsSync(MAIN) || fs.statSync(MAIN).mtimeMs < newest(path.join(ROOT, "src", "cli"))) {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.cli.json")], { cwd: ROOT });
  }
}, 120000);

/** Runs fill --in-place on `file` and sends `signal` after `ms` (or lets it finish when ms is Infinity). */
function run(file: string, ms: number, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, "fill", file, "--in-place"], { stdio: "ignore" });
    const timer = Number.isFinite(ms) ? setTimeout(() => child.kill(signal), ms) : undefined;
    child.on("exit", () => {
      if (timer) clearTimeout(timer);
      resolve();
    });
  });
}

async function isFilled(file: string): Promise<boolean> {
  const grids = await readXlsxFile(file);
  return grids.sheets.some((s) => s.name === "绩效自评表");
}

it("SIGKILL at twenty random points leaves the old or the new workbook", async () => {
  const dir = tempDir();
  const file = path.join(dir, "in.xlsx");
  fs.copyFileSync(fixture("error.forbidden-category"), file);
  const started = Date.now();
  await run(file, Infinity, "SIGKILL");
  const full = Date.now() - started;
  expect(await isFilled(file)).toBe(true);
  const outcomes = { old: 0, replaced: 0 };
  for (let i = 0; i < 20; i++) {
    const before = fs.readFileSync(file);
    const mtime = fs.statSync(file).mtimeMs;
    await run(file, Math.random() * full * 1.2, "SIGKILL");
    const after = fs.readFileSync(file);
    // Always a whole workbook: the old bytes, or a new one that reads and holds the form.
    if (after.equals(before) && fs.statSync(file).mtimeMs === mtime) outcomes.old++;
    else {
      expect(await isFilled(file)).toBe(true);
      outcomes.replaced++;
    }
  }
  expect(outcomes.old + outcomes.replaced).toBe(20);
}, 180000);

it("SIGTERM removes the temp file", async () => {
  const dir = tempDir();
  const file = path.join(dir, "in.xlsx");
  fs.copyFileSync(fixture("error.forbidden-category"), file);
  for (let i = 0; i < 5; i++) {
    await run(file, 200 + Math.random() * 600, "SIGTERM");
    expect(fs.readdirSync(dir)).toEqual(["in.xlsx"]);
  }
}, 120000);
