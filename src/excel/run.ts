// Host lookup, API-set detection, and Excel.run with retry while Excel is in cell-edit mode.
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
  };
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export type Batch<T> = (context: Excel.RequestContext, support: ApiSupport) => Promise<T>;

/**
 * Excel.run with retries (exponential backoff) on InvalidOperationInCellEditMode. A rejected
 * sync applies nothing, and every batch here re-reads what it needs, so re-running is safe.
 */
export async function runExcel<T>(hostArg: OfficeHost | undefined, opts: ExcelOpsOptions, batch: Batch<T>): Promise<T> {
  const host = resolveHost(hostArg);
  if (!host) throw new HostUnavailableError();
  const support = detectSupport(host);
  const attempts = Math.max(1, opts.retry?.attempts ?? 5);
  const base = opts.retry?.baseDelayMs ?? 250;
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await host.Excel.run(async (context) => {
        return await batch(context, support);
      });
    } catch (e) {
      if (errorCode(e) !== "InvalidOperationInCellEditMode") throw e;
      if (attempt >= attempts) throw new CellEditModeError(attempt);
      await sleep(base * 2 ** (attempt - 1));
    }
  }
}
