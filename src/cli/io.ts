// Where the CLI writes, and what kind of terminal it writes to. Tests pass their own.
export interface CliIO {
  out(text: string): void;
  /** Like out, resolving once the stream can take more (large outputs); bytes are UTF-8. */
  write(chunk: string | Uint8Array): Promise<void>;
  err(text: string): void;
  /** stdout is a terminal and NO_COLOR is unset: ANSI colour allowed on stdout. */
  color: boolean;
  /** stderr is a terminal: progress lines allowed. */
  progress: boolean;
}

export function processIO(): CliIO {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
  return {
    out: (t) => process.stdout.write(t),
    write: (t) => new Promise((resolve) => {
      if (process.stdout.write(t)) resolve();
      else process.stdout.once("drain", () => resolve());
    }),
    err: (t) => process.stderr.write(t),
    color: Boolean(process.stdout.isTTY) && !noColor && process.env.TERM !== "dumb",
    progress: Boolean(process.stderr.isTTY),
  };
}
