// Must be the first import of the pane: Fluent UI reads window.FabricConfig while its modules
// load. An empty fontBaseUrl means "no web fonts from the CDN".
declare global {
  interface Window {
    FabricConfig?: { fontBaseUrl?: string; iconBaseUrl?: string };
  }
}

if (typeof window !== "undefined") {
  window.FabricConfig = { ...window.FabricConfig, fontBaseUrl: "" };
}

export {};
