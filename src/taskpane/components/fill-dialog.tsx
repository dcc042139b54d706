import * as React from "react";
import { DefaultButton, Dialog, DialogFooter, DialogType, PrimaryButton, Spinner, SpinnerSize } from "@fluentui/react";
import type { Strings } from "../i18n";

export interface FillPreview {
  /** One line per sheet to be written, e.g. "绩效自评表：24 行，总分 81.25，自评等级 良". */
  lines: string[];
}

export interface FillDialogProps {
  t: Strings;
  preview: FillPreview | null;
  busy: boolean;
  onConfirm: () => void;
  onDismiss: () => void;
}

/** Shows what 填写绩效自评表 will write before anything is written. */
export function FillDialog({ t, preview, busy, onConfirm, onDismiss }: FillDialogProps): React.ReactElement {
  return (
    <Dialog
      hidden={preview === null}
      onDismiss={busy ? undefined : onDismiss}
      dialogContentProps={{
        type: DialogType.normal,
        title: t.fillTitle,
        subText: t.fillIntro,
        closeButtonAriaLabel: t.close,
        styles: { inner: { padding: "0 12px 12px" }, title: { padding: "12px 40px 8px 12px", overflowWrap: "anywhere" }, subText: { overflowWrap: "anywhere" } },
      }}
      // Fits any pane, even at 200 % zoom: no minimum width, and the dialog scrolls when it is taller than the pane.
      minWidth={0}
      maxWidth="calc(100vw - 16px)"
      modalProps={{ isBlocking: true, styles: { main: { boxSizing: "border-box", width: "min(340px, calc(100vw - 16px))", minWidth: 0, maxWidth: "calc(100vw - 16px)", maxHeight: "calc(100vh - 16px)", overflowY: "auto" } } }}
    >
      <ul className="fa-preview" data-testid="fill-preview">
        {preview?.lines.map((l) => <li key={l}>{l}</li>)}
      </ul>
      <DialogFooter styles={{ actionsRight: { display: "flex", flexWrap: "wrap", justifyContent: "flex-end", gap: 8, margin: 0 }, action: { margin: 0 } }}>
        {busy ? <Spinner size={SpinnerSize.small} label={t.statusWriting} labelPosition="right" /> : null}
        <PrimaryButton text={t.fillConfirm} onClick={onConfirm} disabled={busy} styles={{ root: { minWidth: 64 } }} data-testid="fill-confirm" />
        <DefaultButton text={t.cancel} onClick={onDismiss} disabled={busy} styles={{ root: { minWidth: 64 } }} />
      </DialogFooter>
    </Dialog>
  );
}
