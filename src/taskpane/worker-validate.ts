// Runs validateWorkbook in a Web Worker (dist/validate-worker.js, built from validate.worker.ts),
// one worker per validation so cancelling is terminating it. Without Worker, or when the worker
// cannot start (blocked by policy, script missing), the same engine runs on the main thread.
import type { EngineProgress, OnEngineProgress, ResultWithoutLines, ValidateOptions, ValidationResult, WorkbookGrids } from "../core";
import { nextTask } from "../host/next-task";
import { RecordUnpacker, RowPacker, transferables, type PackedRecords, type PackedRows } from "./grid-transfer";

export const WORKER_SCRIPT = "validate-worker.js";

/**
 * Large arrays cross the thread boundary in slices: structured cloning 100k rows or 64k findings in one
 * message is one long task on the pane's thread (~300 ms each way at 100k lines); a slice per message
 * keeps every task short. Both ways the slices go packed (grid-transfer.ts). The worker sends the
 * slices of `findings` first, then the rest; the spending lines stay in the worker (ResultWithoutLines).
 */
export const SLICE = 5000;

/** Slices are packed and posted for about this long before the pane's thread is handed back (a long task is 50 ms). */
export const TASK_BUDGET_MS = 25;

export type WorkerReply =
  | { result: ResultWithoutLines }
  | { error: string }
  | { progress: EngineProgress }
  | { slice: { findings: PackedRecords } };

/** What the pane sends: each sheet's header without rows, its rows packed in slices (grid-transfer.ts), then the run. */
export type WorkerRequest =
  | { sheet: Omit<WorkbookGrids["sheets"][number], "rows"> }
  | { rows: { sheet: number; packed: PackedRows } }
  | { run: ValidateOptions };

/**
 * The messages that carry `grids` and `opts` to the worker, rows in slices of SLICE, each with the
 * buffers it hands over. A generator, so each slice is packed in the task that posts it.
 */
export function* requestMessages(grids: WorkbookGrids, opts: ValidateOptions): Generator<{ message: WorkerRequest; transfer: ArrayBuffer[] }> {
  const packer = new RowPacker();
  for (let i = 0; i < grids.sheets.length; i++) {
    const { rows, ...header } = grids.sheets[i];
    yield { message: { sheet: header }, transfer: [] };
    for (let r = 0; r < rows.length; r += SLICE) {
      const packed = packer.pack(rows.slice(r, r + SLICE));
      yield { message: { rows: { sheet: i, packed } }, transfer: transferables(packed) };
    }
  }
  yield { message: { run: opts }, transfer: [] };
}

export type ValidateAsync = (grids: WorkbookGrids, opts: ValidateOptions, signal?: AbortSignal, onProgress?: OnEngineProgress) => Promise<ResultWithoutLines>;

/** What the pane needs of the DOM's Worker (a fake in tests). */
export interface WorkerLike {
  onmessage: ((e: { data: WorkerReply }) => void) | null;
  onerror: ((e: unknown) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
}

export class ValidationCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "ValidationCancelled";
  }
}

/**
 * A worker started before it is needed: its script is fetched and compiled while the user looks at the
 * pane, not after 校验 (warming its engine on a small workbook too made the 100k validation slower, so
 * it is not done; docs/performance.md). `failed` is set if it could not
 * start, so the validation that takes it runs on the main thread instead of waiting for an error
 * event that has already fired.
 */
interface Spare {
  worker: WorkerLike;
  failed: boolean;
}

export function workerValidator(
  validateOnMain: (grids: WorkbookGrids, opts: ValidateOptions, onProgress?: OnEngineProgress) => ValidationResult,
  createWorker: (() => WorkerLike) | null = typeof Worker === "undefined" ? null : () => new Worker(WORKER_SCRIPT) as unknown as WorkerLike,
  options: { prestart?: boolean } = {},
): ValidateAsync {
  const onMain: ValidateAsync = async (grids, opts, signal, onProgress) => {
    await new Promise((resolve) => setTimeout(resolve, 0)); // let the progress bar paint first
    if (signal?.aborted) throw new ValidationCancelled();
    return validateOnMain(grids, opts, onProgress);
  };
  if (!createWorker) return onMain;
  let spare: Spare | null = null;
  const prestart = (): void => {
    try {
      const s: Spare = { worker: createWorker(), failed: false };
      s.worker.onerror = () => {
        s.failed = true;
      };
      spare = s;
    } catch {
      spare = null;
    }
  };
  if (options.prestart) prestart();
  return (grids, runOpts, signal, onProgress) =>
    new Promise<ResultWithoutLines>((resolve, reject) => {
      if (signal?.aborted) return reject(new ValidationCancelled());
      let worker: WorkerLike;
      const taken: Spare | null = spare;
      spare = null;
      if (taken?.failed) {
        taken.worker.terminate();
        return resolve(onMain(grids, runOpts, signal, onProgress));
      }
      try {
        worker = taken?.worker ?? createWorker();
      } catch {
        return resolve(onMain(grids, runOpts, signal, onProgress));
      }
      const done = (): void => {
        worker.terminate();
        signal?.removeEventListener("abort", cancel);
        // The next validation's worker starts once this one's result is in hand.
        if (options.prestart) setTimeout(prestart, 0);
      };
      const cancel = (): void => {
        done();
        reject(new ValidationCancelled());
      };
      signal?.addEventListener("abort", cancel);
      const findings: ValidationResult["findings"] = [];
      const unpacker = new RecordUnpacker();
      worker.onmessage = (e) => {
        if ("progress" in e.data) {
          onProgress?.(e.data.progress);
          return;
        }
        if ("slice" in e.data) {
          for (const f of unpacker.unpack<ValidationResult["findings"][number]>(e.data.slice.findings)) findings.push(f);
          return;
        }
        done();
        if ("result" in e.data) {
          const r = e.data.result;
          resolve(findings.length ? { ...r, findings: [...findings, ...r.findings] } : r);
        } else reject(new Error(e.data.error));
      };
      // The worker reports the engine's own errors as messages: an error event means it never ran.
      worker.onerror = () => {
        done();
        resolve(onMain(grids, runOpts, signal, onProgress));
      };
      void (async () => {
        let taskStart = performance.now();
        for (const { message, transfer } of requestMessages(grids, runOpts)) {
          if (signal?.aborted) return;
          worker.postMessage(message, transfer);
          if ("rows" in message && performance.now() - taskStart >= TASK_BUDGET_MS) {
            await nextTask();
            taskStart = performance.now();
          }
        }
      })();
    });
}
