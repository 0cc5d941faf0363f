import type * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// A disk that fills up: writeSync, writeFileSync and fsyncSync fail once `full` is set. Every writer of
// reasonforge's outputs must then say so in one line naming the file, and leave nothing half-written behind.
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
    writeFileSync: (...args: Parameters<typeof real.writeFileSync>) => {
      if (disk.full) throw enospc();
      real.writeFileSync(...args);
    },
    fsyncSync: (fd: number) => {
      if (disk.full) throw enospc();
      real.fsyncSync(fd);
    },
  };
});

const { AtomicFile } = await import('../../src/io/atomic-write.js');
const { writeFolderAtomic } = await import('../../src/io/atomic-folder.js');
const { SampleAppender } = await import('../../src/run/output.js');

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

describe('writeFolderAtomic on a full disk', () => {
  it('names the file in the folder and the reason in one line, and leaves no temporary folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-full-'));
    disk.full = true;
    expect(() => writeFolderAtomic(join(dir, 'export'), [{ path: 'task/data.jsonl', content: 'x\n' }])).toThrow(
      expect.objectContaining({
        kind: 'file-unwritable',
        message: `${join(dir, 'export', 'task', 'data.jsonl')}: cannot be written: no space left on device (ENOSPC)`,
      }),
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('SampleAppender on a full disk', () => {
  it('names the file and the reason in one line, keeps what was appended before, and closes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-full-'));
    const path = join(dir, 'samples.jsonl');
    const appender = new SampleAppender(path, { done: new Map(), lines: 0, completeBytes: 0, partialBytes: 0 });
    const sample = { id: 'a', sample: 0, output: 'x', finish_reason: 'stop', usage: null, latency_ms: 1, model: 'm' };
    appender.append([sample]);
    disk.full = true;
    const message = `${path}: cannot be written: no space left on device (ENOSPC)`;
    expect(() => appender.append([{ ...sample, sample: 1 }])).toThrow(expect.objectContaining({ kind: 'file-unwritable', message }));
    expect(() => appender.close()).toThrow(expect.objectContaining({ kind: 'file-unwritable', message }));
    disk.full = false;
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(sample)}\n`);
    // Closed for good: a second close has nothing left to do.
    expect(() => appender.close()).not.toThrow();
  });
});
