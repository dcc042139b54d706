// The pane's side of the column map (SPEC §8): what to offer after a validation, the dialog, saving
// the map into the workbook's settings (kept for the session when that fails) and exporting it.
import * as React from "react";
import type { ColumnMap, RoleName } from "../../core/column-map";
import { columnMapJson, MAPPABLE_ROLES, ROLE_KEYS, rolesToMap } from "../../core/column-map-preview";
import type { Lang, ResultWithoutLines, WorkbookGrids } from "../../core";
import type { SaveFile } from "../download";
import type { Strings } from "../i18n";
import type { Settings } from "../ops";
import { ColumnMapDialog } from "./column-map-dialog";
import { ColumnMapOffer } from "./column-map-offer";
import { mapStrings, type MapStrings } from "./column-map-strings";

export const MAP_FILE = "列映射.json";

export interface ColumnMapDeps {
  t: Strings;
  lang: Lang;
  settings: Settings;
  result: ResultWithoutLines | null;
  /** The workbook as last read; null until read. */
  grids: WorkbookGrids | null;
  disabled: boolean;
  /** Reads the workbook (for a dialog opened before any validation). */
  readGrids: () => Promise<void>;
  /**
   * Validates with these settings; `before` runs first inside the same busy state and may return
   * a warning to show once the validation is done.
   */
  validateWith: (s: Settings, before: () => Promise<string | null>) => Promise<void>;
  saveSettings: (s: Settings) => Promise<void>;
  setSettings: (s: Settings) => void;
  saveFile: SaveFile;
  notifySuccess: (text: string) => void;
}

export interface ColumnMapUi {
  m: MapStrings;
  offer: React.ReactElement | null;
  dialog: React.ReactElement | null;
  open: () => void;
}

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function useColumnMap(d: ColumnMapDeps): ColumnMapUi {
  const m = mapStrings(d.lang);
  const [isOpen, setOpen] = React.useState(false);
  const map = d.settings.columnMap;
  const failed = d.result ? rolesToMap(d.result.findings, d.result.model.sheets) : [];
  const mapped = MAPPABLE_ROLES.filter((r) => map?.sheets[r]);
  const roleSheets: Partial<Record<RoleName, string>> = {};
  for (const r of MAPPABLE_ROLES) {
    const name = d.result?.model.sheets[ROLE_KEYS[r]];
    if (name) roleSheets[r] = name;
  }

  const open = (): void => {
    setOpen(true);
    if (!d.grids) d.readGrids().catch(() => setOpen(false));
  };

  const apply = (next: ColumnMap): void => {
    setOpen(false);
    const rest: Settings = { ...d.settings };
    delete rest.columnMap;
    const s: Settings = Object.keys(next.sheets).length ? { ...rest, columnMap: next } : rest;
    // The map applies from now on even if the workbook cannot store it.
    d.setSettings(s);
    void d.validateWith(s, () => d.saveSettings(s).then(() => null, (err: unknown) => m.saveFailed(errorText(err))));
  };

  const exportMap = (toExport: ColumnMap): void => {
    d.saveFile(MAP_FILE, new TextEncoder().encode(columnMapJson(toExport)), "application/json");
    d.notifySuccess(m.exported(MAP_FILE));
  };

  const offer = d.result ? (
    <ColumnMapOffer m={m} failed={failed} mapped={mapped} disabled={d.disabled} onOpen={open} onExport={() => map && exportMap(map)} />
  ) : null;
  // Mounted only while open: nothing is computed for it during ordinary validations.
  const dialog = d.grids && isOpen ? (
    <ColumnMapDialog
      t={d.t}
      m={m}
      sheets={d.grids.sheets}
      initialRole={failed[0] ?? mapped[0] ?? "资金分配"}
      roleSheets={roleSheets}
      map={map}
      fallbackUnit={d.result?.model.project?.unit ?? d.settings.amountUnit}
      onApply={apply}
      onExport={(next) => {
        setOpen(false);
        exportMap(next);
      }}
      onDismiss={() => setOpen(false)}
    />
  ) : null;
  return { m, offer, dialog, open };
}
