// The task pane in Debian's Chromium against the fake Excel host seeded with the seed example
// (examples/yiyang-2021.xlsx, or a small inline workbook of the same shape when it is absent).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import type { FakeOfficeHost, FakeOfficeOptions, FakeWorkbookSeed, WorkbookSnapshot } from "../fake-office";
import { OFFICE_JS, ROOT, browserAvailable, bundleFakeOffice, ensureBuilt, hostScript, inlineSeed, screenshotPath, seedFromXlsx, startSession, type PaneSession } from "./harness";

const EXAMPLE = path.join(ROOT, "examples", "yiyang-2021.xlsx");
const MARK_COLOURS = ["#FFC7CE", "#FFEB9C", "#DDEBF7"];

declare global {
  interface Window {
    __fakeOffice: FakeOfficeHost;
  }
}

const run = browserAvailable();
const describeBrowser = run ? describe : describe.skip;

describeBrowser("task pane in Chromium on the fake Excel host", () => {
  let session: PaneSession;
  let fakeOfficeJs: string;
  let seed: FakeWorkbookSeed;
  let page: Page;
  const started = Date.now();

  beforeAll(async () => {
    ensureBuilt();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fund-audit-fake-office-"));
    try {
      fakeOfficeJs = await bundleFakeOffice(tmp);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    seed = fs.existsSync(EXAMPLE) ? await seedFromXlsx(EXAMPLE) : inlineSeed();
    session = await startSession(fakeOfficeJs, seed);
  }, 180000);

  afterAll(async () => {
    await session?.close();
    console.log(`browser e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  /**
   * Opens the pane; `options` replaces the fake host's defaults for this page, `beforeLoad` sets up
   * routes that must hold from the first request (the pane starts its validation worker on load).
   */
  async function openPane(options?: FakeOfficeOptions, workbook?: FakeWorkbookSeed, beforeLoad?: (p: Page) => Promise<void>): Promise<Page> {
    session.problems.length = 0;
    page = await session.context.newPage();
    await beforeLoad?.(page);
    if (options || workbook) await page.route(OFFICE_JS, (route) => hostScript(route, fakeOfficeJs, workbook ?? seed, options ?? {}));
    await page.goto(`${session.origin}/taskpane.html`);
    return page;
  }

  async function validate(p: Page): Promise<void> {
    await p.getByTestId("validate").click();
    await p.getByTestId("finding").first().waitFor();
  }

  function host<T>(p: Page, fn: (h: FakeOfficeHost) => T): Promise<T> {
    return p.evaluate(`(${fn.toString()})(window.__fakeOffice)`) as Promise<T>;
  }

  /** Shows only findings matching the text (the list is virtualised; filtering brings any finding into view). */
  async function search(p: Page, text: string): Promise<void> {
    await p.getByPlaceholder("搜索问题说明").fill(text);
  }

  async function notice(p: Page, text: string): Promise<void> {
    await p.getByTestId("notice").filter({ hasText: text }).waitFor();
  }

  function inputSheets(s: WorkbookSnapshot): WorkbookSnapshot["sheets"] {
    return s.sheets.filter((x) => seed.sheets.some((y) => y.name === x.name));
  }

  afterEach(async () => {
    await page?.close();
    expect(session.problems).toEqual([]);
  });

  it("validates the seed workbook and lists its findings with the summary", async () => {
    const p = await openPane();
    await p.getByText("尚未校验当前工作簿").waitFor();
    await validate(p);
    const errors = Number((await p.getByTestId("count-error").innerText()).replace(/\D+/g, ""));
    expect(errors).toBeGreaterThan(0);
    await p.getByTestId("execution-rate").getByText("%").waitFor();
    await p.screenshot({ path: screenshotPath("validated") });
    if (process.env.UPDATE_DOCS_SCREENSHOT) await p.screenshot({ path: path.join(ROOT, "docs", "taskpane.png") });

    await search(p, "促销特价");
    const forbidden = p.locator('[data-testid="finding"][data-code="forbidden-category"]');
    await forbidden.first().waitFor();
    expect(await forbidden.first().innerText()).toContain("促销特价");

    await search(p, "claimed-score-mismatch");
    const claimed = p.locator('[data-testid="finding"][data-code="claimed-score-mismatch"]');
    await claimed.waitFor();
    expect(await claimed.getAttribute("data-cell")).toMatch(/^项目信息!B\d+$/);
    await p.screenshot({ path: screenshotPath("filtered") });
  });

  it("selects a finding's cell in Excel on click, and on Enter from the keyboard", async () => {
    const p = await openPane();
    await validate(p);
    await search(p, "促销特价");
    const finding = p.locator('[data-testid="finding"][data-code="forbidden-category"]').first();
    const cell = (await finding.getAttribute("data-cell")) as string;
    await finding.click();
    const [sheet, address] = cell.split("!");
    expect(await host(p, (h) => h.selection())).toEqual({ sheet, address });

    // Arrow keys move through findings and group headers; Enter on a finding selects its cell.
    await search(p, "");
    await p.getByTestId("finding").first().focus();
    const activeCell = (): Promise<string | null> => p.evaluate(() => document.activeElement?.getAttribute("data-cell") ?? null);
    const first = await activeCell();
    let target: string | null = null;
    for (let i = 0; i < 6 && (target === null || target === first); i++) {
      await p.keyboard.press("ArrowDown");
      target = await activeCell();
    }
    expect(target).toMatch(/^.+!\$?[A-Z]+\d+$/);
    expect(target).not.toBe(first);
    await p.keyboard.press("Enter");
    const [s2, a2] = (target as string).split("!");
    await p.waitForFunction(([s, a]) => JSON.stringify(window.__fakeOffice.selection()) === JSON.stringify({ sheet: s, address: a }), [s2, a2]);
  });

  it("works from the keyboard alone: Tab to 校验, Enter, focus stays, Tab to the list, arrows, Enter", async () => {
    const p = await openPane();
    await p.getByText("尚未校验当前工作簿").waitFor();
    const focused = (): Promise<string | null> => p.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.getAttribute("aria-label") ?? null);
    await p.keyboard.press("Tab"); // settings button in the header
    expect(await focused()).toBe("打开设置");
    await p.keyboard.press("Tab");
    expect(await focused()).toBe("validate");
    await p.keyboard.press("Enter");
    await p.getByTestId("finding").first().waitFor();
    expect(await focused()).toBe("validate");
    // Tab through the actions and filters to the list (one tab stop), then arrows inside it.
    const inList = (): Promise<boolean> => p.evaluate(() => document.activeElement?.closest(".fa-list") != null);
    const order: string[] = [];
    for (let i = 0; i < 20 && !(await inList()); i++) {
      await p.keyboard.press("Tab");
      order.push((await focused()) ?? "?");
    }
    expect(order.slice(0, -1)).toEqual(["mark", "clear-marks", "fill", "report", "filter-error", "filter-warning", "filter-info", "filter-sheet", "filter-recipient", "filter-code", "group-by", "filter-text"]);
    for (let i = 0; i < 4 && (await focused()) !== "finding"; i++) await p.keyboard.press("ArrowDown");
    expect(await focused()).toBe("finding");
    await p.keyboard.press("Enter");
    const cell = (await p.evaluate(() => document.activeElement?.getAttribute("data-cell"))) as string;
    const [sheet, address] = cell.split("!");
    await p.waitForFunction(([s, a]) => JSON.stringify(window.__fakeOffice.selection()) === JSON.stringify({ sheet: s, address: a }), [sheet, address]);
  });

  it("answers a click while the engine works in its worker, and cancels it", async () => {
    // The worker first spins for 4 s, as the engine does on a very large workbook, then loads the real
    // one. The route holds from page load: the pane starts its worker before 校验 is clicked.
    const slowWorker = async (p: Page): Promise<void> => {
      await p.route("**/validate-worker.js", (route) =>
        route.fulfill({ contentType: "text/javascript", body: 'const t0 = Date.now(); while (Date.now() - t0 < 4000); importScripts("validate-worker.js?engine");' }),
      );
    };
    const p = await openPane(undefined, undefined, slowWorker);
    await p.getByTestId("validate").click();
    await p.getByTestId("cancel-validate").waitFor();
    await p.getByTestId("workbook-status").filter({ hasText: "正在校验" }).waitFor();
    // The next worker, started when this one is cancelled, gets the real script (no spin).
    await p.unroute("**/validate-worker.js");
    // On the main thread this click would wait for the engine, and its result would win over the cancel.
    const t0 = Date.now();
    await p.getByTestId("cancel-validate").click();
    await notice(p, "已取消校验");
    expect(Date.now() - t0).toBeLessThan(3500);
    expect(await p.getByTestId("finding").count()).toBe(0);
    expect(await p.getByTestId("workbook-status").innerText()).toBe("尚未校验当前工作簿");
    await validate(p);
  });

  it("fills 绩效自评表 and 审核结果 after a preview, leaving the input sheets as they were", async () => {
    const p = await openPane();
    await validate(p);
    const before = await host(p, (h) => h.snapshot());
    await p.getByTestId("fill").click();
    const preview = p.getByTestId("fill-preview");
    await preview.waitFor();
    expect(await preview.innerText()).toMatch(/绩效自评表：\d+ 行，总分 [\d.]+，自评等级 [优良中差]/);
    expect((await host(p, (h) => h.snapshot())).sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name)); // nothing written yet
    await p.screenshot({ path: screenshotPath("fill-preview") });
    await p.getByTestId("fill-confirm").click();
    await notice(p, "已写入");
    const after = await host(p, (h) => h.snapshot());
    const selfEval = after.sheets.find((s) => s.name === "绩效自评表");
    expect(selfEval?.values[0][0]).toMatch(/^（\d{4}年度）项目支出绩效自评表$/);
    expect(selfEval?.merges).toContain("A1:J1");
    const findings = after.sheets.find((s) => s.name === "审核结果");
    expect(findings?.values.some((row) => row[0] === "序号" && row[2] === "代码")).toBe(true);
    expect(findings?.values.flat()).toContain("forbidden-category");
    expect(inputSheets(after).map((s) => s.values)).toEqual(inputSheets(before).map((s) => s.values));
  });

  it("marks the findings' cells and clears exactly those marks", async () => {
    const p = await openPane();
    await validate(p);
    const before = await host(p, (h) => h.snapshot());
    await p.getByTestId("mark").click();
    await notice(p, "已标记");
    await search(p, "促销特价");
    const cell = (await p.locator('[data-testid="finding"][data-code="forbidden-category"]').first().getAttribute("data-cell")) as string;
    const [sheet, address] = cell.split("!");
    const fill = await p.evaluate(([s, a]) => window.__fakeOffice.fillOf(s, a), [sheet, address]);
    expect(fill?.toUpperCase()).toBe("#FFC7CE");
    const marked = await host(p, (h) => h.snapshot());
    const markedCells = inputSheets(marked).reduce((n, s) => n + Object.values(s.fills).filter((c) => MARK_COLOURS.includes(c.toUpperCase())).length, 0);
    expect(markedCells).toBeGreaterThan(1);
    await p.screenshot({ path: screenshotPath("marked") });

    await p.getByTestId("clear-marks").click();
    await notice(p, "已清除");
    const after = await host(p, (h) => h.snapshot());
    const marks = (s: WorkbookSnapshot) => inputSheets(s).map((x) => ({ name: x.name, fills: x.fills, fillLayers: x.fillLayers, notes: x.notes, comments: x.comments, values: x.values }));
    expect(marks(after)).toEqual(marks(before));
  });

  it("creates the missing input sheets from the template in a workbook that has none", async () => {
    const p = await openPane(undefined, { sheets: [{ name: "Sheet1", values: [["随便写的内容"]] }] });
    await p.getByTestId("validate").click();
    await p.getByTestId("missing-sheets").waitFor();
    expect(await p.getByTestId("fill").isDisabled()).toBe(true);
    await p.screenshot({ path: screenshotPath("missing-sheets") });
    await p.getByTestId("template").click();
    await notice(p, "已新建模板工作表");
    const after = await host(p, (h) => h.snapshot());
    const names = after.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Sheet1", "项目信息", "资金分配", "支出明细"]));
    expect(after.sheets.find((s) => s.name === "Sheet1")?.values).toEqual([["随便写的内容"]]);
    const header = (after.sheets.find((s) => s.name === "资金分配")?.values ?? []).find((row) => row.some((v) => String(v).startsWith("单位名称")));
    expect(header?.some((v) => String(v).startsWith("批复金额"))).toBe(true);
    // Validating again no longer reports missing sheets.
    await p.getByTestId("validate").click();
    await p.getByTestId("workbook-status").filter({ hasText: "已校验" }).waitFor();
    expect(await p.getByTestId("missing-sheets").count()).toBe(0);
  });

  it("saves settings into the workbook", async () => {
    const p = await openPane();
    await p.getByRole("button", { name: "打开设置" }).click();
    await p.getByTestId("settings-threshold").fill("85");
    await p.getByText("不允许，按禁止类别报错").click();
    await p.getByTestId("settings-save").click();
    await notice(p, "设置已保存");
    const saved = JSON.stringify(await host(p, (h) => h.savedSettings()));
    expect(saved).toContain("0.85");
    expect(saved).toContain("forbid");
  });

  it("speaks English when Office's display language is English", async () => {
    const p = await openPane({ displayLanguage: "en-US" });
    await p.getByText("This workbook has not been validated yet").waitFor();
    expect(await p.getByTestId("validate").innerText()).toBe("Validate");
    await validate(p);
    expect(await p.getByTestId("workbook-status").innerText()).toMatch(/^Validated at \d\d:\d\d: \d+ errors/);
  });

  it("has guards that catch a request off 127.0.0.1 (the CSP blocks it, the route would too)", async () => {
    const p = await openPane();
    await p.getByText("尚未校验当前工作簿").waitFor();
    await p.evaluate(() => {
      const img = new Image();
      img.src = "https://static2.sharepointonline.com/files/fabric/assets/icons/fabric-icons.woff";
      document.body.appendChild(img);
    });
    for (let i = 0; i < 50 && !session.problems.some((m) => m.includes("static2.sharepointonline.com")); i++) await p.waitForTimeout(100);
    expect(session.problems.join("\n")).toContain("static2.sharepointonline.com");
    await p.goto("https://example.invalid/").catch(() => undefined);
    expect(session.problems).toContain("request to a non-local host: https://example.invalid/");
    session.problems.length = 0; // the guard worked; the page itself made no such request
  });

  it("explains itself in an Excel without ExcelApi 1.7", async () => {
    const p = await openPane({ excelApi: "1.6" });
    await p.getByText("当前 Excel 版本过旧").waitFor();
    expect(await p.getByTestId("validate").count()).toBe(0);
  });

  it("explains itself outside Excel (Office.onReady with no host) and without Office.js", async () => {
    const p = await openPane();
    await p.route(OFFICE_JS, (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: "window.Office = { HostType: { Excel: 'Excel' }, context: {}, onReady: function (cb) { var i = { host: null, platform: null }; return Promise.resolve().then(function () { if (cb) cb(i); return i; }); } };",
      }),
    );
    await p.reload();
    await p.getByText("请在 Excel 中打开本加载项").waitFor();
    await p.screenshot({ path: screenshotPath("outside-excel") });
    await p.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: "" }));
    await p.reload();
    await p.getByText("请在 Excel 中打开本加载项").waitFor();
  });
});
