/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/app";
import { registerLocalIcons } from "../../src/taskpane/icons";
import { ValidationCancelled } from "../../src/taskpane/worker-validate";
import { aFinding, aResult, callsOf, fakeEngine, fakeOps, GRIDS, SEED_FINDINGS } from "./fixtures";

registerLocalIcons();
// The machine running these is shared: give async renders time rather than fail on load.
configure({ asyncUtilTimeout: 5000 });

const NOW = new Date(2026, 10, 25, 14, 5);

function setup(opts: { ops?: ReturnType<typeof fakeOps>; engine?: ReturnType<typeof fakeEngine>; lang?: "zh" | "en" } = {}) {
  const ops = opts.ops ?? fakeOps();
  const engine = opts.engine ?? fakeEngine();
  const view = render(<App ops={ops} engine={engine} lang={opts.lang ?? "zh"} workbookName="益阳2021.xlsx" virtualize={false} now={() => NOW} />);
  return { ops, engine, view };
}

async function validate(): Promise<void> {
  fireEvent.click(screen.getByTestId("validate"));
  await screen.findAllByTestId("finding");
}

/** MessageBar renders its text after a short delay (for screen readers). */
async function noticeText(expected: string): Promise<void> {
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain(expected), { timeout: 5000 });
}

function groupTitles(): (string | null)[] {
  return Array.from(document.querySelectorAll(".fa-group-title")).map((h) => h.textContent);
}

function describedBy(el: HTMLElement): string {
  return (el.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent)
    .join(" ");
}

function findingButtons(): HTMLElement[] {
  return screen.queryAllByTestId("finding");
}

function selectOption(testId: string, optionText: RegExp): void {
  const dropdown = screen.getByTestId(testId);
  fireEvent.click(dropdown);
  const listbox = screen.getByRole("listbox");
  fireEvent.click(within(listbox).getByText(optionText));
}

