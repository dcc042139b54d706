// The column-map dialog (SPEC §8) in Debian's Chromium on the fake Excel host: a 资金分配 table whose
// headers nobody recognises -> column-missing -> 指定列… -> columns chosen -> the preview shows the
// rows as they will be read -> apply -> the findings the map yields; the map is saved in the
// workbook and reused after a reload, exported as the JSON the CLI's --map reads (same findings),
// kept for the session when the workbook cannot save it; axe and a 200 % zoom pane over the dialog.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import type { FakeOfficeHost, FakeOfficeOptions, FakeWorkbookSeed } from "../fake-office";
import { cli } from "../cli/helpers";
import { OFFICE_JS, browserAvailable, bundleFakeOffice, ensureBuilt, hostScript, inlineSeed, screenshotPath, seedFromXlsx, startSession, type PaneSession } from "./harness";

declare global {
  interface Window {
    __fakeOffice: FakeOfficeHost;
  }
}

const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const describeBrowser = browserAvailable() ? describe : describe.skip;

// A title row, then headers the engine cannot match (编号 受款方 所在县 扶持类别 核定数 已拨数).
const ALLOCATION = [
  ["2021年电商专项资金安排表"],
  ["编号", "受款方", "所在县", "扶持类别", "核定数", "已拨数"],
  [1, "益阳市甲电商有限公司", "资阳区", "企业做大做强", 20, 20],
  [2, "益阳市乙农业科技有限公司", "赫山区", "农特产品上行", 17, 18],
];
const CHOICES: [string, string][] = [["区域", "C · 所在县"], ["单位名称", "B · 受款方"], ["支持方向", "D · 扶持类别"], ["批复金额", "E · 核定数"], ["拨付金额", "F · 已拨数"]];
const MAP = { sheets: { 资金分配: { sheet: "资金分配", headerRow: 2, columns: { 区域: "所在县", 单位名称: "受款方", 支持方向: "扶持类别", 批复金额: "核定数", 拨付金额: "已拨数" } } } };

const SPENDING = ["forbidden-category@支出明细!C3", "inferred-category@支出明细!C2", "inferred-category@支出明细!C3", "inferred-category@支出明细!C4", "paid-traffic@支出明细!C2"];
const BEFORE = ["column-missing@资金分配!A1", ...SPENDING].sort();
const AFTER = [
  ...SPENDING,
  "claimed-score-mismatch@项目信息!B10",
  "disbursed-over-approved@资金分配!F4",
  "executed-total-mismatch@项目信息!B8",
  "missing-deviation-reason@绩效指标!E2",
  "missing-execution-reason@项目信息!B8",
  "spend-under-disbursed@资金分配!F4",
  "target-not-met@绩效指标!E2",
].sort();

interface Violation {
  state: string;
  id: string;
  impact: string | null;
  nodes: number;
}

