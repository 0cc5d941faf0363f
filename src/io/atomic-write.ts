import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ReasonforgeError } from '../errors.js';
import { removeOnInterrupt } from './interrupt.js';
import { checkOutputFile } from './paths.js';

export interface AtomicWriteOptions {
  /** Replace an existing file. Without it an existing file is an error, and nothing is written. */
  readonly force?: boolean;
  /** The option that named the path, for messages (`--out`). */
  readonly flag?: string;
}

/** `.name.<random>.tmp` beside `path`: same folder, so the final rename never crosses file systems. */
export function tempPathFor(path: string, suffix = 'tmp'): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.${suffix}`);
}

/**
 * Writes a file so that a reader, or a crash, never sees half of it: chunks go
 * to a temporary file beside the target, which is renamed over the target
 * only after the last chunk is flushed.
 */
const FLUSH_AT = 1 << 20;

export class AtomicFile {
  readonly path: string;
  private readonly tempPath: string;
  private fd: number | null;
  private pending: (string | Uint8Array)[] = [];
  private pendingLength = 0;
  private readonly release: () => void;

  constructor(path: string, options: AtomicWriteOptions = {}) {
    checkOutputFile(path, options);
    this.path = path;
    this.tempPath = tempPathFor(path);
    this.release = removeOnInterrupt(this.tempPath);
    try {
      this.fd = openSync(this.tempPath, 'wx');
    } catch (error) {
      this.release();
      throw new ReasonforgeError('file-unwritable', `cannot be written: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file: path });
    }
  }

  /** Buffers small writes: one system call per line would dominate a fast generator. */
  write(chunk: string | Uint8Array): void {
    if (this.fd === null) throw new Error(`AtomicFile ${this.path} is already closed`);
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    if (this.pendingLength >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.fd === null || this.pending.length === 0) return;
    const fd = this.fd;
    if (this.pending.every((piece) => typeof piece === 'string')) writeSync(fd, this.pending.join(''));
    else for (const piece of this.pending) writeAll(fd, piece);
    this.pending = [];
    this.pendingLength = 0;
  }

  /** Flushes and moves the finished file into place. */
  commit(): void {
    if (this.fd === null) return;
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = null;
    try {
      renameSync(this.tempPath, this.path);
    } catch (error) {
      // The target became a folder (or its folder went away) while we wrote.
      rmSync(this.tempPath, { force: true });
      throw new ReasonforgeError('file-unwritable', `cannot be written: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file: this.path });
    } finally {
      this.release();
    }
  }

  /** Throws the partial file away; the target is left as it was. */
  abort(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    rmSync(this.tempPath, { force: true });
    this.release();
  }
}

function writeAll(fd: number, piece: string | Uint8Array): void {
  if (typeof piece === 'string') {
    writeSync(fd, piece);
    return;
  }
  // writeSync may write less than asked for a large buffer; a string write loops inside node.
  for (let at = 0; at < piece.length; ) at += writeSync(fd, piece, at);
}

export function writeFileAtomic(path: string, content: string, options: AtomicWriteOptions = {}): void {
  const file = new AtomicFile(path, options);
  try {
    file.write(content);
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
}
