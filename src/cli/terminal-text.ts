// Text from a workbook (cell values, sheet names) on its way to a terminal: control characters
// would move the cursor, retitle the window or hide text (ESC sequences, BEL, NUL, bidi
// overrides), so they are shown as \u001b escapes. JSON output keeps text exact.

// C0 controls, DEL, C1 controls, line/paragraph separators and bidi embeddings/overrides/isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** `s` with every control character written as \uXXXX. */
export function terminalSafe(s: string): string {
  return s.replace(CONTROL, escape);
}
