// Seeds for the fake host: a small allocation workbook and a 20,000-line one.
import type { FakeSheetSeed, FakeWorkbookSeed } from "../fake-office";

type Row = (string | number | boolean | null)[];

const DISTRICTS = ["资阳区", "赫山区", "益阳高新区"];
const CONTENT = ["直通车推广费用", "培训费用", "阿里巴巴实力商家年费", "网站升级改造", "冷库建设", "抖音直播推广", "代运营服务费"];

export function projectSheet(): FakeSheetSeed {
  return {
    name: "项目信息",
    values: [
      ["项目", "内容"],
      ["项目名称", "2021年电子商务发展专项资金"],
      ["资金年度", 2021],
      ["金额单位", "万元"],
      ["全年预算数", 500],
      ["全年执行数", 382.5],
    ],
  };
}

export function smallWorkbook(): FakeWorkbookSeed {
  return {
    sheets: [
      projectSheet(),
      {
        name: "资金分配",
        values: [
          ["序号", "区域", "单位名称", "支持方向", "批复金额", "拨付日期"],
          [1, "资阳区", "益阳市甲电子商务有限公司", "电商招商", 20, 44550],
          [2, null, "益阳市乙农业科技有限公司", "农特产品上行", 15, 44551],
          [3, "赫山区", "#REF!", "企业做大做强", "#DIV/0!", true],
          [4, "益阳高新区", "=HYPERLINK(\"http://x\",\"点我\")", "协会发展", 5.5, null],
        ],
        merges: ["B2:B3"],
        hiddenRows: [3],
        fills: { E2: "#FFFF00" },
      },
      { name: "空白", values: [] },
      {
        name: "偏移",
        values: [[], [], [null, null, "表头", "金额"], [null, null, "数据", 12]],
        visibility: "Hidden",
      },
    ],
  };
}

/** 20,000 spending lines (8 columns of mostly Chinese text) plus the other input sheets. */
export function largeWorkbook(lines = 20000): FakeWorkbookSeed {
  const recipients = 500;
  const alloc: Row[] = [["序号", "区域", "单位名称", "统一社会信用代码", "支持方向", "批复金额", "拨付金额", "拨付日期"]];
  for (let i = 0; i < recipients; i++) alloc.push([i + 1, DISTRICTS[i % 3], `益阳市第${i + 1}电子商务有限公司`, `91430900MA4L${String(100000 + i)}`, "企业做大做强", 10 + (i % 7), 10 + (i % 7), 44550 + (i % 200)]);
  const spend: Row[] = [["序号", "单位名称", "支出内容", "支出类别", "金额", "支出日期", "凭证号", "备注"]];
  for (let i = 0; i < lines; i++)
    spend.push([i + 1, `益阳市第${(i % recipients) + 1}电子商务有限公司`, CONTENT[i % CONTENT.length], i % 3 === 0 ? "推广营销" : null, 1000 + (i % 977) * 3.5, 44300 + (i % 300), `记-2021-${String(i).padStart(5, "0")}`, i % 10 === 0 ? "已审核" : null]);
  const indicators: Row[] = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值"]];
  for (let i = 0; i < 12; i++) indicators.push(["产出指标", "数量指标", `指标${i + 1}`, "≥10家", "12家", 5]);
  return { sheets: [projectSheet(), { name: "资金分配", values: alloc }, { name: "支出明细", values: spend }, { name: "绩效指标", values: indicators }] };
}

/** Grids as the CLI's reader gives them -> values as Excel's API returns them (dates as serials, errors as "#REF!"). */
export function seedFromGrids(grids: import("../../src/core/grid").WorkbookGrids): FakeWorkbookSeed {
  const toA1 = (r: number, c: number): string => {
    let s = "";
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return `${s}${r + 1}`;
  };
  return {
    sheets: grids.sheets.map((g) => ({
      name: g.name,
      values: g.rows.map((row) =>
        (row ?? []).map((v) => {
          if (v instanceof Date) return Math.round((v.getTime() / 86400000 + 25569) * 1e6) / 1e6;
          if (v !== null && typeof v === "object") return String(v);
          return v;
        }),
      ),
      hiddenRows: g.hiddenRows,
      merges: (g.merges ?? []).map((m) => `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`),
      visibility: g.hidden ? "Hidden" : "Visible",
    })),
  };
}
