import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { ReasonforgeError } from '../errors.js';
import { describeFsFailure } from '../io/fs-failure.js';

/** The lock of an output file: beside it, where every session writing that file looks. */
export function lockPath(out: string): string {
  return `${out}.lock`;
}

/**
 * One session per output file at a time: two sessions appending to one file
 * would both make the same missing samples. The lock file holds the owner's
 * process id; a lock whose process is gone (killed) is taken over. Returns
 * the function that releases it.
 */
export function acquireLock(out: string): () => void {
  const path = lockPath(out);
  const unmade = (error: unknown) => new ReasonforgeError('file-unwritable', `cannot be created: ${describeFsFailure(error)}`, { file: path });
  for (let tries = 0; tries < 2; tries++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new ReasonforgeError('file-unwritable', 'cannot be written: its folder does not exist', { file: out });
      if (code !== 'EEXIST') throw unmade(error);
      let held: string;
      try {
        held = readFileSync(path, 'utf8');
      } catch (readError) {
        // Released by its owner since our open failed: try again.
        if ((readError as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw new ReasonforgeError('file-unreadable', `cannot be read: ${describeFsFailure(readError)}`, { file: path });
      }
      const owner = Number.parseInt(held, 10);
      if (Number.isSafeInteger(owner) && owner !== process.pid && alive(owner)) {
        throw new ReasonforgeError('run-locked', `another reasonforge run (process ${owner}) is writing ${out}; wait for it, or stop it first`, { file: path });
      }
      rmSync(path, { force: true });
      continue;
    }
    try {
      writeSync(fd, `${process.pid}\n`);
    } catch (error) {
      // An empty lock would be taken over by the next run anyway, but it is not ours to leave behind.
      rmSync(path, { force: true });
      throw unmade(error);
    } finally {
      closeSync(fd);
    }
    return () => rmSync(path, { force: true });
  }
  throw new ReasonforgeError('run-locked', `could not take the lock for ${out}`, { file: path });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
