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
      dialogContentProps={{ type: DialogType.normal, title: t.fillTitle, subText: t.fillIntro, closeButtonAriaLabel: t.close }}
      modalProps={{ isBlocking: true }}
    >
      <ul className="fa-preview" data-testid="fill-preview">
        {preview?.lines.map((l) => <li key={l}>{l}</li>)}
      </ul>
      <DialogFooter>
        {busy ? <Spinner size={SpinnerSize.small} label={t.statusWriting} labelPosition="right" /> : null}
        <PrimaryButton text={t.fillConfirm} onClick={onConfirm} disabled={busy} data-testid="fill-confirm" />
        <DefaultButton text={t.cancel} onClick={onDismiss} disabled={busy} />
      </DialogFooter>
    </Dialog>
  );
}
