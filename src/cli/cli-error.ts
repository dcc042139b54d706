// A failure the user can fix (bad arguments, a file that cannot be read or written): the CLI
// prints its message as one line on stderr and exits with `exitCode`, without a stack trace.
// `cause` (an unexpected exception behind it) is shown only with --debug.
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = "CliError";
  }
}
