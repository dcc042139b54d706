"use strict";
/* global window, document, performance, requestAnimationFrame, setTimeout, PerformanceObserver */
// The task pane's figures for `npm run bench` (issue 22): the production dist/ in Debian's
// Chromium on the fake Excel host (test/e2e/harness.ts) seeded with the bench workbook's grids.
//   validate→interactive: click on 校验 to the first finding painted and the main thread free;
//   longest task: the longest main-thread task (PerformanceObserver "longtask") in that span;
//   search per key: keydown to the list showing that key's result, median over the keys typed.
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const QUERY = "益阳公司12";

/** `seed` is the fake host's workbook (TypeScript must be loadable: bench.js registerTs()); `build` rebuilds dist/ first. */
async function benchPane(seed, build) {
  const harness = require(path.join(ROOT, "test", "e2e", "harness.ts"));
  if (!fs.existsSync(harness.CHROMIUM)) return { skipped: `${harness.CHROMIUM} not found` };
  if (build) fs.rmSync(harness.DIST, { recursive: true, force: true });
  harness.ensureBuilt();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fund-audit-bench-pane-"));
  let fakeOfficeJs;
  try {
    fakeOfficeJs = await harness.bundleFakeOffice(tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const session = await harness.startSession(fakeOfficeJs, seed);
  try {
    const page = await session.context.newPage();
    await page.goto(`${session.origin}/taskpane.html`);
    await page.getByTestId("validate").waitFor();
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, ms: e.duration })))).observe({ type: "longtask", buffered: false });
      document.addEventListener("click", (e) => {
        if (e.target.closest('[data-testid="validate"]')) window.__clickAt = performance.now();
      }, true);
    });
    await page.getByTestId("validate").click();
    await page.getByTestId("finding").first().waitFor({ timeout: 600000 });
    const validate = await page.evaluate(
      () =>
        new Promise((resolve) =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              const end = performance.now();
              const tasks = window.__longTasks.filter((t) => t.start >= window.__clickAt);
              resolve({ interactiveMs: end - window.__clickAt, longestTaskMs: Math.max(0, ...tasks.map((t) => t.ms)), findings: document.querySelector('[data-testid="shown-count"]').textContent });
            }),
          ),
        ),
    );
    const search = page.locator(".fa-search input");
    await search.focus();
    const perKey = [];
    for (const ch of QUERY) {
      await page.evaluate(() => {
        window.__keyAt = null;
        document.addEventListener("keydown", () => (window.__keyAt = performance.now()), { once: true, capture: true });
      });
      await page.keyboard.type(ch);
      const ms = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const check = () => {
              const input = document.querySelector(".fa-search input");
              if (document.querySelector(".fa-findings").dataset.query === input.value) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - window.__keyAt)));
              else setTimeout(check, 1);
            };
            check();
          }),
      );
      perKey.push(ms);
    }
    const sorted = [...perKey].sort((a, b) => a - b);
    await page.close();
    return { ...validate, searchPerKeyMs: sorted[Math.floor(sorted.length / 2)], searchKeysMs: perKey, query: QUERY };
  } finally {
    await session.close();
  }
}

module.exports = { benchPane };
