// `fund-audit fill` end to end: the written workbook read back with exceljs and as raw XML.
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { MARK_FILL, NOTE_PREFIX } from "../../src/core";
import { INJECTED } from "../fixtures/build-fixtures";
import { cli, fixture, formulasIn, load, sheetXml, tempDir } from "./helpers";

const FORBIDDEN = fixture("error.forbidden-category");

async function fillTo(input: string, ...extra: string[]): Promise<{ out: string; code: number; stdout: string; stderr: string }> {
  const out = path.join(tempDir(), "out.xlsx");
  const r = await cli(["fill", input, "-o", out, ...extra]);
  return { out, ...r };
}

async function copyOf(file: string, edit?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const copy = path.join(tempDir(), path.basename(file));
  if (!edit) {
    fs.copyFileSync(file, copy);
    return copy;
  }
  const wb = await load(file);
  edit(wb);
  await wb.xlsx.writeFile(copy);
  return copy;
}

const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};
const noteText = (cell: ExcelJS.Cell): string => {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  return n === undefined ? "" : typeof n === "string" ? n : (n.texts ?? []).map((t) => t.text).join("");
};
const merges = (ws: ExcelJS.Worksheet): string[] => (ws.model as unknown as { merges: string[] }).merges;
const argb = (hex: string): string => `FF${hex.slice(1)}`;

/** The findings-table row (1-based) whose 代码 and 单元格 columns match. */
function findingRow(ws: ExcelJS.Worksheet, code: string, cell: string): number {
  for (let r = 1; r <= ws.rowCount; r++) {
    const link = ws.getCell(r, 5).value as { result?: unknown } | string | null;
    const shown = typeof link === "object" && link !== null ? link.result : link;
    if (ws.getCell(r, 3).value === code && shown === cell) return r;
  }
  return -1;
}

describe("fill on a workbook with an error", () => {
  let out: string;
  let wb: ExcelJS.Workbook;
  let code: number;
  let stdout: string;
  const before = fs.readFileSync(FORBIDDEN);

  beforeAll(async () => {
    ({ out, code, stdout } = await fillTo(FORBIDDEN));
    wb = await load(out);
  });

  it("leaves the input file byte-for-byte unchanged", () => {
    expect(fs.readFileSync(FORBIDDEN).equals(before)).toBe(true);
  });

  it("exits 1 (error findings) and says where it wrote", () => {
    expect(code).toBe(1);
    expect(stdout).toContain(out);
  });

  it("appends 审核结果 and 绩效自评表 after the user's sheets", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["项目信息", "资金分配", "支出明细", "绩效指标", "审核结果", "绩效自评表"]);
  });

  it("lists each finding with a HYPERLINK formula to its cell", () => {
    const ws = sheet(wb, "审核结果");
    const r = findingRow(ws, "forbidden-category", "支出明细!C7");
    expect(r).toBeGreaterThan(0);
    const link = ws.getCell(r, 5).value as ExcelJS.CellFormulaValue;
    expect(link.formula).toBe('HYPERLINK("#支出明细!C7","支出明细!C7")');
    expect(ws.getCell(r, 6).value).toBe("示例服饰有限公司");
    expect(ws.getCell(r, 8).value).toBe("待复核");
  });

  it("lays out the 绩效自评表 form with its merges", () => {
    const ws = sheet(wb, "绩效自评表");
    expect(ws.getCell("A1").value).toBe("（2022年度）项目支出绩效自评表");
    expect(merges(ws)).toEqual(expect.arrayContaining(["A1:J1", "A2:B2", "C2:J2", "A4:B8", "A9:A10", "B9:F9", "G9:J9"]));
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1 });
    expect(ws.getCell("C2").value).toBe("示例市电子商务发展专项资金");
  });

  it("marks the offending cell with the error fill and a note, and nothing else", () => {
    const ws = sheet(wb, "支出明细");
    const c7 = ws.getCell("C7");
    expect(c7.value).toBe("发放员工年终奖金");
    expect(c7.fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: argb(MARK_FILL.error) } });
    expect(noteText(c7)).toMatch(new RegExp(`^${NOTE_PREFIX}\\n错误 forbidden-category：`));
    expect(ws.getCell("C6").fill?.type === "pattern" && (ws.getCell("C6").fill as ExcelJS.FillPattern).pattern === "solid").toBe(false);
    expect(ws.getCell("C6").note).toBeUndefined();
  });
});

describe("the user's sheets survive", () => {
  it("values, formulas, number formats, fonts, merges and hidden rows are kept", async () => {
    const input = fixture("ok.wan-units");
    const { out, code } = await fillTo(input);
    expect(code).toBe(0);
    const [a, b] = [await load(input), await load(out)];
    for (const name of ["项目信息", "资金分配", "支出明细", "绩效指标"]) {
      const [x, y] = [sheet(a, name), sheet(b, name)];
      expect(y.rowCount).toBe(x.rowCount);
      for (let r = 1; r <= x.rowCount; r++) {
        for (let c = 1; c <= x.columnCount; c++) {
          const [cx, cy] = [x.getCell(r, c), y.getCell(r, c)];
          expect([name, cx.address, cy.value, cy.numFmt, cy.font]).toEqual([name, cx.address, cx.value, cx.numFmt, cx.font]);
        }
        expect(y.getRow(r).hidden).toBe(x.getRow(r).hidden);
      }
      expect(merges(y)).toEqual(merges(x));
    }
    expect(sheet(b, "项目信息").getCell("B9").value).toEqual({ formula: "SUM(资金分配!G2:G4)", result: 40 });
    expect(sheet(b, "支出明细").getRow(4).hidden).toBe(true);
  });
});

