// The JSON report written piece by piece: a 100,000-line workbook has tens of thousands of
// findings; one JSON.stringify of all of them (after copying them into a report) holds the whole
// document in memory several times over.
import { JSON_FINDING_FIELDS, toJsonReport, type ValidationResult } from "../core";
import type { CliIO } from "./io";

const HOLE = "\u0000findings\u0000";
const CHUNK = 1 << 20;
const FIELDS = [...JSON_FINDING_FIELDS];

/** An unreadable file's entry: { workbook, ok: false, error }. */
export type FailedReport = { workbook: string; ok: false; error: { code: string; message: string } };
export type ReportEntry = { result: ValidationResult; workbook: string } | FailedReport;

function indentLines(text: string, pad: string): string {
  return text.replace(/\n/g, `\n${pad}`);
}

/** Same text as JSON.stringify(toJsonReport(result, workbook), null, 2) indented by `pad`, in pieces. */
export function* reportJson(entry: ReportEntry, pad = ""): Generator<string> {
  if (!("result" in entry)) {
    yield indentLines(JSON.stringify(entry, null, 2), pad);
    return;
  }
  const findings = entry.result.findings;
  const head = indentLines(JSON.stringify({ ...toJsonReport(entry.result, entry.workbook, { findings: false }), findings: HOLE }, null, 2), pad);
  const at = head.indexOf(JSON.stringify(HOLE));
  yield head.slice(0, at);
  if (findings.length === 0) yield "[]";
  else {
    const inner = `${pad}    `;
    // The array replacer picks the contract's fields in the contract's order, without a copy.
    for (let i = 0; i < findings.length; i++) yield `${i ? "," : "["}\n${inner}${indentLines(JSON.stringify(findings[i], FIELDS, 2), inner)}`;
    yield `\n${pad}  ]`;
  }
  yield head.slice(at + JSON.stringify(HOLE).length);
}

export function* reportsJson(entries: ReportEntry[]): Generator<string> {
  if (entries.length === 1) {
    yield* reportJson(entries[0]);
    yield "\n";
    return;
  }
  yield "[";
  for (let i = 0; i < entries.length; i++) {
    yield `${i ? "," : ""}\n  `;
    yield* reportJson(entries[i], "  ");
  }
  yield entries.length ? "\n]\n" : "]\n";
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
