// A turn of the event loop for the pane: a new task, so it repaints and answers input between two
// pieces of long work (row slices to the validation worker, syncs of a mark run).

/**
 * Resolves in a new task. Not setTimeout(0): nested timeouts are clamped to 4 ms, which over the 26
 * row slices of a 100k-line workbook was ~100 ms of waiting for nothing. Where there is no
 * MessageChannel, a timeout.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === "undefined") return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
