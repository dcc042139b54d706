// A failure the user can fix (bad arguments, a file that cannot be read or written): the CLI
// prints its message as one line on stderr and exits with `exitCode`, without a stack trace.
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}
