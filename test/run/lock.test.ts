import type * as fs from 'node:fs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/cli.js';
import { reasonforgeErrorOf } from '../support/errors.js';

// Taking a lock where the file system refuses: `fault.open` fails opening the lock file, `fault.write` fails writing
// the process id into it (a disk that fills just then).
// `fault.vanish` removes the lock file just before it is read (its owner releasing it after our open failed).
const fault = vi.hoisted(() => ({ open: false, write: false, vanish: false }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return {
    ...real,
    openSync: (...args: Parameters<typeof real.openSync>) => {
      if (fault.open) throw Object.assign(new Error(`EACCES: permission denied, open '${String(args[0])}'`), { code: 'EACCES' });
      return real.openSync(...args);
    },
    readFileSync: ((...args: Parameters<typeof real.readFileSync>) => {
      if (fault.vanish && String(args[0]).endsWith('.lock')) {
        fault.vanish = false;
        real.rmSync(String(args[0]));
      }
      return real.readFileSync(...args);
    }) as typeof real.readFileSync,
    writeSync: (...args: Parameters<typeof real.writeSync>) => {
      if (fault.write) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return real.writeSync(...args);
    },
  };
});

const { acquireLock, lockPath } = await import('../../src/run/lock.js');

afterEach(() => {
  fault.open = false;
  fault.write = false;
  fault.vanish = false;
});

describe('acquireLock', () => {
  it('holds the process id in the lock file until released', () => {
    const out = join(tempDir('lock'), 'samples.jsonl');
    const release = acquireLock(out);
    expect(readFileSync(lockPath(out), 'utf8')).toBe(`${process.pid}\n`);
    release();
    expect(existsSync(lockPath(out))).toBe(false);
  });

  it('names the lock file and the reason in one line when it cannot be made', () => {
    const out = join(tempDir('lock'), 'samples.jsonl');
    fault.open = true;
    const error = reasonforgeErrorOf(() => acquireLock(out));
    expect([error.kind, error.message]).toEqual(['file-unwritable', `${lockPath(out)}: cannot be created: permission denied (EACCES)`]);
  });

  it('leaves no lock file behind, empty or not, when the process id cannot be written into it', () => {
    const dir = tempDir('lock');
    const out = join(dir, 'samples.jsonl');
    fault.write = true;
    const error = reasonforgeErrorOf(() => acquireLock(out));
    expect([error.kind, error.message]).toEqual(['file-unwritable', `${lockPath(out)}: cannot be created: no space left on device (ENOSPC)`]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes the lock when its owner releases it between our attempt and our reading who owns it', () => {
    const out = join(tempDir('lock'), 'samples.jsonl');
    const releaseFirst = acquireLock(out);
    // The first holder is this process, so the lock would be taken over anyway; vanishing makes the read itself fail.
    fault.vanish = true;
    const release = acquireLock(out);
    expect(fault.vanish).toBe(false);
    expect(readFileSync(lockPath(out), 'utf8')).toBe(`${process.pid}\n`);
    release();
    releaseFirst();
  });
});
