/* Its own module, so that streaming output (verify --jsonl) loads nothing else: shared.ts loads the template library. */
/**
 * Writes to a stream, waiting when it is full. A reader that goes away (as
 * `| head` does) ends the output quietly instead of with an EPIPE trace.
 */
export class StreamWriter {
  private closed = false;
  private readonly stream: NodeJS.WritableStream;

  constructor(stream: NodeJS.WritableStream) {
    this.stream = stream;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') this.closed = true;
      else throw error;
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  async write(text: string | Uint8Array): Promise<void> {
    if (this.closed) return;
    // A stream may hold on to the bytes after write returns, and a caller may reuse its buffer (see JsonlChunk): they are copied.
    if (!this.stream.write(typeof text === 'string' ? text : Buffer.from(text))) {
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
}
