"use strict";
// The bench workbooks in the shapes real writers produce, all holding the same rows
// (bench/generate.js's model), cached in bench/data/ (git-ignored):
//   excel       shared strings, one date style: what Excel writes (bench/generate.js).
//   openpyxl    inline strings, every non-ASCII character a "&#NNNNN;" reference: openpyxl (and
//               pandas' to_excel) saving the excel-shape workbook (bench/write_openpyxl.py).
//   libreoffice LibreOffice Calc's "Calc Office Open XML" export of the excel-shape workbook
//               (soffice --headless --convert-to xlsx): shared strings with xml:space, every row
//               with six attributes, s= and t= on every cell.
//   wps         WPS Office emulated by the generator (no WPS on Linux CI): rich-text runs with
//               fonts in every shared string, 96 cellXfs used in turn, rows with spans/ht/dyDescent.
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const SHAPES = ["excel", "openpyxl", "libreoffice", "wps"];
const GENERATOR_VERSION = 2;
const PYTHON = "/usr/bin/python3";

/** Writes `file` from the excel-shape workbook with LibreOffice; an error message, or null. */
function viaLibreOffice(source, file) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "fund-audit-lo-"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "fund-audit-lo-profile-"));
  try {
    const r = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", out, source], { encoding: "utf8", timeout: 30 * 60 * 1000 });
    const made = path.join(out, path.basename(source));
    if (r.error || !fs.existsSync(made)) return `soffice failed: ${r.error ? r.error.message : (r.stderr || "").trim().split("\n").pop()}`;
    fs.copyFileSync(made, file);
    return null;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The bench workbook of `lines` lines in `shape`, written to `dir` once: { file, expected, bytes }
 * or { skipped } when the writer (openpyxl, LibreOffice) is not installed.
 */
function shapeWorkbook(shape, lines, dir) {
  const { benchWorkbook } = require("./generate");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${shape}-${lines}.v${GENERATOR_VERSION}.xlsx`);
  const meta = path.join(dir, `expected-${lines}.v${GENERATOR_VERSION}.json`);
  if (!fs.existsSync(meta)) fs.writeFileSync(meta, JSON.stringify(benchWorkbook(lines).expected));
  if (!fs.existsSync(file)) {
    if (shape === "excel" || shape === "wps") fs.writeFileSync(file, benchWorkbook(lines, shape).bytes);
    else {
      const source = shapeWorkbook("excel", lines, dir).file;
      const tmp = `${file}.tmp.xlsx`;
      let error = null;
      if (shape === "openpyxl") {
        const r = spawnSync(PYTHON, [path.join(__dirname, "write_openpyxl.py"), source, tmp], { encoding: "utf8" });
        if (r.status !== 0) error = `openpyxl failed: ${(r.stderr || (r.error && r.error.message) || "").trim().split("\n").pop()}`;
      } else if (shape === "libreoffice") error = viaLibreOffice(source, tmp);
      else throw new Error(`unknown shape ${shape}`);
      if (error) return { skipped: error };
      fs.renameSync(tmp, file);
    }
  }
  return { file, expected: JSON.parse(fs.readFileSync(meta, "utf8")), bytes: fs.statSync(file).size };
}

module.exports = { SHAPES, shapeWorkbook };
