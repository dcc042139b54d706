"use strict";
// Shared by scripts/make-example.js and test/fixtures/build-fixtures.js: writes an exceljs
// workbook so that rebuilding it gives the same bytes (fixed document dates, fixed zip entry
// times), and makes valid 统一社会信用代码 (GB 32100-2015).
const fs = require("fs");
const { unzipSync, zipSync } = require("fflate");

const FIXED_DATE = new Date(Date.UTC(2022, 3, 15, 0, 0, 0));

/** Save `wb` (an ExcelJS.Workbook) to `file` byte-for-byte reproducibly. */
async function saveDeterministic(wb, file) {
  wb.creator = "fund-audit";
  wb.lastModifiedBy = "fund-audit";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const raw = new Uint8Array(await wb.xlsx.writeBuffer());
  const entries = unzipSync(raw);
  const out = {};
  for (const name of Object.keys(entries)) out[name] = [entries[name], { mtime: FIXED_DATE, level: 6 }];
  fs.writeFileSync(file, zipSync(out));
}

const CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * A valid 统一社会信用代码: `prefix` (登记管理部门 + 机构类别, e.g. "91" enterprise) + 6-digit
 * area + 8-digit body from `n` + GB 11714 check character + GB 32100 check character.
 */
function creditCode(n, prefix = "91", area = "430900") {
  const body = String(n).padStart(8, "0");
  const v = [...body].reduce((s, c, i) => s + Number(c) * [3, 7, 9, 10, 5, 8, 4, 2][i], 0);
  const org = 11 - (v % 11);
  const s17 = prefix + area + body + (org === 10 ? "X" : org === 11 ? "0" : String(org));
  const r = 31 - ([...s17].reduce((s, c, i) => s + CODE_CHARS.indexOf(c) * CODE_WEIGHTS[i], 0) % 31);
  return s17 + CODE_CHARS[r === 31 ? 0 : r];
}

module.exports = { saveDeterministic, creditCode, FIXED_DATE };
