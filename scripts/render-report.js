#!/usr/bin/env node
"use strict";
// Regenerates the committed example report and its picture (SPEC §11 rendering check):
//   docs/yiyang-2021-自评报告.docx  fund-audit report examples/yiyang-2021.xlsx
//   docs/report-page1.png         its page 1, LibreOffice → PDF → pdftoppm (96 dpi)
// Needs `npm run prepare`, LibreOffice (soffice) and poppler-utils. Fonts fall back as
// scripts/report-fonts.conf says (仿宋_GB2312 → … → Noto Serif CJK SC).
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");

const root = path.join(__dirname, "..");
const docx = path.join(root, "docs", "yiyang-2021-自评报告.docx");
const png = path.join(root, "docs", "report-page1.png");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fund-audit-report-"));
try {
  fs.rmSync(docx, { force: true });
  try {
    execFileSync(process.execPath, [path.join(root, "bin", "fund-audit.js"), "report", path.join(root, "examples", "yiyang-2021.xlsx"), "-o", docx], { stdio: "inherit" });
  } catch (e) {
    if (e.status !== 1) throw e; // 1: written, the example has an error finding
  }
  const env = { ...process.env, FONTCONFIG_FILE: path.join(__dirname, "report-fonts.conf") };
  const copy = path.join(tmp, "report.docx");
  fs.copyFileSync(docx, copy);
  execFileSync("soffice", [`-env:UserInstallation=file://${path.join(tmp, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", tmp, copy], { env, stdio: "pipe" });
  const pdf = path.join(tmp, "report.pdf");
  const pages = /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))[1];
  execFileSync("pdftoppm", ["-png", "-r", "96", "-f", "1", "-l", "1", "-singlefile", pdf, png.replace(/\.png$/, "")]);
  console.log(`${path.relative(root, docx)}: ${fs.statSync(docx).size} bytes, ${pages} pages; page 1 → ${path.relative(root, png)}`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
