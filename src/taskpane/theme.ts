// Fluent palette in the add-in's finance blue (the icon's #1B5E9E).
import type { PartialTheme } from "@fluentui/react";

export const FUND_AUDIT_THEME: PartialTheme = {
  palette: {
    themePrimary: "#1b5e9e",
    themeLighterAlt: "#f3f7fb",
    themeLighter: "#d0e1f1",
    themeLight: "#a9c8e5",
    themeTertiary: "#5f96c9",
    themeSecondary: "#2c6daa",
    themeDarkAlt: "#19558e",
    themeDark: "#154878",
    themeDarker: "#0f3558",
  },
};
