import { MARK_FILL } from "../../src/core/layout";
import type { Finding, Severity } from "../../src/core/types";
import { createExcelOps, MARKS_SHEET, NOTE_PREFIX } from "../../src/excel";
import { createFakeOffice, type FakeOfficeOptions } from "../fake-office";
import { cellKey } from "../fake-office/model";
import { smallWorkbook } from "./fixtures";

function finding(sheet: string, a1: string, severity: Severity, message: string, code = "x"): Finding {
  const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
  return { code, severity, message, sheet, cell: `${sheet}!${a1}`, row: Number(m[2]), col: m[1].charCodeAt(0) - 65 } as Finding;
}

function setup(opts: FakeOfficeOptions = {}) {
  const seed = smallWorkbook();
  seed.sheets[1].notes = { D2: "用户批注：请核对" };
  const host = createFakeOffice(seed, opts);
  // A patterned user fill (ExcelApi 1.9 reports pattern and pattern colour).
  host.model.sheetByName("资金分配")?.editFormat(2, 4);
  const f = host.model.sheetByName("资金分配")?.format(2, 4);
  if (f) f.fill = { color: "#C6EFCE", pattern: "Gray50", patternColor: "#FF0000" };
  return { host, ops: createExcelOps(host) };
}

const FINDINGS: Finding[] = [
  finding("资金分配", "E2", "error", "拨付金额大于批复金额"),
  finding("资金分配", "C2", "warning", "单位名称重复"),
  finding("资金分配", "D2", "error", "支持方向不在项目列表中"),
  finding("资金分配", "E3", "warning", "金额精度超过2位"),
  finding("资金分配", "C3", "warning", "疑似重复"),
  finding("资金分配", "C3", "error", "未知单位"),
  finding("资金分配", "A4", "info", "隐藏行"),
  finding("不存在的表", "A1", "error", "缺少工作表"),
];

