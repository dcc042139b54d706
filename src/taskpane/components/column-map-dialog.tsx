import * as React from "react";
import { DefaultButton, Dialog, DialogFooter, Dropdown, MessageBar, MessageBarType, PrimaryButton, Stack, TextField, type IDropdownOption } from "@fluentui/react";
import { ROLE_SHEETS, type ColumnMap, type ColumnMapEntry, type RoleName } from "../../core/column-map";
import { columnRef, guessHeaderRow, headersInRow, MAPPABLE_ROLES, previewColumnMap, withEntry, type HeaderCell } from "../../core/column-map-preview";
import { columnIndex, type SheetGrid } from "../../core/grid";
import { headerKey } from "../../core/sheet-reader";
import type { AmountUnit } from "../../core/types";
import type { Strings } from "../i18n";
import type { MapStrings } from "./column-map-strings";
import { fitDialogProps } from "./fit-dialog";

export interface ColumnMapDialogProps {
  t: Strings;
  m: MapStrings;
  /** The workbook as last read. */
  sheets: SheetGrid[];
  /** The role shown first (the first one detection missed). */
  initialRole: RoleName;
  /** The sheet validation read for each role, if any. */
  roleSheets: Partial<Record<RoleName, string>>;
  map: ColumnMap | undefined;
  /** The settings' unit, used when the table states none. */
  fallbackUnit: AmountUnit;
  onApply: (map: ColumnMap) => void;
  onExport: (map: ColumnMap) => void;
  onDismiss: () => void;
}

interface Draft {
  role: RoleName;
  sheet: string;
  headerRow: string;
  unit: "auto" | "元" | "万元";
  /** Canonical header -> zero-based column. */
  columns: Record<string, number>;
}

/** A stored reference (header text or letter) as a column of the row's headers. */
function refToCol(headers: HeaderCell[], ref: string): number | undefined {
  if (/^[A-Z]{1,3}$/.test(ref)) return columnIndex(ref);
  return headers.find((h) => headerKey(h.text) === headerKey(ref))?.col;
}

function draftFor(role: RoleName, props: ColumnMapDialogProps): Draft {
  const entry = props.map?.sheets[role];
  const sheet = entry?.sheet ?? props.roleSheets[role] ?? props.sheets[0]?.name ?? "";
  const grid = props.sheets.find((s) => s.name === sheet);
  const headerRow = entry?.headerRow ?? (grid ? guessHeaderRow(grid, role).headerRow : 1);
  const headers = grid ? headersInRow(grid, role, headerRow) : [];
  const columns: Record<string, number> = {};
  for (const [name, ref] of Object.entries(entry?.columns ?? {})) {
    const col = refToCol(headers, ref);
    const def = ROLE_SHEETS[role].columns.find((c) => c.header === name || c.aliases.includes(name));
    if (col !== undefined && def) columns[def.header] = col;
  }
  return { role, sheet, headerRow: String(headerRow), unit: entry?.unit ?? "auto", columns };
}

const ROW_LIMIT = 1048576;

// Inline: the dialog's look stays with it (the pane's CSP allows inline styles).
const S = {
  fieldset: { border: 0, padding: 0, margin: 0, minWidth: 0 },
  legend: { fontWeight: 600, padding: 0, marginBottom: 2 },
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", fontSize: 12, fontVariantNumeric: "tabular-nums" },
  caption: { textAlign: "left", fontWeight: 600, padding: "4px 0" },
  cell: { border: "1px solid #e1dfdd", padding: "2px 6px", textAlign: "left", whiteSpace: "nowrap" },
  unreadable: { border: "1px solid #e1dfdd", padding: "2px 6px", whiteSpace: "nowrap", color: "#a4262c" },
} as const;

