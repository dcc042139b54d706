import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { CellError, UNCALCULATED_FORMULA, type SheetGrid, type WorkbookGrids } from "../../../src/core/grid";
import { readXlsxBuffer, readXlsxBufferAsync, readXlsxFile, serialToDate, WorkbookReadError } from "../../../src/cli/xlsx";
import { buildXlsx, escapeXml } from "./build-xlsx";

async function viaExcelJs(build: (wb: ExcelJS.Workbook) => void): Promise<WorkbookGrids> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return readXlsxBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
}

function sheet(g: WorkbookGrids, name: string): SheetGrid {
  const s = g.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function utc(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, hh, mm, ss));
}

function errorOf(fn: () => unknown): WorkbookReadError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw new Error(`expected WorkbookReadError, got ${String(e)}`);
  }
  throw new Error("expected a WorkbookReadError");
}

describe("readXlsxBuffer on workbooks written by exceljs", () => {
  it("reads every cell type", async () => {
    const g = await viaExcelJs((wb) => {
      const ws = wb.addWorksheet("支出明细");
      ws.addRow(["序号", "单位名称", "金额", "日期", "布尔", "公式"]);
      ws.addRow([1, "A&B <公司> \"引号\" 'x'", 1234.56, new Date(Date.UTC(2021, 11, 20)), true, { formula: "C2*2", result: 2469.12 }]);
      ws.addRow([-0.5, "", 0, null, false, { formula: "1/0", result: { error: "#DIV/0!" } }]);
      ws.getCell("A4").value = { richText: [{ text: "富" }, { font: { bold: true }, text: "文本" }] };
      ws.getCell("B4").value = { error: "#REF!" };
      ws.getCell("C4").value = { formula: "NOW()" };
      ws.getCell("D4").value = { error: "#N/A" };
      ws.getCell("E4").value = 1e-7;
      ws.getCell("F4").value = 123456789012345680000;
    });
    expect(sheet(g, "支出明细").rows).toEqual([
      ["序号", "单位名称", "金额", "日期", "布尔", "公式"],
      [1, "A&B <公司> \"引号\" 'x'", 1234.56, utc(2021, 12, 20), true, 2469.12],
      [-0.5, null, 0, null, false, new CellError("#DIV/0!")],
      // C4 is a formula never calculated: its value is unknown, not empty.
      ["富文本", new CellError("#REF!"), new CellError(UNCALCULATED_FORMULA), new CellError("#N/A"), 1e-7, 123456789012345680000],
    ]);
  });

  it("reads hidden rows, hidden and very hidden sheets, merges and sheet order", async () => {
    const g = await viaExcelJs((wb) => {
      const a = wb.addWorksheet("资金分配");
      a.addRow(["区域", "单位名称"]);
      a.addRow(["资阳区", "甲公司"]);
      a.addRow([null, "乙公司"]);
      a.mergeCells("A2:A3");
      a.getRow(3).hidden = true;
      wb.addWorksheet("隐藏", { state: "hidden" }).getCell("A1").value = "h";
      wb.addWorksheet("深度隐藏", { state: "veryHidden" }).getCell("B2").value = 2;
    });
    expect(g.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ["资金分配", false],
      ["隐藏", true],
      ["深度隐藏", true],
    ]);
    const alloc = sheet(g, "资金分配");
    expect(alloc.merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 0 }]);
    expect(alloc.hiddenRows).toEqual([2]);
    expect(alloc.rows[2]).toEqual([null, "乙公司"]);
    expect(sheet(g, "深度隐藏").rows).toEqual([[], [null, 2]]);
  });

  it("keeps a 32,767-character text, emoji and rare CJK intact", async () => {
    const long = "长".repeat(32766) + "😀";
    const g = await viaExcelJs((wb) => {
      const ws = wb.addWorksheet("名单𠀀😀");
      ws.addRow(["𠀀𪚥公司😀", long]);
    });
    expect(g.sheets[0].name).toBe("名单𠀀😀");
    expect(g.sheets[0].rows[0][0]).toBe("𠀀𪚥公司😀");
    expect(g.sheets[0].rows[0][1]).toBe(long);
  });

  it("reads many rows across inflate chunk boundaries, the same with fflate and zlib", async () => {
    const n = 30000;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("支出明细");
    for (let i = 0; i < n; i++) ws.addRow([i + 1, `单位${i % 997}`, (i * 7919) / 100, `直通车${i}万`]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const g = readXlsxBuffer(bytes);
    const rows = g.sheets[0].rows;
    expect(rows.length).toBe(n);
    expect(await readXlsxBufferAsync(bytes)).toEqual(g);
    for (let i = 0; i < n; i += 1) {
      const r = rows[i];
      if (r[0] !== i + 1 || r[1] !== `单位${i % 997}` || r[2] !== (i * 7919) / 100 || r[3] !== `直通车${i}万`) {
        throw new Error(`row ${i} read as ${JSON.stringify(r)}`);
      }
    }
  });
});

