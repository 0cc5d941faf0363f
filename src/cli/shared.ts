import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ReasonforgeError } from '../errors.js';
import { checkInputFolder } from '../io/paths.js';
import { loadLibrary, type TemplateLibrary } from '../template/load.js';

/** The built-in templates, or those of --generators DIR (checked first: a folder, with pools/ and templates). */
export function libraryFor(dir: string | undefined): TemplateLibrary {
  if (dir === undefined) return loadLibrary();
  checkGeneratorsFolder(dir);
  return loadLibrary(resolve(dir));
}

/** What a --generators folder must hold, said before the loader trips over its absence. */
export function checkGeneratorsFolder(dir: string): void {
  checkInputFolder(dir, { flag: '--generators' });
  if (!existsSync(join(dir, 'pools'))) {
    throw new ReasonforgeError('template-invalid', 'has no pools/ folder; a generators folder holds template *.json files and pools/ (see docs/templates.md)', { file: dir });
  }
  if (!readdirSync(dir).some((name) => name.endsWith('.json'))) {
    throw new ReasonforgeError('template-invalid', 'holds no template (*.json) files', { file: dir });
  }
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

  async write(text: string): Promise<void> {
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
