// Host lookup, API-set detection, and Excel.run: one undo step per writing run (ExcelApi 1.20),
// delayForCellEdit where the host has it, else retries while Excel is in cell-edit mode.
import type { ApiSupport, ExcelOpsOptions } from "./types";

export interface OfficeHost {
  Excel: typeof Excel;
  Office: typeof Office;
}

/** Thrown after the last attempt while the user is still typing in a cell. */
export class CellEditModeError extends Error {
  readonly code = "InvalidOperationInCellEditMode";
  constructor(readonly attempts: number) {
    super(`Excel is in cell-edit mode: finish editing the cell (press Enter or Esc) and try again (gave up after ${attempts} attempts).`);
    this.name = "CellEditModeError";
  }
}

/** Thrown when the pane runs outside Excel (no Office.js host). */
export class HostUnavailableError extends Error {
  readonly code = "HostUnavailable";
  constructor() {
    super("Excel is not available: open the add-in from Excel.");
    this.name = "HostUnavailableError";
  }
}

export function errorCode(e: unknown): string | undefined {
  if (!e || typeof e !== "object") return undefined;
  const o = e as { code?: unknown; debugInfo?: { code?: unknown } };
  if (typeof o.code === "string") return o.code;
  if (o.debugInfo && typeof o.debugInfo.code === "string") return o.debugInfo.code;
  return undefined;
}

/** Excel refuses a batch while the user is typing in a cell; the run retries or waits it out. */
export function isCellEditMode(e: unknown): boolean {
  return errorCode(e) === "InvalidOperationInCellEditMode";
}

/** Excel on the web names an oversized request and an oversized response differently. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = errorCode(e);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** The globals, read at call time: Office.js may finish loading after this module. */
export function resolveHost(host: OfficeHost | undefined): OfficeHost | null {
  if (host) return host;
  const g = globalThis as { Excel?: typeof Excel; Office?: typeof Office };
  return g.Excel && g.Office ? { Excel: g.Excel, Office: g.Office } : null;
}

export function detectSupport(host: OfficeHost | null): ApiSupport {
  const has = (v: string): boolean => {
    try {
      return !!host && host.Office.context.requirements.isSetSupported("ExcelApi", v);
    } catch {
      return false;
    }
  };
  return {
    excel17: has("1.7"),
    merges: has("1.13"),
    notes: has("1.18"),
    comments: has("1.10"),
    suspend: has("1.6"),
    suspendScreen: has("1.9"),
    hiddenRows: has("1.9"),
    validation: has("1.8"),
    pageLayout: has("1.9"),
    undoGroup: has("1.20"),
    delayForCellEdit: (() => {
      try {
        return !!host && host.Office.context.requirements.isSetSupported("DelayForCellEdit");
      } catch {
        return false;
      }
    })(),
  };
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export type Batch<T> = (context: Excel.RequestContext, support: ApiSupport) => Promise<T>;

/** What a run asks of the host beyond the batch. */
export interface RunHints {
  /** A run that changes the workbook: all its syncs make one undo step where the host allows. */
  undoGroup?: boolean;
  /** Told at the first cell-edit refusal, before the wait. */
  onCellEditWait?: () => void;
}

/** Excel.RunOptions for this host, or null when there is nothing to ask (older hosts). */
function runOptions(support: ApiSupport, hints: RunHints): Excel.RunOptions | null {
  const options: Excel.RunOptions = {};
  if (support.delayForCellEdit) options.delayForCellEdit = true;
  if (hints.undoGroup && support.undoGroup) options.mergeUndoGroup = true;
  return Object.keys(options).length ? options : null;
}

/**
 * Excel.run, with delayForCellEdit where the host supports it; otherwise (and should a delayed
 * batch still be refused) retries with exponential backoff on InvalidOperationInCellEditMode,
 * telling `hints.onCellEditWait` at the first refusal. A rejected sync applies nothing, and every
 * batch here re-reads what it needs, so re-running is safe.
 */
export async function runExcel<T>(hostArg: OfficeHost | undefined, opts: ExcelOpsOptions, batch: Batch<T>, hints: RunHints = {}): Promise<T> {
  const host = resolveHost(hostArg);
  if (!host) throw new HostUnavailableError();
  const support = detectSupport(host);
  const attempts = Math.max(1, opts.retry?.attempts ?? 5);
  const base = opts.retry?.baseDelayMs ?? 250;
  const sleep = opts.sleep ?? defaultSleep;
  const options = runOptions(support, hints);
  const body = async (context: Excel.RequestContext): Promise<T> => await batch(context, support);
  for (let attempt = 1; ; attempt++) {
    try {
      return await (options ? host.Excel.run(options, body) : host.Excel.run(body));
    } catch (e) {
      if (!isCellEditMode(e)) throw e;
      if (attempt === 1) hints.onCellEditWait?.();
      if (attempt >= attempts) throw new CellEditModeError(attempt);
      await sleep(base * 2 ** (attempt - 1));
    }
  }
}