describe("readXlsxBuffer on hand-built packages", () => {
  it("reads inline strings, formula strings, ISO dates, booleans and errors", () => {
    const buf = buildXlsx({
      sheets: [
        {
          name: "S",
          xml:
            '<row r="1"><c r="A1" t="inlineStr"><is><t>内联</t></is></c><c r="B1" t="str"><f>A1&amp;"x"</f><v>内联x</v></c>' +
            '<c r="C1" t="d"><v>2021-12-20</v></c><c r="D1" t="b"><v>0</v></c><c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
            '<c r="F1"><f>SUM(A2:A3)</f></c><c r="G1" t="str"><f>""</f><v></v></c><c r="H1"><v/></c><c r="I1"><f t="shared" si="0"/></c></row>',
        },
      ],
    });
    const sheet = readXlsxBuffer(buf).sheets[0];
    const uncalculated = new CellError(UNCALCULATED_FORMULA);
    expect(sheet.rows).toEqual([["内联", "内联x", utc(2021, 12, 20), false, new CellError("#DIV/0!"), uncalculated, null, null, uncalculated]]);
    // A sheet with an error value must not tell the engine to skip looking for them.
    expect(sheet.errorFree).toBeUndefined();
  });

  it("concatenates rich-text runs and drops phonetic runs", () => {
    const buf = buildXlsx({
      sharedStringsXml:
        '<si><r><rPr><b/></rPr><t>益阳</t></r><r><t xml:space="preserve"> 商务局</t></r><rPh sb="0" eb="2"><t>ヤン</t></rPh><phoneticPr fontId="1"/></si>' +
        "<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh></si><si/><si><t/></si>",
      sheets: [
        {
          name: "S",
          xml:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>' +
            '<c r="E1" t="inlineStr"><is><r><t>甲</t></r><r><t>乙</t></r><rPh><t>ジャ</t></rPh></is></c></row>',
        },
      ],
    });
    expect(readXlsxBuffer(buf).sheets[0].rows).toEqual([["益阳 商务局", "漢字", null, null, "甲乙"]]);
  });

  it("decodes entities, character references, _xHHHH_ escapes and line ends", () => {
    const strings = ["&amp;&lt;&gt;&quot;&apos;", "&#20013;&#x6587;&#x20000;", "a_x000D_b_x005F_x0041_", "line1\r\nline2\rline3", "&unknown; & alone", "_x00zz_ _x"];
    const buf = buildXlsx({
      sharedStringsXml: strings.map((s) => `<si><t>${s}</t></si>`).join(""),
      sheets: [
        {
          name: "A&B",
          xml: `<row r="1">${strings.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join("")}<c r="G1" t="inlineStr"><is><t>&#x1F600;&lt;</t></is></c></row>`,
        },
      ],
    });
    const g = readXlsxBuffer(buf);
    expect(g.sheets[0].name).toBe("A&B");
    expect(g.sheets[0].rows[0]).toEqual(["&<>\"'", "中文𠀀", "a\rb_x0041_", "line1\nline2\nline3", "&unknown; & alone", "_x00zz_ _x", "😀<"]);
  });

  it("turns date-formatted numbers into UTC dates in the 1900 system, leap bug included", () => {
    const buf = buildXlsx({
      sheets: [
        {
          name: "S",
          xml:
            '<row r="1"><c r="A1" s="1"><v>44550</v></c><c r="B1" s="2"><v>44550.75</v></c><c r="C1" s="3"><v>44550</v></c><c r="D1" s="4"><v>44550</v></c>' +
            '<c r="E1" s="1"><v>59</v></c><c r="F1" s="1"><v>60</v></c><c r="G1" s="1"><v>61</v></c><c r="H1" s="1"><v>1</v></c><c r="I1" s="1"><v>-1</v></c><c r="J1" s="1"><v>3000000</v></c></row>',
        },
      ],
    });
    expect(readXlsxBuffer(buf).sheets[0].rows[0]).toEqual([
      utc(2021, 12, 20),
      utc(2021, 12, 20, 18),
      44550,
      44550,
      utc(1900, 2, 28),
      utc(1900, 2, 28),
      utc(1900, 3, 1),
      utc(1900, 1, 1),
      -1,
      3000000,
    ]);
  });

  it("uses the 1904 date system when the workbook says so", () => {
    const buf = buildXlsx({ date1904: true, sheets: [{ name: "S", xml: '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43088</v></c></row>' }] });
    expect(readXlsxBuffer(buf).sheets[0].rows[0]).toEqual([utc(1904, 1, 1), utc(2021, 12, 20)]);
  });

  it("recognises date formats by built-in id and by custom code", () => {
    const codes: [string, boolean][] = [
      ['yyyy"年"m"月"d"日"', true],
      ["[$-804]yyyy/mm/dd;@", true],
      ["[h]:mm:ss", true],
      ["h:mm AM/PM", true],
      ['0.00"元"', false],
      ['#,##0.00_);[Red]\\(#,##0.00\\)', false],
      ["[$￥-804]#,##0.00", false],
      ['"day"0', false],
      ["0.00E+00", false],
      ["General", false],
      ["@", false],
    ];
    const numFmts = codes.map(([c], i) => `<numFmt numFmtId="${200 + i}" formatCode="${escapeXml(c)}"/>`).join("");
    const builtIns = [14, 22, 27, 36, 45, 47, 50, 58, 0, 1, 2, 4, 10, 11, 13, 23, 37, 44, 48, 49];
    const xfs = [...codes.map((_, i) => 200 + i), ...builtIns].map((id) => `<xf numFmtId="${id}"/>`).join("");
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts>${numFmts}</numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs>${xfs}</cellXfs></styleSheet>`;
    const n = codes.length + builtIns.length;
    const cells = Array.from({ length: n }, (_, i) => `<c s="${i}"><v>44550</v></c>`).join("");
    const row = readXlsxBuffer(buildXlsx({ styles, sheets: [{ name: "S", xml: `<row>${cells}</row>` }] })).sheets[0].rows[0];
    const isDate = row.map((v) => v instanceof Date);
    expect(isDate).toEqual([...codes.map(([, d]) => d), ...builtIns.map((id) => (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))]);
  });

  it("places cells and rows without r attributes, out of order and far apart", () => {
    const buf = buildXlsx({
      sheets: [{ name: "S", xml: '<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row><c t="inlineStr"><is><t>x</t></is></c></row><row r="5"><c r="B5"><v>9</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>' }],
    });
    expect(readXlsxBuffer(buf).sheets[0].rows).toEqual([[1, 2, null, null, 5, 6], ["x"], [3], [], [null, 9]]);
  });

  it("parses numbers exactly as Number() does", () => {
    const texts = ["0", "-0", "1234.56", "0.1", "0.30000000000000004", "1.2345678901234501E-2", "9007199254740993", "-17.5", "1E+21", "123456789012345", "0.000001", " 12 "];
    const buf = buildXlsx({ sheets: [{ name: "S", xml: `<row>${texts.map((t) => `<c><v>${t}</v></c>`).join("")}</row>` }] });
    const row = readXlsxBuffer(buf).sheets[0].rows[0];
    expect(row).toEqual(texts.map((t) => Number(t)));
    expect(Object.is(row[1], -0)).toBe(true);
  });

  it("accepts namespace prefixes (x:row, x:c) and comments", () => {
    const doc =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><!-- <c r="Z9"><v>0</v></c> --><x:sheetData>' +
      '<x:row r="1" x14ac:dyDescent="0.25" hidden="true"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c><x:c r="B1"><x:v>2</x:v></x:c><x:c r="C1" t="s"><x:v>0</x:v></x:c></x:row>' +
      '</x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';
    const g = readXlsxBuffer(buildXlsx({ sharedStrings: ["共享"], sheets: [{ name: "S", xml: doc }] }));
    expect(g.sheets[0]).toEqual({ name: "S", rows: [["前缀", 2, "共享"]], merges: [{ top: 0, left: 0, bottom: 0, right: 1 }], hiddenRows: [0], errorFree: true });
  });

  it("trims a sheet formatted down to row 1,048,576 to its used rows and columns", () => {
    const used = Array.from({ length: 10 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}" s="3"/><c r="XFD${i + 1}" s="1"/></row>`).join("");
    const formatted = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 11}" s="3" customFormat="1" hidden="1"/>`).join("");
    const tail = '<row r="1048576" s="3"><c r="A1048576" s="3"/><c r="B1048576" t="inlineStr"><is><t></t></is></c></row>';
    const g = readXlsxBuffer(buildXlsx({ sheets: [{ name: "S", xml: used + formatted + tail, tail: '<mergeCells><mergeCell ref="A2:A1048576"/><mergeCell ref="C20:D30"/></mergeCells>' }] }));
    const s = g.sheets[0];
    expect(s.rows.length).toBe(10);
    expect(s.rows.every((r) => r.length === 1)).toBe(true);
    expect(s.hiddenRows).toBeUndefined();
    expect(s.merges).toEqual([{ top: 1, left: 0, bottom: 9, right: 0 }]);
  });

  it("reads only the sheets asked for", () => {
    const buf = buildXlsx({ sheets: [{ name: "a", xml: '<row><c><v>1</v></c></row>' }, { name: "b", xml: "<row><c><v>2</v></c></row>" }] });
    expect(readXlsxBuffer(buf, { sheets: (n) => n === "b" })).toEqual({ sheets: [{ name: "b", rows: [[2]], errorFree: true }] });
  });

  it("finds parts through relationships with odd case and backslashes", () => {
    const buf = buildXlsx({
      sheets: [{ name: "S", xml: "<row><c><v>1</v></c></row>" }],
      omit: ["xl/worksheets/sheet1.xml"],
      extra: { "xl\\Worksheets\\Sheet1.XML": '<worksheet><sheetData><row><c><v>7</v></c></row></sheetData></worksheet>' },
    });
    expect(readXlsxBuffer(buf).sheets[0].rows).toEqual([[7]]);
  });
});

