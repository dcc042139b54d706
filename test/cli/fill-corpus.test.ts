// fill on workbooks written by other programs (test/fixtures/fill-corpus, built by build.py and
// build.js there): every part fill does not own comes out byte-identical, the parts it patches
// differ only by the patch, every cell's value is kept, a refill gives the same bytes, and taking
// the marks off again gives back the user's sheets exactly.
import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { fillWorkbook } from "../../src/cli/fill";
import { patchMarks } from "../../src/cli/marks";
import { ZipPackage } from "../../src/cli/ooxml/package";
import { WorkbookPatch } from "../../src/cli/ooxml/workbook-patch";
import { readXlsxFile } from "../../src/cli/xlsx";
import { FIXTURES_DIR, cli, tempDir } from "./helpers";

const CORPUS = path.join(FIXTURES_DIR, "fill-corpus");
const NOW = new Date(Date.UTC(2022, 11, 31, 4, 0));
/** Workbook-level parts fill patches (new sheets, appended styles, new content types). */
const PATCHED = new Set(["[content_types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);

const parts = (file: string): Record<string, Uint8Array> => unzipSync(new Uint8Array(fs.readFileSync(file)));
const same = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean => a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));

/** A sheet with the mark patch taken out: `s` attributes, bare cells we add, our <legacyDrawing>. */
function unpatched(xml: string): string {
  return xml
    .replace(/<legacyDrawing r:id="rIdFA\d+"\/>/g, "")
    .replace(/<c r="[A-Z]+\d+" s="\d+"\/>/g, "")
    .replace(/ s="\d+"/g, "");
}

/** The parts marks may touch: worksheet parts, their rels, and the notes parts these point at. */
function noteParts(files: Record<string, Uint8Array>): Set<string> {
  const out = new Set<string>();
  for (const part of Object.keys(files)) {
    const m = /^xl\/worksheets\/(sheet\d+\.xml)$/.exec(part);
    if (!m) continue;
    out.add(part);
    const rels = files[`xl/worksheets/_rels/${m[1]}.rels`];
    if (!rels) continue;
    out.add(`xl/worksheets/_rels/${m[1]}.rels`);
    for (const t of strFromU8(rels).matchAll(/Type="[^"]*\/(?:comments|vmlDrawing)" Target="(?:\.\.\/|\/xl\/)([^"]+)"/g)) out.add(`xl/${t[1]}`);
  }
  return out;
}

const workbooks = fs.readdirSync(CORPUS).filter((f) => f.endsWith(".xlsx") && f !== "ambiguous.xlsx");

it("the corpus holds the workbooks the issue names", () => {
  expect(workbooks.sort()).toEqual(["exceljs-features.xlsx", "handmade-1904.xlsx", "handmade-parts.xlsx", "handmade-text.xlsx", "libreoffice.xlsx", "openpyxl-features.xlsx"]);
});

describe.each(workbooks)("%s", (name) => {
  const input = path.join(CORPUS, name);
  let dir: string;
  let output: string;

  beforeAll(async () => {
    dir = tempDir();
    output = path.join(dir, name);
    await fillWorkbook({ input, output, inPlace: false, lang: "zh", now: NOW });
  });

  it("keeps every part it does not own byte for byte, and patches only the marked sheet", () => {
    const [a, b] = [parts(input), parts(output)];
    const touched = new Set([...noteParts(a), ...noteParts(b)]);
    for (const [part, bytes] of Object.entries(a)) {
      expect([part, part in b]).toEqual([part, true]);
      if (PATCHED.has(part.toLowerCase()) || touched.has(part)) continue;
      expect([part, same(bytes, b[part])]).toEqual([part, true]);
    }
    for (const part of touched) {
      if (/^xl\/worksheets\/sheet\d+\.xml$/.test(part) && part in a && a[part] !== undefined && !same(a[part], b[part])) {
        expect([part, unpatched(strFromU8(b[part]))]).toEqual([part, unpatched(strFromU8(a[part]))]);
      }
    }
    const added = Object.keys(b).filter((p) => !(p in a));
    for (const p of added) expect(p).toMatch(/^xl\/(worksheets\/sheet\d+\.xml|comments\d+\.xml|drawings\/vmlDrawing\d+\.vml|worksheets\/_rels\/sheet\d+\.xml\.rels)$/);
    // styles.xml only grows: what was there is still there, in the same order.
    const [sa, sb] = [strFromU8(a["xl/styles.xml"]), strFromU8(b["xl/styles.xml"])];
    for (const xf of sa.match(/<xf [^>]*>/g) ?? []) expect(sb).toContain(xf);
  });

  it("keeps every cell's value of every input sheet", async () => {
    const [a, b] = [await readXlsxFile(input), await readXlsxFile(output)];
    const user = (s: { name: string }): boolean => s.name !== "审核结果" && s.name !== "绩效自评表";
    expect(b.sheets.filter(user)).toEqual(a.sheets.filter(user));
    expect(b.sheets.map((s) => s.name).slice(-2)).toEqual(["审核结果", "绩效自评表"]);
  });

  it("writes the same bytes again on a refill", async () => {
    const again = path.join(tempDir(), name);
    fs.copyFileSync(output, again);
    await fillWorkbook({ input: again, output: again, inPlace: true, lang: "zh", now: NOW });
    const [a, b] = [parts(output), parts(again)];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const part of Object.keys(a)) expect([part, same(a[part], b[part])]).toEqual([part, true]);
  });

  it("gives back the user's sheets and notes exactly when its marks are cleared", () => {
    const pkg = new ZipPackage(fs.readFileSync(output));
    const wb = new WorkbookPatch(pkg);
    patchMarks(pkg, wb, [], "zh");
    wb.finish();
    const [a, b] = [parts(input), unzipSync(new Uint8Array(pkg.toBuffer()))];
    for (const part of noteParts(a)) expect([part, same(a[part], b[part])]).toEqual([part, true]);
    // No notes part or sheet rels of ours is left (the new sheets are the product's own).
    for (const part of noteParts(b)) if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(part)) expect([part, part in a]).toEqual([part, true]);
  });
});

it("refuses a package with two parts whose names differ only in case, writing nothing", async () => {
  const out = path.join(tempDir(), "out.xlsx");
  const { code, stderr } = await cli(["fill", path.join(CORPUS, "ambiguous.xlsx"), "-o", out]);
  expect(code).toBe(2);
  expect(stderr).toContain("仅大小写不同");
  expect(fs.existsSync(out)).toBe(false);
});

it("refuses a macro workbook (it writes .xlsx only), writing nothing", async () => {
  const dir = tempDir();
  const { code, stderr } = await cli(["fill", path.join(CORPUS, "macro.xlsm"), "-o", path.join(dir, "out.xlsx")]);
  expect(code).toBe(2);
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).toContain("含宏");
  expect(fs.readdirSync(dir)).toEqual([]);
});
