/** What a command sees of the outside world; tests pass their own. */
export interface CommandIO {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
  readonly stderrIsTTY: boolean;
  /** True when standard input is a terminal, where a command waiting on it says so. */
  readonly stdinIsTTY?: boolean;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Returns the exit code: 0 success, 1 a failure the command found, 2 bad usage. */
  run(args: readonly string[], io: CommandIO): Promise<number>;
}

/** Exit codes, the same for every command (the README's table lists them). */
export const EXIT_OK = 0;
/** The command ran and found a failure: a defect, a wrong answer, a file that cannot be read. */
export const EXIT_FAILURE = 1;
/** The command line was wrong: an unknown option or name, a bad value, a missing argument. */
export const EXIT_USAGE = 2;
/** A bug in reasonforge (BSD's EX_SOFTWARE): the message has a stack trace to report. */
export const EXIT_INTERNAL = 70;
