import type * as fs from 'node:fs';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// A file system whose write calls take at most `limit` bytes each, as a write interrupted by a signal or
// cut short by a size limit can: the call succeeds and says how much it took. Every writer of reasonforge's
// outputs must write the rest itself rather than lose it.
const disk = vi.hoisted(() => ({ limit: Infinity, calls: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return {
    ...real,
    writeSync: (fd: number, data: string | NodeJS.ArrayBufferView, offset?: number, length?: number) => {
      disk.calls++;
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      const start = typeof data === 'string' ? 0 : (offset ?? 0);
      const end = Math.min(bytes.length, start + (length ?? bytes.length - start));
      return real.writeSync(fd, bytes, start, Math.min(end - start, disk.limit));
    },
  };
});

const { writeAll } = await import('../../src/io/write-all.js');
const { AtomicFile } = await import('../../src/io/atomic-write.js');
const { SampleAppender } = await import('../../src/run/output.js');

afterEach(() => {
  disk.limit = Infinity;
  disk.calls = 0;
});

describe('writeAll', () => {
  it('makes as many calls as a short-writing file needs, and writes every byte once', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rf-short-')), 'out.bin');
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
    disk.limit = 64;
    const fd = openSync(path, 'w');
    try {
      writeAll(fd, bytes.subarray(10));
    } finally {
      closeSync(fd);
    }
    expect(disk.calls).toBe(Math.ceil(990 / 64));
    expect(readFileSync(path).equals(bytes.subarray(10))).toBe(true);
  });
});

describe('AtomicFile when writes are short', () => {
  it.each([
    ['text too big to buffer', 'é'.repeat(1 << 20), 4096],
    ['bytes too big to buffer', Buffer.alloc(3 << 20, 'é'), 4096],
    ['a buffer flushed on commit', 'small\n', 4],
  ])('writes every byte of %s', (_, chunk, limit) => {
    const path = join(mkdtempSync(join(tmpdir(), 'rf-short-')), 'out.txt');
    disk.limit = limit;
    const file = new AtomicFile(path);
    file.write('first\n');
    file.write(chunk);
    file.write('last\n');
    file.commit();
    const expected = Buffer.concat([Buffer.from('first\n'), Buffer.from(chunk), Buffer.from('last\n')]);
    expect(readFileSync(path).equals(expected)).toBe(true);
    // The limit was reached: the file took more than one call.
    expect(disk.calls).toBeGreaterThan(1);
  });
});

describe('SampleAppender when writes are short', () => {
  it('writes every line whole', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rf-short-')), 'samples.jsonl');
    disk.limit = 100;
    const appender = new SampleAppender(path, { done: new Map(), lines: 0, completeBytes: 0, partialBytes: 0 });
    const samples = [0, 1, 2].map((sample) => ({ id: 'a', sample, output: 'x'.repeat(150), finish_reason: 'stop', usage: null, latency_ms: 1, model: 'm' }));
    appender.append(samples);
    appender.close();
    expect(readFileSync(path, 'utf8')).toBe(samples.map((line) => `${JSON.stringify(line)}\n`).join(''));
  });
});
