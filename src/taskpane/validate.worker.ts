// The validation Web Worker (webpack entry "validate-worker"): the same core engine as the pane,
// off the pane's main thread so it stays responsive on large workbooks.
import { validateWorkbook, type ValidateOptions, type WorkbookGrids } from "../core";
import type { WorkerReply } from "./worker-validate";

interface WorkerScope {
  onmessage: ((e: MessageEvent<{ grids: WorkbookGrids; opts: ValidateOptions }>) => void) | null;
  postMessage(reply: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  try {
    // Progress as the engine goes: the pane's bar moves while the rows are parsed and the rules run.
    const result = validateWorkbook(e.data.grids, e.data.opts, (progress) => scope.postMessage({ progress }));
    scope.postMessage({ result });
  } catch (err) {
    scope.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
