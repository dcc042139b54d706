// The pane's settings live in the document (Office.context.document.settings), so they travel
// with the workbook. Normalised on the way in and out (src/host/settings.ts).
import { normaliseSettings } from "../host/settings";
import type { OfficeHost } from "./run";
import type { Settings } from "./types";

export { DEFAULT_SETTINGS, normaliseSettings } from "../host/settings";

export const SETTINGS_KEY = "fundAudit.settings";

export function loadDocumentSettings(host: OfficeHost): Settings {
  return normaliseSettings(host.Office.context.document.settings.get(SETTINGS_KEY));
}

export function saveDocumentSettings(host: OfficeHost, s: Settings): Promise<void> {
  const settings = host.Office.context.document.settings;
  settings.set(SETTINGS_KEY, normaliseSettings(s));
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === host.Office.AsyncResultStatus.Failed) reject(new Error(`Could not save settings: ${result.error ? result.error.message : "unknown error"}`));
      else resolve();
    });
  });
}
