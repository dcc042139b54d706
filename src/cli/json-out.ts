// The JSON report written piece by piece: a 100,000-line workbook has tens of thousands of
// findings, and one JSON.stringify of all of them holds the whole document in memory twice.
import type { JsonReport } from "../core";
import type { CliIO } from "./io";

const HOLE = "\u0000findings\u0000";
const CHUNK = 1 << 20;

function indentLines(text: string, pad: string): string {
  return text.replace(/\n/g, `\n${pad}`);
}

/** An unreadable file's entry: { workbook, ok: false, error }. */
export type FailedReport = { workbook: string; ok: false; error: { code: string; message: string } };

/** Same text as JSON.stringify(report, null, 2) indented by `pad`, in pieces. */
export function* reportJson(report: JsonReport | FailedReport, pad = ""): Generator<string> {
  if (!("findings" in report)) {
    yield indentLines(JSON.stringify(report, null, 2), pad);
    return;
  }
  const head = indentLines(JSON.stringify({ ...report, findings: HOLE }, null, 2), pad);
  const at = head.indexOf(JSON.stringify(HOLE));
  yield head.slice(0, at);
  if (report.findings.length === 0) yield "[]";
  else {
    const inner = `${pad}    `;
    for (let i = 0; i < report.findings.length; i++) yield `${i ? "," : "["}\n${inner}${indentLines(JSON.stringify(report.findings[i], null, 2), inner)}`;
    yield `\n${pad}  ]`;
  }
  yield head.slice(at + JSON.stringify(HOLE).length);
}

export function* reportsJson(reports: (JsonReport | FailedReport)[]): Generator<string> {
  if (reports.length === 1) {
    yield* reportJson(reports[0]);
    yield "\n";
    return;
  }
  yield "[";
  for (let i = 0; i < reports.length; i++) {
    yield `${i ? "," : ""}\n  `;
    yield* reportJson(reports[i], "  ");
  }
  yield reports.length ? "\n]\n" : "]\n";
}

/** Writes pieces in ~1 MB chunks, waiting for the stream to drain between them. */
export async function writeChunked(io: CliIO, pieces: Iterable<string>): Promise<void> {
  let buf: string[] = [];
  let size = 0;
  for (const p of pieces) {
    buf.push(p);
    size += p.length;
    if (size >= CHUNK) {
      await io.write(buf.join(""));
      buf = [];
      size = 0;
    }
  }
  if (size > 0) await io.write(buf.join(""));
}
