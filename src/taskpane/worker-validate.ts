// Runs validateWorkbook in a Web Worker (dist/validate-worker.js, built from validate.worker.ts),
// one worker per validation so cancelling is terminating it. Without Worker, or when the worker
// cannot start (blocked by policy, script missing), the same engine runs on the main thread.
import type { EngineProgress, OnEngineProgress, ValidateOptions, ValidationResult, WorkbookGrids } from "../core";

export const WORKER_SCRIPT = "validate-worker.js";

/**
 * Large arrays cross the thread boundary in slices: structured cloning 100k rows or 64k findings in one
 * message is one long task on the pane's thread (~300 ms each way at 100k lines); a slice per message
 * keeps every task short. The worker sends the slices of `findings` and `model.lines` first, then the rest.
 */
export const SLICE = 5000;

export type WorkerReply =
  | { result: ValidationResult }
  | { error: string }
  | { progress: EngineProgress }
  | { slice: { findings?: ValidationResult["findings"]; lines?: ValidationResult["model"]["lines"] } };

/** What the pane sends: each sheet's header without rows, its rows in slices, then the run. */
export type WorkerRequest =
  | { sheet: Omit<WorkbookGrids["sheets"][number], "rows"> }
  | { rows: { sheet: number; rows: WorkbookGrids["sheets"][number]["rows"] } }
  | { run: ValidateOptions };

/** The messages that carry `grids` and `opts` to the worker, rows in slices of SLICE. */
export function requestMessages(grids: WorkbookGrids, opts: ValidateOptions): WorkerRequest[] {
  const out: WorkerRequest[] = [];
  grids.sheets.forEach((s, i) => {
    const { rows, ...header } = s;
    out.push({ sheet: header });
    for (let r = 0; r < rows.length; r += SLICE) out.push({ rows: { sheet: i, rows: rows.slice(r, r + SLICE) } });
  });
  out.push({ run: opts });
  return out;
}

export type ValidateAsync = (grids: WorkbookGrids, opts: ValidateOptions, signal?: AbortSignal, onProgress?: OnEngineProgress) => Promise<ValidationResult>;

/** What the pane needs of the DOM's Worker (a fake in tests). */
export interface WorkerLike {
  onmessage: ((e: { data: WorkerReply }) => void) | null;
  onerror: ((e: unknown) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

export class ValidationCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "ValidationCancelled";
  }
}

export function workerValidator(
  validateOnMain: (grids: WorkbookGrids, opts: ValidateOptions, onProgress?: OnEngineProgress) => ValidationResult,
  createWorker: (() => WorkerLike) | null = typeof Worker === "undefined" ? null : () => new Worker(WORKER_SCRIPT) as unknown as WorkerLike,
): ValidateAsync {
  const onMain: ValidateAsync = async (grids, opts, signal, onProgress) => {
    await new Promise((resolve) => setTimeout(resolve, 0)); // let the progress bar paint first
    if (signal?.aborted) throw new ValidationCancelled();
    return validateOnMain(grids, opts, onProgress);
  };
  if (!createWorker) return onMain;
  return (grids, opts, signal, onProgress) =>
    new Promise<ValidationResult>((resolve, reject) => {
      if (signal?.aborted) return reject(new ValidationCancelled());
      let worker: WorkerLike;
      try {
        worker = createWorker();
      } catch {
        return resolve(onMain(grids, opts, signal, onProgress));
      }
      const done = (): void => {
        worker.terminate();
        signal?.removeEventListener("abort", cancel);
      };
      const cancel = (): void => {
        done();
        reject(new ValidationCancelled());
      };
      signal?.addEventListener("abort", cancel);
      const findings: ValidationResult["findings"] = [];
      const lines: ValidationResult["model"]["lines"] = [];
      worker.onmessage = (e) => {
        if ("progress" in e.data) {
          onProgress?.(e.data.progress);
          return;
        }
        if ("slice" in e.data) {
          for (const f of e.data.slice.findings ?? []) findings.push(f);
          for (const l of e.data.slice.lines ?? []) lines.push(l);
          return;
        }
        done();
        if ("result" in e.data) {
          const r = e.data.result;
          resolve(findings.length || lines.length ? { ...r, findings: [...findings, ...r.findings], model: { ...r.model, lines: [...lines, ...r.model.lines] } } : r);
        } else reject(new Error(e.data.error));
      };
      // The worker reports the engine's own errors as messages: an error event means it never ran.
      worker.onerror = () => {
        done();
        resolve(onMain(grids, opts, signal, onProgress));
      };
      void (async () => {
        for (const m of requestMessages(grids, opts)) {
          if (signal?.aborted) return;
          worker.postMessage(m);
          if ("rows" in m) await new Promise((r) => setTimeout(r, 0)); // one slice per task
        }
      })();
    });
}
