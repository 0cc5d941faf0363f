import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface MainResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

/**
 * Runs the CLI in this process, with its own streams: a hundred times faster
 * than spawning the binary, for tests of messages and exit codes. An
 * exception that escapes is a bug the binary would print as exit 70 with a
 * stack trace, and fails the test.
 */
export async function runMain(args: readonly string[], options: { stdin?: string; stdinIsTTY?: boolean } = {}): Promise<MainResult> {
  const stdout = sink();
  const stderr = sink();
  const status = await main(args, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin: Readable.from([options.stdin ?? '']),
    stderrIsTTY: false,
    stdinIsTTY: options.stdinIsTTY === true,
  });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}
