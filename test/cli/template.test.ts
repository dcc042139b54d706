// `fund-audit template`: every input sheet with headers, frozen header rows, drop-downs and the
// 使用说明 sheet; and the empty template reads back through the validator.
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { cli, load, tempDir } from "./helpers";

type Validations = Record<string, { type: string; formulae: string[] } | undefined>;
const validations = (ws: ExcelJS.Worksheet): Validations => (ws as unknown as { dataValidations: { model: Validations } }).dataValidations.model;

describe("template", () => {
  let file: string;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    file = path.join(tempDir(), "模板.xlsx");
    const { code, stdout } = await cli(["template", "-o", file]);
    expect(code).toBe(0);
    expect(stdout).toContain(file);
    wb = await load(file);
  });

  it("has the input sheets and the instructions", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["项目信息", "资金分配", "支出明细", "支出范围", "绩效指标", "使用说明"]);
  });

  it("freezes the header row of each input sheet", () => {
    for (const ws of wb.worksheets.filter((w) => w.name !== "使用说明")) expect([ws.name, ws.views[0]]).toEqual([ws.name, expect.objectContaining({ state: "frozen", ySplit: 1 })]);
  });

  it("offers drop-down lists for 支持方向, 支出类别, 评价等级 and 支出范围模板", () => {
    const list = (sheet: string, cell: string): string => {
      const v = validations(wb.getWorksheet(sheet) as ExcelJS.Worksheet)[cell];
      expect(v?.type).toBe("list");
      return String(v?.formulae[0]);
    };
    expect(list("资金分配", "E2")).toContain("农特产品上行");
    expect(list("支出明细", "D2")).toContain("推广营销");
    expect(list("绩效指标", "G2")).toContain("部分达成");
    expect(list("项目信息", "B20")).toBe('"自动,电商,经济分类"');
  });

  it("explains the columns in plain Chinese", () => {
    const help = wb.getWorksheet("使用说明") as ExcelJS.Worksheet;
    const text: string[] = [];
    help.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    expect(text.join("\n")).toContain("批复金额");
  });

  it("is an input the validator reads: only the empty required values are reported", async () => {
    const { code, stdout } = await cli(["validate", file, "--format", "json"]);
    expect(code).toBe(1);
    const codes = new Set(JSON.parse(stdout).findings.map((f: { code: string }) => f.code));
    expect([...codes]).toEqual(["required-missing"]);
  });

  it("does not overwrite an existing file", async () => {
    const before = fs.readFileSync(file);
    const { code, stderr } = await cli(["template", "-o", file]);
    expect(code).toBe(2);
    expect(stderr).toContain("已存在");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
