// Row filters of the tabular sheets: their shortcuts (no normalising for text that cannot match)
// must give exactly what normalising every cell gives.
import fc from "fast-check";
import type { CellValue } from "../../src/core/grid";
import { headerKey, isNoteRow, isRepeatedHeader, locateHeader, prepareSheet, totalKind } from "../../src/core/sheet-reader";
import { SPENDING_SHEET } from "../../src/core/schema";

const TOTAL_WORDS = new Set(["合计", "小计", "总计", "共计", "累计", "总额", "总分", "总合计", "合計", "總計", "小計", "共計", "累計", "總額", "total", "subtotal", "grandtotal"]);
const SUBTOTALS = new Set(["小计", "小計", "共计", "共計", "subtotal"]);

/** totalKind without shortcuts: normalise the first non-empty cell and look it up. */
function totalKindReference(row: CellValue[]): "subtotal" | "total" | null {
  for (const v of row) {
    if (v === null || typeof v === "number" || (typeof v === "string" && v.trim() === "")) continue;
    if (typeof v !== "string" || v.length > 24) return null;
    const k = headerKey(v).replace(/[:：]$/, "");
    if (!TOTAL_WORDS.has(k)) return null;
    return SUBTOTALS.has(k) ? "subtotal" : "total";
  }
  return null;
}

/** Pieces that make texts near a total word or a header: widths, spaces, units, stars, colons, case. */
const piece = fc.constantFrom(
  "合", "计", "小", "总", "共", "累", "額", "額", "计", "計", "總", "分", "合计", "小计", "总计", "总合计", "Total", "total", "TOTAL", "sub", "grand", " ", "\u3000", "*", "＊", ":", "：",
  "（元）", "(元)", "注", "附注", "填表人", "联系电话", "单位负责人", "张三", "﹕", "(万元)", "【", "】", "单位名称", "支出内容", "金额", "（万元）", "凭证号", "ｔｏｔａｌ", "益阳", "有限公司", "1", "２", "a",
  "合計", "總計", "資金合計", "市縣", "备註", "單位名稱", "金額（元）", "憑證號",
);
const text = fc.array(piece, { maxLength: 5 }).map((xs) => xs.join(""));

describe("totalKind", () => {
  it("gives what normalising the cell gives, for texts built near the total words", () => {
    fc.assert(fc.property(fc.array(fc.oneof(text, fc.constant(null), fc.integer()), { maxLength: 4 }), (row) => {
      expect(totalKind(row)).toBe(totalKindReference(row));
    }), { numRuns: 3000 });
  });

  it("knows the usual spellings", () => {
    expect(["合计", "合 计", "合计：", "合计:", "Total", "总计（元）", "小计", "Subtotal"].map((t) => totalKind([null, t]))).toEqual(["total", "total", "total", "total", "total", "total", "subtotal", "subtotal"]);
    expect(["合计收入", "益阳市合计公司", "小计划"].map((t) => totalKind([t]))).toEqual([null, null, null]);
  });
});

describe("isRepeatedHeader", () => {
  const header = ["序号", "单位名称", "支出内容", "支出类别", "金额（元）", "支出日期", "凭证号"];
  const sheet = (rows: CellValue[][]) => {
    const p = prepareSheet({ name: "支出明细", rows: [header, ...rows] });
    return { p, m: locateHeader(p.rows, SPENDING_SHEET) };
  };

  it("finds the header again however it is spaced, widened or starred", () => {
    const { p, m } = sheet([
      ["序号", "单位名称", "支出内容", "支出类别", "金额(元)", "支出日期", "凭证号"],
      ["序号", " 单位 名称", "支出内容*", "支出类别", "金额（元）", "支出日期", "凭证号"],
      [1, "益阳公司", "直通车", "推广营销", 100, null, "PZ-1"],
      ["序号", "单位名称", "支出内容", "支出类别", "金额（元）", "支出日期", "凭证号2"],
    ]);
    expect([1, 2, 3, 4].map((r) => isRepeatedHeader(p, r, m))).toEqual([true, true, false, false]);
  });

  it("gives what normalising every cell gives", () => {
    fc.assert(fc.property(fc.array(fc.oneof(text, fc.constantFrom(...header)), { minLength: 7, maxLength: 7 }), (row) => {
      const { p, m } = sheet([row]);
      const cols = Object.values(m.cols) as number[];
      const reference = cols.every((c) => typeof header[c] === "string" && typeof row[c] === "string" && headerKey(header[c]) === headerKey(row[c] as string)) && cols.length > 1;
      expect(isRepeatedHeader(p, 1, m)).toBe(reference);
    }), { numRuns: 2000 });
  });
});

describe("isNoteRow", () => {
  const NOTE_LABEL = /^(注|附注|说明|填表人|制表人|填报人|审核人|复核人|负责人|单位负责人|财务负责人|经办人|联系人|联系电话|填报日期|填表日期|制表日期|填报单位)[0-9]*[:：]/;
  const reference = (row: CellValue[]): boolean => {
    const v = row.find((x) => !(x === null || (typeof x === "string" && x.trim() === "")));
    return typeof v === "string" && NOTE_LABEL.test(v.normalize("NFKC").replace(/\s+/g, ""));
  };
  const noteRow = (row: CellValue[]) => isNoteRow(prepareSheet({ name: "支出明细", rows: [row] }), 0);

  it("gives what normalising the first cell gives", () => {
    fc.assert(fc.property(fc.array(fc.oneof(text, fc.constant(null), fc.integer()), { maxLength: 3 }), (row) => {
      expect(noteRow(row)).toBe(reference(row));
    }), { numRuns: 3000 });
  });

  it("knows footer lines and leaves data alone", () => {
    expect(["填表人：张三", " 注: 单位为元", "联系电话：0737-1234567", "单位负责人﹕李四"].map((t) => noteRow([null, t]))).toEqual([true, true, true, true]);
    expect(["注册费", "益阳公司：直通车", "单位名称"].map((t) => noteRow([t]))).toEqual([false, false, false]);
  });
});
