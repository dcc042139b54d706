#!/usr/bin/env node
"use strict";
// Entry for `npx fund-audit`: the CLI is compiled to dist-cli/ by the `prepare` script of `npm ci`.
const path = require("path");
const fs = require("fs");
const main = path.join(__dirname, "..", "dist-cli", "cli", "main.js");
if (!fs.existsSync(main)) {
  process.stderr.write("fund-audit: 命令行程序尚未编译，请先在项目目录运行 npm ci（或 npm run prepare）。\n");
  process.exit(2);
}
require(main).run(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`fund-audit: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
