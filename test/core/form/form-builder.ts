// A filled national 项目支出绩效自评表 (SPEC §5 layout, 财预〔2020〕10号) as grids, with cells to
// change by address: one planted fault per test. The clean form adds up: 9.5 + 30 + 20 + 24 + 10 = 93.5, 优.
import { fromA1, type CellRange, type CellValue, type SheetGrid, type WorkbookGrids } from "../../../src/core/grid";
import type { SheetLayout } from "../../../src/core/layout";

export class FormBuilder {
  rows: CellValue[][] = [
    ["（2022年度）项目支出绩效自评表"],
    ["项目名称", null, "示例电商扶持资金"],
    ["主管部门", null, "示例市商务局", null, null, null, "实施单位", null, "示例市电商中心"],
    ["项目资金（万元）", null, null, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, null, "年度资金总额", null, 100, 100, 95, 10, 0.95, 9.5],
    [null, null, "其中：当年财政拨款", null, 80, 80, 75, "—", "—", "—"],
    [null, null, "上年结转资金", null, 20, 20, 20, "—", "—", "—"],
    [null, null, "其他资金", null, null, null, null, "—", "—", "—"],
    ["年度总体目标", "预期目标", null, null, null, null, "实际完成情况"],
    [null, "支持电商企业 10 家", null, null, null, null, "支持 12 家"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [null, "产出指标", "数量指标", "支持企业数", "≥10家", "12家", 30, 30, ""],
    [null, null, "质量指标", "验收合格率", "≥95%", "96%", 20, 20, ""],
    [null, "效益指标", "经济效益指标", "带动销售额", "≥1000万元", "800万元", 30, 24, "市场低迷，下年加强推广"],
    [null, "满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "92%", 10, 10, ""],
    ["总分", null, null, null, null, null, 100, 93.5, "自评等级：优"],
  ];
  merges: CellRange[] = [
    { top: 0, left: 0, bottom: 0, right: 9 }, { top: 1, left: 0, bottom: 1, right: 1 }, { top: 1, left: 2, bottom: 1, right: 9 },
    { top: 3, left: 0, bottom: 7, right: 1 }, { top: 4, left: 2, bottom: 4, right: 3 }, { top: 5, left: 2, bottom: 5, right: 3 },
    { top: 6, left: 2, bottom: 6, right: 3 }, { top: 7, left: 2, bottom: 7, right: 3 },
    { top: 8, left: 0, bottom: 9, right: 0 }, { top: 8, left: 1, bottom: 8, right: 5 }, { top: 8, left: 6, bottom: 8, right: 9 },
    { top: 10, left: 0, bottom: 14, right: 0 }, { top: 11, left: 1, bottom: 12, right: 1 },
    { top: 10, left: 8, bottom: 10, right: 9 }, { top: 15, left: 0, bottom: 15, right: 5 }, { top: 15, left: 8, bottom: 15, right: 9 },
  ];
  name = "Sheet1";

  /** Sets cells by address: set({ H16: 95 }). */
  set(cells: Record<string, CellValue>): this {
    for (const [a1, v] of Object.entries(cells)) {
      const p = fromA1(a1);
      if (!p) throw new Error(a1);
      this.rows[p.row] = this.rows[p.row] ?? [];
      this.rows[p.row][p.col] = v;
    }
    return this;
  }

  grid(): SheetGrid {
    return { name: this.name, rows: this.rows.map((r) => r.slice()), merges: this.merges };
  }

  build(): WorkbookGrids {
    return { sheets: [this.grid()] };
  }
}

export const aForm = (): FormBuilder => new FormBuilder();

/** A layout as the grid a reader gives back: values only, merges kept. */
export function layoutGrid(l: SheetLayout, name = l.name): SheetGrid {
  const rows: CellValue[][] = [];
  for (const c of l.cells) {
    rows[c.row] = rows[c.row] ?? [];
    rows[c.row][c.col] = c.value;
  }
  for (let r = 0; r < rows.length; r++) rows[r] = rows[r] ?? [];
  return { name, rows, merges: l.merges };
}
