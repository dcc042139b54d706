// The three public tables of ../shared/real (copies in test/fixtures/real), read as published
// (SPEC §8): recipients, sums, units and the exact findings.
import * as path from "path";
import { readXlsxFile } from "../../src/cli/xlsx";
import { validateWorkbook } from "../../src/core/validate";
import { pairs } from "./builders";

const real = (name: string): string => path.join(__dirname, "..", "fixtures", "real", `${name}.xlsx`);
const validate = async (name: string) => validateWorkbook(await readXlsxFile(real(name)));

describe("real tables of ../shared/real", () => {
  it("shangqiu: 9 counties, Σ 5000 万元 from the header unit, no error", async () => {
    const r = await validate("shangqiu-2019-poverty-fund-allocation");
    expect(r.model.recipients.map((x) => x.name)).toEqual(["梁园区", "睢阳区", "示范区", "虞城县", "民权县", "睢 县", "宁陵县", "柘城县", "夏邑县"]);
    const fen = r.model.recipients.reduce((s, x) => s + (x.approvedFen ?? 0), 0);
    expect(fen).toBe(5000 * 10000 * 100);
    expect(r.summary.approved).toBe(50000000);
    expect(pairs(r)).toEqual(["role-absent@Sheet1!A1"]);
  });

  it("yunfu: 5 enterprises, Σ 138 in the unit as read, unit-suspect, the 36.2 % ratio not flagged", async () => {
    const r = await validate("yunfu-2024-sme-fund-plan");
    expect(r.model.recipients.map((x) => [x.district, x.name])).toEqual([
      ["罗定市", "广东星光脂胶科技股份有限公司"], ["新兴县", "广东温氏大华农生物科技有限公司"], ["罗定市", "广东金正龙科技有限公司"],
      ["郁南县", "云浮市铧鑫五金塑料制品有限公司"], ["新兴县", "广东祥利特种材料科技有限公司"],
    ]);
    expect(r.summary.approved).toBe(138);
    expect(pairs(r)).toEqual(["unit-suspect@项目计划表!E3", "role-absent@项目计划表!A1"]);
    expect(r.summary.errors).toBe(0);
  });

  it("sichuan form: no sheet-missing, read by the form reader (its audit is §9)", async () => {
    const r = await validate("sichuan-qingshen-2023-selfeval-form");
    expect(pairs(r, "sheet-missing")).toEqual([]);
    expect(pairs(r, "column-missing")).toEqual([]);
    expect(pairs(r, "role-absent")).toEqual([]);
    expect(r.model.form?.role).toBe("input");
  });
});
