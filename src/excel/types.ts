// Excel's own options; the interface it implements is the host-neutral one in src/host.
export * from "../host/types";

export interface ExcelOpsOptions {
  /** Cell-edit-mode retries: attempts in all (default 5) and first delay (default 250 ms, doubling). */
  retry?: { attempts?: number; baseDelayMs?: number };
  /** Injected in tests to avoid real waiting. */
  sleep?: (ms: number) => Promise<void>;
}
