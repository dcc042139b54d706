// The JSON report written piece by piece: a 100,000-line workbook has tens of thousands of
// findings; one JSON.stringify of all of them (after copying them into a report) holds the whole
// document in memory several times over.
import { JSON_FINDING_FIELDS, toJsonReport, type Finding, type ReportedResult } from "../core";
import type { CliIO } from "./io";

const HOLE = "\u0000findings\u0000";
const CHUNK = 1 << 20;
const FIELDS = [...JSON_FINDING_FIELDS];

/** An unreadable file's entry: { workbook, ok: false, error }. */
export type FailedReport = { workbook: string; ok: false; error: { code: string; message: string } };
export type ReportEntry = { result: ReportedResult; workbook: string } | FailedReport;

function indentLines(text: string, pad: string): string {
  return text.replace(/\n/g, `\n${pad}`);
}

/**
 * Findings written as JSON.stringify(f, FIELDS, 2) indented by `inner` writes them, without its
 * replacer-and-indent path (the slowest of JSON.stringify) and a regex pass per finding. Values are
 * primitives, each serialised by JSON.stringify; the text of a field's last string is reused, since
 * most findings share their code, severity, sheet and often their message.
 */
class FindingWriter {
  private readonly keys: string[];
  private readonly lastValue: unknown[] = FIELDS.map(() => undefined);
  private readonly lastText: string[] = FIELDS.map(() => "");
  private readonly close: string;

  constructor(inner: string) {
    this.keys = FIELDS.map((k) => `\n${inner}  ${JSON.stringify(k)}: `);
    this.close = `\n${inner}}`;
  }

  write(f: Finding): string {
    let out = "{";
    let first = true;
    for (let k = 0; k < FIELDS.length; k++) {
      const v = f[FIELDS[k]];
      if (v === undefined) continue;
      let text: string;
      if (typeof v === "string" && v === this.lastValue[k]) text = this.lastText[k];
      else {
        text = JSON.stringify(v);
        if (typeof v === "string") {
          this.lastValue[k] = v;
          this.lastText[k] = text;
        }
      }
      out += (first ? "" : ",") + this.keys[k] + text;
      first = false;
    }
    return first ? "{}" : out + this.close;
  }
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
    // The contract's fields in the contract's order, without a copy of the finding.
    const writer = new FindingWriter(inner);
    for (let i = 0; i < findings.length; i++) yield `${i ? "," : "["}\n${inner}${writer.write(findings[i])}`;
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

/**
 * Writes pieces in ~1 MB chunks, waiting for the stream to drain between them. Each piece is encoded
 * straight into the chunk's buffer: joining a megabyte of pieces into one string and letting the stream
 * encode that cost about 100 ms more per 28 MB (64k findings) than encoding piece by piece. A chunk
 * always ends between pieces, so never inside a character.
 */
export async function writeChunked(io: CliIO, pieces: Iterable<string>): Promise<void> {
  let buf = Buffer.allocUnsafe(CHUNK);
  let pos = 0;
  for (const p of pieces) {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (pos + p.length * 3 > buf.length) {
      if (pos > 0) {
        await io.write(buf.subarray(0, pos));
        buf = Buffer.allocUnsafe(CHUNK); // the stream may still hold the last one
        pos = 0;
      }
      if (p.length * 3 > buf.length) {
        await io.write(p);
        continue;
      }
    }
    pos += buf.write(p, pos, "utf8");
  }
  if (pos > 0) await io.write(buf.subarray(0, pos));
}
