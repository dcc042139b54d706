import * as React from "react";
import { DefaultButton, Dialog, DialogFooter, PrimaryButton, Spinner, SpinnerSize } from "@fluentui/react";
import type { Strings } from "../i18n";
import { fitDialogProps } from "./fit-dialog";

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
    <Dialog hidden={preview === null} onDismiss={busy ? undefined : onDismiss} {...fitDialogProps(t.fillTitle, t.fillIntro, t.close, 340)}>
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
