// The pane ↔ worker protocol end to end, without a browser: the real worker module (validate.worker.ts)
// on a stand-in `self`, fed the pane's messages; its replies fed back to the pane's side. Rows and
// findings cross in slices of SLICE, so a 12,001-line workbook must come back exactly as the engine
// gives it on one thread, less the spending lines, which stay in the worker.
import { CellError, selfEvaluationLayout, validateWorkbook, type ResultWithoutLines, type ValidationResult, type WorkbookGrids } from "../../src/core";
import { requestMessages, SLICE, workerValidator, type WorkerLike, type WorkerReply, type WorkerRequest } from "../../src/taskpane/worker-validate";

interface Scope {
  onmessage: ((e: { data: WorkerRequest }) => void) | null;
  postMessage(reply: WorkerReply, transfer?: Transferable[]): void;
}

async function loadWorker(onReply: (r: WorkerReply, transfer?: Transferable[]) => void): Promise<Scope> {
  const scope: Scope = { onmessage: null, postMessage: onReply };
  (globalThis as unknown as { self: Scope }).self = scope;
  await jest.isolateModulesAsync(async () => {
    await import("../../src/taskpane/validate.worker");
  });
  return scope;
}

/** 400 recipients × 30 lines (12,000 spending lines), every other line a forbidden expense. */
function bigWorkbook(): WorkbookGrids {
  const allocation: (string | number)[][] = [["序号", "区域", "单位名称", "支持方向", "批复金额", "拨付金额"]];
  const spending: (string | number | null)[][] = [["序号", "单位名称", "支出内容", "支出类别", "金额"]];
  let n = 0;
  let budget = 0;
  for (let k = 1; k <= 400; k++) {
    const name = `测试${k}号电子商务有限公司`;
    for (let j = 0; j < 30; j++) spending.push([++n, name, j % 2 ? "网店平台升级" : "发放员工年终奖金", j % 2 ? "平台建设" : null, 1000]);
    budget += 30000;
    allocation.push([k, "资阳区", name, "企业做大做强", 30000, 30000]);
  }
  const project = [["项目", "内容"], ["项目名称", "切片测试"], ["资金年度", 2021], ["金额单位", "元"], ["全年预算数", budget], ["全年执行数", budget], ["支持方向", "企业做大做强"]];
  return { sheets: [{ name: "项目信息", rows: project }, { name: "资金分配", rows: allocation }, { name: "支出明细", rows: spending }] };
}

describe("pane ↔ worker in slices", () => {
  const grids = bigWorkbook();
  const opts = { lang: "zh" as const };

  it("sends the rows in slices of SLICE, packed with their buffers handed over, and the run last", () => {
    const sent = [...requestMessages(grids, opts)];
    const msgs = sent.map((s) => s.message);
    const spending = grids.sheets.findIndex((s) => s.rows.length > 12000);
    const slices = sent.filter((s) => "rows" in s.message && s.message.rows.sheet === spending);
    expect(slices.map((s) => ("rows" in s.message ? s.message.rows.packed.lengths.length : 0))).toEqual([SLICE, SLICE, grids.sheets[spending].rows.length - 2 * SLICE]);
    for (const s of slices) expect(s.transfer).toHaveLength(3);
    expect(msgs[msgs.length - 1]).toEqual({ run: opts });
    expect(msgs.filter((m) => "sheet" in m)).toHaveLength(grids.sheets.length);
  });

  /** The pane's side and the real worker module, every message structured-cloned both ways as a browser does. */
  async function throughWorker(g: WorkbookGrids, expected: ValidationResult): Promise<{ result: ResultWithoutLines; replies: WorkerReply[] }> {
    const replies: WorkerReply[] = [];
    let pane: WorkerLike | null = null;
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (m, transfer) => scope.onmessage?.({ data: structuredClone(m, { transfer }) as WorkerRequest }),
      terminate: () => undefined,
    };
    const scope = await loadWorker((r, transfer) => {
      const data = structuredClone(r, { transfer });
      replies.push(data);
      pane?.onmessage?.({ data });
    });
    pane = worker;
    const result = await workerValidator(() => expected, () => worker)(g, opts);
    return { result, replies };
  }

  function withoutLinesOf(r: ValidationResult): unknown {
    const model: Partial<ValidationResult["model"]> = { ...r.model };
    delete model.lines;
    return { ...r, model };
  }

  it("gives back exactly the one-thread result without its lines, findings in slices", async () => {
    const expected = validateWorkbook(grids, opts);
    expect(expected.findings.length).toBeGreaterThan(SLICE);
    expect(expected.model.lines.length).toBeGreaterThan(2 * SLICE);
    const { result, replies } = await throughWorker(grids, expected);
    expect(replies.filter((r) => "slice" in r).length).toBe(Math.ceil(expected.findings.length / SLICE));
    expect("lines" in result.model).toBe(false);
    expect(JSON.stringify(result)).toBe(JSON.stringify(withoutLinesOf(expected)));
    // Packed and rebuilt, each finding has the same keys in the same order, absent values included.
    expect(result.findings).toStrictEqual(expected.findings);
    expect(result.findings.map((f) => Object.keys(f).join())).toEqual(expected.findings.map((f) => Object.keys(f).join()));
    // What the pane writes from it is what the one-thread result writes.
    expect(selfEvaluationLayout(result)).toEqual(selfEvaluationLayout(expected));
  });

  it("keeps an error value an error value across the thread boundary (a plain clone made it an object)", async () => {
    const g = bigWorkbook();
    const spending = g.sheets.find((s) => s.name === "支出明细")!;
    spending.rows[7][4] = new CellError("#REF!");
    const expected = validateWorkbook(g, opts);
    expect(expected.findings.filter((f) => f.code === "cell-error").map((f) => f.cell)).toEqual(["支出明细!E8"]);
    const { result } = await throughWorker(g, expected);
    expect(result.findings.filter((f) => f.code === "cell-error").map((f) => f.cell)).toEqual(["支出明细!E8"]);
    expect(JSON.stringify(result)).toBe(JSON.stringify(withoutLinesOf(expected)));
  });
});
