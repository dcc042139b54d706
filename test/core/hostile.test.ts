// Realistic hostile workbooks (issue 8, engine half): odd layouts, totals, hidden rows, error
// values, odd amounts and dates, long and tricky texts. Assertions are (code, cell) pairs or values.
import { CellError, type CellValue, type SheetGrid, type WorkbookGrids } from "../../src/core/grid";
import { toJsonReport } from "../../src/core/report";
import type { ValidationResult } from "../../src/core/types";
import { aWorkbook, numbersIn, pairs, run, utcDay as d, WorkbookBuilder } from "./builders";

const problems = (r: ValidationResult): string[] => r.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.cell}`);
const sheetOf = (g: WorkbookGrids, name: string): SheetGrid => g.sheets.find((s) => s.name === name)!;

describe("header rows", () => {
  it("headers on row 7 after a title block", () => {
    const g = aWorkbook().build();
    const s = sheetOf(g, "资金分配");
    s.rows = [["2022年电商扶持资金分配表"], ["填报单位：示例市商务局"], [], ["单位：元"], [null, "制表日期", d(2022, 12, 1)], [], ...s.rows];
    s.merges = [{ top: 0, left: 0, bottom: 0, right: 7 }];
    const r = run(g);
    expect(problems(r)).toEqual([]);
    expect(r.model.headerRows["资金分配"]).toBe(6);
    expect(r.model.recipients.map((x) => x.cells.approved && `${x.cells.approved.row}`)).toEqual(["7", "8", "9"]);
  });

  it("duplicated headers: the first column wins, the second is ignored", () => {
    const g = aWorkbook().build();
    const s = sheetOf(g, "资金分配");
    s.rows = s.rows.map((row, i) => [...row, i === 0 ? "批复金额" : "垃圾"]);
    const r = run(g);
    expect(problems(r)).toEqual([]);
    expect(r.summary.approved).toBe(300000);
  });

  it("a merged header cell spanning two columns", () => {
    const g = aWorkbook().build();
    const s = sheetOf(g, "支出明细");
    // 支出内容 merged over C1:D1 (the 支出类别 header is gone): C holds the text, D is ignored.
    s.rows[0][3] = null;
    s.merges = [{ top: 0, left: 2, bottom: 0, right: 3 }];
    const r = run(g);
    expect(problems(r)).toEqual([]);
    expect(r.model.lines.map((l) => l.content)).toEqual(["网店平台升级", "直播推广", "冷链仓储改造", "电商运营培训", "购置电脑"]);
  });

  it("a two-row header: merged 序号/区域/… over both rows, 金额 merged over 批复/拨付", () => {
    const g = aWorkbook().build();
    const s = sheetOf(g, "资金分配");
    s.rows = [
      ["序号", "区域", "单位名称", "统一社会信用代码", "支持方向", "金额（元）", null, "拨付日期"],
      [null, null, null, null, null, "批复金额", "拨付金额", null],
      ...s.rows.slice(1),
    ];
    s.merges = [0, 1, 2, 3, 4, 7].map((c) => ({ top: 0, left: c, bottom: 1, right: c })).concat([{ top: 0, left: 5, bottom: 0, right: 6 }]);
    const r = run(g);
    expect(problems(r)).toEqual([]);
    expect(r.model.headerRows["资金分配"]).toBe(1);
    expect(r.summary.approved).toBe(300000);
  });

  it("signature and note lines under the table are not data", () => {
    const g = aWorkbook().build();
    sheetOf(g, "资金分配").rows.push([], ["填表人：张三", null, null, "审核人：李四"], ["注：金额单位为元。"], ["联系电话: 0737-1234567"]);
    sheetOf(g, "支出明细").rows.push(["说明：凭证另附"]);
    sheetOf(g, "绩效指标").rows.push(["填报日期：2023年1月10日"]);
    const r = run(g);
    expect(problems(r)).toEqual([]);
    expect([r.model.recipients.length, r.model.lines.length, r.model.indicators.length]).toEqual([3, 5, 3]);
  });

  it("a header unit （万元） applies to plain numbers in that column only", () => {
    const g = aWorkbook().build();
    const s = sheetOf(g, "资金分配");
    s.rows[0][5] = "批复金额（万元）";
    for (let r = 1; r < s.rows.length; r++) s.rows[r][5] = (s.rows[r][5] as number) / 10000;
    s.rows.push([null, "合计", null, null, null, 30, 300000]);
    const r = run(g);
    expect(problems(r)).toEqual([]);
    expect(r.model.recipients.map((x) => [x.approvedFen, x.disbursedFen])).toEqual([[10000000, 10000000], [15000000, 15000000], [5000000, 5000000]]);
  });

  it("a 合计 row in a （万元） column that disagrees is reported in yuan", () => {
    const g = aWorkbook().build();
    const s = sheetOf(g, "支出明细");
    s.rows[0][4] = "金额（万元）";
    for (let r = 1; r < s.rows.length; r++) s.rows[r][4] = (s.rows[r][4] as number) / 10000;
    s.rows.push(["合计", null, null, null, 29]);
    const r = run(g);
    expect(pairs(r, "total-row-mismatch")).toEqual(["total-row-mismatch@支出明细!E7"]);
    const f = r.findings.find((x) => x.code === "total-row-mismatch")!;
    expect([f.actual, f.expected]).toEqual([290000, 300000]);
  });

  it("a header with a trailing * and full-width spaces", () => {
    const g = aWorkbook().build();
    const s = sheetOf(g, "资金分配");
    s.rows[0] = ["序　号", "区域*", "单位　名称 *", "统一社会信用代码", "支持方向＊", "批复金额（元）*", "拨付金额", "拨付日期"];
    const r = run(g);
    expect(problems(r)).toEqual([]);
  });

  it("a header with a leading * (required mark) is recognised", () => {
    const g = aWorkbook().build();
    sheetOf(g, "资金分配").rows[0] = ["序号", "*区域", "* 单位名称", "统一社会信用代码", "＊支持方向", "*批复金额（元）", "拨付金额", "拨付日期"];
    expect(problems(run(g))).toEqual([]);
  });

  it("the header row repeated inside the data is not a recipient", () => {
    const g = aWorkbook().build();
    const s = sheetOf(g, "资金分配");
    s.rows.splice(2, 0, [...s.rows[0]]);
    const sp = sheetOf(g, "支出明细");
    sp.rows.push([...sp.rows[0]]);
    const r = run(g);
    expect(problems(r)).toEqual([]);
    expect([r.model.recipients.length, r.model.lines.length]).toEqual([3, 5]);
  });

  it("a header unit （元） wins over 金额单位 万元 for its column", () => {
    const b = aWorkbook().withInfo("金额单位", "万元").withInfo("全年预算数", 30).withInfo("全年执行数", 30).withInfo("当年财政拨款", 30);
    const g = b.build();
    sheetOf(g, "资金分配").rows[0][5] = "批复金额（元）";
    sheetOf(g, "资金分配").rows[0][6] = "拨付金额（元）";
    sheetOf(g, "支出明细").rows[0][4] = "金额(元)";
    const r = run(g);
    expect(problems(r)).toEqual([]);
    expect(r.summary).toMatchObject({ budget: 300000, approved: 300000, spent: 300000 });
  });

  it("a merge reaching row 1,048,576 and column XFD is cut to the data", () => {
    const g = aWorkbook().build();
    sheetOf(g, "资金分配").merges = [{ top: 3, left: 8, bottom: 1048575, right: 16383 }, { top: 2000000, left: 0, bottom: 2000001, right: 1 }];
    const r = run(g);
    expect(problems(r)).toEqual([]);
    expect(r.model.recipients).toHaveLength(3);
  });

  it("a header row beyond row 30: one column-missing at the best row, no phantom recipients", () => {
    const g = aWorkbook().build();
    const s = sheetOf(g, "资金分配");
    s.rows = [...Array.from({ length: 31 }, (_, i) => [`说明第${i + 1}行`]), ...s.rows];
    const r = run(g);
    expect(pairs(r, "column-missing")).toEqual(["column-missing@资金分配!A1"]);
    expect(r.model.recipients).toEqual([]);
    expect(pairs(r, "required-missing")).toEqual([]);
  });

  it("a header row on row 12 (after 11 caption rows) is found", () => {
    const g = aWorkbook().build();
    const s = sheetOf(g, "资金分配");
    s.rows = [...Array.from({ length: 11 }, (_, i) => [`说明第${i + 1}行`]), ...s.rows];
    const r = run(g);
    expect(problems(r)).toEqual([]);
    expect(r.model.headerRows["资金分配"]).toBe(11);
  });

  it("column-missing at the row with the most headers", () => {
    const g = aWorkbook().build();
    const s = sheetOf(g, "资金分配");
    s.rows[0][2] = "公司";
    s.rows = [["资金分配表"], [], ...s.rows];
    const r = run(g);
    expect(r.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["column-missing@资金分配!A3"]);
  });
});

describe("total rows", () => {
  const withTotals = (mutate: (rows: CellValue[][]) => void): ValidationResult => {
    const g = aWorkbook().build();
    mutate(sheetOf(g, "支出明细").rows);
    return run(g);
  };

  it("合计 in the middle closes the rows above, 合计 at the end the rows after it", () => {
    const r = withTotals((rows) => {
      rows.splice(3, 0, ["合计", null, null, null, 100000]);
      rows.push(["合计", null, null, null, 200000]);
    });
    expect(pairs(r, "total-row-mismatch")).toEqual([]);
    expect(r.model.lines).toHaveLength(5);
  });

  it("group 合计 rows and a final 总计 of everything", () => {
    const r = withTotals((rows) => {
      rows.splice(3, 0, [null, "合 计", null, null, 100000]);
      rows.push(["合计", null, null, null, 200000], ["总　计", null, null, null, 300000]);
    });
    expect(pairs(r, "total-row-mismatch")).toEqual([]);
  });

  it("小计 + 合计 combinations: 合计 after 小计 rows is the grand total", () => {
    const ok = withTotals((rows) => {
      rows.splice(3, 0, ["小计", null, null, null, 100000]);
      rows.splice(5, 0, ["小计", null, null, null, 150000]);
      rows.push(["小计", null, null, null, 50000], ["合计", null, null, null, 300000]);
    });
    expect(pairs(ok, "total-row-mismatch")).toEqual([]);
    const bad = withTotals((rows) => {
      rows.splice(3, 0, ["小计", null, null, null, 100000]);
      rows.push(["小计", null, null, null, 200001], ["合计", null, null, null, 300000]);
    });
    expect(pairs(bad, "total-row-mismatch")).toEqual(["total-row-mismatch@支出明细!E8"]);
    expect(bad.findings.filter((f) => f.code === "total-row-mismatch").map((f) => [f.actual, f.expected])).toEqual([[200001, 200000]]);
  });

  it("a 合计 holding a formula's cached value, and one without a cached value", () => {
    const ok = withTotals((rows) => rows.push(["合计", null, null, null, 300000]));
    expect(pairs(ok, "total-row-mismatch")).toEqual([]);
    const noCache = withTotals((rows) => rows.push(["合计", null, null, null, null]));
    expect(problems(noCache)).toEqual([]);
  });

  it("a 合计 row under a vertically merged 单位名称 is still a total row", () => {
    const g = aWorkbook().build();
    const s = sheetOf(g, "支出明细");
    s.rows.splice(3, 0, [null, null, "小计", null, 100000]);
    s.merges = [{ top: 1, left: 1, bottom: 3, right: 1 }];
    const r = run(g);
    expect(problems(r)).toEqual([]);
    expect(r.model.lines).toHaveLength(5);
  });

  it("资金分配 totals are checked for 批复金额 and 拨付金额", () => {
    const g = aWorkbook().build();
    sheetOf(g, "资金分配").rows.push([null, null, "合计", null, null, 300001, 299999]);
    const r = run(g);
    expect(pairs(r, "total-row-mismatch")).toEqual(["total-row-mismatch@资金分配!F5", "total-row-mismatch@资金分配!G5"]);
  });

  it("a merge reaching past the data does not turn an empty row into a recipient", () => {
    const g = aWorkbook().build();
    const s = sheetOf(g, "资金分配");
    s.rows.push([]);
    s.merges = [{ top: 1, left: 1, bottom: 4, right: 1 }];
    const r = run(g);
    expect(problems(r)).toEqual([]);
    expect(r.model.recipients).toHaveLength(3);
  });
});

describe("hidden rows and sheets", () => {
  it("hidden rows on 资金分配 and 绩效指标 are reported and still validated", () => {
    const g = aWorkbook().build();
    sheetOf(g, "资金分配").hiddenRows = [2];
    sheetOf(g, "资金分配").rows[2][6] = 160000;
    sheetOf(g, "绩效指标").hiddenRows = [1];
    const r = run(g);
    expect(pairs(r, "hidden-row")).toEqual(["hidden-row@资金分配!A3", "hidden-row@绩效指标!A2"]);
    expect(pairs(r, "disbursed-over-approved")).toEqual(["disbursed-over-approved@资金分配!G3"]);
    expect(r.evaluation.indicators).toHaveLength(3);
  });

  it("a hidden sheet is still read", () => {
    const g = aWorkbook().build();
    sheetOf(g, "支出明细").hidden = true;
    const r = run(g);
    expect(problems(r)).toEqual([]);
    expect(r.summary.spent).toBe(300000);
  });
});

describe("formulas and error values", () => {
  it("a formula without a cached value in a required cell is required-missing", () => {
    const g = aWorkbook().build();
    sheetOf(g, "资金分配").rows[1][5] = null;
    const r = run(g);
    expect(pairs(r, "required-missing")).toEqual(["required-missing@资金分配!F2"]);
  });

  it("error values in required cells give cell-error only, one finding per cell", () => {
    const g = aWorkbook().build();
    const alloc = sheetOf(g, "资金分配");
    alloc.rows[1][2] = new CellError("#REF!");
    alloc.rows[2][5] = new CellError("#N/A");
    const spend = sheetOf(g, "支出明细");
    spend.rows[4][4] = new CellError("#DIV/0!");
    spend.rows[5][1] = new CellError("#VALUE!");
    const ind = sheetOf(g, "绩效指标");
    ind.rows[2][4] = new CellError("#N/A");
    ind.rows[3][3] = new CellError("#REF!");
    const r = run(g);
    const errorCells = ["资金分配!C2", "资金分配!F3", "支出明细!B6", "支出明细!E5", "绩效指标!E3", "绩效指标!D4"];
    expect(pairs(r, "cell-error").sort()).toEqual(errorCells.map((c) => `cell-error@${c}`).sort());
    for (const f of r.findings) if (errorCells.includes(f.cell)) expect(f.code).toBe("cell-error");
  });

  it("error values in optional cells give cell-error", () => {
    const g = aWorkbook().build();
    const alloc = sheetOf(g, "资金分配");
    alloc.rows[1][3] = new CellError("#N/A");
    alloc.rows[1][7] = new CellError("#VALUE!");
    sheetOf(g, "支出明细").rows[1][5] = new CellError("#REF!");
    sheetOf(g, "支出明细").rows[1][6] = new CellError("#NAME?");
    const r = run(g);
    expect(pairs(r)).toEqual(expect.arrayContaining(["cell-error@资金分配!D2", "cell-error@资金分配!H2", "cell-error@支出明细!F2", "cell-error@支出明细!G2"]));
    expect(problems(r).filter((p) => !p.startsWith("cell-error"))).toEqual([]);
  });

  it("an error value in 拨付金额 falls back to 批复金额 for the spending check", () => {
    const g = aWorkbook().build();
    sheetOf(g, "资金分配").rows[1][6] = new CellError("#REF!");
    const r = run(g);
    expect(problems(r)).toEqual(["cell-error@资金分配!G2"]);
  });
});

describe("dates", () => {
  it("dates as text and serial numbers in 拨付日期 / 支出日期", () => {
    const b = aWorkbook();
    b.recipients[0].date = "2022/11/30";
    b.recipients[1].date = 44895; // 2022-11-30
    b.recipients[2].date = "2022年11月30日";
    b.lines[0].date = "2022.12.01";
    b.lines[1].date = 44900;
    b.lines[2].date = "２０２２－１２－０３";
    const r = run(b);
    expect(problems(r)).toEqual([]);
    expect(r.model.recipients[1].disbursedDate).toEqual(d(2022, 11, 30));
    expect(r.model.lines[1].date).toEqual(d(2022, 12, 5));
  });

  it("dates outside the year, as text and as serials", () => {
    const b = aWorkbook();
    b.recipients[0].date = "2021-12-31";
    b.lines[0].date = 44927; // 2023-01-01
    b.lines[1].date = "2021年6月1日";
    const r = run(b);
    expect(pairs(r, "date-outside-year")).toEqual(["date-outside-year@资金分配!H2", "date-outside-year@支出明细!F2", "date-outside-year@支出明细!F3"]);
    expect(r.findings.filter((f) => f.code === "date-outside-year").map((f) => [f.actual, f.expected])).toEqual([["2021-12-31", 2022], ["2023-01-01", 2022], ["2021-06-01", 2022]]);
  });
});

describe("amounts in every odd form", () => {
  it("allocation and spending amounts as text", () => {
    const b = new WorkbookBuilder()
      .withInfo("全年预算数", "￥３００，０００．００")
      .withInfo("全年执行数", "30万元")
      .withRecipient({ name: "甲公司", approved: "￥１２０，０００", disbursed: "壹拾贰万元整" })
      .withRecipient({ name: "乙公司", approved: "15万", disbursed: "150,000.00" })
      .withRecipient({ name: "丙公司", approved: "人民币叁万元整", disbursed: "3万" })
      .withLine({ name: "甲公司", content: "平台升级", amount: "1万5" })
      .withLine({ name: "甲公司", content: "直通车推广", amount: "10.5万元" })
      .withLine({ name: "乙公司", content: "冷库建设", amount: "150,000" })
      .withLine({ name: "丙公司", content: "电商培训", amount: "叁万元整" });
    const r = run(b);
    expect(problems(r)).toEqual([]);
    expect(r.model.recipients.map((x) => x.approvedFen)).toEqual([12000000, 15000000, 3000000]);
    expect(r.model.lines.map((x) => x.amountFen)).toEqual([1500000, 10500000, 15000000, 3000000]);
  });

  it("negatives in parentheses, minus signs and zero are non-positive-amount", () => {
    const b = new WorkbookBuilder()
      .withRecipient({ name: "甲公司", approved: "(1,000.00)", disbursed: null })
      .withRecipient({ name: "乙公司", approved: 0, disbursed: null })
      .withRecipient({ name: "丙公司", approved: 1000, disbursed: "－500" })
      .withLine({ name: "丙公司", content: "平台升级", amount: "-1000" })
      .withLine({ name: "丙公司", content: "平台升级费", amount: 1000 });
    const r = run(b);
    expect(pairs(r, "non-positive-amount")).toEqual(["non-positive-amount@资金分配!F2", "non-positive-amount@资金分配!F3", "non-positive-amount@资金分配!G4", "non-positive-amount@支出明细!E2"]);
    expect(r.findings.filter((f) => f.code === "non-positive-amount").map((f) => f.amount)).toEqual([-1000, 0, -500, -1000]);
  });

  it("拨付金额 0 is not non-positive; it is disbursed-under-approved", () => {
    const b = new WorkbookBuilder().withRecipient({ name: "甲公司", approved: 1000, disbursed: 0 });
    const r = run(b);
    expect(pairs(r, "non-positive-amount")).toEqual([]);
    expect(pairs(r, "disbursed-under-approved")).toEqual(["disbursed-under-approved@资金分配!G2"]);
    const f = r.findings.find((x) => x.code === "disbursed-under-approved")!;
    expect([f.amount, f.limit]).toEqual([0, 1000]);
  });

  it("non-numbers in amount cells (boolean, date, NaN) are invalid-amount, not crashes", () => {
    const b = new WorkbookBuilder()
      .withRecipient({ name: "甲公司", approved: true, disbursed: Number.NaN })
      .withRecipient({ name: "乙公司", approved: d(2022, 1, 1), disbursed: Number.POSITIVE_INFINITY });
    const r = run(b);
    expect(pairs(r, "invalid-amount")).toEqual(["invalid-amount@资金分配!F2", "invalid-amount@资金分配!G2", "invalid-amount@资金分配!F3", "invalid-amount@资金分配!G3"]);
  });
});

describe("texts", () => {
  it("32,767-character 支出内容 and 单位名称 flow through; messages stay within a cell's limit", () => {
    const longName = `湖南${"长".repeat(32761)}有限公司`;
    const longContent = "杂".repeat(32767);
    const b = new WorkbookBuilder()
      .withRecipient({ name: longName, approved: 1000 })
      .withLine({ name: longName, content: longContent, amount: 1000 })
      .withLine({ name: `${longName}X`, content: longContent, amount: 1 });
    const r = run(b);
    expect(pairs(r)).toEqual(expect.arrayContaining(["unclassified-line@支出明细!C2", "unknown-recipient@支出明细!B3"]));
    for (const f of r.findings) expect(f.message.length).toBeLessThanOrEqual(32767);
    expect(r.model.recipients[0].name).toHaveLength(32767);
  });

  it("emoji and rare CJK in names; width and space variants match", () => {
    const b = new WorkbookBuilder()
      .withRecipient({ name: "𠀀𠀁商贸🛒有限公司", approved: 1000 })
      .withRecipient({ name: "ABC电子商务（益阳）有限公司", approved: 2000 })
      .withLine({ name: "𠀀𠀁商贸🛒有限公司", content: "平台升级", amount: 1000 })
      .withLine({ name: "ＡＢＣ电子商务(益阳)有限公司", content: "平台升级", amount: 1000 })
      .withLine({ name: "ABC 电子商务　（益阳） 有限公司", content: "直播推广", amount: 1000 });
    const r = run(b);
    const about = (code: string): string[] => pairs(r, code);
    expect([...about("unknown-recipient"), ...about("spend-under-disbursed"), ...about("spend-over-disbursed"), ...about("no-spending"), ...about("duplicate-recipient")]).toEqual([]);
    expect(r.model.recipients.map((x) => x.name)).toEqual(["𠀀𠀁商贸🛒有限公司", "ABC电子商务（益阳）有限公司"]);
  });

  it("names that look like formulas stay plain strings", () => {
    const names = ['=HYPERLINK("http://x","y")', "+1+1", "@SUM(A1)", "-2+3"];
    const b = new WorkbookBuilder();
    names.forEach((n) => b.withRecipient({ name: n, approved: 1000 }).withLine({ name: n, content: "平台升级", amount: 1000 }));
    b.withLine({ name: "=CMD|'/C calc'!A0", content: "平台升级", amount: 1 });
    const r = run(b);
    expect(r.model.recipients.map((x) => x.name)).toEqual(names);
    expect(pairs(r, "unknown-recipient")).toEqual(["unknown-recipient@支出明细!B6"]);
    expect(r.findings.find((f) => f.code === "unknown-recipient")!.recipient).toBe("=CMD|'/C calc'!A0");
  });
});

describe("项目信息 variants", () => {
  const info = (rows: CellValue[][]): WorkbookGrids => {
    const g = aWorkbook().build();
    sheetOf(g, "项目信息").rows = rows;
    return g;
  };
  const sampleInfo = (): CellValue[][] => aWorkbook().build().sheets[0].rows.slice(1);

  it("no header row: key/value from row 1", () => {
    const r = run(info(sampleInfo()));
    expect(problems(r)).toEqual([]);
    expect(r.model.project.cells["全年预算数"]).toEqual({ sheet: "项目信息", row: 5, col: 1 });
  });

  it("no header row, keys after a 序号 column", () => {
    const r = run(info(sampleInfo().map((row, i) => [i + 1, ...row])));
    expect(problems(r)).toEqual([]);
    expect(r.model.project.cells["全年预算数"]).toEqual({ sheet: "项目信息", row: 5, col: 2 });
  });

  it("a title row then key/value rows without a header", () => {
    const r = run(info([["项目基本信息"], ...sampleInfo()]));
    expect(problems(r)).toEqual([]);
    expect(r.model.project.year).toBe(2022);
  });

  it("金额单位 万元 applies to plain numbers everywhere", () => {
    const b = aWorkbook().withInfo("金额单位", "万元").withInfo("全年预算数", 30).withInfo("全年执行数", 30).withInfo("当年财政拨款", 30);
    b.recipients.forEach((x) => { x.approved = (x.approved as number) / 10000; });
    b.lines.forEach((x) => { x.amount = (x.amount as number) / 10000; });
    b.withScope([["平台建设", "是", "", "", "", 5, ""]]);
    const r = run(b);
    expect(problems(r)).toEqual(["category-cap-exceeded@资金分配!F2"]);
    expect(r.summary).toMatchObject({ budget: 300000, approved: 300000, disbursed: 300000, spent: 300000 });
    expect(r.findings[0]).toMatchObject({ amount: 60000, limit: 50000 });
  });

  it("资金年度 as 2021年, 自评得分 as 98分", () => {
    const b = aWorkbook().withInfo("资金年度", "2022年").withInfo("自评得分", "98分");
    const r = run(b);
    expect(r.model.project.year).toBe(2022);
    expect(pairs(r, "claimed-score-mismatch")).toEqual(["claimed-score-mismatch@项目信息!B12"]);
    const f = r.findings.find((x) => x.code === "claimed-score-mismatch")!;
    expect([f.actual, f.expected]).toEqual([98, 100]);
  });

  it("预算执行率分值 other than 10 is nonstandard-weights at its cell", () => {
    const b = aWorkbook().withInfo("预算执行率分值", 20);
    b.indicators[2][5] = 0;
    const r = run(b);
    expect(pairs(r, "nonstandard-weights")).toEqual(["nonstandard-weights@项目信息!B13", "nonstandard-weights@绩效指标!A4"]);
    expect(pairs(r, "weights-not-100")).toEqual([]);
  });

  it("missing 全年执行数: the execution rate falls back to Σ拨付", () => {
    const b = aWorkbook().withoutInfo("全年执行数").withInfo("全年预算数", 400000);
    b.recipients[2].disbursed = 30000;
    const r = run(b);
    expect(r.evaluation.executionRate).toBe(0.7);
    expect(r.evaluation.executionScore).toBe(7);
    expect(pairs(r, "missing-execution-reason")).toEqual(["missing-execution-reason@项目信息!B7"]);
  });

  it("全年预算数 0: no division by zero, no NaN anywhere", () => {
    const r = run(aWorkbook().withInfo("全年预算数", 0));
    expect(r.evaluation.executionRate).toBeNull();
    const json = toJsonReport(r, "x.xlsx");
    for (const n of numbersIn(json)) expect(Number.isFinite(n)).toBe(true);
    expect(pairs(r, "allocation-over-budget")).toEqual(["allocation-over-budget@项目信息!B7"]);
  });
});

describe("绩效指标", () => {
  const withSheet = (b: WorkbookBuilder, rows: CellValue[][]): WorkbookGrids => {
    const g = b.build();
    sheetOf(g, "绩效指标").rows = rows;
    return g;
  };

  it("指标性质 and 度量单位 columns replace text parsing", () => {
    const g = withSheet(aWorkbook(), [
      ["一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "实际完成值", "分值"],
      ["产出指标", "数量指标", "支持企业数", "≥", 3, "家", 3, 20],
      ["产出指标", "成本指标", "单位成本", "反向", 100, "元", 125, 10],
      ["产出指标", "质量指标", "验收合格数", "=", "3", "家", "3", 10],
      ["产出指标", "时效指标", "完成时间", "定性", "12月底前完成", "", "如期完成", 10],
      ["效益指标", "经济效益指标", "销售额", "正向", "1000", "万元", "1200万元", 30],
      ["满意度指标", "服务对象满意度指标", "满意度", "≥", 90, "%", 0.96, 10],
    ]);
    const r = run(g);
    expect(r.model.indicators.map((i) => i.target)).toEqual([
      { kind: "quantitative", op: ">=", value: 3, unit: "家" },
      { kind: "quantitative", op: "<=", value: 100, unit: "元" },
      { kind: "quantitative", op: "=", value: 3, unit: "家" },
      expect.objectContaining({ kind: "qualitative" }),
      { kind: "quantitative", op: ">=", value: 1000, unit: "万元" },
      { kind: "quantitative", op: ">=", value: 90, unit: "%" },
    ]);
    expect(r.evaluation.indicators.map((i) => i.score)).toEqual([20, 8, 10, 10, 30, 10]);
    expect(pairs(r, "target-not-met")).toEqual(["target-not-met@绩效指标!G3"]);
  });

  it("评价等级 不适用 is excluded and the total rescaled", () => {
    const b = aWorkbook();
    b.indicators[1] = ["效益指标", "经济效益指标", "带动网络销售额", "1000万元以上", "", 30, "不适用", "", ""];
    b.indicators[0][4] = "2家";
    b.indicators[0][7] = "";
    b.indicators[0][8] = "疫情";
    const r = run(b);
    expect(pairs(r, "indicator-not-applicable")).toEqual(["indicator-not-applicable@绩效指标!F3"]);
    expect(pairs(r, "missing-actual")).toEqual([]);
    // (33.33 + 10) of 60 applicable → × 90/60 = 65, + 10 execution.
    expect(r.evaluation.total).toBe(75);
  });

  it("一级指标 left blank continues the one above; 产出指标(50分) is normalised", () => {
    const g = withSheet(aWorkbook(), [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "评价等级", "数据来源", "偏差原因分析及改进措施"],
      ["产出指标(50分)", "数量指标", "支持企业数", "3家以上", "3家", 25],
      [null, null, "培训人次", "100人次以上", "120人次", 25],
      ["效益指标（30分）", "经济效益指标", "带动网络销售额", "1000万元以上", "1200万元", 30],
      ["满意度指标", "服务对象满意度指标", "企业满意度", "90%以上", "96%", 10],
    ]);
    const r = run(g);
    expect(r.model.indicators.map((i) => [i.level1, i.level2])).toEqual([["产出指标", "数量指标"], ["产出指标", "数量指标"], ["效益指标", "经济效益指标"], ["满意度指标", "服务对象满意度指标"]]);
    expect(problems(r)).toEqual([]);
  });

  it("a typed 得分 within the band of its 评价等级 is kept, outside it replaced", () => {
    const g = withSheet(aWorkbook(), [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "评价等级", "得分"],
      ["产出指标", "时效指标", "按时完成", "如期完成", "如期完成", 25, "达成", 22],
      ["产出指标", "质量指标", "验收", "全部合格", "基本合格", 25, "部分达成", 22],
      ["效益指标", "社会效益指标", "带动就业", "明显提升", "", 30, "部分达成", 20],
      ["满意度指标", "服务对象满意度指标", "满意度", "较高", "", 10, "未达成", 7],
    ]);
    const r = run(g);
    expect(r.evaluation.indicators.map((i) => i.score)).toEqual([22, 17.5, 20, 3]);
  });

  it("数据来源 fills each metric; a typed value that differs is actual-mismatch, units scaled", () => {
    const b = aWorkbook().withInfo("全年执行数", "30万元");
    b.recipients[2].date = d(2023, 1, 15);
    b.lines[0].content = "促销红包";
    b.lines[0].category = "";
    b.indicators = [
      ["产出指标", "数量指标", "受助单位", "3家以上", "3家", 10, "", "受助单位数", ""],
      ["产出指标", "数量指标", "批复", "30万元", "30万元", 5, "", "批复总额", ""],
      ["产出指标", "数量指标", "拨付", "30万元", "300000元", 5, "", "拨付总额", ""],
      ["产出指标", "数量指标", "支出", "30万元", "31万元", 10, "", "支出总额", "多报"],
      ["产出指标", "质量指标", "执行率", "90%以上", "100%", 10, "", "预算执行率", ""],
      ["产出指标", "质量指标", "合规", "100%", "100%", 10, "", "合规支出占比", "已整改"],
      ["效益指标", "经济效益指标", "按时", "100%", "", 30, "", "按时拨付率", "年后拨付"],
      ["满意度指标", "服务对象满意度指标", "企业满意度", "90%以上", "96%", 10, "", "", ""],
    ];
    const r = run(b);
    expect(r.evaluation.indicators.map((i) => i.actual)).toEqual(["3家", "300000元", "300000元", "300000元", "100%", "80%", "66.67%", "96%"]);
    expect(pairs(r, "actual-mismatch")).toEqual(["actual-mismatch@绩效指标!E5", "actual-mismatch@绩效指标!E7"]);
  });

  it("a percentage typed as a number cell (1 shown as 100%) is not a mismatch", () => {
    const b = aWorkbook();
    b.indicators[2] = ["满意度指标", "服务对象满意度指标", "执行率", "90%以上", 1, 10, "", "预算执行率", ""];
    b.indicators[1] = ["效益指标", "经济效益指标", "合规", "100%", 0.9, 30, "", "合规支出占比", "整改"];
    const r = run(b);
    expect(pairs(r, "actual-mismatch")).toEqual(["actual-mismatch@绩效指标!E3"]);
    expect(r.findings.find((f) => f.code === "actual-mismatch")).toMatchObject({ actual: "0.9", expected: "100%" });
  });

  it("382.5万元 typed against 3825000 元 computed is not a mismatch", () => {
    const b = new WorkbookBuilder().withInfo("全年预算数", "500万元").withInfo("全年执行数", "382.5万元").withInfo("执行率偏差原因", "部分项目未验收");
    b.withRecipient({ name: "甲公司", approved: 3825000 }).withLine({ name: "甲公司", content: "平台升级", amount: 3825000 });
    b.indicators = [
      ["产出指标", "数量指标", "批复", "300万元以上", "382.5万元", 50, "", "批复总额", ""],
      ["效益指标", "经济效益指标", "拨付", "300万元以上", "3825000", 30, "", "拨付总额", ""],
      ["满意度指标", "服务对象满意度指标", "执行率", "70%以上", "76.5%", 10, "", "预算执行率", ""],
    ];
    const r = run(b);
    expect(pairs(r, "actual-mismatch")).toEqual([]);
  });
});

describe("支出范围", () => {
  const scopeRun = (rows: CellValue[][], b = aWorkbook()): ValidationResult => run(b.withScope(rows));

  it("推广营销 → 否 makes 直通车 lines forbidden", () => {
    const b = aWorkbook().withLine({ name: "示例服饰有限公司", content: "直通车", amount: 1 });
    const r = scopeRun([["推广营销", "否", "", "", "", "", ""]], b);
    expect(pairs(r, "forbidden-category")).toEqual(["forbidden-category@支出明细!C3", "forbidden-category@支出明细!C7"]);
    expect(r.findings.find((f) => f.cell === "支出明细!C7" && f.code === "forbidden-category")).toMatchObject({ category: "推广营销", keyword: "直通车", amount: 1 });
  });

  it("new categories with keywords classify lines", () => {
    const b = aWorkbook().withLine({ name: "示例服饰有限公司", content: "直播带货主播佣金", amount: 1 });
    const r = scopeRun([["主播佣金", "否", "", "主播佣金、坑位费", "", "", "直播带货佣金不得列支"]], b);
    expect(r.findings.filter((f) => f.cell === "支出明细!C7").map((f) => [f.code, f.category, f.keyword])).toEqual([
      ["forbidden-category", "主播佣金", "主播佣金"], ["inferred-category", "主播佣金", "主播佣金"],
    ]);
  });

  it("适用支持方向 restricts a category", () => {
    const r = scopeRun([["冷链物流", "是", "农特产品上行", "", "", "", ""]]);
    expect(pairs(r, "category-not-allowed-for-area")).toEqual(["category-not-allowed-for-area@支出明细!C4"]);
  });

  it("占比上限 as 30%, 0.3 and 30; 金额上限 with units", () => {
    for (const cap of ["30%", 0.3, "30", "３０％"]) {
      const r = scopeRun([["推广营销", "是", "", "", cap, "", ""]]);
      expect(pairs(r, "category-cap-exceeded")).toEqual(["category-cap-exceeded@资金分配!F2"]);
      expect(r.findings.find((f) => f.code === "category-cap-exceeded")).toMatchObject({ amount: 40000, limit: 30000 });
    }
    const wan = scopeRun([["平台建设", "是", "", "", "", "5万元", ""]]);
    expect(wan.findings.filter((f) => f.code === "category-cap-exceeded").map((f) => [f.cell, f.amount, f.limit])).toEqual([["资金分配!F2", 60000, 50000]]);
    const g = aWorkbook().withScope([["平台建设", "是", "", "", "", 5, ""]]).build();
    sheetOf(g, "支出范围").rows[0][5] = "金额上限（万元）";
    expect(run(g).findings.filter((f) => f.code === "category-cap-exceeded").map((f) => [f.cell, f.limit])).toEqual([["资金分配!F2", 50000]]);
  });

  it("购买流量 = 否 makes 直通车 lines forbidden and not compliant", () => {
    const b = aWorkbook().withLine({ name: "示例服饰有限公司", content: "直通车推广", amount: 10000 });
    b.lines[4].amount = 10000;
    b.indicators[2] = ["满意度指标", "服务对象满意度指标", "合规支出", "100%", "", 10, "", "合规支出占比", "整改"];
    const r = scopeRun([["购买流量", "否", "", "", "", "", ""]], b);
    expect(pairs(r, "forbidden-category")).toEqual(["forbidden-category@支出明细!C7"]);
    expect(r.findings.find((f) => f.code === "forbidden-category")).toMatchObject({ category: "购买流量", keyword: "直通车" });
    expect(r.evaluation.indicators[2].actual).toBe("96.67%");
  });
});

describe("whole-workbook invariants and JSON fields", () => {
  it("a negative 分值 or 预算执行率分值 never scores below zero", () => {
    const b = aWorkbook().withInfo("预算执行率分值", -10);
    b.indicators[2][5] = -10;
    const r = run(b);
    expect(r.evaluation.indicators.map((i) => i.score)).toEqual([50, 30, 0]);
    expect(r.evaluation.executionScore).toBe(0);
    expect(pairs(r, "weights-not-100")).toEqual(["weights-not-100@绩效指标!F1"]);
  });

  it("scores in findings are rounded to 2 decimals", () => {
    const r = run(aWorkbook().withInfo("自评得分", 98.456).withInfo("预算执行率分值", 10.004));
    expect(r.findings.filter((f) => f.code === "claimed-score-mismatch" || f.code === "nonstandard-weights").map((f) => [f.cell, f.actual])).toEqual([
      ["项目信息!B12", 98.46], ["项目信息!B13", 10],
    ]);
  });

  it("no NaN or Infinity in summary or evaluation on absurd numbers", () => {
    const b = aWorkbook().withInfo("全年预算数", 1e300).withInfo("预算执行率分值", Number.MAX_VALUE).withInfo("自评得分", Number.POSITIVE_INFINITY);
    b.indicators[0][5] = 1e308;
    b.indicators[1][5] = Number.NaN;
    b.indicators[2][4] = 1e308;
    const r = run(b);
    const json = toJsonReport(r, "x.xlsx");
    for (const n of numbersIn(json)) expect(Number.isFinite(n)).toBe(true);
  });

  it("every finding names an existing sheet, even for sheets with odd names", () => {
    const g = aWorkbook().withLine({ name: "不在名单的公司", content: "平台", amount: 1 }).build();
    sheetOf(g, "支出明细").name = " 支出明细 ";
    sheetOf(g, "资金分配").name = "Allocation";
    const r = run(g);
    expect(pairs(r, "unknown-recipient")).toEqual(["unknown-recipient@ 支出明细 !B7"]);
    expect(r.findings.find((f) => f.code === "unknown-recipient")!.sheet).toBe(" 支出明细 ");
    expect(r.findings.find((f) => f.code === "spend-over-disbursed")).toBeUndefined();
    const names = new Set(g.sheets.map((s) => s.name));
    for (const f of r.findings) expect(names.has(f.sheet)).toBe(true);
  });

  it("amount, limit, expected, actual are yuan numbers with at most 2 decimals; rows 1-based", () => {
    const r = run(aWorkbook()
      .withInfo("全年预算数", 299999.99).withInfo("全年执行数", "29.999999万")
      .withLine({ name: "示例服饰有限公司", content: "宣传", amount: 0.015 }));
    for (const f of toJsonReport(r, "x.xlsx").findings) {
      for (const k of ["amount", "limit", "expected", "actual"] as const) {
        const v = f[k];
        if (typeof v === "number") expect(Math.round(v * 100) / 100).toBe(v);
      }
      expect(f.row).toBe(Number(/\d+$/.exec(f.cell)![0]));
    }
    expect(r.findings.filter((f) => f.code === "allocation-over-budget").map((f) => [f.amount, f.limit])).toEqual([[300000, 299999.99]]);
    expect(r.findings.filter((f) => f.code === "executed-total-mismatch").map((f) => [f.actual, f.expected])).toEqual([[299999.99, 300000]]);
  });

  it("actual-mismatch on a money metric carries yuan numbers", () => {
    const b = aWorkbook();
    b.indicators[1] = ["效益指标", "经济效益指标", "批复", "20万元以上", "31万元", 30, "", "批复总额", ""];
    const r = run(b);
    expect(r.findings.filter((f) => f.code === "actual-mismatch").map((f) => [f.cell, f.actual, f.expected])).toEqual([["绩效指标!E3", 310000, 300000]]);
  });
});
