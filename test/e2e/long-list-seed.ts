// A workbook whose validation lists a few hundred findings (test/e2e/long-list.test.ts): 40
// recipients with 12 spending lines each, every third line a forbidden expense.
import type { FakeWorkbookSeed } from "../fake-office";

export const RECIPIENTS = 40;
const LINES_EACH = 12;

export function recipientName(k: number): string {
  return `测试${k}号电子商务有限公司`;
}

export function longListSeed(): FakeWorkbookSeed {
  const allocation: (string | number | null)[][] = [["序号", "区域", "单位名称", "支持方向", "批复金额", "拨付金额"]];
  const spending: (string | number | null)[][] = [["序号", "单位名称", "支出内容", "支出类别", "金额"]];
  let budget = 0;
  let n = 0;
  for (let k = 1; k <= RECIPIENTS; k++) {
    let total = 0;
    for (let j = 0; j < LINES_EACH; j++) {
      const forbidden = j % 3 === 0;
      const amount = 1000 * (1 + ((k * 7 + j) % 9));
      total += amount;
      spending.push([++n, recipientName(k), forbidden ? "发放员工年终奖金" : "网店平台升级", forbidden ? null : "平台建设", amount]);
    }
    budget += total;
    allocation.push([k, k % 2 ? "资阳区" : "赫山区", recipientName(k), "企业做大做强", total, total]);
  }
  const project: (string | number)[][] = [
    ["项目", "内容"],
    ["项目名称", "益阳市电子商务产业发展引导资金（长列表）"],
    ["主管部门", "益阳市商务局"],
    ["实施单位", "益阳市商务局"],
    ["资金年度", 2021],
    ["金额单位", "元"],
    ["全年预算数", budget],
    ["全年执行数", budget],
    ["当年财政拨款", budget],
    ["适用区域", "资阳区、赫山区"],
    ["支持方向", "企业做大做强"],
  ];
  const indicators = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "评价等级", "数据来源"],
    ["产出指标", "数量指标", "支持企业数", `${RECIPIENTS}家以上`, `${RECIPIENTS}家`, 30, null, "受助单位数"],
    ["效益指标", "经济效益指标", "带动网络销售额", "1000万元以上", "1200万元", 30, null, null],
    ["满意度指标", "服务对象满意度指标", "企业满意度", "90%以上", "96%", 10, null, null],
  ];
  return {
    sheets: [
      { name: "项目信息", values: project },
      { name: "资金分配", values: allocation },
      { name: "支出明细", values: spending },
      { name: "绩效指标", values: indicators },
    ],
  };
}
