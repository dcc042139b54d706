// Fixture builders for engine tests: aWorkbook().withRecipient(...).withLine(...).build()
import { makeCreditCode } from "../../src/core/parse/credit-code";
import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/core/grid";
import type { RuleConfig, ValidationResult } from "../../src/core/types";
import { validateWorkbook } from "../../src/core/validate";

export interface RecipientSpec {
  district?: string;
  name: string;
  code?: string;
  area?: string;
  approved: CellValue;
  disbursed?: CellValue;
  date?: CellValue;
  detail?: string;
}

export interface LineSpec {
  name: string;
  content: string;
  category?: string;
  amount: CellValue;
  date?: CellValue;
  voucher?: string;
}

export type IndicatorRow = [string, string, string, CellValue, CellValue, CellValue, string?, string?, string?];

/** A date cell as readers give it: UTC midnight. */
export const utcDay = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m - 1, day));
const d = utcDay;

export class WorkbookBuilder {
  info: [string, CellValue][] = [
    ["项目名称", "示例电商扶持资金"], ["主管部门", "示例市商务局"], ["实施单位", "示例市商务局"], ["资金年度", 2022],
    ["金额单位", "元"], ["全年预算数", 300000], ["全年执行数", 300000], ["当年财政拨款", 300000],
    ["适用区域", "甲区、乙区"], ["支持方向", "农特产品上行、支撑服务企业、企业做大做强"], ["自评得分", 100],
  ];
  recipients: RecipientSpec[] = [];
  lines: LineSpec[] = [];
  indicators: IndicatorRow[] = [
    ["产出指标", "数量指标", "支持企业数", "3家以上", "3家", 50, "", "受助单位数", ""],
    ["效益指标", "经济效益指标", "带动网络销售额", "1000万元以上", "1200万元", 30, "", "", ""],
    ["满意度指标", "服务对象满意度指标", "企业满意度", "90%以上", "96%", 10, "", "", ""],
  ];
  scope: CellValue[][] | null = null;
  extraSheets: SheetGrid[] = [];
  hiddenLineRows: number[] = [];
  omit = new Set<string>();

  /** The conformance sample (three recipients, balanced), as in ../shared/samples/make.py. */
  static sample(): WorkbookBuilder {
    const b = new WorkbookBuilder();
    b.withRecipient({ district: "甲区", name: "示例农业电子商务有限公司", area: "农特产品上行", approved: 100000, code: makeCreditCode(1000) })
      .withRecipient({ district: "甲区", name: "示例物流科技有限公司", area: "支撑服务企业", approved: 150000, code: makeCreditCode(1001) })
      .withRecipient({ district: "乙区", name: "示例服饰有限公司", area: "企业做大做强", approved: 50000, code: makeCreditCode(1002) })
      .withLine({ name: "示例农业电子商务有限公司", content: "网店平台升级", category: "平台建设", amount: 60000 })
      .withLine({ name: "示例农业电子商务有限公司", content: "直播推广", category: "推广营销", amount: 40000 })
      .withLine({ name: "示例物流科技有限公司", content: "冷链仓储改造", category: "冷链物流", amount: 150000 })
      .withLine({ name: "示例服饰有限公司", content: "电商运营培训", category: "培训", amount: 30000 })
      .withLine({ name: "示例服饰有限公司", content: "购置电脑", category: "设备购置", amount: 20000 });
    return b;
  }

  withInfo(key: string, value: CellValue): this {
    const i = this.info.findIndex(([k]) => k === key);
    if (i >= 0) this.info[i] = [key, value];
    else this.info.push([key, value]);
    return this;
  }

  withoutInfo(key: string): this {
    this.info = this.info.filter(([k]) => k !== key);
    return this;
  }

  withRecipient(r: RecipientSpec): this {
    this.recipients.push(r);
    return this;
  }

  withLine(l: LineSpec): this {
    this.lines.push(l);
    return this;
  }

  withIndicators(rows: IndicatorRow[]): this {
    this.indicators = rows;
    return this;
  }

  withScope(rows: CellValue[][]): this {
    this.scope = rows;
    return this;
  }

  without(sheet: string): this {
    this.omit.add(sheet);
    return this;
  }

  build(): WorkbookGrids {
    const sheets: SheetGrid[] = [];
    if (!this.omit.has("项目信息")) sheets.push({ name: "项目信息", rows: [["项目", "内容"], ...this.info.map(([k, v]) => [k, v])] });
    const hasDetail = this.recipients.some((r) => r.detail !== undefined);
    if (!this.omit.has("资金分配")) {
      const header: CellValue[] = ["序号", "区域", "单位名称", "统一社会信用代码", "支持方向", "批复金额", "拨付金额", "拨付日期"];
      if (hasDetail) header.push("明细说明");
      sheets.push({
        name: "资金分配",
        rows: [header, ...this.recipients.map((r, i) => {
          const row: CellValue[] = [i + 1, r.district ?? "甲区", r.name, r.code ?? makeCreditCode(2000 + i), r.area ?? "农特产品上行", r.approved, r.disbursed === undefined ? r.approved : r.disbursed, r.date === undefined ? d(2022, 11, 30) : r.date];
          if (hasDetail) row.push(r.detail ?? null);
          return row;
        })],
      });
    }
    if (!this.omit.has("支出明细")) {
      sheets.push({
        name: "支出明细",
        rows: [["序号", "单位名称", "支出内容", "支出类别", "金额", "支出日期", "凭证号"], ...this.lines.map((l, i) => [
          i + 1, l.name, l.content, l.category ?? "", l.amount, l.date === undefined ? d(2022, 12, 1 + (i % 28)) : l.date, l.voucher ?? `SL-${String(i + 1).padStart(3, "0")}`,
        ])],
        hiddenRows: this.hiddenLineRows,
      });
    }
    if (this.scope) sheets.push({ name: "支出范围", rows: [["支出类别", "是否允许", "适用支持方向", "关键词", "占比上限", "金额上限", "说明"], ...this.scope] });
    if (!this.omit.has("绩效指标")) {
      sheets.push({ name: "绩效指标", rows: [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "评价等级", "数据来源", "偏差原因分析及改进措施"], ...this.indicators.map((r) => r.map((v) => (v === undefined ? null : v)))] });
    }
    sheets.push(...this.extraSheets);
    return { sheets };
  }
}

export function aWorkbook(): WorkbookBuilder {
  return WorkbookBuilder.sample();
}

/** Validates a builder or ready grids with an optional rule config. */
export function run(b: WorkbookBuilder | WorkbookGrids, config: RuleConfig = {}): ValidationResult {
  return validateWorkbook(b instanceof WorkbookBuilder ? b.build() : b, { config });
}

/** Findings as "code@cell", optionally of one code: what tests assert on. */
export function pairs(r: ValidationResult, code?: string): string[] {
  return r.findings.filter((f) => !code || f.code === code).map((f) => `${f.code}@${f.cell}`);
}

/** Every number in a JSON-able value, recursively. */
export function numbersIn(v: unknown, out: number[] = []): number[] {
  if (typeof v === "number") out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => numbersIn(x, out));
  else if (v && typeof v === "object") Object.values(v).forEach((x) => numbersIn(x, out));
  return out;
}
