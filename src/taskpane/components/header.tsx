import * as React from "react";
import { IconButton, Stack, Text } from "@fluentui/react";
import type { Strings } from "../i18n";

export interface HeaderProps {
  t: Strings;
  status: string;
  onOpenSettings: () => void;
  settingsDisabled?: boolean;
}

/** Title, workbook status (announced politely to screen readers) and the settings button. */
export function Header({ t, status, onOpenSettings, settingsDisabled }: HeaderProps): React.ReactElement {
  return (
    <header className="fa-header">
      <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <img src="assets/icon-32.png" width={28} height={28} alt="" />
        <Stack grow>
          <Text as="h1" variant="large" className="fa-title">
            {t.appTitle}
          </Text>
          <Text variant="small" className="fa-subtitle">
            {t.appSubtitle}
          </Text>
        </Stack>
        <IconButton iconProps={{ iconName: "Settings" }} title={t.settings} ariaLabel={t.settingsAria} onClick={onOpenSettings} disabled={settingsDisabled} />
      </Stack>
      <Text variant="small" block className="fa-status" role="status" aria-live="polite" data-testid="workbook-status">
        {status}
      </Text>
    </header>
  );
}
