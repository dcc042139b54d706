// Validates many workbooks, one outcome per file in the order given; a file that cannot be read
// yields an error outcome and does not stop the others.
import { reportedResult, validateWorkbook, type Lang, type ReportedResult, type RuleConfig } from "../core";
import { failureError, poolWorthwhile, validateInWorkers } from "./validate-pool";
import { isWorkbookReadError, readXlsxFile } from "./xlsx";

export interface ValidateFilesOptions {
  lang: Lang;
  config?: RuleConfig;
  /** false: outcomes only go to onResult and none is kept (a batch of hundreds keeps its own digest). */
  keep?: boolean;
}

interface OutcomeBase {
  /** Position in the list of paths. */
  index: number;
  /** The path as the user gave it. */
  file: string;
  /** Milliseconds spent on this file. */
  ms: number;
}

export type FileOutcome =
  | (OutcomeBase & { ok: true; result: ReportedResult })
  | (OutcomeBase & { ok: false; error: { code: string; message: string }; cause: unknown });

/** Exit code for one outcome: 2 unreadable, 1 error findings, 0 otherwise. */
export function exitCodeOf(o: FileOutcome): number {
  if (!o.ok) return 2;
  return o.result.summary.errors > 0 ? 1 : 0;
}

/** Outcomes in the order given (empty when opts.keep is false); onResult gets each as it completes. */
export async function validateFiles(paths: string[], opts: ValidateFilesOptions, onResult: (o: FileOutcome) => void): Promise<FileOutcome[]> {
  const keep = opts.keep !== false;
  if (poolWorthwhile(paths.length)) {
    // One worker thread per core; outcomes arrive in completion order.
    const outcomes: FileOutcome[] = [];
    await validateInWorkers(paths, { lang: opts.lang, config: opts.config }, (r) => {
      const file = paths[r.index];
      const cause = r.ok ? null : failureError(r.failure);
      const o: FileOutcome = r.ok ? { index: r.index, file, ms: r.ms, ok: true, result: r.result } : { index: r.index, file, ms: r.ms, ok: false, error: describeFailure(cause, file), cause };
      if (keep) outcomes[r.index] = o;
      onResult(o);
    });
    return outcomes;
  }
  const outcomes: FileOutcome[] = [];
  for (let index = 0; index < paths.length; index++) {
    const file = paths[index];
    const started = Date.now();
    let outcome: FileOutcome;
    try {
      const grids = await readXlsxFile(file);
      // Only what the report reads is kept while the other files are validated.
      const result = reportedResult(validateWorkbook(grids, { lang: opts.lang, config: opts.config }));
      outcome = { index, file, ms: Date.now() - started, ok: true, result };
    } catch (e) {
      outcome = { index, file, ms: Date.now() - started, ok: false, error: describeFailure(e, file), cause: e };
    }
    if (keep) outcomes.push(outcome);
    onResult(outcome);
  }
  return outcomes;
}

function describeFailure(e: unknown, file: string): { code: string; message: string } {
  if (isWorkbookReadError(e)) return { code: e.code, message: e.withFile(file).message };
  // The exception's own text ("Cannot read properties of undefined") is for --debug only.
  return { code: "internal", message: `${file}：校验时出现内部错误，请将该文件反馈给维护者（加 --debug 查看详情）` };
}
