// The fake host's request sizes against real office.js for the batches that carry many proxies:
// marks (a fill and a comment per cell) and the write of a layout (values and number formats).
import { textStepBytes } from "../../src/excel/mark-texts";
import { FILL_STEP_BYTES } from "../../src/excel/marks";
import { createFakeOffice } from "../fake-office";
import { realOfficeAvailable, realRequestBytes } from "./real-office";

const NOTE = "【专项资金审核】\n错误 required-missing：必填项「单位名称」为空：请填写。";

function markBatch(context: Excel.RequestContext, cells: number): void {
  for (let i = 0; i < cells; i++) {
    const ws = context.workbook.worksheets.getItem("支出明细");
    ws.getRange(`E${i + 2}`).format.fill.color = "#FFC7CE";
    context.workbook.comments.add(ws.getRange(`E${i + 2}`), NOTE, "Plain");
  }
}

function writeBatch(context: Excel.RequestContext, rows: number): void {
  const values = Array.from({ length: rows }, (_, i) => [i + 1, "益阳市甲电子商务有限公司", "电商招商", 20.5, "required-missing", "支出明细!B3"]);
  for (let from = 0; from < rows; from += 50) {
    const block = values.slice(from, from + 50);
    const range = context.workbook.worksheets.getItem("审核结果").getRangeByIndexes(from, 0, block.length, 6);
    range.numberFormat = block.map((row) => row.map(() => "@"));
    range.values = block;
    range.format.font.bold = from === 0;
  }
}

async function fakeRequestBytes(batch: (context: Excel.RequestContext) => void): Promise<number> {
  const host = createFakeOffice({ sheets: [{ name: "支出明细", values: [["a"]] }, { name: "审核结果", values: [] }] });
  await host.Excel.run(async (context) => {
    batch(context);
    await context.sync();
  });
  return host.syncs[host.syncs.length - 1].requestBytes;
}

(realOfficeAvailable ? describe : describe.skip)("request sizes: fake host vs real office.js", () => {
  test.each([
    ["mark 100 cells", (c: Excel.RequestContext) => markBatch(c, 100)],
    ["mark 1,000 cells", (c: Excel.RequestContext) => markBatch(c, 1000)],
    ["write 2,000 rows", (c: Excel.RequestContext) => writeBatch(c, 2000)],
  ])("%s: the fake's estimate is within 25 %% of real office.js", async (name, batch) => {
    const real = realRequestBytes(batch);
    const fake = await fakeRequestBytes(batch);
    console.log(`${name}: real office.js ${real} B, fake ${fake} B (${((fake / real) * 100).toFixed(0)} %)`);
    expect(fake / real).toBeGreaterThan(0.75);
    expect(fake / real).toBeLessThan(1.25);
  });

  test("the adapter's budget for one marked cell (a fill step and a text step) covers what office.js sends for it", () => {
    const perCell = realRequestBytes((c) => markBatch(c, 1000)) / 1000;
    expect(FILL_STEP_BYTES + textStepBytes(NOTE)).toBeGreaterThan(perCell * 1.5);
  });
});
