// Worker thread of the multi-file validate pool: reads and validates one workbook per message
// and posts the result back (structured clone). Runs only from the compiled dist-cli.
import { parentPort, workerData } from "worker_threads";
import { reportedResult, validateWorkbook } from "../core";
import type { WorkerJob, WorkerReply, WorkerSetup } from "./validate-pool";
import { isWorkbookReadError, readXlsxFile } from "./xlsx";

const setup = workerData as WorkerSetup;
const port = parentPort;

async function handle(job: WorkerJob): Promise<WorkerReply> {
  const started = Date.now();
  try {
    const grids = await readXlsxFile(job.file);
    // Posted by structured clone: the report's part only, not 100k parsed lines.
    const result = reportedResult(validateWorkbook(grids, { lang: setup.lang, config: setup.config }));
    return { index: job.index, ms: Date.now() - started, ok: true, result };
  } catch (e) {
    if (isWorkbookReadError(e)) return { index: job.index, ms: Date.now() - started, ok: false, failure: { kind: "read", code: e.code, message: e.message, file: e.file } };
    const err = e instanceof Error ? e : new Error(String(e));
    return { index: job.index, ms: Date.now() - started, ok: false, failure: { kind: "internal", message: err.message, stack: err.stack } };
  }
}

if (port) port.on("message", (job: WorkerJob) => void handle(job).then((reply) => port.postMessage(reply)));
