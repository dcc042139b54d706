#!/usr/bin/env node
"use strict";
// `npm run bench [-- --sizes 1000,10000,100000 --runs 3 --no-build]` (issue 7).
// Generates reproducible workbooks into bench/data/ in the shapes real writers produce
// (bench/shapes.js: excel, openpyxl, libreoffice, wps; `--shapes` picks some), then measures in one run:
//   fund-audit CLI `validate --format json` wall time and peak RSS (median of --runs),
//   xlsx read and core-only validateWorkbook time (each in a fresh process: bench/core-probe.js),
//   the pandas peer (bench/peer_pandas.py via /usr/bin/python3) and an exceljs full-load peer,
//   the add-in adapter on the fake Excel host: context.sync() calls and largest request/response,
//   and the CLI refusing the zip bomb of test/fixtures/bad (peak RSS).
//   `validate <folder> --summary` over folders of --batch (30,300) generated workbooks (SPEC §12).
//   The task pane in Chromium at the largest size (bench/pane.js): validate→interactive, longest task, search per key.
// Prints a table and writes bench/results.json (`--batch-only`: only the batch timings, printed;
// `--pane-only`: only the task pane's figures at the largest size; `--startup-only`: only start-up).
// Start-up: `npx fund-audit`, `node bin/fund-audit.js` and a global install's `fund-audit` (npm
// install -g into a temp prefix), each on --version and on a 1k-line validate; ten files in ten
// calls against one call.
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const DATA = path.join(ROOT, "bench", "data");
const PROBE = path.join(ROOT, "bench", "rss-probe.js");
const PYTHON = "/usr/bin/python3";
const GENERATOR_VERSION = 1;
const { SHAPES, shapeWorkbook } = require("../bench/shapes");

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const SIZES = option("sizes", "1000,10000,100000").split(",").map(Number);
const RUNS = Number(option("runs", "3"));
const BUILD = !process.argv.includes("--no-build");
const BATCH = option("batch", "30,300").split(",").map(Number);
const BATCH_ONLY = process.argv.includes("--batch-only");
const PANE_ONLY = process.argv.includes("--pane-only");
const STARTUP_ONLY = process.argv.includes("--startup-only");
const SHAPE_LIST = option("shapes", SHAPES.join(",")).split(",");

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const log = (s) => process.stderr.write(`${s}\n`);

