// Accessibility of the task pane in Chromium on the fake Excel host: axe-core over the main
// states (no serious or critical violation may remain), and the pane at 200 % zoom in a narrow
// pane (the fill dialog's buttons inside the viewport, nothing scrolling sideways).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import type { FakeOfficeOptions, FakeWorkbookSeed } from "../fake-office";
import { OFFICE_JS, ROOT, browserAvailable, bundleFakeOffice, ensureBuilt, hostScript, inlineSeed, screenshotPath, seedFromXlsx, startSession, type PaneSession } from "./harness";

const EXAMPLE = path.join(ROOT, "examples", "yiyang-2021.xlsx");
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  state: string;
  id: string;
  impact: string | null;
  nodes: number;
  targets: string[];
}

const run = browserAvailable();
const describeBrowser = run ? describe : describe.skip;

describeBrowser("task pane accessibility in Chromium", () => {
  let session: PaneSession;
  let fakeOfficeJs: string;
  let seed: FakeWorkbookSeed;
  let page: Page;
  const found: Violation[] = [];

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
  });

  afterEach(async () => {
    await page?.close();
    expect(session.problems).toEqual([]);
  });

  async function openPane(options?: FakeOfficeOptions): Promise<Page> {
    session.problems.length = 0;
    page = await session.context.newPage();
    if (options) await page.route(OFFICE_JS, (route) => hostScript(route, fakeOfficeJs, seed, options));
    await page.goto(`${session.origin}/taskpane.html`);
    await page.getByTestId("validate").waitFor();
    // Evaluated through the debugger protocol, so the pane's CSP (script-src 'self') does not apply.
    await page.evaluate(AXE);
    return page;
  }

  /** axe-core's violations in the page's current state, the experimental name/label rule included. */
  let statesChecked = 0;
  async function axe(p: Page, state: string): Promise<Violation[]> {
    statesChecked++;
    // Panels and callouts fade in: measure colours once nothing is animating.
    await p.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    const raw = (await p.evaluate(
      `axe.run(document, { rules: { "label-content-name-mismatch": { enabled: true } }, resultTypes: ["violations"] })
        .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) })))`,
    )) as Omit<Violation, "state">[];
    const violations = raw.map((v) => ({ state, ...v }));
    found.push(...violations);
    return violations;
  }

  const severe = (vs: Violation[]): Violation[] => vs.filter((v) => v.impact === "serious" || v.impact === "critical");

  async function validate(p: Page): Promise<void> {
    await p.getByTestId("validate").click();
    await p.getByTestId("finding").first().waitFor();
  }

  it("has no serious or critical axe violation in the main states, in Chinese and English", async () => {
    const states: Violation[] = [];
    for (const lang of ["zh", "en"] as const) {
      const p = await openPane(lang === "en" ? { displayLanguage: "en-US" } : undefined);
      states.push(...(await axe(p, `${lang} initial`)));
      await validate(p);
      states.push(...(await axe(p, `${lang} validated`)));
      for (const id of ["filter-sheet", "filter-recipient", "filter-code", "group-by"]) {
        await p.getByTestId(id).click();
        await p.getByRole("listbox").waitFor();
        states.push(...(await axe(p, `${lang} ${id} open`)));
        await p.keyboard.press("Escape");
        await p.getByRole("listbox").waitFor({ state: "detached" });
      }
      await p.getByTestId("fill").click();
      await p.getByTestId("fill-preview").waitFor();
      states.push(...(await axe(p, `${lang} fill dialog`)));
      await p.getByRole("button", { name: lang === "en" ? "Cancel" : "取消" }).click();
      await p.getByTestId("fill-preview").waitFor({ state: "detached" });
      await p.getByRole("button", { name: lang === "en" ? "Open settings" : "打开设置" }).click();
      await p.getByTestId("settings-threshold").waitFor();
      states.push(...(await axe(p, `${lang} settings`)));
      await p.getByTestId("settings-column-map").click();
      await p.getByTestId("map-preview").waitFor();
      states.push(...(await axe(p, `${lang} column map dialog`)));
      await page.close();
    }
    const counts = new Map<string, number>();
    for (const v of states) counts.set(`${v.impact} ${v.id}`, (counts.get(`${v.impact} ${v.id}`) ?? 0) + v.nodes);
    // Each language: initial, validated, 4 dropdowns open, fill dialog, settings, column map.
    expect(statesChecked).toBe(18);
    console.log(`axe over ${statesChecked} states: ${counts.size === 0 ? "no violations" : [...counts].map(([k, n]) => `${k}: ${n}`).join(", ")}`);
    expect(severe(states)).toEqual([]);
  }, 240000);

  it("fits a 320 px pane at 200 % zoom: the fill dialog's title and buttons in view, no sideways scrolling", async () => {
    const p = await openPane();
    // 200 % zoom of a 320 × 900 pane lays out in 160 × 450 CSS pixels.
    await p.setViewportSize({ width: 160, height: 450 });
    await validate(p);
    const overflow = (): Promise<number> => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    await p.getByTestId("fill").click();
    await p.getByTestId("fill-preview").waitFor();
    await p.screenshot({ path: screenshotPath("fill-dialog-200-percent") });
    const inView = async (name: string, box: { x: number; y: number; width: number; height: number } | null): Promise<void> => {
      expect({ name, box: box && box.x >= 0 && box.x + box.width <= 160 && box.width > 0 }).toEqual({ name, box: true });
    };
    await inView("title", await p.locator(".ms-Dialog-title").boundingBox());
    await inView("preview", await p.getByTestId("fill-preview").boundingBox());
    const confirm = p.getByTestId("fill-confirm");
    const cancel = p.getByRole("button", { name: "取消" });
    await confirm.scrollIntoViewIfNeeded();
    await inView("写入", await confirm.boundingBox());
    await cancel.scrollIntoViewIfNeeded();
    await inView("取消", await cancel.boundingBox());
    const box = await cancel.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 450).toBe(true);
    await cancel.click();
    await p.getByTestId("fill-preview").waitFor({ state: "detached" });
  }, 120000);
});
