import * as React from "react";
import { ChoiceGroup, DefaultButton, Dropdown, Panel, PanelType, PrimaryButton, Stack, Text, TextField } from "@fluentui/react";
import type { Strings } from "../i18n";
import type { Settings } from "../ops";
import { SETTING_LIMITS, toPercentText } from "../settings";

export interface SettingsPanelProps {
  t: Strings;
  isOpen: boolean;
  settings: Settings;
  saving: boolean;
  onSave: (settings: Settings) => void;
  onDismiss: () => void;
  /** 列映射…: opens the column-map dialog (SPEC §8). */
  columnMapLabel: string;
  onOpenColumnMap: () => void;
}

interface Draft {
  amountUnit: Settings["amountUnit"];
  executionThresholdPercent: string;
  overshootPercent: string;
  paidTraffic: Settings["paidTraffic"];
  scopeProfile: Settings["scopeProfile"];
}

function toDraft(s: Settings): Draft {
  return { amountUnit: s.amountUnit, paidTraffic: s.paidTraffic, scopeProfile: s.scopeProfile, executionThresholdPercent: toPercentText(s.executionReasonThreshold), overshootPercent: toPercentText(s.overshootRatio) };
}

function parsePercent(text: string, limits: { min: number; max: number }): number | null {
  const n = Number(text.trim().replace(/[%％]$/, ""));
  return text.trim() !== "" && Number.isFinite(n) && n >= limits.min && n <= limits.max ? n : null;
}

const PROFILES: readonly Settings["scopeProfile"][] = ["auto", "电商", "经济分类"];

/** Amount unit, thresholds, the paid-traffic policy and the scope profile; saved into the workbook by the caller. */
export function SettingsPanel({ t, isOpen, settings, saving, onSave, onDismiss, columnMapLabel, onOpenColumnMap }: SettingsPanelProps): React.ReactElement {
  const [draft, setDraft] = React.useState<Draft>(() => toDraft(settings));
  React.useEffect(() => {
    if (isOpen) setDraft(toDraft(settings));
  }, [isOpen, settings]);

  const L = SETTING_LIMITS;
  const threshold = parsePercent(draft.executionThresholdPercent, L.executionThresholdPercent);
  const overshoot = parsePercent(draft.overshootPercent, L.overshootPercent);
  const valid = threshold !== null && overshoot !== null;

  const save = (): void => {
    if (threshold === null || overshoot === null) return;
    onSave({ amountUnit: draft.amountUnit, executionReasonThreshold: threshold / 100, overshootRatio: overshoot / 100, paidTraffic: draft.paidTraffic, scopeProfile: draft.scopeProfile });
  };

  return (
    <Panel
      isOpen={isOpen}
      onDismiss={onDismiss}
      type={PanelType.smallFluid}
      headerText={t.settingsTitle}
      closeButtonAriaLabel={t.close}
      isFooterAtBottom
      onRenderFooterContent={() => (
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          <PrimaryButton text={t.save} onClick={save} disabled={!valid || saving} data-testid="settings-save" />
          <DefaultButton text={t.cancel} onClick={onDismiss} disabled={saving} />
        </Stack>
      )}
    >
      <Stack tokens={{ childrenGap: 14 }}>
        <Text variant="small">{t.settingsIntro}</Text>
        <Dropdown
          label={t.amountUnit}
          panelProps={{ headerText: t.amountUnit, closeButtonAriaLabel: t.close }}
          selectedKey={draft.amountUnit}
          options={[
            { key: "yuan", text: t.unitYuan },
            { key: "wan", text: t.unitWan },
          ]}
          onChange={(_, o) => o && setDraft((d) => ({ ...d, amountUnit: o.key === "wan" ? "wan" : "yuan" }))}
          data-testid="settings-unit"
        />
        <TextField
          label={t.executionThreshold}
          value={draft.executionThresholdPercent}
          onChange={(_, v) => setDraft((d) => ({ ...d, executionThresholdPercent: v ?? "" }))}
          errorMessage={threshold === null ? t.invalidNumber(L.executionThresholdPercent.min, L.executionThresholdPercent.max) : undefined}
          inputMode="decimal"
          suffix="%"
          data-testid="settings-threshold"
        />
        <TextField
          label={t.overshootRatio}
          value={draft.overshootPercent}
          onChange={(_, v) => setDraft((d) => ({ ...d, overshootPercent: v ?? "" }))}
          errorMessage={overshoot === null ? t.invalidNumber(L.overshootPercent.min, L.overshootPercent.max) : undefined}
          inputMode="decimal"
          suffix="%"
          data-testid="settings-overshoot"
        />
        <ChoiceGroup
          label={t.paidTraffic}
          selectedKey={draft.paidTraffic}
          options={[
            { key: "allow", text: t.paidTrafficAllow },
            { key: "forbid", text: t.paidTrafficForbid },
          ]}
          onChange={(_, o) => o && setDraft((d) => ({ ...d, paidTraffic: o.key === "forbid" ? "forbid" : "allow" }))}
          data-testid="settings-paid-traffic"
        />
        <Dropdown
          label={t.scopeProfile}
          selectedKey={draft.scopeProfile}
          options={[
            { key: "auto", text: t.scopeProfileAuto },
            { key: "电商", text: t.scopeProfileEcommerce },
            { key: "经济分类", text: t.scopeProfileEconomic },
          ]}
          onChange={(_, o) => o && setDraft((d) => ({ ...d, scopeProfile: PROFILES.find((p) => p === o.key) ?? "auto" }))}
          data-testid="settings-profile"
        />
        <DefaultButton text={columnMapLabel} iconProps={{ iconName: "Table" }} onClick={onOpenColumnMap} disabled={saving} data-testid="settings-column-map" />
      </Stack>
    </Panel>
  );
}
