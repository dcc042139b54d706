"use strict";
/* global window, document, performance, requestAnimationFrame, setTimeout, timeClick */
// The task pane's figures for `npm run bench` (issue 22): the production dist/ in Debian's
// Chromium on the fake Excel host (test/e2e/harness.ts) seeded with the bench workbook's grids.
//   validate→interactive: click on 校验 to the first finding painted and the main thread free,
//   observed in the page (IN_PAGE: whenPainted, timeClick);
//   longest task: the longest main-thread task (PerformanceObserver "longtask") in that span; the
//   observer reports only tasks over 50 ms, so 0 means none longer than that;
//   the same two figures with validation on the pane's thread (Worker removed), the peer;
//   mark: 标记问题单元格 on all findings, click to the notice painted, its longest task, the fake host's
//   syncs and largest request (its estimate of the JSON office.js would send);
//   search per key: the key's first event (keydown, or beforeinput: a CJK character typed as
//   text fires no keydown) to the list showing that key's result painted, median and max over
//   the keys typed (characters and Backspaces, widening and narrowing the result).
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
// Each step: a character typed, or a Backspace.
const KEYS = [..."益阳康康1", "Backspace", "Backspace", "Backspace", " ", "培", "训", "Backspace", "Backspace", "Backspace", "推"];

/**
 * In the page: resolves with the time at which an element matching `selector` (and `text`, if given)
 * is in the document, painted and the main thread free (a frame, then a task). Observed in the page:
 * Playwright's waitFor polls at growing intervals (up to 500 ms apart), which measured its polling,
 * not the pane — the runs of 2026-12-02 were bimodal, 0.9 or 1.4 s, by that alone.
 */
const IN_PAGE = `window.whenPainted = (selector, text) => new Promise((resolve) => {
  const found = () => [...document.querySelectorAll(selector)].some((e) => !text || e.textContent.includes(text));
  const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
  if (found()) return done();
  const observer = new MutationObserver(() => {
    if (!found()) return;
    observer.disconnect();
    done();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
});
window.__longTasks = [];
new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, ms: e.duration })))).observe({ type: "longtask", buffered: false });
/** Armed before a click on [data-testid=testId]: resolves with { ms, longestTaskMs } from the click to whenPainted(selector, text). */
window.timeClick = (testId, selector, text) => {
  let clickAt = 0;
  const onClick = (e) => {
    if (e.target.closest('[data-testid="' + testId + '"]')) clickAt = performance.now();
  };
  document.addEventListener("click", onClick, true);
  return window.whenPainted(selector, text).then(async (end) => {
    document.removeEventListener("click", onClick, true);
    await new Promise((resolve) => setTimeout(resolve, 100)); // longtask entries are delivered after the task
    const tasks = window.__longTasks.filter((t) => t.start >= clickAt && t.start < end);
    return { ms: end - clickAt, longestTaskMs: Math.max(0, ...tasks.map((t) => t.ms)) };
  });
};`;

/** Opens the pane (without Worker when `mainThread`), clicks 校验 and measures to interactive. */
async function measureValidate(session, mainThread) {
  const page = await session.context.newPage();
  if (mainThread) await page.addInitScript(() => delete window.Worker);
  await page.addInitScript(IN_PAGE);
  await page.goto(`${session.origin}/taskpane.html`);
  await page.getByTestId("validate").waitFor();
  await page.evaluate(() => {
    window.__validated = timeClick("validate", '[data-testid="finding"]');
  });
  await page.getByTestId("validate").click();
  const validate = await page.evaluate(async () => {
    const { ms, longestTaskMs } = await window.__validated;
    return { interactiveMs: ms, longestTaskMs, findings: document.querySelector('[data-testid="shown-count"]').textContent };
  });
  return { page, validate };
}

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
    // The peer in the same run: the same pane with the engine on its own thread (no Worker), as
    // before issue 22 and as in a host whose webview refuses workers.
    const peer = await measureValidate(session, true);
    await peer.page.close();
    const { page, validate } = await measureValidate(session, false);
    const search = page.locator(".fa-search input");
    await search.focus();
    const perKey = [];
    for (const key of KEYS) {
      await page.evaluate(() => {
        window.__keyAt = null;
        const at = () => {
          if (window.__keyAt === null) window.__keyAt = performance.now();
        };
        document.addEventListener("keydown", at, { once: true, capture: true });
        document.addEventListener("beforeinput", at, { once: true, capture: true });
      });
      if (key === "Backspace") await page.keyboard.press(key);
      else await page.keyboard.type(key);
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
    // 标记问题单元格 on the whole list: 5,000 cells at most (errors first), in syncs under 1 MB.
    await search.fill("");
    await page.evaluate(() => {
      window.__fakeOffice.resetCounters();
      window.__marked = timeClick("mark", '[data-testid="notice"]', "已标记");
    });
    await page.getByTestId("mark").click();
    const mark = await page.evaluate(async () => {
      const h = window.__fakeOffice;
      return { ...(await window.__marked), syncs: h.syncCount, maxRequestBytes: h.maxRequestBytes, notice: document.querySelector('[data-testid="notice"]').textContent };
    });
    await page.close();
    return { ...validate, mainThread: peer.validate, mark, searchPerKeyMs: sorted[Math.floor(sorted.length / 2)], searchMaxMs: sorted[sorted.length - 1], searchKeysMs: perKey, query: KEYS.map((k) => (k === "Backspace" ? "⌫" : k)).join(""), loadAverage: os.loadavg()[0] };
  } finally {
    await session.close();
  }
}

module.exports = { benchPane };
