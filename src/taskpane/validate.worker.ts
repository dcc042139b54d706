// The validation Web Worker (webpack entry "validate-worker"): the same core engine as the pane,
// off the pane's main thread so it stays responsive on large workbooks. Rows arrive and results leave
// in slices (worker-validate.ts), so no single message is a long task on the pane's side.
import { validateWorkbook, type SheetGrid, type ValidationResult } from "../core";
import { SLICE, type WorkerReply, type WorkerRequest } from "./worker-validate";

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(reply: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;
const sheets: SheetGrid[] = [];

function postInSlices(result: ValidationResult): void {
  const { findings } = result;
  const { lines } = result.model;
  for (let i = 0; i < findings.length; i += SLICE) scope.postMessage({ slice: { findings: findings.slice(i, i + SLICE) } });
  for (let i = 0; i < lines.length; i += SLICE) scope.postMessage({ slice: { lines: lines.slice(i, i + SLICE) } });
  scope.postMessage({ result: { ...result, findings: [], model: { ...result.model, lines: [] } } });
}

scope.onmessage = (e) => {
  const m = e.data;
  if ("sheet" in m) {
    sheets.push({ ...m.sheet, rows: [] });
    return;
  }
  if ("rows" in m) {
    const rows = sheets[m.rows.sheet].rows;
    for (const r of m.rows.rows) rows.push(r);
    return;
  }
  try {
    // Progress as the engine goes: the pane's bar moves while the rows are parsed and the rules run.
    postInSlices(validateWorkbook({ sheets }, m.run, (progress) => scope.postMessage({ progress })));
  } catch (err) {
    scope.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