describeBrowser("the column-map dialog in Chromium", () => {
  let session: PaneSession;
  let fakeOfficeJs: string;
  let seed: FakeWorkbookSeed;
  let dir: string;
  let xlsx: string;
  let page: Page | undefined;

  beforeAll(async () => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "fund-audit-map-e2e-"));
    fakeOfficeJs = await bundleFakeOffice(dir);
    // The same workbook as a file, so the CLI reads what the pane reads.
    const wb = new ExcelJS.Workbook();
    for (const s of inlineSeed().sheets) wb.addWorksheet(s.name).addRows(s.name === "资金分配" ? ALLOCATION : s.values);
    xlsx = path.join(dir, "map.xlsx");
    await wb.xlsx.writeFile(xlsx);
    seed = await seedFromXlsx(xlsx);
    session = await startSession(fakeOfficeJs, seed);
  }, 180000);

  afterAll(async () => {
    await session?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    await page?.close();
    page = undefined;
    expect(session.problems).toEqual([]);
  });

  async function openPane(options: FakeOfficeOptions = {}): Promise<Page> {
    session.problems.length = 0;
    const p = await session.context.newPage();
    page = p;
    await p.route(OFFICE_JS, (route) => hostScript(route, fakeOfficeJs, seed, options));
    await p.goto(`${session.origin}/taskpane.html`);
    await p.getByTestId("validate").waitFor();
    return p;
  }

  /** Every finding in the pane as code@cell, sorted (the list is short: all of it is rendered). */
  async function findings(p: Page, waitFor: string): Promise<string[]> {
    await p.locator(`[data-testid="finding"][data-code="${waitFor}"]`).first().waitFor();
    const list = await p.getByTestId("finding").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-code")}@${e.getAttribute("data-cell")}`));
    return list.sort();
  }

  async function chooseColumns(p: Page): Promise<void> {
    await p.getByTestId("map-open").click();
    await p.getByTestId("map-dialog").waitFor();
    expect(await p.getByTestId("map-header-row").inputValue()).toBe("2"); // the row of labels, under the title
    expect(await p.getByTestId("map-missing").innerText()).toContain("单位名称、批复金额");
    for (const [field, option] of CHOICES) {
      await p.getByTestId(`map-col-${field}`).click();
      await p.getByRole("option", { name: option }).click();
    }
    await p.getByTestId("map-preview").waitFor();
  }

  const saved = (p: Page): Promise<Record<string, unknown>> => p.evaluate(() => window.__fakeOffice.savedSettings());

  it("maps unrecognised columns, previews the rows, applies, saves, exports for the CLI and is reused after a reload", async () => {
    const p = await openPane();
    await p.getByTestId("validate").click();
    expect(await findings(p, "column-missing")).toEqual(BEFORE);
    expect(await p.getByTestId("map-offer").innerText()).toContain("资金分配");

    await chooseColumns(p);
    // Amounts in 万元 (项目信息 金额单位) read as yuan, exactly as validation will read them.
    const rows = await p.getByTestId("map-preview-row").evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
    expect(rows).toEqual([
      ["3", "资阳区", "益阳市甲电商有限公司", "企业做大做强", "¥200,000.00", "¥200,000.00"],
      ["4", "赫山区", "益阳市乙农业科技有限公司", "农特产品上行", "¥170,000.00", "¥180,000.00"],
    ]);
    await p.screenshot({ path: screenshotPath("column-map-dialog") });
    await p.getByTestId("map-apply").click();
    expect(await findings(p, "disbursed-over-approved")).toEqual(AFTER);
    expect(await p.getByTestId("map-offer").count()).toBe(0);
    expect(await p.getByTestId("map-in-use").innerText()).toContain("资金分配");
    const settings = await saved(p);
    expect((settings["fundAudit.settings"] as { columnMap: unknown }).columnMap).toEqual(MAP);

    // 导出列映射: the CLI's --map reads the download and finds the same.
    const [download] = await Promise.all([p.waitForEvent("download"), p.getByTestId("map-export-saved").click()]);
    expect(download.suggestedFilename()).toBe("列映射.json");
    const mapFile = path.join(dir, "列映射.json");
    await download.saveAs(mapFile);
    expect(JSON.parse(fs.readFileSync(mapFile, "utf8"))).toEqual(MAP);
    const r = await cli(["validate", xlsx, "--format", "json", "--map", mapFile]);
    const report = JSON.parse(r.stdout) as { findings: { code: string; cell: string }[] };
    expect(report.findings.map((f) => `${f.code}@${f.cell}`).sort()).toEqual(AFTER);
    const plain = await cli(["validate", xlsx, "--format", "json"]);
    expect((JSON.parse(plain.stdout) as typeof report).findings.map((f) => `${f.code}@${f.cell}`).sort()).toEqual(BEFORE);
    await p.close();

    // The workbook reopened with its settings: the map applies, no dialog is offered.
    const again = await openPane({ settings });
    await again.getByTestId("validate").click();
    expect(await findings(again, "disbursed-over-approved")).toEqual(AFTER);
    expect(await again.getByTestId("map-offer").count()).toBe(0);
    expect(await again.getByTestId("map-dialog").count()).toBe(0);
    await again.getByTestId("map-in-use").waitFor();
  }, 180000);

  it("says plainly when the workbook cannot save the map, and keeps it for the session", async () => {
    const p = await openPane();
    await p.evaluate(() => window.__fakeOffice.failSettingsSave(1));
    await p.getByTestId("validate").click();
    await findings(p, "column-missing");
    await chooseColumns(p);
    await p.getByTestId("map-apply").click();
    await p.getByTestId("notice").filter({ hasText: "列映射未能保存到工作簿" }).waitFor();
    expect(await findings(p, "disbursed-over-approved")).toEqual(AFTER);
    expect(await saved(p)).toEqual({});
    await p.getByTestId("validate").click();
    await p.getByTestId("workbook-status").filter({ hasText: "已校验" }).waitFor();
    expect(await findings(p, "disbursed-over-approved")).toEqual(AFTER);
  }, 120000);

  it("has no serious or critical axe violation in the dialog's states, and fits a 320 px pane at 200 % zoom", async () => {
    const found: Violation[] = [];
    let statesChecked = 0;
    const axe = async (p: Page, state: string): Promise<void> => {
      statesChecked++;
      await p.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
      const raw = (await p.evaluate(
        `axe.run(document, { rules: { "label-content-name-mismatch": { enabled: true } }, resultTypes: ["violations"] })
          .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))`,
      )) as Omit<Violation, "state">[];
      found.push(...raw.map((v) => ({ state, ...v })));
    };
    for (const lang of ["zh", "en"] as const) {
      const p = await openPane(lang === "en" ? { displayLanguage: "en-US" } : {});
      await p.evaluate(AXE);
      await p.getByTestId("validate").click();
      await findings(p, "column-missing");
      await axe(p, `${lang} offer`);
      await p.getByTestId("map-open").click();
      await p.getByTestId("map-dialog").waitFor();
      await axe(p, `${lang} dialog, nothing chosen`);
      await p.getByTestId("map-col-单位名称").click();
      await p.getByRole("listbox").waitFor();
      await axe(p, `${lang} dialog, column list open`);
      await p.getByRole("option", { name: "B · 受款方" }).click();
      await p.getByTestId("map-col-批复金额").click();
      await p.getByRole("option", { name: "E · 核定数" }).click();
      await p.getByTestId("map-preview").waitFor();
      await axe(p, `${lang} dialog with preview`);
      await p.getByTestId("map-header-row").fill("0");
      await axe(p, `${lang} dialog, invalid header row`);
      await p.close();
    }
    expect(statesChecked).toBe(10);
    console.log(`axe over the column-map dialog's ${statesChecked} states: ${found.length === 0 ? "no violations" : found.map((v) => `${v.state}: ${v.impact} ${v.id} (${v.nodes})`).join(", ")}`);
    expect(found.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

    // 200 % zoom of a 320 × 900 pane lays out in 160 × 450 CSS pixels.
    const p = await openPane();
    await p.setViewportSize({ width: 160, height: 450 });
    await p.getByTestId("validate").click();
    await findings(p, "column-missing");
    await p.getByTestId("map-open").click();
    await p.getByTestId("map-dialog").waitFor();
    await p.getByTestId("map-col-单位名称").click();
    await p.getByRole("option", { name: "B · 受款方" }).click();
    await p.getByTestId("map-col-批复金额").click();
    await p.getByRole("option", { name: "E · 核定数" }).click();
    await p.getByTestId("map-preview").waitFor();
    await p.screenshot({ path: screenshotPath("column-map-200-percent") });
    expect(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    for (const id of ["map-header-row", "map-preview", "map-apply"]) {
      const el = p.getByTestId(id);
      await el.scrollIntoViewIfNeeded();
      const box = await el.boundingBox();
      expect({ id, inView: !!box && box.x >= 0 && box.x + box.width <= 160 && box.y >= 0 && box.y + box.height <= 450 }).toEqual({ id, inView: true });
    }
    // The preview table may be wider than the pane: it scrolls inside its own region, not the page.
    await p.getByTestId("map-apply").click();
    await p.getByTestId("map-dialog").waitFor({ state: "detached" });
    await p.getByTestId("workbook-status").filter({ hasText: "已校验" }).waitFor();
  }, 240000);
});
