import { AtomicFile } from '../io/atomic-write.js';
import { yieldToEvents } from '../io/interrupt.js';
import { STDIO } from '../io/paths.js';
import { StreamWriter } from './stream-writer.js';

/**
 * Where a command's main output goes: standard output (no --out, or `--out -`)
 * or a file written atomically. One type for every command that streams, so
 * each gets the same path checks, the same clean-up on error and on
 * interrupt, and the same pauses that let an interrupt be heard.
 */
export interface Output {
  /** null for standard output. */
  readonly path: string | null;
  /** True once the reader of standard output has gone away (`| head`). */
  readonly isClosed: boolean;
  write(data: string | Uint8Array): Promise<void>;
  /** Puts the finished file in place (for standard output: throws if writing it failed). */
  commit(): Promise<void>;
  /** Throws a partial file away. */
  abort(): void;
}

/** Bytes written to a file between two pauses for pending signals. */
const YIELD_EVERY = 1 << 20;

export function openOutput(path: string | undefined, stdout: NodeJS.WritableStream, options: { force: boolean; flag?: string }): Output {
  if (path === undefined || path === STDIO) {
    const writer = new StreamWriter(stdout);
    return {
      path: null,
      get isClosed() {
        return writer.isClosed;
      },
      write: (data) => writer.write(data),
      // Output that failed part-way (a full disk) must not end as a success; a stream reports a failed write a tick later.
      commit: async () => {
        await new Promise<void>((done) => setImmediate(done));
        writer.check();
      },
      abort: () => undefined,
    };
  }
  const file = new AtomicFile(path, { force: options.force, flag: options.flag ?? '--out' });
  let sincePause = 0;
  return {
    path,
    isClosed: false,
    async write(data) {
      file.write(data);
      sincePause += data.length;
      if (sincePause >= YIELD_EVERY) {
        sincePause = 0;
        await yieldToEvents();
      }
    },
    commit: async () => file.commit(),
    abort: () => file.abort(),
  };
}