describe("serialToDate", () => {
  it("handles the 1900 and 1904 systems and times", () => {
    expect(serialToDate(44550.5, false)).toEqual(utc(2021, 12, 20, 12));
    expect(serialToDate(43088.25, true)).toEqual(utc(2021, 12, 20, 6));
    expect(serialToDate(0, false)).toEqual(utc(1899, 12, 31));
    expect(serialToDate(-1, false)).toBeNull();
    expect(serialToDate(NaN, false)).toBeNull();
  });
});

describe("files that are not readable xlsx workbooks", () => {
  const ok = buildXlsx({ sheets: [{ name: "S", xml: `<row>${"<c><v>1</v></c>".repeat(5000)}</row>` }] });

  it.each<[string, Uint8Array, string, RegExp]>([
    ["zero bytes", new Uint8Array(0), "empty", /空的（0 字节）/],
    ["random binary", Uint8Array.from({ length: 600 }, (_, i) => (i * 7 + 3) % 256), "not-zip", /不是 xlsx 工作簿.*另存为 \.xlsx/],
    ["a CSV", strToU8("序号,单位名称,金额\n1,甲公司,100\n"), "csv", /可能是改了扩展名的 CSV.*另存为 \.xlsx/],
    ["a GBK CSV", Uint8Array.from([0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0xbd, 0xf0, 0xb6, 0xee, 0x0d, 0x0a, 0x31, 0x2c, 0x32]), "csv", /CSV/],
    ["a UTF-16 tab-separated export", Uint8Array.from([0xff, 0xfe, ...Buffer.from("a\tb\r\n1\t2", "utf16le")]), "csv", /CSV/],
    ["an HTML table named .xls", strToU8('<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><table><tr><td>1</td></tr></table></body></html>'), "not-xlsx", /网页（HTML）/],
    ["an Excel 2003 XML spreadsheet", strToU8('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), "not-xlsx", /XML 表格/],
    ["a truncated zip", ok.subarray(0, Math.floor(ok.length / 2)), "truncated", /文件不完整/],
    ["a zip without a workbook", zipSync({ "readme.txt": strToU8("hello") }), "not-xlsx", /缺少 xl\/workbook\.xml/],
    ["a docx", zipSync({ "word/document.xml": strToU8("<w:document/>") }), "not-xlsx", /Word 文档/],
    ["an xlsb", zipSync({ "xl/workbook.bin": new Uint8Array(4) }), "not-xlsx", /\.xlsb/],
    ["an ods", zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": strToU8("<x/>") }), "not-xlsx", /\.ods/],
  ])("%s", (_label, bytes, code, message) => {
    const e = errorOf(() => readXlsxBuffer(bytes));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it("legacy .xls and encrypted workbooks (OLE compound files)", () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(Buffer.from("Workbook", "utf16le"), 1024);
    expect(errorOf(() => readXlsxBuffer(ole)).code).toBe("xls");
    ole.set(Buffer.from("EncryptedPackage", "utf16le"), 1200);
    const e = errorOf(() => readXlsxBuffer(ole));
    expect(e.code).toBe("encrypted");
    expect(e.message).toMatch(/密码/);
  });

  it("refuses a zip bomb once the decompressed output passes the limit", () => {
    const row = '<row><c t="inlineStr"><is><t>' + "A".repeat(1000) + "</t></is></c></row>";
    const bomb = buildXlsx({ sheets: [{ name: "S", xml: row.repeat(20000) }] });
    expect(bomb.length).toBeLessThan(200_000);
    const e = errorOf(() => readXlsxBuffer(bomb, { maxUncompressedBytes: 5 * 1024 * 1024 }));
    expect(e.code).toBe("too-large");
    expect(e.message).toMatch(/超过 5 MiB 的读取上限/);
  });

  it("refuses a zip bomb on the native zlib path too", async () => {
    const row = '<row><c t="inlineStr"><is><t>' + "A".repeat(1000) + "</t></is></c></row>";
    const bomb = buildXlsx({ sheets: [{ name: "S", xml: row.repeat(20000) }] });
    await expect(readXlsxBufferAsync(bomb, { maxUncompressedBytes: 5 * 1024 * 1024 })).rejects.toMatchObject({ code: "too-large" });
    const bad = Uint8Array.from(bomb);
    const at = Buffer.from(bad.buffer).indexOf("xl/worksheets/sheet1.xml") + 40;
    for (let i = at; i < at + 40; i++) bad[i] ^= 0x5a;
    await expect(readXlsxBufferAsync(bad)).rejects.toMatchObject({ code: "corrupt" });
  });

  it("refuses one element that never ends", () => {
    const huge = '<row><c t="inlineStr"><is><t>' + "A".repeat(24 * 1024 * 1024);
    const e = errorOf(() => readXlsxBuffer(buildXlsx({ sheets: [{ name: "S", xml: `<?xml version="1.0"?><worksheet><sheetData>${huge}` }] })));
    expect(e.code).toBe("too-large");
  });

  it("refuses more cells than maxCells", () => {
    const e = errorOf(() => readXlsxBuffer(ok, { maxCells: 1000 }));
    expect(e.code).toBe("too-large");
    expect(e.message).toMatch(/1,000 个单元格/);
  });

  it("reports corrupt deflate data, an unknown compression method and a missing sheet part", () => {
    const bad = Uint8Array.from(ok);
    const z = Buffer.from(bad.buffer);
    const at = z.indexOf("xl/worksheets/sheet1.xml") + "xl/worksheets/sheet1.xml".length;
    for (let i = at + 10; i < at + 60; i++) bad[i] ^= 0x5a;
    expect(errorOf(() => readXlsxBuffer(bad)).code).toBe("corrupt");

    const method = Uint8Array.from(ok);
    const mz = Buffer.from(method.buffer);
    for (let p = mz.indexOf(Buffer.from([0x50, 0x4b, 1, 2])); p >= 0; p = mz.indexOf(Buffer.from([0x50, 0x4b, 1, 2]), p + 4)) method[p + 10] = 12;
    expect(errorOf(() => readXlsxBuffer(method)).message).toMatch(/不支持的压缩方式 12/);

    const missing = buildXlsx({ sheets: [{ name: "支出明细", xml: "" }], omit: ["xl/worksheets/sheet1.xml"] });
    expect(errorOf(() => readXlsxBuffer(missing)).message).toMatch(/找不到工作表“支出明细”/);

    const cut = buildXlsx({ sheets: [{ name: "S", xml: '<?xml version="1.0"?><worksheet><sheetData><row><c><v>1</v></c><c><v>2' }] });
    expect(errorOf(() => readXlsxBuffer(cut)).message).toMatch(/“xl\/worksheets\/sheet1\.xml”的内容不完整/);
  });
});

describe("readXlsxFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "fund-audit-xlsx-"));

  it("reads a file and names the file in errors", async () => {
    const good = join(dir, "good.xlsx");
    writeFileSync(good, buildXlsx({ sheets: [{ name: "S", xml: "<row><c><v>1</v></c></row>" }] }));
    await expect(readXlsxFile(good)).resolves.toEqual({ sheets: [{ name: "S", rows: [[1]], errorFree: true }] });

    const csv = join(dir, "data.xlsx");
    writeFileSync(csv, "a,b\n1,2\n");
    await expect(readXlsxFile(csv)).rejects.toMatchObject({ code: "csv", file: csv, message: expect.stringContaining(`${csv}：文件不是 xlsx 工作簿`) });
    await expect(readXlsxFile(join(dir, "nope.xlsx"))).rejects.toMatchObject({ code: "not-found" });
    await expect(readXlsxFile(dir)).rejects.toMatchObject({ code: "unreadable" });
    await expect(readXlsxFile(good, { maxUncompressedBytes: 10 })).rejects.toMatchObject({ code: "too-large" });
  });
});
