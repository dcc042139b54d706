"use strict";
// Preloaded into a benchmarked node process (node -r bench/rss-probe.js …): at exit it writes
// the process's peak resident set size (KiB) to the file named by FUND_AUDIT_RSS_FILE.
const fs = require("fs");
process.on("exit", () => {
  const file = process.env.FUND_AUDIT_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
