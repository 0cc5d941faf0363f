import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { unwritable, writingTo } from './fs-failure.js';
import { removeOnInterrupt } from './interrupt.js';
import { checkOutputFile } from './paths.js';
import { writeAll } from './write-all.js';

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

/** Bytes buffered before a write system call (see write); a chunk at least this big is written at once. */
const FLUSH_AT = 1 << 20;

/**
 * Writes a file so that a reader, or a crash, never sees half of it: chunks go
 * to a temporary file beside the target, which is renamed over the target
 * only after the last chunk is flushed.
 */
export class AtomicFile {
  readonly path: string;
  private readonly tempPath: string;
  private fd: number | null;
  /** Bytes not yet written: chunks are copied in, so a caller may reuse its buffer as soon as `write` returns. */
  private readonly pending = Buffer.allocUnsafeSlow(FLUSH_AT);
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
      throw unwritable(path, error);
    }
  }

  /**
   * Buffers small writes (one system call per line would dominate a fast
   * generator) in memory of its own: the caller's chunk is not kept, and a
   * chunk too big to buffer is written at once.
   */
  write(chunk: string | Uint8Array): void {
    if (this.fd === null) throw new Error(`AtomicFile ${this.path} is already closed`);
    const room = FLUSH_AT - this.pendingLength;
    // A UTF-16 code unit takes at most 3 bytes of UTF-8, so only a string that might not fit is measured, once.
    if (typeof chunk === 'string' ? 3 * chunk.length > room : chunk.length > room) {
      const size = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      if (size > room) {
        this.flush();
        if (size >= FLUSH_AT) {
          // Encoded first: see writeAll.
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
          writingTo(this.path, () => writeAll(this.fd!, bytes));
          return;
        }
      }
    }
    if (typeof chunk === 'string') this.pendingLength += this.pending.write(chunk, this.pendingLength);
    else {
      this.pending.set(chunk, this.pendingLength);
      this.pendingLength += chunk.length;
    }
  }

  private flush(): void {
    if (this.fd === null || this.pendingLength === 0) return;
    const fd = this.fd;
    writingTo(this.path, () => writeAll(fd, this.pending.subarray(0, this.pendingLength)));
    this.pendingLength = 0;
  }

  /** Flushes and moves the finished file into place. */
  commit(): void {
    if (this.fd === null) return;
    this.flush();
    const fd = this.fd;
    writingTo(this.path, () => fsyncSync(fd));
    closeSync(fd);
    this.fd = null;
    try {
      renameSync(this.tempPath, this.path);
    } catch (error) {
      // The target became a folder (or its folder went away) while we wrote.
      rmSync(this.tempPath, { force: true });
      throw unwritable(this.path, error);
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
