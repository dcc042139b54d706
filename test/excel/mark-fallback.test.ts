// Notes → comments → fill only: a host that refuses notes (or comments) it claims still gets every
// fill, the texts go on in the next kind, the pane is told which, and clearMarks undoes exactly that.
import type { Finding } from "../../src/core/types";
import { MARK_FILL } from "../../src/core/layout";
import { createExcelOps, NOTE_PREFIX } from "../../src/excel";
import { createFakeOffice } from "../fake-office";
import { smallWorkbook } from "./fixtures";

const at = (a1: string, message: string): Finding => ({ code: "x" as string, severity: "error", message, sheet: "资金分配", cell: `资金分配!${a1}`, row: Number(a1.slice(1)), col: a1.charCodeAt(0) - 65 }) as Finding;
const FINDINGS = [at("C2", "单位名称重复"), at("D2", "支持方向不在项目列表中"), at("E3", "金额精度超过2位"), at("C4", "未知单位")];
const text = (m: string): string => `${NOTE_PREFIX}\n错误 x：${m}`;

function setup() {
  const host = createFakeOffice(smallWorkbook());
  return { host, ops: createExcelOps(host), original: host.snapshot() };
}

const sheet = (host: ReturnType<typeof createFakeOffice>) => host.snapshot().sheets.find((s) => s.name === "资金分配");

test("notes work: notes, and the pane hears 'note'", async () => {
  const { host, ops } = setup();
  expect(await ops.markFindings(FINDINGS)).toBe(4);
  expect(ops.markedWith?.()).toBe("note");
  expect(sheet(host)?.notes).toEqual({ C2: text("单位名称重复"), D2: text("支持方向不在项目列表中"), E3: text("金额精度超过2位"), C4: text("未知单位") });
});

test("notes refused: every text goes in a threaded comment, every fill is in, and clearing restores the workbook", async () => {
  const { host, ops, original } = setup();
  host.failAdds("notes");
  expect(await ops.markFindings(FINDINGS)).toBe(4);
  expect(ops.markedWith?.()).toBe("comment");
  expect(sheet(host)?.notes).toEqual({});
  expect(sheet(host)?.comments).toEqual({ C2: text("单位名称重复"), D2: text("支持方向不在项目列表中"), E3: text("金额精度超过2位"), C4: text("未知单位") });
  expect(host.fillOf("资金分配", "C4")).toBe(MARK_FILL.error);
  expect(await ops.clearMarks()).toBe(4);
  expect(host.snapshot()).toEqual(original);
});

test("notes refused part-way through a sync: what landed stays a note, the rest become comments, clearing undoes both", async () => {
  const { host, ops, original } = setup();
  host.failAdds("notes", 2);
  await ops.markFindings(FINDINGS);
  expect(ops.markedWith?.()).toBe("comment");
  const s = sheet(host);
  expect(Object.keys(s?.notes ?? {}).sort()).toEqual(["C2", "D2"]);
  expect(Object.keys(s?.comments ?? {}).sort()).toEqual(["C4", "E3"]);
  await ops.clearMarks();
  expect(host.snapshot()).toEqual(original);
});

test("notes and comments refused: fill only, said so, and clearing restores the workbook", async () => {
  const { host, ops, original } = setup();
  host.failAdds("notes");
  host.failAdds("comments");
  expect(await ops.markFindings(FINDINGS)).toBe(4);
  expect(ops.markedWith?.()).toBe("fill");
  expect(sheet(host)?.notes).toEqual({});
  expect(sheet(host)?.comments).toEqual({});
  expect(host.fillOf("资金分配", "E3")).toBe(MARK_FILL.error);
  expect(await ops.clearMarks()).toBe(4);
  expect(host.snapshot()).toEqual(original);
});

test("ExcelApi 1.12 (comments, no notes) with comments refused: fill only", async () => {
  const host = createFakeOffice(smallWorkbook(), { excelApi: "1.12" });
  const ops = createExcelOps(host);
  host.failAdds("comments", 1);
  await ops.markFindings(FINDINGS);
  expect(ops.markedWith?.()).toBe("fill");
  expect(Object.keys(sheet(host)?.comments ?? {})).toEqual(["C2"]);
  await ops.clearMarks();
  expect(sheet(host)?.comments).toEqual({});
});
