// Below ExcelApi 1.13 merged cells read as empty: the seed example's 单位名称 column is merged
// over each recipient's spending lines. Likely merges are taken as such and the pane says so.
import * as fs from "fs";
import * as path from "path";
import { validateWorkbook } from "../../src/core";
import { readXlsxFile } from "../../src/cli/xlsx";
import { createExcelOps } from "../../src/excel";
import { guessMerges, mergeNotice } from "../../src/host/merge-gaps";
import { createFakeOffice } from "../fake-office";
import { seedFromGrids } from "./fixtures";

const EXAMPLE = path.join(__dirname, "../../examples/yiyang-2021.xlsx");
const pairs = (fs: { code: string; cell: string }[]): string[] => fs.map((f) => `${f.code}@${f.cell}`).sort();

(fs.existsSync(EXAMPLE) ? describe : describe.skip)("merged cells the host cannot read", () => {
  test("the seed example at ExcelApi 1.7, 1.12 and 1.13 gives the CLI's findings, with a notice below 1.13", async () => {
    const grids = await readXlsxFile(EXAMPLE);
    const cli = validateWorkbook(grids).findings;
    const counts: string[] = [];
    for (const excelApi of ["1.7", "1.12", "1.13"]) {
      const read = await createExcelOps(createFakeOffice(seedFromGrids(grids), { excelApi })).readWorkbook();
      const raw = validateWorkbook(read).findings;
      const { grids: guessed, guesses } = guessMerges(read, raw);
      const res = validateWorkbook(guessed).findings;
      counts.push(`ExcelApi ${excelApi}: ${raw.length} as read, ${res.length} after merge guesses (${guesses.map((g) => `${g.sheet}!${g.column}:${g.cells}`).join(",") || "none"})`);
      expect(pairs(res)).toEqual(pairs(cli));
      if (excelApi === "1.13") {
        expect(read.mergesUnread).toBeUndefined();
        expect(guesses).toEqual([]);
      } else {
        expect(raw.filter((f) => f.code === "required-missing")).toHaveLength(43);
        expect(guesses).toEqual([{ sheet: "支出明细", column: "B", cells: 43 }]);
        expect(mergeNotice("zh", guesses)).toContain("支出明细 B 列 43 个");
      }
    }
    console.log(`seed example (CLI ${cli.length} findings):\n${counts.join("\n")}`);
  });

  test("a single gap, a gap right under the header, and sheets whose merges were read are left as they are", () => {
    const rows = [
      ["单位名称", "金额"],
      ["甲公司", 1],
      [null, 2],
      ["乙公司", 3],
    ];
    const read = { sheets: [{ name: "支出明细", rows }], mergesUnread: ["支出明细"] };
    const missing = [{ code: "required-missing" as const, severity: "error" as const, message: "", sheet: "支出明细", cell: "支出明细!A3", row: 3, col: 0 }];
    expect(guessMerges(read, missing).guesses).toEqual([]);
    const header = [{ ...missing[0], cell: "支出明细!A2", row: 2 }];
    expect(guessMerges({ sheets: [{ name: "支出明细", rows: [["单位名称"], [null], [null]] }], mergesUnread: ["支出明细"] }, header).guesses).toEqual([]);
    expect(guessMerges({ sheets: read.sheets }, missing).guesses).toEqual([]);
  });
});
