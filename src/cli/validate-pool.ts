// Validates many workbooks on worker threads, one per core: reading and validating are CPU
// bound, so N files take about N / cores as long. Replies arrive in completion order; the
// caller orders the reports. A worker that dies (e.g. out of memory) fails only its file and
// is replaced.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import type { Lang, ReportedResult, RuleConfig } from "../core";
import { WorkbookReadError, type WorkbookReadErrorCode } from "./xlsx";

export interface WorkerSetup {
  lang: Lang;
  config?: RuleConfig;
}

export interface WorkerJob {
  index: number;
  file: string;
}

export type WorkerFailure = { kind: "read"; code: WorkbookReadErrorCode; message: string; file?: string } | { kind: "internal"; message: string; stack?: string };

export type WorkerReply = { index: number; ms: number; ok: true; result: ReportedResult } | { index: number; ms: number; ok: false; failure: WorkerFailure };

/** The compiled worker beside this file; absent when running from TypeScript sources (tests). */
const WORKER_SCRIPT = path.join(__dirname, "validate-worker.js");

export function availableCores(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

/** Whether `count` files are worth a pool here: more than one file, more than one core, compiled worker present. */
export function poolWorthwhile(count: number): boolean {
  return count > 1 && availableCores() > 1 && fs.existsSync(WORKER_SCRIPT);
}

/** The error a failure stands for, as validateFiles' describeFailure expects it. */
export function failureError(f: WorkerFailure): Error {
  if (f.kind === "read") return WorkbookReadError.restore(f.code, f.message, f.file);
  const e = new Error(f.message);
  if (f.stack) e.stack = f.stack;
  return e;
}

export function validateInWorkers(files: readonly string[], setup: WorkerSetup, onReply: (r: WorkerReply) => void, size = Math.min(availableCores(), files.length)): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    let pending = files.length;
    const workers = new Set<Worker>();
    const finish = (r: WorkerReply): void => {
      onReply(r);
      if (--pending === 0) {
        for (const w of workers) void w.terminate();
        resolve();
      }
    };
    const start = (): void => {
      const worker = new Worker(WORKER_SCRIPT, { workerData: setup });
      workers.add(worker);
      let current: WorkerJob | null = null;
      let started = 0;
      const feed = (): void => {
        if (next >= files.length) {
          current = null;
          workers.delete(worker);
          void worker.terminate();
          return;
        }
        current = { index: next, file: files[next] };
        next++;
        started = Date.now();
        worker.postMessage(current);
      };
      worker.on("message", (reply: WorkerReply) => {
        finish(reply);
        feed();
      });
      worker.on("error", (err) => {
        workers.delete(worker);
        if (current) {
          const job = current;
          current = null;
          finish({ index: job.index, ms: Date.now() - started, ok: false, failure: { kind: "internal", message: err.message, stack: err.stack } });
          if (next < files.length) start();
        }
      });
      feed();
    };
    if (files.length === 0) resolve();
    for (let i = 0; i < size; i++) start();
  });
}