/** Runs a command; returns wall ms, peak RSS (KiB, from the probe or the child's own report), stdout. */
function timed(cmd, args, opts = {}) {
  const rssFile = path.join(os.tmpdir(), `fund-audit-rss-${process.pid}-${Date.now()}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, FUND_AUDIT_RSS_FILE: rssFile }, ...opts });
  const wall = ms(t0);
  let rssKb = null;
  if (fs.existsSync(rssFile)) {
    rssKb = Number(fs.readFileSync(rssFile, "utf8"));
    fs.unlinkSync(rssFile);
  }
  return { wall, rssKb, status: r.status, stdout: r.stdout || "", stderr: r.stderr || "", error: r.error };
}

/** The excel-shape workbook (bench/shapes.js), also the source of the openpyxl and LibreOffice shapes. */
function workbookFor(lines) {
  return shapeWorkbook("excel", lines, DATA);
}

function countFindings(report) {
  const n = (code) => report.findings.filter((f) => f.code === code).length;
  return { overspent: n("spend-over-disbursed"), forbidden: n("forbidden-category"), lines: report.summary.lines, recipients: report.summary.recipients };
}

function benchCli(w) {
  const runs = [];
  let counts = null;
  for (let i = 0; i < RUNS; i++) {
    const r = timed(process.execPath, ["-r", PROBE, "bin/fund-audit.js", "validate", w.file, "--format", "json"]);
    if (r.status !== 1 && r.status !== 0) throw new Error(`fund-audit exited ${r.status}: ${r.stderr}`);
    counts = countFindings(JSON.parse(r.stdout));
    runs.push(r);
  }
  return { ms: median(runs.map((r) => r.wall)), rssMb: median(runs.map((r) => r.rssKb)) / 1024, counts };
}

/**
 * Read (the CLI's path: native zlib) and core-only validation, each in a fresh process
 * (bench/core-probe.js): measured in this process, the garbage of the bench's own earlier reads was
 * collected inside the timed validate runs (+50 ms at 100k lines). Core: median of WARM_RUNS warm
 * runs, plus the first (cold) run.
 */
const WARM_RUNS = 15;

function probe(mode, file, runs) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bench", "core-probe.js"), mode, file, String(runs)], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`core-probe ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function benchCore(w, withNoSeq = true) {
  const read = probe("read", w.file, RUNS);
  const core = probe("core", w.file, Math.max(RUNS, WARM_RUNS));
  // The same rows without the 序号 column: every row then starts with text.
  const noSeq = withNoSeq ? probe("core-no-seq", w.file, Math.max(RUNS, WARM_RUNS)) : { ms: [NaN] };
  // The add-in adapter below replays these grids on the fake host.
  const { readXlsxBufferAsync } = require(path.join(ROOT, "dist-cli", "cli", "xlsx"));
  const grids = await readXlsxBufferAsync(fs.readFileSync(w.file));
  return { readMs: median(read.ms), coreColdMs: core.coldMs, coreMs: median(core.ms), coreMinMs: Math.min(...core.ms), coreRuns: core.ms.length, coreNoSeqMs: median(noSeq.ms), grids };
}

function benchPandas(w) {
  if (!fs.existsSync(PYTHON)) return { skipped: `${PYTHON} not found` };
  const { FORBIDDEN_KEYWORDS } = require("../bench/generate");
  const r = timed(PYTHON, ["-W", "ignore", path.join(ROOT, "bench", "peer_pandas.py"), w.file, FORBIDDEN_KEYWORDS.join(",")]);
  if (r.status !== 0) return { skipped: `peer_pandas.py failed: ${r.stderr.trim().split("\n").pop()}` };
  const out = JSON.parse(r.stdout.trim().split("\n").pop());
  if (out.skipped) return { skipped: out.skipped };
  return { ms: r.wall, rssMb: out.maxRssKb / 1024, counts: { overspent: out.overspent, forbidden: out.forbidden, lines: out.lines, recipients: out.recipients } };
}

function benchExcelJs(w) {
  const script = `const E = require("exceljs"); new E.Workbook().xlsx.readFile(${JSON.stringify(w.file)}).then((wb) => { let n = 0; wb.eachSheet((s) => (n += s.actualRowCount)); process.stdout.write(String(n)); });`;
  const r = timed(process.execPath, ["-r", PROBE, "-e", script]);
  if (r.status !== 0) return { skipped: r.stderr.trim().split("\n").pop() };
  return { ms: r.wall, rssMb: r.rssKb / 1024 };
}

/** Compiles TypeScript on require (for the fake host and the add-in adapter, which live in TS). */
function registerTs() {
  const ts = require("typescript");
  const compile = (module, filename) => {
    const src = fs.readFileSync(filename, "utf8");
    const out = ts.transpileModule(src, { fileName: filename, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, jsx: ts.JsxEmit.React } });
    module._compile(out.outputText, filename);
  };
  require.extensions[".ts"] = compile;
}

function toSeed(grids) {
  const serial = (d) => d.getTime() / 86400000 + 25569;
  return {
    sheets: grids.sheets.map((s) => ({
      name: s.name,
      values: s.rows.map((r) => r.map((v) => (v instanceof Date ? serial(v) : v !== null && typeof v === "object" ? String(v) : v))),
      hiddenRows: s.hiddenRows,
      visibility: s.hidden ? "Hidden" : "Visible",
    })),
  };
}

async function benchAddin(grids) {
  const fake = path.join(ROOT, "test", "fake-office", "index.ts");
  const excel = path.join(ROOT, "src", "excel", "index.ts");
  if (!fs.existsSync(fake) || !fs.existsSync(excel)) return { skipped: "test/fake-office or src/excel not present" };
  try {
    registerTs();
    const { createFakeOffice } = require(fake);
    const { createExcelOps } = require(excel);
    const core = require(path.join(ROOT, "src", "core", "index.ts"));
    const host = createFakeOffice(toSeed(grids));
    const ops = createExcelOps({ Excel: host.Excel, Office: host.Office });
    const t0 = process.hrtime.bigint();
    const read = await ops.readWorkbook();
    const readMs = ms(t0);
    const readSyncs = host.syncCount;
    const maxRequest = host.maxRequestBytes;
    const maxResponse = host.maxResponseBytes;
    const result = core.validateWorkbook(read, { lang: "zh" });
    host.resetCounters();
    const layouts = [core.findingsLayout(result, { workbook: "bench.xlsx", time: new Date(Date.UTC(2022, 0, 1)) }), core.selfEvaluationLayout(result)];
    await ops.writeLayouts(layouts);
    const writeSyncs = host.syncCount;
    const writeMax = Math.max(host.maxRequestBytes, host.maxResponseBytes);
    host.resetCounters();
    await ops.markFindings(result.findings);
    const markSyncs = host.syncCount;
    const markMax = Math.max(host.maxRequestBytes, host.maxResponseBytes);
    return { readSyncs, readMs, maxRequestBytes: maxRequest, maxResponseBytes: maxResponse, writeSyncs, writeMaxBytes: writeMax, markSyncs, markMaxBytes: markMax };
  } catch (e) {
    return { skipped: `adapter bench failed: ${e && e.message ? e.message : e}` };
  }
}

function benchZipBomb() {
  const file = path.join(ROOT, "test", "fixtures", "bad", "unreadable.zip-bomb.xlsx");
  if (!fs.existsSync(file)) return { skipped: "test/fixtures/bad/unreadable.zip-bomb.xlsx missing" };
  const r = timed(process.execPath, ["-r", PROBE, "bin/fund-audit.js", "validate", file]);
  return { ms: r.wall, rssMb: r.rssKb / 1024, exit: r.status, stderr: r.stderr.trim() };
}

/** A folder of `count` workbooks of 200–800 lines each (cached), validated with --summary. */
function benchBatch(count) {
  const { benchWorkbook } = require("../bench/generate");
  const dir = path.join(DATA, `batch-${count}.v${GENERATOR_VERSION}`);
  if (!fs.existsSync(path.join(dir, "done"))) {
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `县${String(i + 1).padStart(3, "0")}.xlsx`), benchWorkbook(200 + ((i * 37) % 601)).bytes);
    fs.writeFileSync(path.join(dir, "done"), "");
  }
  const summary = path.join(os.tmpdir(), `fund-audit-bench-summary-${process.pid}.xlsx`);
  const r = timed(process.execPath, ["-r", PROBE, "bin/fund-audit.js", "validate", dir, "--summary", summary, "--format", "json"]);
  fs.rmSync(summary, { force: true });
  if (r.status !== 0 && r.status !== 1) throw new Error(`validate --summary exited ${r.status}: ${r.stderr}`);
  const files = JSON.parse(r.stdout).length;
  if (files !== count) throw new Error(`validate --summary listed ${files} files, expected ${count}`);
  return { files: count, ms: r.wall, rssMb: r.rssKb / 1024 };
}

