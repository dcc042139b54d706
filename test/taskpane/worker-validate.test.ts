import type { ValidationResult } from "../../src/core";
import { requestMessages, ValidationCancelled, workerValidator, type WorkerLike, type WorkerReply } from "../../src/taskpane/worker-validate";
import { GRIDS, aResult } from "./fixtures";

class FakeWorker implements WorkerLike {
  onmessage: ((e: { data: WorkerReply }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  posted: unknown[] = [];
  terminated = false;
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe("validation in a worker", () => {
  const RESULT = aResult();
  const opts = { lang: "zh" as const };

  function setup(prestart = false): { workers: FakeWorker[]; mainCalls: number; validate: ReturnType<typeof workerValidator> } {
    const state = { workers: [] as FakeWorker[], mainCalls: 0, validate: null as unknown as ReturnType<typeof workerValidator> };
    state.validate = workerValidator(
      () => {
        state.mainCalls++;
        return RESULT;
      },
      () => {
        const w = new FakeWorker();
        state.workers.push(w);
        return w;
      },
      { prestart },
    );
    return state;
  }

  it("with prestart, starts a worker before the first validation, uses it, and starts the next when done", async () => {
    const s = setup(true);
    expect(s.workers).toHaveLength(1);
    expect(s.workers[0].posted).toEqual([]);
    const p = s.validate(GRIDS, opts);
    expect(s.workers).toHaveLength(1);
    while (s.workers[0].posted.length === 0) await new Promise((r) => setTimeout(r, 1));
    s.workers[0].onmessage?.({ data: { result: RESULT } });
    await expect(p).resolves.toBe(RESULT);
    expect(s.workers[0].terminated).toBe(true);
    await new Promise((r) => setTimeout(r, 1));
    expect(s.workers).toHaveLength(2);
    expect(s.workers[1].terminated).toBe(false);
    expect(s.mainCalls).toBe(0);
  });

  it("with prestart, a worker that failed to start before it was needed is ended and the main thread validates", async () => {
    const s = setup(true);
    s.workers[0].onerror?.(new Event("error"));
    await expect(s.validate(GRIDS, opts)).resolves.toBe(RESULT);
    expect(s.mainCalls).toBe(1);
    expect(s.workers[0].terminated).toBe(true);
    expect(s.workers[0].posted).toEqual([]);
  });

  it("posts the grids and options to a worker and resolves with its result, then ends the worker", async () => {
    const s = setup();
    const p = s.validate(GRIDS, opts);
    const expected = [...requestMessages(GRIDS, opts)].map((m) => m.message);
    while (s.workers[0].posted.length < expected.length) await new Promise((r) => setTimeout(r, 1));
    expect(s.workers[0].posted).toEqual(expected);
    s.workers[0].onmessage?.({ data: { result: RESULT } });
    await expect(p).resolves.toBe(RESULT);
    expect(s.workers[0].terminated).toBe(true);
    expect(s.mainCalls).toBe(0);
  });

  it("hands the engine's progress messages to the caller while the worker runs, then the result", async () => {
    const s = setup();
    const seen: unknown[] = [];
    const p = s.validate(GRIDS, opts, undefined, (progress) => seen.push(progress));
    s.workers[0].onmessage?.({ data: { progress: { phase: "read", done: 10, total: 20, sheet: "支出明细" } } });
    s.workers[0].onmessage?.({ data: { progress: { phase: "rules", done: 1, total: 5 } } });
    expect(s.workers[0].terminated).toBe(false);
    s.workers[0].onmessage?.({ data: { result: RESULT } });
    await expect(p).resolves.toBe(RESULT);
    expect(seen).toEqual([
      { phase: "read", done: 10, total: 20, sheet: "支出明细" },
      { phase: "rules", done: 1, total: 5 },
    ]);
  });

  it("rejects with the engine's error message from the worker", async () => {
    const s = setup();
    const p = s.validate(GRIDS, opts);
    s.workers[0].onmessage?.({ data: { error: "支出明细!E5：金额无法识别" } });
    await expect(p).rejects.toThrow("支出明细!E5：金额无法识别");
  });

  it("cancels: terminates the worker and rejects with ValidationCancelled", async () => {
    const s = setup();
    const abort = new AbortController();
    const p = s.validate(GRIDS, opts, abort.signal);
    abort.abort();
    await expect(p).rejects.toBeInstanceOf(ValidationCancelled);
    expect(s.workers[0].terminated).toBe(true);
  });

  it("falls back to the main thread when the worker cannot start, or when there is no Worker", async () => {
    const s = setup();
    const p = s.validate(GRIDS, opts);
    s.workers[0].onerror?.(new Event("error"));
    await expect(p).resolves.toBe(RESULT);
    expect(s.mainCalls).toBe(1);

    let calls = 0;
    const counted = (): ValidationResult => {
      calls++;
      return RESULT;
    };
    const noWorker = workerValidator(counted, null);
    await expect(noWorker(GRIDS, opts)).resolves.toBe(RESULT);
    expect(calls).toBe(1);
    const throwing = workerValidator(counted, () => {
      throw new Error("SecurityError");
    });
    await expect(throwing(GRIDS, opts)).resolves.toBe(RESULT);
    expect(calls).toBe(2);
  });
});
