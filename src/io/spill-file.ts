import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A scratch file for bytes that must wait their turn (a later worker's
 * output while an earlier one is still writing). Its name is removed as
 * soon as it is open, where the system allows, so that no interrupt or
 * crash can leave it behind: the space returns when it is closed. Where an
 * open file cannot be removed, it is removed on close.
 */
export class SpillFile {
  private fd: number | null;
  private readonly path: string;
  private unlinked: boolean;
  private written = 0;
  private read = 0;

  constructor(dir: string) {
    this.path = join(dir, `.reasonforge-spill-${randomBytes(6).toString('hex')}.tmp`);
    this.fd = openSync(this.path, 'wx+');
    try {
      rmSync(this.path);
      this.unlinked = true;
    } catch {
      this.unlinked = false;
    }
  }

  /** Bytes written and not yet read back. */
  get waiting(): number {
    return this.written - this.read;
  }

  write(chunk: Uint8Array): void {
    for (let at = 0; at < chunk.length; ) at += writeSync(this.openFd(), chunk, at, chunk.length - at, this.written + at);
    this.written += chunk.length;
  }

  /** The next bytes in write order, up to `max`; empty when all have been read. */
  readNext(max = 1 << 20): Uint8Array {
    const buffer = Buffer.allocUnsafe(Math.min(max, this.waiting));
    let filled = 0;
    while (filled < buffer.length) {
      const n = readSync(this.openFd(), buffer, filled, buffer.length - filled, this.read + filled);
      if (n === 0) throw new Error(`spill file ${this.path} ended early`);
      filled += n;
    }
    this.read += filled;
    return buffer;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    if (!this.unlinked) rmSync(this.path, { force: true });
    this.unlinked = true;
  }

  private openFd(): number {
    if (this.fd === null) throw new Error(`spill file ${this.path} is closed`);
    return this.fd;
  }
}