describe("markFindings / clearMarks", () => {
  test("marks fills and notes, then clearMarks restores the workbook exactly", async () => {
    const { host, ops } = setup();
    const original = host.snapshot();
    host.resetCounters();
    expect(await ops.markFindings(FINDINGS)).toBe(5);
    const markSyncs = host.syncCount;
    expect(host.fillOf("资金分配", "E2")).toBe(MARK_FILL.error);
    expect(host.fillOf("资金分配", "C2")).toBe(MARK_FILL.warning);
    expect(host.fillOf("资金分配", "C3")).toBe(MARK_FILL.error);
    expect(host.fillOf("资金分配", "A4")).toBeNull();
    expect(host.noteOf("资金分配", "E2")).toBe(`${NOTE_PREFIX}\n错误 x：拨付金额大于批复金额`);
    expect(host.noteOf("资金分配", "C3")).toBe(`${NOTE_PREFIX}\n警告 x：疑似重复\n错误 x：未知单位`);
    // The user's own note stays, above ours.
    expect(host.noteOf("资金分配", "D2")).toBe(`用户批注：请核对\n${NOTE_PREFIX}\n错误 x：支持方向不在项目列表中`);
    const marks = host.snapshot().sheets.find((s) => s.name === MARKS_SHEET);
    expect(marks?.visibility).toBe("VeryHidden");

    host.resetCounters();
    expect(await ops.clearMarks()).toBe(5);
    const clearSyncs = host.syncCount;
    expect(host.snapshot()).toEqual(original);
    expect(host.fillStateOf("资金分配", "E3")).toEqual({ color: "#C6EFCE", pattern: "Gray50", patternColor: "#FF0000" });
    expect(host.fillOf("资金分配", "E2")).toBe("#FFFF00");
    expect(host.fillOf("资金分配", "C2")).toBeNull();
    console.log(`marks: mark ${markSyncs} syncs, clear ${clearSyncs} syncs`);
    // Without a full read before it, marking reads the merged areas itself (one sync more); the
    // notes go in a sync after the fills, so a host that refuses them still has its fills.
    expect(markSyncs).toBeLessThanOrEqual(6);
    expect(clearSyncs).toBeLessThanOrEqual(4);
  });

  test("info findings are marked only when asked", async () => {
    const { host, ops } = setup();
    expect(await ops.markFindings(FINDINGS, { includeInfo: true })).toBe(6);
    expect(host.fillOf("资金分配", "A4")).toBe(MARK_FILL.info);
  });

  test("marking again keeps the first 'before' state; cells no longer found are restored", async () => {
    const { host, ops } = setup();
    const original = host.snapshot();
    await ops.markFindings(FINDINGS);
    await ops.markFindings([finding("资金分配", "E2", "warning", "新的说明"), finding("资金分配", "B2", "error", "区域不在适用区域内")]);
    expect(host.fillOf("资金分配", "E2")).toBe(MARK_FILL.warning);
    expect(host.noteOf("资金分配", "E2")).toBe(`${NOTE_PREFIX}\n警告 x：新的说明`);
    expect(host.fillOf("资金分配", "C2")).toBeNull();
    expect(host.noteOf("资金分配", "C2")).toBeNull();
    expect(host.fillStateOf("资金分配", "E3")?.pattern).toBe("Gray50");
    expect(await ops.clearMarks()).toBe(2);
    expect(host.snapshot()).toEqual(original);
  });

  test("what the user changed after marking is theirs: clearMarks leaves it", async () => {
    const { host, ops } = setup();
    await ops.markFindings(FINDINGS);
    const sheet = host.model.sheetByName("资金分配");
    if (!sheet) throw new Error("no sheet");
    sheet.editFormat(1, 4).fill = { color: "#00B0F0", pattern: "Solid", patternColor: null };
    const note = sheet.notes.get(cellKey(1, 2));
    if (note) note.content += "\n复核人：已核实";
    await ops.clearMarks();
    expect(host.fillOf("资金分配", "E2")).toBe("#00B0F0");
    expect(host.noteOf("资金分配", "C2")).toBe(`${NOTE_PREFIX}\n警告 x：单位名称重复\n复核人：已核实`);
    expect(host.fillOf("资金分配", "C2")).toBeNull();
    expect(host.noteOf("资金分配", "E2")).toBeNull();
  });

  test("a cell inside a merged area is marked on the area's top-left cell; output sheets are not marked", async () => {
    const { host, ops } = setup();
    const n = await ops.markFindings([finding("资金分配", "B3", "error", "区域不在适用区域内"), finding("资金分配", "B2", "warning", "区域为空"), finding("审核结果", "A1", "error", "x")]);
    expect(n).toBe(1);
    expect(host.fillOf("资金分配", "B2")).toBe(MARK_FILL.error);
    expect(host.fillOf("资金分配", "B3")).toBeNull();
    expect(host.noteOf("资金分配", "B2")).toBe(`${NOTE_PREFIX}\n错误 x：区域不在适用区域内\n警告 x：区域为空`);
  });

  test("after a full read, marks go to the anchor of the merged areas that read found, without probing again", async () => {
    const { host, ops } = setup();
    await ops.readWorkbook();
    host.resetCounters();
    expect(await ops.markFindings([finding("资金分配", "B3", "error", "区域不在适用区域内")])).toBe(1);
    expect(host.fillOf("资金分配", "B2")).toBe(MARK_FILL.error);
    expect(host.fillOf("资金分配", "B3")).toBeNull();
    expect(host.syncCount).toBeLessThanOrEqual(5);
  });

  test("a protected sheet is left out whole (no half-applied batch), its recorded marks are kept for later", async () => {
    const { host, ops } = setup();
    expect(await ops.markFindings(FINDINGS)).toBe(5);
    const sheet = host.model.sheetByName("资金分配");
    if (!sheet) throw new Error("no sheet");
    sheet.protected = true;
    const locked = host.snapshot();
    expect(await ops.clearMarks()).toBe(0);
    expect(ops.protectedSheets?.()).toEqual(["资金分配"]);
    expect(host.syncs.every((s) => !s.error)).toBe(true);
    expect(host.snapshot()).toEqual(locked);
    expect(await ops.markFindings([finding("资金分配", "A2", "error", "新问题")])).toBe(0);
    expect(host.fillOf("资金分配", "A2")).toBeNull();
    sheet.protected = false;
    expect(await ops.clearMarks()).toBe(5);
    expect(ops.protectedSheets?.()).toEqual([]);
    expect(host.fillOf("资金分配", "E2")).toBe("#FFFF00");
    expect(host.noteOf("资金分配", "E2")).toBeNull();
  });

  test("a cell without fill that reads back as pattern null (office-js #4900) comes back without fill, not white", async () => {
    const { host, ops } = setup({ noFillPatternNull: true });
    await ops.markFindings([finding("资金分配", "C2", "warning", "单位名称重复")]);
    expect(host.fillOf("资金分配", "C2")).toBe(MARK_FILL.warning);
    await ops.clearMarks();
    expect(host.fillStateOf("资金分配", "C2")).toBeNull();
  });

  test("English notes when asked", async () => {
    const { host, ops } = setup();
    await ops.markFindings([finding("资金分配", "E2", "error", "Disbursed exceeds approved", "disbursed-over-approved")], { lang: "en" });
    expect(host.noteOf("资金分配", "E2")).toBe(`${NOTE_PREFIX}\nError disbursed-over-approved: Disbursed exceeds approved`);
  });

  test("clearMarks also removes the marks the CLI's fill left (prefix note, mark colour where the cell had none)", async () => {
    const seed = smallWorkbook();
    seed.sheets[1].notes = { C2: `${NOTE_PREFIX}\n错误 unknown-recipient：未知单位`, E2: `用户的话\n${NOTE_PREFIX}\n警告 x：y`, D2: "用户批注" };
    seed.sheets[1].fills = { C2: MARK_FILL.error, E2: "#FFFF00" };
    const host = createFakeOffice(seed);
    const ops = createExcelOps(host);
    expect(await ops.clearMarks()).toBe(2);
    expect(host.noteOf("资金分配", "C2")).toBeNull();
    expect(host.fillOf("资金分配", "C2")).toBeNull();
    expect(host.noteOf("资金分配", "E2")).toBe("用户的话");
    expect(host.fillOf("资金分配", "E2")).toBe("#FFFF00");
    expect(host.noteOf("资金分配", "D2")).toBe("用户批注");
  });

  test("clearMarks without marks does nothing", async () => {
    const { host, ops } = setup();
    const original = host.snapshot();
    expect(await ops.clearMarks()).toBe(0);
    expect(host.snapshot()).toEqual(original);
  });

  test("ExcelApi 1.10–1.17: threaded comments instead of notes, removed again by clearMarks", async () => {
    const seed = smallWorkbook();
    seed.sheets[1].comments = { D2: "用户评论" };
    const host = createFakeOffice(seed, { excelApi: "1.12" });
    const ops = createExcelOps(host);
    const original = host.snapshot();
    expect(ops.apiSupport()).toMatchObject({ notes: false, comments: true });
    await ops.markFindings(FINDINGS);
    const s = host.snapshot().sheets.find((x) => x.name === "资金分配");
    expect(s?.comments).toEqual({ D2: "用户评论", E2: `${NOTE_PREFIX}\n错误 x：拨付金额大于批复金额`, C2: `${NOTE_PREFIX}\n警告 x：单位名称重复`, E3: `${NOTE_PREFIX}\n警告 x：金额精度超过2位`, C3: `${NOTE_PREFIX}\n警告 x：疑似重复\n错误 x：未知单位` });
    await ops.clearMarks();
    expect(host.snapshot()).toEqual(original);
  });

  test("ExcelApi 1.10–1.17 with a legacy note the API cannot see: comments are best effort, fills and clearing stay exact", async () => {
    const { host, ops } = setup({ excelApi: "1.12" });
    const original = host.snapshot();
    expect(await ops.markFindings(FINDINGS)).toBe(5);
    expect(host.fillOf("资金分配", "C3")).toBe(MARK_FILL.error);
    expect(host.noteOf("资金分配", "D2")).toBe("用户批注：请核对");
    await ops.clearMarks();
    expect(host.snapshot()).toEqual(original);
  });

  test("ExcelApi 1.7: fill only, and a cell without fill comes back without fill", async () => {
    const { host, ops } = setup({ excelApi: "1.7" });
    await ops.markFindings(FINDINGS);
    expect(host.fillOf("资金分配", "C2")).toBe(MARK_FILL.warning);
    expect(host.noteOf("资金分配", "C2")).toBeNull();
    await ops.clearMarks();
    expect(host.fillOf("资金分配", "C2")).toBeNull();
    expect(host.fillOf("资金分配", "E2")).toBe("#FFFF00");
    expect(host.snapshot().sheets.map((x) => x.name)).not.toContain(MARKS_SHEET);
  });
});

describe("selectCell", () => {
  test("activates the sheet and selects the cell, with or without the sheet prefix", async () => {
    const { host, ops } = setup();
    await ops.selectCell("资金分配", "资金分配!E3");
    expect(host.selection()).toEqual({ sheet: "资金分配", address: "E3" });
    await ops.selectCell("项目信息", "$B$5");
    expect(host.selection()).toEqual({ sheet: "项目信息", address: "B5" });
  });
});
