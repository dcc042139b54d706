"use strict";
// Preloaded into a benchmarked node process (node -r bench/rss-probe.js …): at exit it writes
// the process's peak resident set size (KiB) to the file named by FUND_AUDIT_RSS_FILE.
// On Linux it reads VmHWM from /proc/self/status: getrusage's maxRSS survives execve, so a child
// spawned by a bench holding 130 MB reported at least 130 MB however little it used itself (the
// 1k-line rows of the 2026-12-02 run: CLI and pandas both "110" and "134 MB"). VmHWM belongs to the
// process's own address space, new at exec.
const fs = require("fs");

function peakRssKb() {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS;
}

process.on("exit", () => {
  const file = process.env.FUND_AUDIT_RSS_FILE;
  if (file) fs.writeFileSync(file, String(peakRssKb()));
});
