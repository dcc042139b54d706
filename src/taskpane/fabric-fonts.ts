// Stands in for @fluentui/theme's fonts/DefaultFontStyles (swapped in by webpack.config.js).
// The original registers @font-face rules on Microsoft's font CDN when the module loads; the
// pane uses the system's Segoe UI / Microsoft YaHei and makes no request outside its origin.
// fonts/index imports this module after createFontStyles, so the binding is ready here.
import { createFontStyles } from "@fluentui/theme/lib/fonts/index";
import { getLanguage } from "@fluentui/utilities";

export const DefaultFontStyles = createFontStyles(getLanguage());

/** No web fonts: kept for API compatibility with the module it replaces. */
export function registerDefaultFontFaces(baseUrl: string): void {
  void baseUrl;
}
