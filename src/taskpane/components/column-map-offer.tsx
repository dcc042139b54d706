import * as React from "react";
import { DefaultButton, MessageBar, MessageBarType, Stack } from "@fluentui/react";
import type { RoleName } from "../../core/column-map";
import type { MapStrings } from "./column-map-strings";

export interface ColumnMapOfferProps {
  m: MapStrings;
  /** Roles the last validation could not read (column-missing, sheet-missing). */
  failed: RoleName[];
  /** Roles the saved map covers. */
  mapped: RoleName[];
  disabled: boolean;
  onOpen: () => void;
  onExport: () => void;
}

/** After a validation: 指定列… where detection failed, and which saved map is in use (with 导出列映射). */
export function ColumnMapOffer({ m, failed, mapped, disabled, onOpen, onExport }: ColumnMapOfferProps): React.ReactElement | null {
  if (failed.length === 0 && mapped.length === 0) return null;
  const actions = (
    <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
      <DefaultButton text={m.open} ariaDescription={m.openAria} onClick={onOpen} disabled={disabled} data-testid="map-open" />
      {mapped.length ? <DefaultButton text={m.export} ariaDescription={m.exportAria} onClick={onExport} disabled={disabled} data-testid="map-export-saved" /> : null}
    </Stack>
  );
  return failed.length ? (
    <MessageBar messageBarType={MessageBarType.warning} isMultiline actions={actions} data-testid="map-offer">
      <strong>{m.offerTitle}</strong> {m.offerBody(failed.join("、"))}
    </MessageBar>
  ) : (
    <MessageBar messageBarType={MessageBarType.info} isMultiline actions={actions} data-testid="map-in-use">
      {m.inUse(mapped.join("、"))}
    </MessageBar>
  );
}
