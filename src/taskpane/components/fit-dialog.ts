// What the pane's dialogs share: they fit any pane, even a 320 px one at 200 % zoom (no minimum
// width, the title wraps, the body scrolls when taller than the pane).
import { DialogType, type IDialogProps } from "@fluentui/react";

/** Props for a Fluent Dialog of at most `widthPx` that fits the pane. */
export function fitDialogProps(title: string, subText: string, closeLabel: string, widthPx: number): Pick<IDialogProps, "dialogContentProps" | "minWidth" | "maxWidth" | "modalProps"> {
  return {
    dialogContentProps: {
      type: DialogType.normal,
      title,
      subText,
      closeButtonAriaLabel: closeLabel,
      styles: { inner: { padding: "0 12px 12px" }, title: { padding: "12px 40px 8px 12px", overflowWrap: "anywhere" }, subText: { overflowWrap: "anywhere" } },
    },
    minWidth: 0,
    maxWidth: "calc(100vw - 16px)",
    modalProps: {
      isBlocking: true,
      styles: { main: { boxSizing: "border-box", width: `min(${widthPx}px, calc(100vw - 16px))`, minWidth: 0, maxWidth: "calc(100vw - 16px)", maxHeight: "calc(100vh - 16px)", overflowY: "auto" } },
    },
  };
}
