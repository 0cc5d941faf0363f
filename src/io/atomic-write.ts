import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ReasonforgeError } from '../errors.js';

export interface AtomicWriteOptions {
  /** Replace an existing file. Without it an existing file is an error, and nothing is written. */
  readonly force?: boolean;
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

  constructor(path: string, options: AtomicWriteOptions = {}) {
    if (!options.force && existsSync(path)) {
      throw new ReasonforgeError('file-exists', 'already exists; pass --force to replace it', { file: path });
    }
    this.path = path;
    this.tempPath = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      this.fd = openSync(this.tempPath, 'wx');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message;
      throw new ReasonforgeError('file-unwritable', `cannot be written: ${reason}`, { file: path });
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
    renameSync(this.tempPath, this.path);
  }

  /** Throws the partial file away; the target is left as it was. */
  abort(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    rmSync(this.tempPath, { force: true });
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
