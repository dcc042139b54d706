// Entry of the task pane. fabric-config must stay the first import (Fluent reads it on load).
import "./fabric-config";
import * as React from "react";
import { createRoot, type Root } from "react-dom/client";
import { loadTheme } from "@fluentui/react";
import { createExcelOps } from "../excel";
import { App } from "./app";
import { HostMessage } from "./components/host-message";
import { coreEngine } from "./engine";
import { pickLang, strings, type Lang } from "./i18n";
import { registerLocalIcons } from "./icons";
import { FUND_AUDIT_THEME } from "./theme";

registerLocalIcons();
loadTheme(FUND_AUDIT_THEME);

function workbookName(): string {
  try {
    const url = Office.context.document.url || "";
    const base = url.split(/[\\/]/).pop() ?? "";
    return decodeURIComponent(base.split(/[?#]/)[0]);
  } catch {
    return "";
  }
}

function render(root: Root, lang: Lang, node: React.ReactElement): void {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en-US";
  document.title = strings(lang).appTitle;
  root.render(<React.StrictMode>{node}</React.StrictMode>);
}

const root = createRoot(document.getElementById("root") as HTMLElement);
const browserLang = pickLang(navigator.language);

if (typeof Office === "undefined") {
  // Office.js did not load (opened from disk, offline, or blocked).
  render(root, browserLang, <HostMessage t={strings(browserLang)} kind="outside-excel" />);
} else {
  render(root, browserLang, <HostMessage t={strings(browserLang)} kind="loading" />);
  Office.onReady((info) => {
    const lang = pickLang(Office.context?.displayLanguage || navigator.language);
    const t = strings(lang);
    if (info.host !== Office.HostType.Excel) {
      render(root, lang, <HostMessage t={t} kind="outside-excel" />);
    } else if (!Office.context.requirements.isSetSupported("ExcelApi", "1.7")) {
      render(root, lang, <HostMessage t={t} kind="unsupported" />);
    } else {
      render(root, lang, <App ops={createExcelOps()} engine={coreEngine} lang={lang} workbookName={workbookName()} />);
    }
  });
}
