import { nextTask } from "../../src/host/next-task";

describe("nextTask", () => {
  it("resolves in a later task, after the microtasks queued before it ran", async () => {
    const order: string[] = [];
    const later = nextTask().then(() => order.push("task"));
    void Promise.resolve().then(() => Promise.resolve()).then(() => order.push("microtasks"));
    await later;
    expect(order).toEqual(["microtasks", "task"]);
  });

  it("falls back to a timeout where there is no MessageChannel", async () => {
    const saved = globalThis.MessageChannel;
    // @ts-expect-error: a host without MessageChannel
    delete globalThis.MessageChannel;
    try {
      const spy = jest.spyOn(globalThis, "setTimeout");
      await nextTask();
      expect(spy).toHaveBeenCalled();
      spy.mockRestore();
    } finally {
      globalThis.MessageChannel = saved;
    }
  });
});

