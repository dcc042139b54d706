// A one-line progress indicator on stderr, shown only on a terminal and only once the work has
// taken longer than a second (short runs stay quiet).
import type { CliIO } from "./io";

const DELAY_MS = 1000;

export interface Progress {
  update(text: string): void;
  done(): void;
}

export function startProgress(io: CliIO): Progress {
  if (!io.progress) return { update: () => undefined, done: () => undefined };
  let current = "";
  let visible = false;
  const show = (): void => {
    visible = true;
    io.err(`\r\x1b[K${current}`);
  };
  const timer = setTimeout(show, DELAY_MS);
  timer.unref();
  return {
    update(text) {
      current = text;
      if (visible) show();
    },
    done() {
      clearTimeout(timer);
      if (visible) io.err("\r\x1b[K");
      visible = false;
    },
  };
}
