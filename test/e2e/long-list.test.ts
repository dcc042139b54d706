// The task pane with a few hundred findings (issue 22), in Debian's Chromium on the fake host:
// the search gives the right count, the virtualised list is never blank after a jump to its end,
// and the progress bar moves through the engine's phases.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { validateWorkbook } from "../../src/core";
import { browserAvailable, bundleFakeOffice, ensureBuilt, startSession, type PaneSession } from "./harness";
import { longListSeed, recipientName } from "./long-list-seed";

const run = browserAvailable();
const describeBrowser = run ? describe : describe.skip;

const SEED = longListSeed();
const RESULT = validateWorkbook({ sheets: SEED.sheets.map((s) => ({ name: s.name, rows: s.values })) }, { lang: "zh" });

declare global {
  interface Window {
    __progress: string[];
  }
}

describeBrowser("task pane with a long list of findings", () => {
  let session: PaneSession;
  let page: Page;

  beforeAll(async () => {
    ensureBuilt();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fund-audit-fake-office-"));
    let fakeOfficeJs: string;
    try {
      fakeOfficeJs = await bundleFakeOffice(tmp);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    session = await startSession(fakeOfficeJs, SEED);
  }, 180000);

  afterAll(async () => {
    await session?.close();
  });

  afterEach(async () => {
    await page?.close();
    expect(session.problems).toEqual([]);
  });

  async function openAndValidate(): Promise<Page> {
    session.problems.length = 0;
    page = await session.context.newPage();
    await page.goto(`${session.origin}/taskpane.html`);
    await page.getByTestId("validate").click();
    await page.getByTestId("finding").first().waitFor();
    return page;
  }

  const shownText = (n: number): string => `显示 ${n} / ${RESULT.findings.length} 条`;

  it("shows exactly the findings whose text holds every word typed, after each key", async () => {
    const p = await openAndValidate();
    await p.getByTestId("shown-count").filter({ hasText: shownText(RESULT.findings.length) }).waitFor();
    const name = recipientName(7);
    const input = p.getByPlaceholder("搜索问题说明");
    await input.focus();
    // Typed key by key (each CJK character as text input), the result narrowing, then widened by Backspace.
    for (const query of [name.slice(0, 3), name, `${name} 奖金`]) {
      await input.pressSequentially(query.slice((await input.inputValue()).length));
      const words = query.toLowerCase().split(/\s+/);
      const expected = RESULT.findings.filter((f) => {
        const text = [f.message, f.cell, f.code, f.recipient ?? "", f.category ?? "", f.keyword ?? ""].join(" ").toLowerCase();
        return words.every((w) => text.includes(w));
      });
      expect(expected.length).toBeGreaterThan(0);
      await p.getByTestId("shown-count").filter({ hasText: shownText(expected.length) }).waitFor({ timeout: 10000 });
      // Every row drawn is one of them.
      const cells = new Set(expected.map((f) => `${f.code}@${f.cell}`));
      const drawn = await p.getByTestId("finding").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-code")}@${e.getAttribute("data-cell")}`));
      expect(drawn.length).toBeGreaterThan(0);
      expect(drawn.filter((d) => !cells.has(d))).toEqual([]);
    }
    // Widened again: Backspaces back to the bare name (the prefix "测试7" alone would also match 测试70号 and on).
    for (let i = 0; i < " 奖金".length; i++) await input.press("Backspace");
    await p.getByTestId("shown-count").filter({ hasText: shownText(RESULT.findings.filter((f) => f.recipient === name).length) }).waitFor({ timeout: 10000 });
  });

  it("draws rows from the end at once after a jump to the end of the list, then the last finding in view", async () => {
    const p = await openAndValidate();
    // The 提示 group folds when long: without it the list ends with the last warning.
    await p.getByTestId("filter-info").click({ force: true }); // the checkbox input sits under its label
    const warnings = RESULT.findings.filter((f) => f.severity === "warning");
    const errors = RESULT.findings.filter((f) => f.severity === "error");
    await p.getByTestId("shown-count").filter({ hasText: shownText(errors.length + warnings.length) }).waitFor();
    const last = warnings[warnings.length - 1];
    expect(errors.length + warnings.length).toBeGreaterThan(200);
    // The rows a user may see at the end: a screenful (900 px of ~70 px rows) and a margin.
    const tail = [...errors, ...warnings].slice(-40).map((f) => `${f.code}@${f.cell}`);
    for (let run = 0; run < 3; run++) {
      // Jump to the top, then to the very end: two frames later (inside List's 100 ms scroll debounce) rows from the
      // end of the list are drawn in view, not a blank spacer or early rows; and once the rows there are measured
      // the last finding is in view (the end stays the end).
      await p.evaluate(() => window.scrollTo(0, 0));
      await p.waitForTimeout(300);
      const inView = await p.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            window.scrollTo(0, document.scrollingElement?.scrollHeight ?? 0);
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const rows = Array.from(document.querySelectorAll('[data-testid="finding"]')).filter((el) => {
                  const r = el.getBoundingClientRect();
                  return r.bottom > 0 && r.top < window.innerHeight;
                });
                resolve(rows.map((el) => `${el.getAttribute("data-code")}@${el.getAttribute("data-cell")}`));
              }),
            );
          }),
      );
      expect(inView.length).toBeGreaterThan(0);
      expect(inView.filter((k) => !tail.includes(k))).toEqual([]);
      await p.waitForFunction(
        ({ code, cell }) => {
          const r = document.querySelector(`[data-testid="finding"][data-code="${code}"][data-cell="${cell}"]`)?.getBoundingClientRect();
          return !!r && r.bottom > 0 && r.top < window.innerHeight;
        },
        { code: last.code, cell: last.cell },
        { timeout: 2000 },
      );
    }
  });

  it("moves the progress bar through the engine's phases: rows parsed, rules run", async () => {
    session.problems.length = 0;
    page = await session.context.newPage();
    const p = page;
    // The worker as built, slowed after each progress message so each one is painted.
    await p.route("**/validate-worker.js", (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: 'const post = self.postMessage.bind(self); self.postMessage = (m) => { post(m); if (m.progress) { const t0 = Date.now(); while (Date.now() - t0 < 60); } }; importScripts("validate-worker.js?engine");',
      }),
    );
    await p.goto(`${session.origin}/taskpane.html`);
    await p.evaluate(() => {
      window.__progress = [];
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="progress"] [role="progressbar"]');
        const label = document.querySelector('[data-testid="progress"] .ms-ProgressIndicator-itemName')?.textContent ?? "";
        const value = bar?.getAttribute("aria-valuenow") ?? "";
        const entry = `${label}|${value}`;
        if (bar && window.__progress[window.__progress.length - 1] !== entry) window.__progress.push(entry);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await p.getByTestId("validate").click();
    await p.getByTestId("finding").first().waitFor();
    const seen = await p.evaluate(() => window.__progress);
    const percents = seen.map((s) => s.split("|")[1]).filter((v) => v !== "").map(Number);
    // A figure between reading and done, in the engine's phases, never going back.
    expect(seen.some((s) => /^正在校验：已解析「支出明细」 \d+ \/ \d+ 行\|/.test(s))).toBe(true);
    const rules = seen.filter((s) => /^正在校验：规则 \d+ \/ \d+\|/.test(s)).map((s) => s.match(/规则 (\d+) \/ (\d+)/)?.slice(1).map(Number) ?? []);
    expect(rules.some(([done, total]) => done > 0 && done < total)).toBe(true);
    expect(percents.some((v) => v > 60 && v < 100)).toBe(true);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  });
});
