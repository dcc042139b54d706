import * as React from "react";
import { MessageBar, MessageBarType, Stack, Text } from "@fluentui/react";
import type { Strings } from "../i18n";

export interface HostMessageProps {
  t: Strings;
  kind: "outside-excel" | "unsupported" | "loading";
}

/** What the pane shows when it cannot work: outside Excel, or an Excel without ExcelApi 1.7. */
export function HostMessage({ t, kind }: HostMessageProps): React.ReactElement {
  if (kind === "loading") {
    return (
      <Text block className="fa-host-message" role="status">
        {t.loading}
      </Text>
    );
  }
  const title = kind === "outside-excel" ? t.outsideExcelTitle : t.unsupportedTitle;
  const body = kind === "outside-excel" ? t.outsideExcelBody : t.unsupportedBody;
  return (
    <Stack className="fa-host-message" tokens={{ childrenGap: 12 }} data-testid={`host-${kind}`}>
      <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <img src="assets/icon-64.png" width={40} height={40} alt="" />
        <Text as="h1" variant="xLarge">
          {t.appTitle}
        </Text>
      </Stack>
      <MessageBar messageBarType={kind === "outside-excel" ? MessageBarType.info : MessageBarType.blocked} isMultiline>
        <strong>{title}</strong>
        <br />
        {body}
      </MessageBar>
    </Stack>
  );
}
