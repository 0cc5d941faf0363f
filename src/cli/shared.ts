import { resolve } from 'node:path';
import { loadLibrary, type TemplateLibrary } from '../template/load.js';

/** The built-in templates, or those of --generators DIR. */
export function libraryFor(dir: string | undefined): TemplateLibrary {
  return dir === undefined ? loadLibrary() : loadLibrary(resolve(dir));
}

export const GENERATORS_OPTION = { generators: { type: 'string' } } as const;

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
    if (!this.stream.write(text)) {
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