/** Picks the sheet, header row and columns of one role's table, with a live preview of the rows as validation will read them. */
export function ColumnMapDialog(props: ColumnMapDialogProps): React.ReactElement {
  const { t, m, sheets, fallbackUnit, onApply, onExport, onDismiss } = props;
  // Mounted when opened: the draft starts from the saved map (or the guesses) each time.
  const [draft, setDraft] = React.useState<Draft>(() => draftFor(props.initialRole, props));

  const grid = sheets.find((s) => s.name === draft.sheet);
  const maxRow = Math.max(1, Math.min(ROW_LIMIT, grid?.rows.length ?? 1));
  const rowNumber = /^\d+$/.test(draft.headerRow.trim()) ? Number(draft.headerRow) : NaN;
  const rowValid = Number.isInteger(rowNumber) && rowNumber >= 1 && rowNumber <= maxRow;
  const headers = React.useMemo(() => (grid && rowValid ? headersInRow(grid, draft.role, rowNumber) : []), [grid, rowValid, draft.role, rowNumber]);
  const guess = React.useMemo(() => (grid ? guessHeaderRow(grid, draft.role).headerRow : 1), [grid, draft.role]);

  const entry: ColumnMapEntry = React.useMemo(() => {
    const columns: Record<string, string> = {};
    for (const [name, col] of Object.entries(draft.columns)) columns[name] = columnRef(headers, col);
    return { sheet: draft.sheet, ...(rowValid ? { headerRow: rowNumber } : {}), ...(draft.unit !== "auto" ? { unit: draft.unit } : {}), ...(Object.keys(columns).length ? { columns } : {}) };
  }, [draft, headers, rowValid, rowNumber]);
  const preview = React.useMemo(() => (grid && rowValid ? previewColumnMap(grid, draft.role, entry, fallbackUnit) : null), [grid, rowValid, draft.role, entry, fallbackUnit]);
  const next = withEntry(props.map, draft.role, entry);
  const ready = preview !== null && preview.missing.length === 0 && preview.unresolved.length === 0;

  const setRow = (text: string): void => setDraft((d) => ({ ...d, headerRow: text, columns: {} }));
  const headerOptions: IDropdownOption[] = [{ key: "", text: m.auto }, ...headers.map((h) => ({ key: String(h.col), text: `${h.letter} · ${h.text}` }))];
  const shown = preview?.fields.filter((f) => f.col !== null) ?? [];

  return (
    <Dialog hidden={false} onDismiss={onDismiss} {...fitDialogProps(m.title, m.intro, t.close, 560)}>
      <Stack tokens={{ childrenGap: 8 }} data-testid="map-dialog">
        <Dropdown
          label={m.role}
          panelProps={{ headerText: m.role, closeButtonAriaLabel: t.close }}
          selectedKey={draft.role}
          options={MAPPABLE_ROLES.map((r) => ({ key: r, text: r }))}
          onChange={(_, o) => o && setDraft(draftFor(o.key as RoleName, props))}
          data-testid="map-role"
        />
        <Dropdown
          label={m.sheet}
          panelProps={{ headerText: m.sheet, closeButtonAriaLabel: t.close }}
          selectedKey={draft.sheet}
          options={sheets.map((s) => ({ key: s.name, text: s.name }))}
          onChange={(_, o) => {
            const g = o && sheets.find((s) => s.name === o.key);
            if (g) setDraft((d) => ({ ...d, sheet: g.name, headerRow: String(guessHeaderRow(g, d.role).headerRow), columns: {} }));
          }}
          data-testid="map-sheet"
        />
        <TextField
          label={m.headerRow}
          value={draft.headerRow}
          onChange={(_, v) => setRow(v ?? "")}
          errorMessage={rowValid ? undefined : m.headerRowInvalid(maxRow)}
          description={rowValid && rowNumber === guess ? `${guess}${m.headerGuess}` : undefined}
          inputMode="numeric"
          data-testid="map-header-row"
        />
        <Dropdown
          label={m.unit}
          panelProps={{ headerText: m.unit, closeButtonAriaLabel: t.close }}
          selectedKey={draft.unit}
          options={[
            { key: "auto", text: m.unitAuto },
            { key: "元", text: m.unitYuan },
            { key: "万元", text: m.unitWan },
          ]}
          onChange={(_, o) => o && setDraft((d) => ({ ...d, unit: o.key === "元" || o.key === "万元" ? o.key : "auto" }))}
          data-testid="map-unit"
        />
        <fieldset style={S.fieldset}>
          <legend style={S.legend}>{m.columnsGroup}</legend>
          {rowValid && headers.length === 0 ? <MessageBar messageBarType={MessageBarType.warning}>{m.noHeaders}</MessageBar> : null}
          {ROLE_SHEETS[draft.role].columns.map((c) => (
            <Dropdown
              key={c.header}
              label={c.header}
              // Narrow panes show the list in a panel: it is named after its field (axe aria-dialog-name).
              panelProps={{ headerText: c.header, closeButtonAriaLabel: t.close }}
              required={c.required}
              selectedKey={draft.columns[c.header] !== undefined ? String(draft.columns[c.header]) : ""}
              options={headerOptions}
              onChange={(_, o) =>
                o &&
                setDraft((d) => {
                  const columns = { ...d.columns };
                  if (o.key === "") delete columns[c.header];
                  else columns[c.header] = Number(o.key);
                  return { ...d, columns };
                })
              }
              data-testid={`map-col-${c.header}`}
            />
          ))}
        </fieldset>
        {preview && preview.missing.length ? <MessageBar messageBarType={MessageBarType.warning} data-testid="map-missing">{m.missing(preview.missing.join("、"))}</MessageBar> : null}
        {preview && preview.unresolved.length ? <MessageBar messageBarType={MessageBarType.warning}>{m.unresolved(preview.unresolved.join("、"))}</MessageBar> : null}
        {ready && preview ? (
          // A scrolling region must be reachable from the keyboard: it takes focus and has a name.
          <div style={S.scroller} role="region" aria-label={m.previewCaption(preview.rows.length)} tabIndex={0} data-testid="map-preview">
            {preview.rows.length === 0 ? (
              <p>{m.previewNone}</p>
            ) : (
              <table style={S.table}>
                <caption style={S.caption}>{m.previewCaption(preview.rows.length)}</caption>
                <thead>
                  <tr>
                    <th scope="col" style={S.cell}>
                      {m.previewRow}
                    </th>
                    {shown.map((f) => (
                      <th scope="col" key={f.header} style={S.cell}>
                        {f.header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.row} data-testid="map-preview-row">
                      <th scope="row" style={S.cell}>
                        {r.row}
                      </th>
                      {r.cells.map((cell, i) => (
                        <td key={shown[i].header} style={cell.unreadable ? S.unreadable : S.cell}>
                          {cell.unreadable ? m.unreadable(cell.text) : cell.text}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ) : null}
      </Stack>
      <DialogFooter styles={{ actionsRight: { display: "flex", flexWrap: "wrap", justifyContent: "flex-end", gap: 8, margin: 0 }, action: { margin: 0 } }}>
        <PrimaryButton text={m.apply} onClick={() => onApply(next)} disabled={!ready} styles={{ root: { minWidth: 64 } }} data-testid="map-apply" />
        <DefaultButton text={m.export} ariaDescription={m.exportAria} onClick={() => onExport(next)} disabled={!ready} styles={{ root: { minWidth: 64 } }} data-testid="map-export" />
        {props.map?.sheets[draft.role] ? (
          <DefaultButton text={m.clear} onClick={() => onApply(withEntry(props.map, draft.role, {}))} styles={{ root: { minWidth: 64 } }} data-testid="map-clear" />
        ) : null}
        <DefaultButton text={t.cancel} onClick={onDismiss} styles={{ root: { minWidth: 64 } }} />
      </DialogFooter>
    </Dialog>
  );
}