describe("formula-like strings stay strings", () => {
  let out: string;
  beforeAll(async () => {
    ({ out } = await fillTo(fixture("ok.injection")));
  });

  it("no written formula contains an injected payload", () => {
    const xml = sheetXml(out);
    const formulas = Object.values(xml).flatMap(formulasIn);
    expect(formulas.length).toBeGreaterThan(0); // the HYPERLINKs we write on purpose
    for (const f of formulas) expect(f).toMatch(/^HYPERLINK\("#/);
  });

  it("the injected names come back as text cells formatted @", async () => {
    const wb = await load(out);
    const seen = new Set<string>();
    for (const name of ["审核结果", "绩效自评表"]) {
      sheet(wb, name).eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string" && INJECTED.includes(cell.value)) {
            seen.add(cell.value);
            expect(cell.numFmt).toBe("@");
          }
        }),
      );
    }
    expect([...seen].sort()).toEqual([...INJECTED].sort());
  });
});

describe("refusing to overwrite the input", () => {
  it("exits 2 without --in-place and leaves the file alone", async () => {
    const input = await copyOf(FORBIDDEN);
    const before = fs.readFileSync(input);
    const { code, stderr, stdout } = await cli(["fill", input, "-o", input]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--in-place");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it("also through another path to the same file", async () => {
    const input = await copyOf(FORBIDDEN);
    const other = path.join(path.dirname(input), ".", "..", path.basename(path.dirname(input)), path.basename(input));
    expect((await cli(["fill", input, "-o", other])).code).toBe(2);
  });

  it("writes into the input with --in-place (and -o may be left out)", async () => {
    const input = await copyOf(FORBIDDEN);
    expect((await cli(["fill", input, "--in-place"])).code).toBe(1);
    expect((await load(input)).worksheets.map((w) => w.name)).toContain("绩效自评表");
    expect(fs.readdirSync(path.dirname(input))).toEqual([path.basename(input)]); // no temp file left
  });
});

describe("re-running fill", () => {
  it("keeps reviewer columns and typed 偏差原因, and does not stack marks", async () => {
    const input = await copyOf(FORBIDDEN);
    await cli(["fill", input, "--in-place"]);
    const edited = await copyOf(input, (wb) => {
      const ws = sheet(wb, "审核结果");
      const r = findingRow(ws, "forbidden-category", "支出明细!C7");
      ws.getCell(r, 8).value = "已确认";
      ws.getCell(r, 9).value = "已要求单位核减 1 万元";
      sheet(wb, "绩效自评表").getCell("I12").value = "复核人补充：按企业名单核对";
    });
    fs.copyFileSync(edited, input);
    await cli(["fill", input, "--in-place"]);
    await cli(["fill", input, "--in-place"]);

    const wb = await load(input);
    const ws = sheet(wb, "审核结果");
    const r = findingRow(ws, "forbidden-category", "支出明细!C7");
    expect([ws.getCell(r, 8).value, ws.getCell(r, 9).value]).toEqual(["已确认", "已要求单位核减 1 万元"]);
    expect(sheet(wb, "绩效自评表").getCell("I12").value).toBe("复核人补充：按企业名单核对");
    expect(wb.worksheets.filter((w) => w.name === "审核结果")).toHaveLength(1);
    const note = noteText(sheet(wb, "支出明细").getCell("C7"));
    expect(note.split(NOTE_PREFIX)).toHaveLength(2);
    expect(note.split("forbidden-category")).toHaveLength(2);
  });

  it("removes exactly its own marks once the finding is fixed, keeping the user's note and fill", async () => {
    const input = await copyOf(FORBIDDEN, (wb) => {
      const ws = sheet(wb, "支出明细");
      ws.getCell("C7").note = "用户批注：待核实";
      ws.getCell("B7").note = "另一条用户批注";
      // A cell with its own fill that will be flagged: its fill is kept, the note marks it.
      const c2 = ws.getCell("C2");
      c2.style = { ...c2.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } } };
      ws.getCell("C2").value = "发放员工福利";
      ws.getCell("D2").value = null;
    });
    await cli(["fill", input, "--in-place"]);
    let ws = sheet(await load(input), "支出明细");
    expect(noteText(ws.getCell("C7"))).toMatch(new RegExp(`^用户批注：待核实\\n${NOTE_PREFIX}`));
    expect(ws.getCell("C7").fill).toMatchObject({ fgColor: { argb: argb(MARK_FILL.error) } });
    expect(ws.getCell("C2").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    expect(noteText(ws.getCell("C2"))).toContain(NOTE_PREFIX);

    const fixed = await copyOf(input, (wb) => {
      const s = sheet(wb, "支出明细");
      s.getCell("C7").value = "网店推广";
      s.getCell("C2").value = "网店平台升级";
      s.getCell("D2").value = "平台建设";
    });
    fs.copyFileSync(fixed, input);
    await cli(["fill", input, "--in-place"]);
    ws = sheet(await load(input), "支出明细");
    expect(noteText(ws.getCell("C7"))).toBe("用户批注：待核实");
    expect((ws.getCell("C7").fill as ExcelJS.FillPattern | undefined)?.pattern ?? "none").toBe("none");
    expect(noteText(ws.getCell("B7"))).toBe("另一条用户批注");
    expect(ws.getCell("C2").note).toBeUndefined();
    expect(ws.getCell("C2").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
  });
});

it("fill reports an unreadable input in one line, exit 2", async () => {
  const dir = tempDir();
  const bad = path.join(dir, "broken.xlsx");
  fs.writeFileSync(bad, Buffer.from("PK\x03\x04 truncated"));
  const { code, stderr } = await cli(["fill", bad, "-o", path.join(dir, "out.xlsx")]);
  expect(code).toBe(2);
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(false);
});
