// The adapter against the real engine: the seed example read through the fake host gives the
// same findings as the CLI's xlsx reader, and the layouts the engine makes survive a round trip.
import * as fs from "fs";
import * as path from "path";
import { FINDINGS_SHEET, SELF_EVAL_SHEET, findingsLayout, readKeptReasons, readReviews, selfEvaluationLayout, templateLayouts, validateWorkbook } from "../../src/core";
import { readXlsxFile } from "../../src/cli/xlsx";
import { createExcelOps } from "../../src/excel";
import { createFakeOffice } from "../fake-office";
import { seedFromGrids } from "./fixtures";

const EXAMPLE = path.join(__dirname, "../../examples/yiyang-2021.xlsx");
const pairs = (fs: { code: string; cell: string }[]): string[] => fs.map((f) => `${f.code} ${f.cell}`).sort();

(fs.existsSync(EXAMPLE) ? describe : describe.skip)("engine round trip on the seed example", () => {
  test("same findings through Excel as through the CLI reader; 审核结果 and 绩效自评表 written and read back", async () => {
    const grids = await readXlsxFile(EXAMPLE);
    const host = createFakeOffice(seedFromGrids(grids));
    const ops = createExcelOps(host);

    const viaExcel = await ops.readWorkbook();
    const result = validateWorkbook(viaExcel);
    expect(pairs(result.findings)).toEqual(pairs(validateWorkbook(grids).findings));
    expect(result.findings.length).toBeGreaterThan(0);

    host.resetCounters();
    const time = new Date("2024-05-01T08:00:00Z");
    await ops.writeLayouts([findingsLayout(result, { workbook: "yiyang-2021.xlsx", time }), selfEvaluationLayout(result)]);
    const writeSyncs = host.syncCount;
    expect(writeSyncs).toBe(2);

    // A reviewer confirms the first finding in Excel; a re-read carries the review.
    const sheet = await ops.readSheet(FINDINGS_SHEET);
    if (!sheet) throw new Error("审核结果 not written");
    const header = sheet.rows.findIndex((r) => r && r.includes("复核状态"));
    const statusCol = sheet.rows[header].indexOf("复核状态");
    const cellCol = sheet.rows[header].indexOf("单元格");
    expect(sheet.rows[header + 1][cellCol]).toBe(result.findings[0].cell);
    host.model.sheetByName(FINDINGS_SHEET)?.input(header + 1, statusCol, "已确认");
    const reviews = readReviews((await ops.readSheet(FINDINGS_SHEET)) ?? sheet);
    expect(reviews.get(`${result.findings[0].code}|${result.findings[0].cell}`)?.status).toBe("已确认");

    const selfEval = await ops.readSheet(SELF_EVAL_SHEET);
    expect(selfEval?.rows[0][0]).toMatch(/项目支出绩效自评表/);
    expect(readKeptReasons(selfEval ?? sheet)).toBeInstanceOf(Map);

    host.resetCounters();
    expect(await ops.markFindings(result.findings)).toBeGreaterThan(0);
    expect(await ops.clearMarks()).toBeGreaterThan(0);
    console.log(`seed example: ${result.findings.length} findings; write 审核结果+绩效自评表 ${writeSyncs} syncs; mark+clear ${host.syncCount} syncs`);
  });

  test("templateLayouts render with their drop-down lists", async () => {
    const host = createFakeOffice({ sheets: [{ name: "Sheet1", values: [] }] });
    const layouts = templateLayouts();
    await createExcelOps(host).writeLayouts(layouts);
    const s = host.snapshot();
    for (const l of layouts) expect(s.sheets.map((x) => x.name)).toContain(l.name);
    const lists = s.sheets.flatMap((x) => x.validations);
    expect(lists.length).toBe(layouts.flatMap((l) => l.validations ?? []).length);
    const wb = await createExcelOps(host).readWorkbook();
    expect(wb.sheets.find((x) => x.name === layouts[0].name)?.rows.length).toBeGreaterThan(0);
  });
});
