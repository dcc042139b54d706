// Runs validateWorkbook in a Web Worker (dist/validate-worker.js, built from validate.worker.ts),
// one worker per validation so cancelling is terminating it. Without Worker, or when the worker
// cannot start (blocked by policy, script missing), the same engine runs on the main thread.
import type { EngineProgress, OnEngineProgress, ValidateOptions, ValidationResult, WorkbookGrids } from "../core";

export const WORKER_SCRIPT = "validate-worker.js";

export type WorkerReply = { result: ValidationResult } | { error: string } | { progress: EngineProgress };

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
      worker.onmessage = (e) => {
        if ("progress" in e.data) {
          onProgress?.(e.data.progress);
          return;
        }
        done();
        if ("result" in e.data) resolve(e.data.result);
        else reject(new Error(e.data.error));
      };
      // The worker reports the engine's own errors as messages: an error event means it never ran.
      worker.onerror = () => {
        done();
        resolve(onMain(grids, opts, signal, onProgress));
      };
      worker.postMessage({ grids, opts });
    });
}
