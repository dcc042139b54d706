// The built-in scope profiles (SPEC §1, §10): 电商 for e-commerce guidance funds, 经济分类 for
// the 部门预算支出经济分类 items every government spending table uses.
import type { ScopeCategory } from "./types";

export type ScopeProfile = "电商" | "经济分类";
export const SCOPE_PROFILES: readonly ScopeProfile[] = ["电商", "经济分类"];

const cat = (name: string, status: ScopeCategory["status"], keywords: string[], codes?: string[]): ScopeCategory => ({
  name, status, areas: [], keywords, capPercent: null, capFen: null, note: "", builtIn: true, ...(codes ? { codes } : {}),
});

/** SPEC §1 defaults (extend, never shrink). */
export function ecommerceScope(): ScopeCategory[] {
  return [
    cat("平台建设", "allowed", ["平台", "网站", "系统开发", "商城", "小程序", "升级", "装修"]),
    cat("推广营销", "allowed", ["推广", "直通车", "超级推荐", "钻展", "淘宝客", "抖音", "直播", "广告", "宣传", "关键词", "活动坑位", "抢购"]),
    // 人才培训 / 人才培养 outweigh 人才 (人才引进) by length: 电商人才培训 is training.
    cat("培训", "allowed", ["培训", "学习", "考察", "大学", "职院", "人才培训", "人才培养"]),
    cat("人才引进", "allowed", ["人才引进", "人才"]),
    cat("技术服务", "allowed", ["技术服务", "代运营", "运营服务", "网络服务", "软件"]),
    // 软件和硬件 outweighs 软件 (技术服务): buying both is an equipment purchase.
    cat("设备购置", "allowed", ["设备", "电脑", "硬件", "软件和硬件", "软硬件"]),
    cat("冷链物流", "allowed", ["冷库", "冷链", "物流", "仓储"]),
    cat("协会活动", "allowed", ["协会", "会议", "展会"]),
    cat("促销让利", "forbidden", ["促销", "特价", "让利", "返现", "红包"]),
    cat("人员经费", "forbidden", ["工资", "奖金", "福利", "社保", "人员经费"]),
    cat("基本建设", "forbidden", ["基建", "土建", "征地", "拆迁", "楼堂馆所", "装修办公楼"]),
    cat("偿还债务", "forbidden", ["还贷", "还款", "利息"]),
    cat("罚款捐赠", "forbidden", ["罚款", "滞纳金", "捐赠", "赞助"]),
    cat("工作经费", "forbidden", ["提取工作经费", "管理费"]),
    // 购买流量 is flagged on top of the line's category, not used to classify it.
    cat("购买流量", "review", ["购买流量", "直通车", "超级推荐", "钻展", "淘宝客", "多多场景", "关键词搜索", "信息流", "付费推广", "引流"]),
  ];
}

/**
 * 部门预算支出经济分类 items (财政部 2017 classification, codes as in the 科目 table). A line
 * that starts with a code ("[30201]办公费", "30201 办公费") is classified by the code alone; a
 * class code (301, 303) stands for every item under it.
 */
