/**
 * @jest-environment jsdom
 */
// What the pane says about the host (#18): where the marks' texts went, and, at once, that Excel
// is editing a cell.
import * as React from "react";
import { act, configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/app";
import { registerLocalIcons } from "../../src/taskpane/icons";
import { fakeEngine, fakeOps } from "./fixtures";

registerLocalIcons();
configure({ asyncUtilTimeout: 5000 });

async function noticeText(expected: string): Promise<void> {
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain(expected), { timeout: 5000 });
}

async function markWith(texts: "note" | "comment" | "fill"): Promise<void> {
  const ops = fakeOps({ markedWith: () => texts });
  render(<App ops={ops} engine={fakeEngine()} lang="zh" virtualize={false} />);
  fireEvent.click(screen.getByTestId("validate"));
  await screen.findAllByTestId("finding");
  fireEvent.click(screen.getByTestId("mark"));
}

test("notes refused: the notice says the findings are in comments", async () => {
  await markWith("comment");
  await noticeText("已标记 4 个问题单元格。Excel 未接受批注（备注），问题说明已写入评论。");
});

test("notes and comments refused: the notice says fill only", async () => {
  await markWith("fill");
  await noticeText("已标记 4 个问题单元格。当前 Excel 版本不支持用批注写入问题说明，仅添加了底色。");
});

test("Excel editing a cell: the pane asks for Enter as soon as the adapter reports the wait", async () => {
  let tell: (() => void) | null = null;
  const ops = fakeOps({ onCellEditWait: (l) => ((tell = l), () => (tell = null)) });
  const view = render(<App ops={ops} engine={fakeEngine()} lang="zh" virtualize={false} />);
  expect(tell).not.toBeNull();
  act(() => (tell as unknown as () => void)());
  await noticeText("请按 Enter 完成编辑");
  view.unmount();
  expect(tell).toBeNull();
});
