// A one-line progress indicator on stderr, shown only on a terminal and only once the work has
// taken longer than a second (short runs stay quiet).
import type { CliIO } from "./io";

const DELAY_MS = 1000;

export interface Progress {
  update(text: string): void;
  /** Erases the line (before printing a report); a later update shows it again. */
  clear(): void;
  done(): void;
}

export function startProgress(io: CliIO): Progress {
  if (!io.progress) return { update: () => undefined, clear: () => undefined, done: () => undefined };
  let current = "";
  let due = false;
  let visible = false;
  let finished = false;
  const show = (): void => {
    if (finished || current === "") return;
    visible = true;
    io.err(`\r\x1b[K${current}`);
  };
  const clear = (): void => {
    if (visible) io.err("\r\x1b[K");
    visible = false;
  };
  const timer = setTimeout(() => {
    due = true;
    show();
  }, DELAY_MS);
  timer.unref();
  return {
    update(text) {
      current = text;
      if (due) show();
    },
    clear,
    done() {
      clearTimeout(timer);
      clear();
      finished = true;
    },
  };
}

/** "[██████░░░░░░░░░░░░░░] 3/10" for work counted in files. */
export function progressBar(done: number, total: number, width = 20): string {
  const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : 0;
  return `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${total}`;
}
