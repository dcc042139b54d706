// The pane's icons as inline SVG, registered with Fluent UI. initializeIcons() would download
// the MDL2 icon font from Microsoft's CDN, which the pane's CSP (and offline use) rules out; this
// set covers the pane's own icons and those Fluent's components ask for.
import * as React from "react";
import { registerIcons } from "@fluentui/react";

const stroke = { fill: "none", stroke: "currentColor", strokeWidth: 1.4, strokeLinecap: "round", strokeLinejoin: "round" } as const;

function svg(...children: React.ReactNode[]): React.ReactElement {
  return React.createElement(
    "svg",
    { viewBox: "0 0 16 16", width: "1em", height: "1em", focusable: "false", "aria-hidden": true, style: { display: "inline-block", verticalAlign: "-0.125em", overflow: "visible" } },
    ...children,
  );
}

function line(d: string, key = d): React.ReactElement {
  return <path key={key} d={d} {...stroke} />;
}

function solid(d: string, key = d): React.ReactElement {
  return <path key={key} d={d} fill="currentColor" />;
}

function ring(r = 6.5): React.ReactElement {
  return <circle key="ring" cx="8" cy="8" r={r} {...stroke} />;
}

/** A cog outline: 8 teeth around a ring. */
function cog(): string {
  const pts: string[] = [];
  for (let i = 0; i < 16; i++) {
    const tooth = i % 2 === 0;
    const r = tooth ? 7 : 5.4;
    for (const da of [-0.16, 0.16]) {
      const a = (i * Math.PI) / 8 + da;
      pts.push(`${(8 + r * Math.cos(a)).toFixed(2)} ${(8 + r * Math.sin(a)).toFixed(2)}`);
    }
  }
  return `M${pts.join("L")}Z`;
}

export const ICON_NAMES = [
  "ChevronDown",
  "ChevronDownSmall",
  "ChevronUpSmall",
  "ChevronRightMed",
  "ChevronLeftMed",
  "DoubleChevronUp",
  "DoubleChevronDown",
  "Cancel",
  "Clear",
  "CheckMark",
  "Search",
  "Tag",
  "More",
  "CircleRing",
  "StatusCircleCheckmark",
  "Info",
  "ErrorBadge",
  "Blocked2",
  "Warning",
  "Completed",
  "Settings",
  "Play",
  "Highlight",
  "EraseTool",
  "Table",
  "WordDocument",
  "Add",
  "Filter",
  "Location",
] as const;

export type IconName = (typeof ICON_NAMES)[number];

const ICONS: Record<IconName, React.ReactElement> = {
  ChevronDown: svg(line("M3 6l5 5 5-5")),
  ChevronDownSmall: svg(line("M4.5 6.5L8 10l3.5-3.5")),
  ChevronUpSmall: svg(line("M4.5 9.5L8 6l3.5 3.5")),
  ChevronRightMed: svg(line("M6 3l5 5-5 5")),
  ChevronLeftMed: svg(line("M10 3L5 8l5 5")),
  DoubleChevronUp: svg(line("M4 8l4-4 4 4"), line("M4 12.5l4-4 4 4")),
  DoubleChevronDown: svg(line("M4 3.5l4 4 4-4"), line("M4 8l4 4 4-4")),
  Cancel: svg(line("M3.5 3.5l9 9M12.5 3.5l-9 9")),
  Clear: svg(line("M4 4l8 8M12 4l-8 8")),
  CheckMark: svg(line("M2.5 8.5l3.5 3.5 7.5-8")),
  Search: svg(<circle key="c" cx="6.5" cy="6.5" r="4.5" {...stroke} />, line("M10 10l4.5 4.5")),
  Tag: svg(line("M2 2.5h6l6 6-5.5 5.5-6.5-6z"), <circle key="c" cx="5.2" cy="5.7" r="1" fill="currentColor" />),
  More: svg(<circle key="a" cx="3" cy="8" r="1.2" fill="currentColor" />, <circle key="b" cx="8" cy="8" r="1.2" fill="currentColor" />, <circle key="c" cx="13" cy="8" r="1.2" fill="currentColor" />),
  CircleRing: svg(ring()),
  StatusCircleCheckmark: svg(line("M5 8.3l2 2 4-4.3")),
  Info: svg(ring(), solid("M7.3 7h1.4v5H7.3z"), <circle key="dot" cx="8" cy="4.8" r="0.85" fill="currentColor" />),
  ErrorBadge: svg(ring(), line("M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8")),
  Blocked2: svg(ring(), line("M3.4 12.6l9.2-9.2")),
  Warning: svg(line("M8 1.8L15 14H1z"), solid("M7.3 5.8h1.4v4.4H7.3z"), <circle key="dot" cx="8" cy="12" r="0.85" fill="currentColor" />),
  Completed: svg(ring(), line("M4.8 8.2l2.2 2.2 4.2-4.6")),
  Settings: svg(line(cog()), <circle key="hub" cx="8" cy="8" r="2.2" {...stroke} />),
  Play: svg(solid("M4.5 2.5v11l9-5.5z")),
  Highlight: svg(line("M3 13l1-3.5 7-7 2.5 2.5-7 7z"), line("M9.5 4l2.5 2.5"), solid("M1 14.6h14v1H1z")),
  EraseTool: svg(line("M2.5 10.5l6.5-7 5 4.5-5.5 6H5.5z"), line("M6.5 6.5l5 4.5"), line("M9 14h5.5")),
  Table: svg(line("M1.5 2.5h13v11h-13z"), line("M1.5 6h13M1.5 9.5h13M6 2.5v11")),
  WordDocument: svg(line("M3.5 1.5h6l3 3v10h-9z"), line("M9.5 1.5v3h3"), line("M5.5 7.5h5M5.5 10h5M5.5 12.5h3")),
  Add: svg(line("M8 2.5v11M2.5 8h11")),
  Filter: svg(line("M1.5 2.5h13L9.5 8.5v5l-3 1.5V8.5z")),
  Location: svg(line("M8 14.5s-4.5-4.6-4.5-8a4.5 4.5 0 019 0c0 3.4-4.5 8-4.5 8z"), <circle key="c" cx="8" cy="6.4" r="1.6" {...stroke} />),
};

let registered = false;

/** Registers the local icon set once (Fluent warns on a second registration of a name). */
export function registerLocalIcons(): void {
  if (registered) return;
  registered = true;
  registerIcons({ icons: ICONS });
}