const fmt = (v, d = 0) => (v === undefined || v === null ? "—" : typeof v === "number" ? v.toFixed(d) : String(v));
const mb = (b) => (b / 1e6).toFixed(2);

function table(results) {
  const rows = [["shape", "lines", "xlsx KB", "CLI ms", "CLI RSS MB", "read ms", "core ms (cold)", "pandas ms", "pandas RSS MB", "CLI vs pandas", "exceljs load ms", "exceljs RSS MB", "add-in syncs r/w/m", "max req/resp MB"]];
  for (const r of results) {
    const ratio = r.pandas.ms ? `${(r.pandas.ms / r.cli.ms).toFixed(1)}×` : "skipped";
    const a = r.addin;
    rows.push([
      r.shape,
      r.lines.toLocaleString("en-US"),
      fmt(r.bytes / 1024),
      fmt(r.cli.ms),
      fmt(r.cli.rssMb),
      fmt(r.core.readMs),
      `${fmt(r.core.coreMs)} (${fmt(r.core.coreColdMs)})`,
      fmt(r.pandas.ms),
      fmt(r.pandas.rssMb),
      ratio,
      fmt(r.exceljs && r.exceljs.ms),
      fmt(r.exceljs && r.exceljs.rssMb),
      !a || a.skipped ? "—" : `${a.readSyncs}/${a.writeSyncs}/${a.markSyncs}`,
      !a || a.skipped ? "—" : `${mb(Math.max(a.maxRequestBytes, a.writeMaxBytes, a.markMaxBytes))}/${mb(a.maxResponseBytes)}`,
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  return rows.map((r, k) => `| ${r.map((c, i) => c.padStart(widths[i])).join(" | ")} |${k === 0 ? `\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|` : ""}`).join("\n");
}

/** The task pane in Chromium at the largest size (bench/pane.js). */
async function paneFigures(grids) {
  try {
    registerTs();
    return await require(path.join(ROOT, "bench", "pane.js")).benchPane(toSeed(grids), BUILD);
  } catch (e) {
    return { skipped: `pane bench failed: ${e && e.message ? e.message : e}` };
  }
}

/** A longest-task figure: the longtask observer reports only tasks over 50 ms. */
const longestTask = (ms) => (ms > 0 ? `${fmt(ms)} ms` : "none over 50 ms");

function logPane(lines, p) {
  const text = p.skipped
    ? `task pane skipped: ${p.skipped}`
    : `task pane at ${lines.toLocaleString("en-US")} lines (${p.findings}): validate→interactive ${fmt(p.interactiveMs)} ms, longest task ${longestTask(p.longestTaskMs)}, (engine on the pane's thread instead: ${fmt(p.mainThread.interactiveMs)} ms, longest task ${longestTask(p.mainThread.longestTaskMs)}), search ${fmt(p.searchPerKeyMs)} ms per key (median; max ${fmt(p.searchMaxMs)}; keys "${p.query}": ${p.searchKeysMs.map((v) => fmt(v)).join(", ")} ms; load ${p.loadAverage.toFixed(1)}); mark ${fmt(p.mark.ms)} ms (${p.mark.notice.trim()}), longest task ${longestTask(p.mark.longestTaskMs)}, ${p.mark.syncs} syncs, largest request ${mb(p.mark.maxRequestBytes)} MB`;
  process.stdout.write(`${text}\n`);
}

const loadAvg = () => os.loadavg()[0].toFixed(1);

/** Median wall ms of `runs` runs of a command. */
function wallOf(cmd, args, runs) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const r = timed(cmd, args);
    if (r.error || (r.status !== 0 && r.status !== 1)) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.error ? r.error.message : r.stderr}`);
    ms.push(r.wall);
  }
  return median(ms);
}

/**
 * What a user pays before and around the CLI: npx (npm's own start-up), node bin/fund-audit.js and
 * a global install (npm install -g into a temp prefix, the same link `npm link` makes), each on
 * --version and on a 1k-line validate; then ten files in ten calls against one call.
 */
function benchStartup() {
  const runs = Math.max(RUNS, 5);
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "fund-audit-global-"));
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  try {
    const inst = spawnSync(npm, ["install", "-g", "--prefix", prefix, "--no-audit", "--no-fund", "--ignore-scripts", "."], { cwd: ROOT, encoding: "utf8" });
    const globalBin = path.join(prefix, "bin", "fund-audit");
    const haveGlobal = inst.status === 0 && fs.existsSync(globalBin);
    const w = workbookFor(SIZES[0]);
    const ways = [
      ["npx fund-audit", npx, ["fund-audit"]],
      ["node bin/fund-audit.js", process.execPath, ["bin/fund-audit.js"]],
      ...(haveGlobal ? [["fund-audit (npm install -g)", globalBin, []]] : []),
    ];
    const rows = ways.map(([label, cmd, pre]) => ({
      label,
      versionMs: wallOf(cmd, [...pre, "--version"], runs),
      validateMs: wallOf(cmd, [...pre, "validate", w.file, "--format", "json"], runs),
    }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fund-audit-ten-"));
    const files = [];
    for (let i = 0; i < 10; i++) {
      const f = path.join(dir, `县${i + 1}.xlsx`);
      fs.copyFileSync(w.file, f);
      files.push(f);
    }
    const each = (cmd, pre) => {
      const t0 = process.hrtime.bigint();
      for (const f of files) wallOf(cmd, [...pre, "validate", f, "--format", "json"], 1);
      return ms(t0);
    };
    const ten = {
      npxEachMs: each(npx, ["fund-audit"]),
      nodeEachMs: each(process.execPath, ["bin/fund-audit.js"]),
      oneCallMs: wallOf(process.execPath, ["bin/fund-audit.js", "validate", ...files, "--format", "json"], 1),
    };
    fs.rmSync(dir, { recursive: true, force: true });
    return { lines: SIZES[0], runs, load: loadAvg(), rows, ten, globalSkipped: haveGlobal ? null : (inst.stderr || "").trim().split("\n").pop() };
  } finally {
    fs.rmSync(prefix, { recursive: true, force: true });
  }
}

function logStartup(s) {
  log(`\nstart-up (median of ${s.runs}, load average ${s.load}):`);
  for (const r of s.rows) log(`  ${r.label.padEnd(28)} --version ${fmt(r.versionMs)} ms, validate ${s.lines.toLocaleString("en-US")} lines ${fmt(r.validateMs)} ms`);
  if (s.globalSkipped) log(`  global install skipped: ${s.globalSkipped}`);
  log(`  ten ${s.lines.toLocaleString("en-US")}-line files: npx one call each ${fmt(s.ten.npxEachMs)} ms, node bin one call each ${fmt(s.ten.nodeEachMs)} ms, all in one call ${fmt(s.ten.oneCallMs)} ms`);
}

async function main() {
  if (BUILD) {
    log("building dist-cli (tsc -p tsconfig.cli.json)…");
    const r = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) throw new Error("tsc -p tsconfig.cli.json failed");
  }
  if (STARTUP_ONLY) {
    logStartup(benchStartup());
    return;
  }
  if (PANE_ONLY) {
    const lines = SIZES[SIZES.length - 1];
    const core = await benchCore(workbookFor(lines));
    logPane(lines, await paneFigures(core.grids));
    return;
  }
  if (BATCH_ONLY) {
    for (const b of BATCH.map(benchBatch)) process.stdout.write(`validate --summary over ${b.files} workbooks: ${b.ms.toFixed(0)} ms, peak RSS ${b.rssMb.toFixed(0)} MB\n`);
    return;
  }
  const results = [];
  let pane = null;
  for (const shape of SHAPE_LIST) {
    for (const lines of SIZES) {
      log(`\n== ${shape}: ${lines.toLocaleString("en-US")} spending lines (load average ${loadAvg()})`);
      const w = shapeWorkbook(shape, lines, DATA);
      if (w.skipped) {
        log(`${shape} skipped: ${w.skipped}`);
        break;
      }
      const cli = benchCli(w);
      log(`fund-audit CLI: ${cli.ms.toFixed(0)} ms, ${cli.rssMb.toFixed(0)} MB (found ${cli.counts.overspent} over-spent, ${cli.counts.forbidden} forbidden; expected ${w.expected.overspent}, ${w.expected.forbidden})`);
      const core = await benchCore(w, shape === "excel");
      log(`read ${core.readMs.toFixed(0)} ms, core ${core.coreMs.toFixed(0)} ms warm (median of ${core.coreRuns}, fastest ${core.coreMinMs.toFixed(0)}) / ${core.coreColdMs.toFixed(0)} ms cold${shape === "excel" ? `; without the 序号 column ${core.coreNoSeqMs.toFixed(0)} ms warm` : ""}`);
      const pandas = benchPandas(w);
      log(pandas.skipped ? `pandas peer skipped: ${pandas.skipped}` : `pandas peer: ${pandas.ms.toFixed(0)} ms, ${pandas.rssMb.toFixed(0)} MB (found ${pandas.counts.overspent} over-spent, ${pandas.counts.forbidden} forbidden)`);
      // exceljs, the add-in adapter and the pane see the same grids on every shape: measured on Excel's.
      let exceljs = null;
      let addin = null;
      if (shape === "excel") {
        exceljs = benchExcelJs(w);
        log(exceljs.skipped ? `exceljs peer skipped: ${exceljs.skipped}` : `exceljs full load: ${exceljs.ms.toFixed(0)} ms, ${exceljs.rssMb.toFixed(0)} MB`);
        addin = await benchAddin(core.grids);
        log(addin.skipped ? `add-in adapter skipped: ${addin.skipped}` : `add-in adapter: read ${addin.readSyncs} syncs, write ${addin.writeSyncs}, marks ${addin.markSyncs} (largest mark sync ${mb(addin.markMaxBytes)} MB); largest request ${mb(Math.max(addin.maxRequestBytes, addin.writeMaxBytes, addin.markMaxBytes))} MB, response ${mb(addin.maxResponseBytes)} MB`);
        if (lines === SIZES[SIZES.length - 1]) {
          pane = await paneFigures(core.grids);
          logPane(lines, pane);
        }
      }
      delete core.grids;
      const agree = !pandas.counts || (pandas.counts.overspent === cli.counts.overspent && pandas.counts.forbidden === cli.counts.forbidden);
      results.push({ shape, lines, bytes: w.bytes, expected: w.expected, load: loadAvg(), cli, core, pandas, exceljs, addin, peersAgree: agree });
    }
  }
  const bomb = benchZipBomb();
  log(bomb.skipped ? `zip bomb skipped: ${bomb.skipped}` : `\nzip bomb (test/fixtures/bad): exit ${bomb.exit} in ${bomb.ms.toFixed(0)} ms, peak RSS ${bomb.rssMb.toFixed(0)} MB`);

  const batch = BATCH.map(benchBatch);
  for (const b of batch) log(`validate --summary over ${b.files} workbooks: ${b.ms.toFixed(0)} ms, peak RSS ${b.rssMb.toFixed(0)} MB`);
  const startup = benchStartup();
  logStartup(startup);

  const maxLines = Math.max(...results.map((r) => r.lines));
  const targets = { lines: maxLines, shapes: {} };
  for (const r of results.filter((x) => x.lines === maxLines)) {
    const ratio = r.pandas.ms ? r.pandas.ms / r.cli.ms : null;
    const a = r.addin;
    targets.shapes[r.shape] = {
      cliVsPandas: ratio === null ? null : +ratio.toFixed(2),
      cliRssMb: +r.cli.rssMb.toFixed(1),
      coreMs: +r.core.coreMs.toFixed(1),
      met: {
        "CLI >= 10x pandas": ratio === null ? null : ratio >= 10,
        "peak RSS <= 250 MB": r.cli.rssMb <= 250,
        "core <= 120 ms": r.core.coreMs <= 120,
        ...(a && !a.skipped
          ? {
              "add-in <= 8 syncs": Math.max(a.readSyncs, a.writeSyncs, a.markSyncs) <= 8,
              "no request > 5 MB": Math.max(a.maxRequestBytes, a.writeMaxBytes, a.markMaxBytes) <= 5e6,
              "no mark sync > 1 MB": a.markMaxBytes <= 1e6,
            }
          : {}),
        ...(pane && !pane.skipped && r.shape === "excel"
          ? {
              "pane validate→interactive <= 1.5 s": pane.interactiveMs <= 1500,
              "pane no task > 200 ms": pane.longestTaskMs <= 200,
              "pane search <= 50 ms per key (median)": pane.searchPerKeyMs <= 50,
              "pane marks: no request > 1 MB": pane.mark.maxRequestBytes <= 1e6,
              "pane marks: no task > 200 ms": pane.mark.longestTaskMs <= 200,
            }
          : {}),
      },
    };
  }
  const env = { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpu: os.cpus()[0] && os.cpus()[0].model, runs: RUNS, date: new Date().toISOString() };
  fs.writeFileSync(path.join(ROOT, "bench", "results.json"), `${JSON.stringify({ env, results, zipBomb: bomb, pane, batch, startup, targets }, null, 2)}\n`);
  process.stdout.write(`\n${table(results)}\n\n`);
  process.stdout.write(`CLI = node bin/fund-audit.js validate --format json (process wall time incl. start-up, median of ${RUNS}); core = validateWorkbook in a fresh process after one read, median of ${WARM_RUNS} warm runs back to back (cold = its first run); read = xlsx -> grids, median of ${RUNS}.\n`);
  process.stdout.write(`validate --summary: ${batch.map((b) => `${b.files} workbooks ${b.ms.toFixed(0)} ms`).join(", ")}.\n`);
  for (const [shape, t] of Object.entries(targets.shapes)) {
    process.stdout.write(`Targets at ${targets.lines.toLocaleString("en-US")} lines, ${shape}: ${Object.entries(t.met).map(([k, v]) => `${k}: ${v === null ? "n/a" : v ? "met" : "MISSED"}`).join("; ")}\n`);
  }
  if (!results.every((r) => r.peersAgree)) process.stdout.write("WARNING: fund-audit and the pandas peer disagree on the over-spent/forbidden counts\n");
  process.stdout.write(`Wrote bench/results.json\n`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
