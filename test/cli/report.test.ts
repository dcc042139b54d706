// `fund-audit report`: the draft 自评报告 of the example, read back from the .docx (its
// word/document.xml without tags), the typography and page set-up, byte-identical reruns, and
// the refusals (existing output, nothing readable, usage).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { docxParts, docxText } from "./docx-text";
import { EXAMPLE, ROOT, cli, tempDir } from "./helpers";

describe("report", () => {
  let dir: string;
  let file: string;
  let text: string;
  let run1: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    dir = tempDir();
    file = path.join(dir, "自评报告.docx");
    run1 = await cli(["report", EXAMPLE, "-o", file]);
    text = docxText(file);
  });

  it("writes the report, says where with the score, and exits 1 as the example has error findings", () => {
    expect(run1.stderr).toBe("");
    expect(run1.stdout).toBe(`已生成自评报告 ${file}：复核得分 94.65 分（优），列入问题 7 项（错误 2，警告 5）。\n`);
    expect(run1.code).toBe(1);
  });

  it("carries the budget, execution, rate and the 26 recipients by district", () => {
    expect(text).toContain("2021年度益阳市促进电子商务产业发展奖励绩效自评报告");
    expect(text).toContain("项目全年预算数500.00万元，全年执行数382.50万元，预算执行率76.50%。");
    expect(text).toContain("全年共支持26家单位，批复金额合计382.50万元，拨付金额合计382.50万元。其中益阳高新区11家（批复163.00万元），赫山区12家（批复169.50万元），资阳区3家（批复50.00万元）。");
    for (const name of ["湖南省湘巧食品有限公司", "湖南旭荣制衣有限公司", "资阳区张家塞乡合兴村村民委员会"]) expect(text).toContain(name);
  });

  it("itemises each recipient's uses per district at the workbook's precision", () => {
    expect(text).toContain("（二）赫山区项目资金实际使用情况");
    expect(text).toContain("（2）湖南旭荣制衣有限公司：技术服务15.6804万元、设备购置8.4423万元，合计24.1227万元。");
    expect(text).toContain("（11）湖南青松蛋业有限公司：推广营销10.8773万元、促销让利3.00万元，合计13.8773万元。");
  });

  it("has every indicator with its computed actual and score, and a paragraph for those that miss or exceed", () => {
    for (const name of ["支持市本级电商企业数量", "全省电商交易额排名", "项目按时保质完成", "电商运营成本", "全年电商交易额", "帮助解决人员就业", "农业自然资源合理开发", "农业和农村经济持续发展", "被扶持企业满意度"]) {
      expect(text).toContain(name);
    }
    // The computed 26家, not the typed 30家 the seed's text claimed.
    expect(text).toContain("数量指标“支持市本级电商企业数量”：年度指标值为“支持市本级电商企业25家以上”，实际完成值为“26家”，超过年度指标值");
    expect(text).toContain("偏差原因分析及改进措施：传统电商平台引流费用较高，有些企业为了网店迅速引流，投入不少资金推广。");
  });

  it("lists the two errors and the five warnings with their cells, and concludes 94.65 复核 beside the unit's 98", () => {
    for (const at of ["form-funding-sum-mismatch", "项目信息!B8", "forbidden-category", "支出明细!C57（湖南青松蛋业有限公司）", "项目信息!B19", "项目信息!B17", "支出明细!C33", "绩效指标!E2", "绩效指标!E5"]) expect(text).toContain(at);
    expect(text).toContain("项目复核得分94.65分，自评等级为“优”。");
    expect(text).toContain("单位自评得分为98.00分，与按工作簿数据计算的复核得分94.65分相差3.35分，以复核得分为准。");
    expect(text).toMatch(/项目\s*复核得分\s*自评得分\s*总分\s*94\.65分\s*98\.00分/);
  });

  it("sets A4 portrait, official margins, page numbers and the official fonts with their fallbacks", () => {
    const parts = docxParts(file);
    const doc = parts["word/document.xml"];
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
    expect(doc).toContain('w:eastAsia="方正小标宋简体"');
    expect(doc).toContain('w:eastAsia="黑体"');
    expect(doc).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc).toContain('<w:sz w:val="32"/>'); // 三号
    expect(doc).toContain('<w:sz w:val="28"/>'); // 四号
    const footer = Object.entries(parts).find(([k]) => /^word\/footer\d*\.xml$/.test(k))?.[1] ?? "";
    expect(footer).toMatch(/PAGE/);
    expect(parts["word/fontTable.xml"]).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(parts["word/fontTable.xml"]).toContain('<w:font w:name="仿宋"><w:altName w:val="FangSong"/>');
    expect(parts["docProps/core.xml"]).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2022-01-01T00:00:00Z</dcterms:created>');
  });

  it("gives the same bytes on every run", async () => {
    const again = path.join(dir, "again.docx");
    expect((await cli(["report", EXAMPLE, "-o", again])).code).toBe(1);
    expect(fs.readFileSync(again).equals(fs.readFileSync(file))).toBe(true);
  });

  it("refuses to overwrite an existing file (exit 2, one line, the file untouched)", async () => {
    const before = fs.readFileSync(file);
    const r = await cli(["report", EXAMPLE, "-o", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`fund-audit: ${file} 已存在：为避免覆盖已有文件，请换一个文件名，或先删除该文件\n`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("exits 2 with one clear line for a workbook with nothing readable, writing nothing", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").addRow(["会议纪要", "无数据"]);
    const input = path.join(dir, "空白.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "空白报告.docx");
    const r = await cli(["report", input, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`fund-audit: ${input}：未找到可读的内容（项目信息、资金分配、支出明细或填有指标的绩效自评表），未生成自评报告：请检查是否选错了文件\n`);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("exits 2 for a file that is not a workbook, and for usage errors", async () => {
    const junk = path.join(dir, "junk.xlsx");
    fs.writeFileSync(junk, "not a zip");
    const r = await cli(["report", junk, "-o", path.join(dir, "j.docx")]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain("junk.xlsx");
    expect((await cli(["report", EXAMPLE])).stderr).toContain("report 需要用 -o 指定输出的 Word 文件");
    expect((await cli(["report", "-o", path.join(dir, "x.docx")])).stderr).toContain("report 需要且只需要一个输入文件");
    expect((await cli(["report", EXAMPLE, "--in-place", "-o", path.join(dir, "y.docx")])).code).toBe(2);
  });

  it("works through bin/fund-audit.js (the compiled CLI) with the same bytes", () => {
    const out = path.join(dir, "bin.docx");
    let code = 0;
    try {
      execFileSync(process.execPath, [path.join(ROOT, "bin", "fund-audit.js"), "report", EXAMPLE, "-o", out], { stdio: "pipe" });
    } catch (e) {
      code = (e as { status: number }).status;
    }
    expect(code).toBe(1);
    expect(fs.readFileSync(out).equals(fs.readFileSync(file))).toBe(true);
  });
});
