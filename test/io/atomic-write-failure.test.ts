import type * as fs from 'node:fs';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// A disk that fills up: writeSync and fsyncSync fail once `full` is set.
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  return {
    ...real,
    writeSync: (...args: Parameters<typeof real.writeSync>) => {
      if (disk.full) throw enospc();
      return real.writeSync(...args);
    },
    fsyncSync: (fd: number) => {
      if (disk.full) throw enospc();
      real.fsyncSync(fd);
    },
  };
});

const { AtomicFile } = await import('../../src/io/atomic-write.js');

afterEach(() => {
  disk.full = false;
});

describe('AtomicFile on a full disk', () => {
  it.each([
    ['a chunk too big to buffer', (file: InstanceType<typeof AtomicFile>) => file.write(Buffer.alloc(2 << 20, 'x'))],
    [
      'the buffer flushed',
      (file: InstanceType<typeof AtomicFile>) => {
        for (let i = 0; i < 3; i++) file.write(Buffer.alloc(700_000, 'x'));
      },
    ],
    [
      'the commit',
      (file: InstanceType<typeof AtomicFile>) => {
        file.write('last\n');
        file.commit();
      },
    ],
  ])('names the file and the reason in one line when %s fails, and abort leaves nothing', (_, act) => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-full-'));
    const path = join(dir, 'out.jsonl');
    const file = new AtomicFile(path);
    file.write('first\n');
    disk.full = true;
    let thrown: unknown;
    try {
      act(file);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ kind: 'file-unwritable', message: `${path}: cannot be written: no space left on device (ENOSPC)` });
    file.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});