describe("App", () => {
  it("starts idle: status, workbook name, only validate and clear enabled", async () => {
    const { ops } = setup();
    expect(screen.getByTestId("workbook-status").textContent).toBe("尚未校验当前工作簿");
    expect(screen.getByText("工作簿：益阳2021.xlsx")).toBeTruthy();
    expect((screen.getByTestId("validate") as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByTestId("mark").hasAttribute("disabled") || screen.getByTestId("mark").getAttribute("aria-disabled") === "true").toBe(true);
    expect(screen.getByTestId("fill").getAttribute("aria-disabled") === "true" || screen.getByTestId("fill").hasAttribute("disabled")).toBe(true);
    await waitFor(() => expect(callsOf(ops, "loadSettings")).toHaveLength(1));
  });

  it("validates: reads the workbook with progress, passes lang and settings, shows summary and grouped findings", async () => {
    const { ops, engine } = setup();
    await validate();
    expect(callsOf(ops, "readWorkbook")).toHaveLength(1);
    expect(engine.validateCalls).toHaveLength(1);
    const [wb, options] = engine.validateCalls[0] as [unknown, { lang: string; config: Record<string, unknown> }];
    expect(wb).toBe(GRIDS);
    expect(options.lang).toBe("zh");
    expect(options.config).toEqual({ amountUnit: "yuan", executionReasonThreshold: 0.9, overshootRatio: 1.3, paidTraffic: "allow" });

    expect(screen.getByTestId("count-error").textContent).toContain("2");
    expect(screen.getByTestId("count-warning").textContent).toContain("2");
    expect(screen.getByTestId("count-info").textContent).toContain("1");
    expect(screen.getByTestId("approved").textContent).toContain("382.50");
    expect(screen.getByTestId("approved").textContent).toContain("批复（万元）");
    expect(screen.getByTestId("spent").textContent).toContain("379.00");
    expect(screen.getByTestId("execution-rate").textContent).toContain("76.50%");
    expect(screen.getByTestId("score").textContent).toContain("81.25");
    expect(screen.getByTestId("score").textContent).toContain("良");
    expect(screen.getByTestId("workbook-status").textContent).toBe("14:05 已校验：错误 2，警告 2，提示 1");

    // Grouped by severity: errors first, then warnings, then info, with group counts.
    expect(findingButtons().map((b) => b.getAttribute("data-code"))).toEqual([
      "forbidden-category",
      "spend-over-disbursed",
      "claimed-score-mismatch",
      "missing-execution-reason",
      "paid-traffic",
    ]);
    expect(groupTitles()).toEqual(["错误（2 条）", "警告（2 条）", "提示（1 条）"]);
    expect(screen.getByTestId("shown-count").textContent).toBe("显示 5 / 5 条");
    const first = findingButtons()[0];
    // Its name is its visible text; severity and the Enter hint describe it.
    expect(first.hasAttribute("aria-label")).toBe(false);
    expect(first.textContent).toBe("支出明细!C17益阳市某电商公司forbidden-category支出「促销特价活动」属于禁止类别「促销让利」（关键词“促销”）");
    expect(describedBy(first)).toBe("错误 按 Enter 定位到单元格");
    expect(screen.getByRole("list", { name: "问题清单" })).toBeTruthy();
    expect(screen.getAllByRole("listitem")).toHaveLength(8);
    expect(screen.getByRole("main")).toBeTruthy();
  });

  it("shows read progress while the workbook is being read", async () => {
    let progress: ((p: { done: number; total: number; sheet?: string }) => void) | undefined;
    let finish: (v: typeof GRIDS) => void = () => undefined;
    const ops = fakeOps({
      readWorkbook: (p) => {
        progress = p;
        return new Promise((resolve) => (finish = resolve));
      },
    });
    setup({ ops });
    fireEvent.click(screen.getByTestId("validate"));
    await screen.findByTestId("progress");
    act(() => progress?.({ done: 1200, total: 20000, sheet: "支出明细" }));
    expect(screen.getByTestId("workbook-status").textContent).toBe("正在读取「支出明细」：1,200 / 20,000 行");
    expect(screen.getByTestId("progress").textContent).toContain("正在读取「支出明细」：1,200 / 20,000 行");
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("3"); // reading is the first 60 % of the bar
    expect((screen.getByTestId("validate") as HTMLButtonElement).disabled || screen.getByTestId("validate").getAttribute("aria-disabled") === "true").toBe(true);
    await act(async () => finish(GRIDS));
    await screen.findAllByTestId("finding");
    expect(screen.queryByTestId("progress")).toBeNull();
  });

  it("cancels a validation that is running: no result, a notice, the pane usable again", async () => {
    const engine = fakeEngine();
    let seen: AbortSignal | undefined;
    engine.validateAsync = (_grids, _opts, signal) => {
      seen = signal;
      return new Promise((_resolve, reject) => signal?.addEventListener("abort", () => reject(new ValidationCancelled())));
    };
    setup({ engine });
    fireEvent.click(screen.getByTestId("validate"));
    await waitFor(() => expect(screen.getByTestId("workbook-status").textContent).toBe("正在校验…"));
    fireEvent.click(screen.getByTestId("cancel-validate"));
    await noticeText("已取消校验，工作簿未改动。");
    expect(seen?.aborted).toBe(true);
    expect(findingButtons()).toHaveLength(0);
    expect(screen.queryByTestId("progress")).toBeNull();
    expect((screen.getByTestId("validate") as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByTestId("workbook-status").textContent).toBe("尚未校验当前工作簿");
  });

  it("selects a finding's cell on click and on Enter", async () => {
    const { ops } = setup();
    await validate();
    fireEvent.click(findingButtons()[0]);
    expect(callsOf(ops, "selectCell")).toEqual([["支出明细", "C17"]]);
    expect(findingButtons()[0].getAttribute("aria-current")).toBe("true");
    // A <button>: Enter activates it natively; keyboard users reach it through the FocusZone.
    const third = findingButtons()[2];
    third.focus();
    expect(document.activeElement).toBe(third);
    fireEvent.keyDown(third, { key: "Enter" });
    fireEvent.click(third);
    expect(callsOf(ops, "selectCell").at(-1)).toEqual(["项目信息", "B20"]);
  });

  it("reports a failed selection without losing the list", async () => {
    const ops = fakeOps({ selectCell: () => Promise.reject(new Error("工作表已删除")) });
    setup({ ops });
    await validate();
    fireEvent.click(findingButtons()[1]);
    await noticeText("无法定位到 资金分配!G5：工作表已删除");
    expect(findingButtons()).toHaveLength(5);
  });

  it("filters by severity, sheet, recipient, code and text, with counts", async () => {
    setup();
    await validate();
    fireEvent.click(screen.getByTestId("filter-info"));
    expect(findingButtons().map((b) => b.getAttribute("data-code"))).not.toContain("paid-traffic");
    expect(screen.getByTestId("shown-count").textContent).toBe("显示 4 / 5 条");

    selectOption("filter-sheet", /^项目信息 \(2\)$/);
    expect(findingButtons().map((b) => b.getAttribute("data-cell"))).toEqual(["项目信息!B20", "项目信息!B10"]);

    fireEvent.click(screen.getByTestId("clear-filters"));
    expect(findingButtons()).toHaveLength(5);
    // The link goes away with the filters; focus moves to the search box instead of the page.
    expect(document.activeElement).toBe(screen.getByPlaceholderText("搜索问题说明"));

    selectOption("filter-recipient", /^益阳市某电商公司 \(2\)$/);
    expect(findingButtons().map((b) => b.getAttribute("data-code"))).toEqual(["forbidden-category", "paid-traffic"]);
    fireEvent.click(screen.getByTestId("clear-filters"));

    selectOption("filter-code", /^claimed-score-mismatch \(1\)$/);
    expect(findingButtons().map((b) => b.getAttribute("data-code"))).toEqual(["claimed-score-mismatch"]);
    fireEvent.click(screen.getByTestId("clear-filters"));

    fireEvent.change(screen.getByPlaceholderText("搜索问题说明"), { target: { value: "促销" } });
    expect(findingButtons().map((b) => b.getAttribute("data-code"))).toEqual(["forbidden-category"]);
    fireEvent.change(screen.getByPlaceholderText("搜索问题说明"), { target: { value: "没有这种问题" } });
    expect(screen.getByTestId("no-matches")).toBeTruthy();
  });

  it("groups by sheet or recipient on request", async () => {
    setup();
    await validate();
    selectOption("group-by", /^工作表$/);
    expect(groupTitles()).toEqual(["支出明细（2 条）", "资金分配（1 条）", "项目信息（2 条）"]);
    selectOption("group-by", /^单位$/);
    expect(groupTitles()).toEqual(["益阳市某电商公司（2 条）", "资阳区某农业公司（1 条）", "（无单位）（2 条）"]);
  });

  it("lists the first 1,000 rows of a long result, and more on request", async () => {
    const many = Array.from({ length: 1005 }, (_, i) => aFinding("spend-over-disbursed", `资金分配!G${i + 2}`));
    setup({ engine: fakeEngine(aResult(many)) });
    await validate();
    expect(findingButtons()).toHaveLength(999); // the group's header is the 1,000th row
    expect(screen.getByTestId("shown-count").textContent).toBe("显示 1005 / 1005 条");
    fireEvent.click(screen.getByRole("button", { name: "列出更多（已列出 999 / 1,005 条，可用筛选缩小范围）" }));
    await waitFor(() => expect(findingButtons()).toHaveLength(1005));
    expect(screen.queryByTestId("show-more")).toBeNull();
  }, 180000); // jsdom draws 1,005 buttons twice: about a minute on a loaded machine

  it("folds a long info group until it is opened", async () => {
    const infos = Array.from({ length: 25 }, (_, i) => aFinding("inferred-category", `支出明细!C${i + 2}`, { severity: "info" }));
    setup({ engine: fakeEngine(aResult([SEED_FINDINGS[0], ...infos])) });
    await validate();
    expect(findingButtons()).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: "提示（25 条）", expanded: false }));
    await waitFor(() => expect(findingButtons()).toHaveLength(26));
    fireEvent.click(screen.getByRole("button", { name: "提示（25 条）", expanded: true }));
    await waitFor(() => expect(findingButtons()).toHaveLength(1));
    // From the keyboard: ArrowRight opens a folded group, ArrowLeft folds it.
    fireEvent.keyDown(screen.getByRole("button", { name: "提示（25 条）" }), { key: "ArrowRight" });
    await waitFor(() => expect(findingButtons()).toHaveLength(26));
    fireEvent.keyDown(screen.getByRole("button", { name: "提示（25 条）" }), { key: "ArrowLeft" });
    await waitFor(() => expect(findingButtons()).toHaveLength(1));
  });

  it("marks errors and warnings, and clears marks", async () => {
    const { ops } = setup();
    await validate();
    fireEvent.click(screen.getByTestId("mark"));
    await noticeText("已标记 4 个问题单元格。");
    const marked = callsOf(ops, "markFindings")[0][0] as { code: string }[];
    expect(marked.map((f) => f.code)).toEqual(["forbidden-category", "spend-over-disbursed", "claimed-score-mismatch", "missing-execution-reason"]);
    fireEvent.click(screen.getByTestId("clear-marks"));
    await noticeText("已清除 3 个标记。");
    expect(callsOf(ops, "clearMarks")).toHaveLength(1);
  });

  it("says when marks can only be fills (no notes or comments in this Excel)", async () => {
    const base = fakeOps();
    const ops = fakeOps({ apiSupport: () => ({ ...base.apiSupport(), notes: false, comments: false }) });
    setup({ ops });
    await validate();
    fireEvent.click(screen.getByTestId("mark"));
    await noticeText("已标记 4 个问题单元格。当前 Excel 版本不支持用批注写入问题说明，仅添加了底色。");
  });

  it("fills the self-evaluation: previews, keeps reviews and reasons, then writes both sheets", async () => {
    const ops = fakeOps();
    ops.existingSheets["审核结果"] = { name: "审核结果", rows: [["x"]] };
    ops.existingSheets["绩效自评表"] = { name: "绩效自评表", rows: [["y"]] };
    setup({ ops });
    await validate();
    fireEvent.click(screen.getByTestId("fill"));
    const preview = await screen.findByTestId("fill-preview");
    expect(callsOf(ops, "readSheet")).toEqual([["绩效自评表"], ["审核结果"]]);
    expect(preview.textContent).toContain("绩效自评表：24 行，总分 81.25，自评等级 良");
    expect(preview.textContent).toContain("审核结果：5 条问题，保留 1 条复核意见");
    expect(preview.textContent).toContain("保留用户填写的偏差原因 1 条");
    expect(callsOf(ops, "writeLayouts")).toHaveLength(0);
    fireEvent.click(screen.getByTestId("fill-confirm"));
    await waitFor(() => expect(callsOf(ops, "writeLayouts")).toHaveLength(1));
    const layouts = callsOf(ops, "writeLayouts")[0][0] as { name: string }[];
    expect(layouts.map((l) => l.name)).toEqual(["绩效自评表", "审核结果"]);
    await noticeText("已写入：绩效自评表、审核结果。");
    await waitFor(() => expect(screen.queryByTestId("fill-preview")).toBeNull());
  });

  it("cancels the fill without writing", async () => {
    const { ops } = setup();
    await validate();
    fireEvent.click(screen.getByTestId("fill"));
    await screen.findByTestId("fill-preview");
    fireEvent.click(screen.getByText("取消"));
    await waitFor(() => expect(screen.queryByTestId("fill-preview")).toBeNull());
    expect(callsOf(ops, "writeLayouts")).toHaveLength(0);
  });

  it("offers template sheets when input sheets are missing and writes only the missing ones", async () => {
    const result = aResult([aFinding("sheet-missing", "Sheet1!A1", { message: "缺少工作表「资金分配」" })], { allocation: null, spending: null, indicators: null, scope: null });
    const ops = fakeOps({ readWorkbook: async () => ({ sheets: [{ name: "项目信息", rows: [] }, { name: "Sheet1", rows: [] }] }) });
    setup({ ops, engine: fakeEngine(result) });
    await validate();
    expect(screen.getByTestId("missing-sheets").textContent).toContain("缺少输入工作表");
    expect(screen.getByTestId("fill").getAttribute("aria-disabled") === "true" || screen.getByTestId("fill").hasAttribute("disabled")).toBe(true);
    fireEvent.click(screen.getByTestId("template"));
    await waitFor(() => expect(callsOf(ops, "writeLayouts")).toHaveLength(1));
    const names = (callsOf(ops, "writeLayouts")[0][0] as { name: string }[]).map((l) => l.name);
    expect(names).toEqual(["资金分配", "支出明细", "支出范围", "绩效指标", "使用说明"]);
    await noticeText("已新建模板工作表");
  });

  it("applies settings loaded from the workbook and saves edited settings", async () => {
    const ops = fakeOps({}, { executionReasonThreshold: 0.8, paidTraffic: "forbid", amountUnit: "wan", overshootRatio: "bogus" });
    const { engine } = setup({ ops });
    await waitFor(() => expect(callsOf(ops, "loadSettings")).toHaveLength(1));
    await validate();
    expect((engine.validateCalls[0][1] as { config: unknown }).config).toEqual({ amountUnit: "wan", executionReasonThreshold: 0.8, overshootRatio: 1.3, paidTraffic: "forbid" });

    fireEvent.click(screen.getByRole("button", { name: "打开设置" }));
    const threshold = (await screen.findByTestId("settings-threshold")) as HTMLInputElement;
    expect(threshold.value).toBe("80");
    fireEvent.change(threshold, { target: { value: "150" } });
    expect(await screen.findByText("请输入 0 到 100 之间的数字")).toBeTruthy();
    expect(screen.getByTestId("settings-save").getAttribute("aria-disabled") === "true" || screen.getByTestId("settings-save").hasAttribute("disabled")).toBe(true);
    fireEvent.change(threshold, { target: { value: "85" } });
    fireEvent.click(screen.getByLabelText("允许，提示复核"));
    fireEvent.click(screen.getByTestId("settings-profile"));
    fireEvent.click(await screen.findByRole("option", { name: /^经济分类/ }));
    fireEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(callsOf(ops, "saveSettings")).toHaveLength(1));
    expect(callsOf(ops, "saveSettings")[0][0]).toEqual({ amountUnit: "wan", executionReasonThreshold: 0.85, overshootRatio: 1.3, paidTraffic: "allow", scopeProfile: "经济分类" });
    await noticeText("设置已保存");

    fireEvent.click(screen.getByTestId("validate"));
    await waitFor(() => expect(engine.validateCalls).toHaveLength(2));
    expect((engine.validateCalls[1][1] as { config: unknown }).config).toEqual({ amountUnit: "wan", executionReasonThreshold: 0.85, overshootRatio: 1.3, paidTraffic: "allow", profile: "经济分类" });
  });

  it("shows an error when reading fails, and the pane stays usable", async () => {
    let fail = true;
    const ops = fakeOps({ readWorkbook: async () => (fail ? Promise.reject(new Error("RequestPayloadSizeLimitExceeded")) : GRIDS) });
    setup({ ops });
    fireEvent.click(screen.getByTestId("validate"));
    await noticeText("操作失败：RequestPayloadSizeLimitExceeded");
    fail = false;
    await validate();
    expect(findingButtons()).toHaveLength(5);
  });

  it("says so when there are no findings", async () => {
    setup({ engine: fakeEngine(aResult([])) });
    fireEvent.click(screen.getByTestId("validate"));
    expect((await screen.findByTestId("no-findings")).textContent).toBe("未发现问题。");
  });

  it("speaks English when Office's display language is English", async () => {
    const { engine } = setup({ lang: "en" });
    expect(screen.getByTestId("workbook-status").textContent).toBe("This workbook has not been validated yet");
    await validate();
    expect((engine.validateCalls[0][1] as { lang: string }).lang).toBe("en");
    expect(screen.getByRole("button", { name: "Validate this workbook" })).toBeTruthy();
    expect(screen.getByTestId("approved").textContent).toContain("Approved (10k yuan)");
    expect(groupTitles()).toEqual(["Error (2)", "Warning (2)", "Info (1)"]);
    // Chinese workbook text in the English pane is marked as Chinese; English text is not.
    const first = findingButtons()[0];
    expect(first.querySelector(".fa-finding-cell")?.getAttribute("lang")).toBe("zh-CN");
    expect(first.querySelector(".fa-finding-recipient")?.getAttribute("lang")).toBe("zh-CN");
    expect(first.querySelector(".fa-finding-code")?.hasAttribute("lang")).toBe(false);
    expect(describedBy(first)).toBe("Error Press Enter to select the cell");
  });

  it("draws every icon it uses from the local set (no icon font from a CDN)", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      setup();
      await validate();
      selectOption("filter-sheet", /^项目信息 \(2\)$/);
      fireEvent.change(screen.getByPlaceholderText("搜索问题说明"), { target: { value: "B20" } });
      fireEvent.click(screen.getByTestId("fill"));
      await screen.findByTestId("fill-preview");
      fireEvent.click(screen.getByText("取消"));
      await waitFor(() => expect(screen.queryByTestId("fill-preview")).toBeNull());
      fireEvent.click(screen.getByTestId("mark"));
      await noticeText("已标记");
      fireEvent.click(screen.getByRole("button", { name: "打开设置" }));
      await screen.findByTestId("settings-threshold");
      const used = Array.from(document.querySelectorAll("[data-icon-name]")).map((el) => el.getAttribute("data-icon-name"));
      expect(used.length).toBeGreaterThan(5);
      for (const el of Array.from(document.querySelectorAll("[data-icon-name]"))) expect({ icon: el.getAttribute("data-icon-name"), svg: el.querySelector("svg") !== null }).toEqual({ icon: el.getAttribute("data-icon-name"), svg: true });
      expect(warn.mock.calls.map((c) => String(c[0])).filter((m) => /icon/i.test(m))).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });

  it("labels every control for assistive technology", async () => {
    setup();
    await validate();
    for (const button of screen.getAllByRole("button")) {
      const name = button.getAttribute("aria-label") || button.textContent?.trim() || button.getAttribute("title");
      expect({ html: button.outerHTML.slice(0, 80), named: Boolean(name) }).toEqual({ html: button.outerHTML.slice(0, 80), named: true });
    }
    expect(screen.getByRole("status").textContent).toContain("已校验");
    expect(screen.getByRole("region", { name: "校验摘要" })).toBeTruthy();
  });
});
