import * as path from "path";
import { readXlsxFile } from "../../../src/cli/xlsx";
import { hasReadableInput } from "../../../src/core/form/input";
import { validateWorkbook } from "../../../src/core/validate";

const FILE = path.join(__dirname, "../../fixtures/form/sichuan-qingshen-2023-selfeval-form.xlsx");

describe("the real Sichuan 部门预算项目支出绩效自评表 (青神县 2023)", () => {
  it("reads as a form", async () => {
    const wb = await readXlsxFile(FILE);
    const r = validateWorkbook(wb);
    console.log(JSON.stringify(r.model.form?.read, null, 1).slice(0, 6000));
    console.log(r.findings.map((f) => `${f.code}@${f.cell} ${f.message}`).join("\n"));
    console.log(JSON.stringify(r.evaluation), JSON.stringify(r.summary));
    expect(hasReadableInput(r)).toBe(true);
  });
});
