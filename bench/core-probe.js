"use strict";
// node bench/core-probe.js read|core <file.xlsx> <runs> — one measurement in a fresh process, so
// the bench's own garbage (earlier reads, other peers) is not collected inside the timed runs.
//   read: readXlsxBufferAsync (the CLI's path) <runs> times.
//   core: one untimed read, then validateWorkbook once cold and <runs> times warm, back to back
//         (as the add-in validates again after an edit), each run's result dropped before the next.
//   core-no-seq: the same with the first column (序号) of 资金分配 and 支出明细 removed, so every row
//         starts with text: the row filters (totals, footers, repeated headers) then look at names.
// Prints one JSON line: { ms: [...], coldMs? }.
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const [mode, file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg) || 5;
const { readXlsxBufferAsync } = require(path.join(ROOT, "dist-cli", "cli", "xlsx"));
const core = require(path.join(ROOT, "dist-cli", "core"));

const since = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

async function main() {
  const buf = fs.readFileSync(file);
  if (mode === "read") {
    const ms = [];
    for (let i = 0; i < runs; i++) {
      const t0 = process.hrtime.bigint();
      await readXlsxBufferAsync(buf);
      ms.push(since(t0));
    }
    return { ms };
  }
  if (mode !== "core" && mode !== "core-no-seq") throw new Error(`unknown mode ${mode}`);
  const grids = await readXlsxBufferAsync(buf);
  if (mode === "core-no-seq") {
    for (const s of grids.sheets) if (s.name === "资金分配" || s.name === "支出明细") s.rows = s.rows.map((r) => r.slice(1));
  }
  let t0 = process.hrtime.bigint();
  let result = core.validateWorkbook(grids, { lang: "zh" });
  const coldMs = since(t0);
  const findings = result.findings.length;
  const ms = [];
  for (let i = 0; i < runs; i++) {
    result = null;
    t0 = process.hrtime.bigint();
    result = core.validateWorkbook(grids, { lang: "zh" });
    ms.push(since(t0));
  }
  return { coldMs, ms, findings };
}

main().then(
  (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
  (e) => {
    process.stderr.write(`${e.stack || e}\n`);
    process.exit(1);
  },
);
