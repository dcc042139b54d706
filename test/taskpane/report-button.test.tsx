/**
 * @jest-environment jsdom
 */
// 生成自评报告: reads the workbook afresh, validates in Chinese with the pane's settings, hands the
// engine's .docx bytes to saveFile and says where the file went.
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/app";
import { registerLocalIcons } from "../../src/taskpane/icons";
import type { PaneEngine } from "../../src/taskpane/engine";
import { callsOf, fakeEngine, fakeOps, GRIDS } from "./fixtures";

registerLocalIcons();

function setup(engine = fakeEngine(), lang: "zh" | "en" = "en") {
  const ops = fakeOps();
  const saved: [string, Uint8Array][] = [];
  render(<App ops={ops} engine={engine} lang={lang} workbookName="益阳2021.xlsx" virtualize={false} saveFile={(name, bytes) => saved.push([name, bytes])} />);
  return { ops, engine, saved };
}

const disabled = (el: HTMLElement): boolean => el.hasAttribute("disabled") || el.getAttribute("aria-disabled") === "true";

async function validateFirst(): Promise<void> {
  fireEvent.click(screen.getByTestId("validate"));
  await screen.findAllByTestId("finding");
}

describe("生成自评报告 button", () => {
  it("is disabled until the workbook has been validated", async () => {
    setup();
    expect(disabled(screen.getByTestId("report"))).toBe(true);
    await validateFirst();
    expect(disabled(screen.getByTestId("report"))).toBe(false);
  });

  it("re-reads the workbook, validates in zh with the settings, and saves the engine's bytes under its name", async () => {
    const { ops, engine, saved } = setup();
    await validateFirst();
    fireEvent.click(screen.getByTestId("report"));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(callsOf(ops, "readWorkbook")).toHaveLength(2);
    const [wb, options] = engine.validateCalls[1] as [unknown, { lang: string; config: { executionReasonThreshold: number } }];
    expect(wb).toBe(GRIDS);
    // The pane runs in English here; the report is a Chinese document all the same.
    expect(options.lang).toBe("zh");
    expect(options.config.executionReasonThreshold).toBe(0.9);
    expect(saved[0][0]).toBe("2021年度绩效自评报告.docx");
    expect([...saved[0][1]]).toEqual([0x50, 0x4b, 3, 4]);
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("Created 2021年度绩效自评报告.docx"));
  });

  it("saves nothing and says why when the workbook has nothing to report on", async () => {
    const engine: PaneEngine & { validateCalls: unknown[][] } = { ...fakeEngine(), hasReadableInput: () => false };
    const { saved } = setup(engine, "zh");
    await validateFirst();
    fireEvent.click(screen.getByTestId("report"));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("无法生成自评报告"));
    expect(saved).toHaveLength(0);
  });

  it("shows a failure of the renderer as an error notice", async () => {
    const engine = { ...fakeEngine(), reportDocx: () => Promise.reject(new Error("磁盘已满")) };
    const { saved } = setup(engine, "zh");
    await validateFirst();
    fireEvent.click(screen.getByTestId("report"));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("操作失败：磁盘已满"));
    expect(saved).toHaveLength(0);
  });
});
