/* Its own module, so that streaming output (verify --jsonl) loads nothing else: shared.ts loads the template library. */
import { ReasonforgeError } from '../errors.js';
import { describeFsFailure } from '../io/fs-failure.js';

/** Copies are made in buffers of at least this many bytes, and so many are kept for reuse. */
const SPARE_BYTES = 1 << 16;
const MAX_SPARES = 8;

/** Streams a StreamWriter writes to: it reports their failures itself, so the process-wide handler must not (see processIO). */
const streamsWithWriter = new WeakSet<NodeJS.WritableStream>();

/** The sentence for standard output that cannot be written, whoever notices it first: a StreamWriter or the process-wide handler. */
export function stdoutUnwritable(error: unknown): string {
  return `standard output cannot be written: ${describeFsFailure(error)}`;
}

/** Whether a StreamWriter writes to `stream`, and so turns its failures into the command's own error. */
export function hasStreamWriter(stream: NodeJS.WritableStream): boolean {
  return streamsWithWriter.has(stream);
}

/**
 * Writes to a stream, waiting when it is full. A reader that goes away (as
 * `| head` does) ends the output quietly instead of with an EPIPE trace; any
 * other failure (standard output redirected to a full disk) ends it too, and
 * the next write, or `check`, throws it as one line.
 */
export class StreamWriter {
  private closed = false;
  private failure: ReasonforgeError<'output-unwritable'> | undefined;
  private readonly stream: NodeJS.WritableStream;
  /** Buffers the stream is done with, for the next copies: a fresh copy per chunk was garbage a writing thread collects too rarely. */
  private readonly spares: Buffer[] = [];

  constructor(stream: NodeJS.WritableStream) {
    this.stream = stream;
    streamsWithWriter.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      this.closed = true;
      if (error.code !== 'EPIPE') this.failure ??= new ReasonforgeError('output-unwritable', stdoutUnwritable(error));
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Throws what stopped the output, if a failure did (a reader going away is not one). */
  check(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  async write(text: string | Uint8Array): Promise<void> {
    this.check();
    if (this.closed) return;
    if (!this.send(text)) {
      await new Promise<void>((done) => {
        const finish = () => {
          this.stream.off('drain', finish);
          this.stream.off('error', finish);
          done();
        };
        this.stream.once('drain', finish);
        this.stream.once('error', finish);
      });
    }
  }

  /** A stream may hold on to bytes after write returns, and a caller may reuse its buffer (see JsonlChunk): bytes go as a copy, whose buffer is reused once the stream is done with it. */
  private send(text: string | Uint8Array): boolean {
    if (typeof text === 'string') return this.stream.write(text);
    const at = this.spares.findIndex((spare) => spare.length >= text.length);
    const copy = at >= 0 ? this.spares.splice(at, 1)[0]! : Buffer.allocUnsafeSlow(Math.max(text.length, SPARE_BYTES));
    copy.set(text);
    let spared = false;
    const spare = () => {
      if (!spared && this.spares.length < MAX_SPARES) this.spares.push(copy);
      spared = true;
    };
    const ok = this.stream.write(copy.subarray(0, text.length), spare);
    // Written through at once (a file, or a pipe with room): the copy is free now. The callback alone comes a tick
    // later, and a writer fed from memory may not yield to one between chunks.
    if ((this.stream as { writableLength?: number }).writableLength === 0) spare();
    return ok;
  }
}