export function economicScope(): ScopeCategory[] {
  return [
    cat("办公费", "allowed", ["办公费", "办公用品", "文具", "办公耗材", "耗材", "打印纸", "复印纸", "墨盒", "硒鼓", "书报", "报刊", "资料费", "低值易耗"], ["30201"]),
    cat("印刷费", "allowed", ["印刷", "印制", "复印", "装订", "宣传册", "画册", "手册"], ["30202"]),
    cat("咨询费", "allowed", ["咨询", "顾问", "专家咨询"], ["30203"]),
    cat("手续费", "allowed", ["手续费"], ["30204"]),
    cat("水费", "allowed", ["水费"], ["30205"]),
    cat("电费", "allowed", ["电费"], ["30206"]),
    cat("邮电费", "allowed", ["邮电", "邮寄", "邮费", "快递费", "电话费", "话费", "通讯费", "通信费", "宽带", "网络通讯"], ["30207"]),
    cat("物业管理费", "allowed", ["物业", "保洁", "安保"], ["30209"]),
    cat("差旅费", "allowed", ["差旅", "出差", "住宿费", "机票", "火车票", "城市间交通"], ["30211"]),
    cat("维修（护）费", "allowed", ["维修", "修理", "保养", "运维", "维护费", "设备维修", "设备维护"], ["30213"]),
    cat("租赁费", "allowed", ["租赁", "租金", "租用", "房租"], ["30214"]),
    cat("会议费", "allowed", ["会议", "会务", "座谈会", "研讨会", "论坛"], ["30215"]),
    cat("培训费", "allowed", ["培训", "研修", "轮训", "师资"], ["30216"]),
    cat("专用材料费", "allowed", ["专用材料", "材料费", "医疗耗材", "试剂", "药品", "种子", "种苗", "化肥", "农药", "专用服装", "专用工具"], ["30218"]),
    cat("劳务费", "allowed", ["劳务", "临时聘用", "临时用工", "钟点工", "稿费", "翻译费", "评审费", "讲课费", "专家费"], ["30226"]),
    cat("委托业务费", "allowed", ["委托", "第三方", "审计", "评估", "检测", "监测", "测绘", "外包", "购买服务", "编制"], ["30227"]),
    cat("其他交通费用", "allowed", ["交通费", "其他交通", "市内交通", "燃油", "燃料费", "油费", "加油", "过路", "过桥", "停车费", "车辆租用"], ["30239"]),
    cat("其他商品和服务支出", "allowed", ["其他商品和服务", "其他支出", "杂费"], ["30299"]),
    cat("办公设备购置", "allowed", ["办公设备", "办公家具", "打印机", "复印机", "空调"], ["31002"]),
    cat("专用设备购置", "allowed", ["专用设备", "设备", "仪器", "器材"], ["31003"]),
    cat("信息网络及软件购置更新", "allowed", ["软件", "信息网络", "网络设备", "服务器", "计算机", "电脑", "交换机", "信息化", "系统开发"], ["31007"]),
    cat("工资奖金津补贴", "forbidden", ["工资", "奖金", "津贴", "补贴", "绩效工资", "年终奖", "薪酬", "加班费", "住房公积金"], ["30101", "30102", "30103", "30106", "30107", "30113", "30199", "301"]),
    cat("社会保障缴费", "forbidden", ["社保", "社会保障", "社会保险", "养老保险", "医疗保险", "失业保险", "工伤保险", "生育保险", "职业年金"], ["30108", "30109", "30110", "30111", "30112"]),
    cat("公务接待费", "forbidden", ["公务接待", "接待费", "招待费", "宴请"], ["30217"]),
    cat("因公出国（境）费用", "forbidden", ["因公出国", "出国", "出境"], ["30212"]),
    cat("公务用车购置", "forbidden", ["公务用车购置", "购置车辆", "购车", "车辆购置"], ["31013"]),
    cat("对个人和家庭的补助", "forbidden", ["对个人和家庭", "生活补助", "困难补助", "救济", "抚恤", "助学金", "奖励金", "离休费", "退休费", "个人补助"], ["303"]),
  ];
}

export function profileScope(profile: ScopeProfile): ScopeCategory[] {
  return profile === "经济分类" ? economicScope() : ecommerceScope();
}

const PROFILE_NAMES: Record<string, ScopeProfile> = {
  电商: "电商", 电子商务: "电商", ecommerce: "电商", "e-commerce": "电商",
  经济分类: "经济分类", 支出经济分类: "经济分类", 政府支出经济分类: "经济分类", 部门预算支出经济分类: "经济分类", economic: "经济分类",
};

/** A profile named in 项目信息 or a config; null for blank, 自动 / auto or an unknown name. */
export function profileNamed(text: string | undefined): ScopeProfile | null {
  if (!text) return null;
  return PROFILE_NAMES[text.trim().toLowerCase().replace(/\s+/g, "")] ?? null;
}
