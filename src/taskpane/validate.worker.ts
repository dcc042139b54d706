// The validation Web Worker (webpack entry "validate-worker"): the same core engine as the pane,
// off the pane's main thread so it stays responsive on large workbooks. Rows arrive and results leave
// in slices (worker-validate.ts), so no single message is a long task on the pane's side.
import { validateWorkbook, withoutLines, type SheetGrid, type ValidationResult } from "../core";
import { RecordPacker, RowUnpacker, transferables } from "./grid-transfer";
import { SLICE, type WorkerReply, type WorkerRequest } from "./worker-validate";

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(reply: WorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const sheets: SheetGrid[] = [];
const unpacker = new RowUnpacker();

/** The findings packed in slices (grid-transfer.ts), then the rest of the result without the spending lines (ResultWithoutLines). */
function postInSlices(result: ValidationResult): void {
  const { findings } = result;
  const packer = new RecordPacker();
  for (let i = 0; i < findings.length; i += SLICE) {
    const packed = packer.pack(findings.slice(i, i + SLICE));
    scope.postMessage({ slice: { findings: packed } }, transferables(packed));
  }
  scope.postMessage({ result: withoutLines(result, []) });
}

scope.onmessage = (e) => {
  const m = e.data;
  if ("sheet" in m) {
    sheets.push({ ...m.sheet, rows: [] });
    return;
  }
  if ("rows" in m) {
    const rows = sheets[m.rows.sheet].rows;
    for (const r of unpacker.unpack(m.rows.packed)) rows.push(r);
    return;
  }
  try {
    // Progress as the engine goes: the pane's bar moves while the rows are parsed and the rules run.
    postInSlices(validateWorkbook({ sheets }, m.run, (progress) => scope.postMessage({ progress })));
  } catch (err) {
    scope.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
