import type * as fs from 'node:fs';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SampleLine } from '../../src/run/engine.js';
import { readExistingOutput, SampleAppender } from '../../src/run/output.js';
import { tempDir } from '../support/cli.js';
import { reasonforgeErrorOf } from '../support/errors.js';

// A file that may not be written (read-only to a user who is not its owner; the tests may run as root, who may).
const fault = vi.hoisted(() => ({ readOnly: '' }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  const refuse = (path: unknown, call: string) => {
    if (path === fault.readOnly) throw Object.assign(new Error(`EACCES: permission denied, ${call} '${String(path)}'`), { code: 'EACCES' });
  };
  return {
    ...real,
    openSync: (...args: Parameters<typeof real.openSync>) => {
      if (args[1] !== 'r') refuse(args[0], 'open');
      return real.openSync(...args);
    },
    truncateSync: (...args: Parameters<typeof real.truncateSync>) => {
      refuse(args[0], 'open');
      real.truncateSync(...args);
    },
  };
});

afterEach(() => {
  fault.readOnly = '';
});

const ids = new Set(['a', 'b']);
const line = (id: string, sample: number): SampleLine => ({
  id,
  sample,
  output: `out ${id} ${sample}`,
  finish_reason: 'stop',
  usage: null,
  latency_ms: 1,
  model: 'm',
});
const text = (lines: SampleLine[]) => lines.map((l) => `${JSON.stringify(l)}\n`).join('');

describe('readExistingOutput', () => {
  it('reads nothing from a file that is not there', async () => {
    expect(await readExistingOutput(join(tempDir('out'), 'none.jsonl'), ids)).toMatchObject({ lines: 0, completeBytes: 0, partialBytes: 0 });
  });

  it('collects the samples written, and cuts off a partial last line before appending', async () => {
    const file = join(tempDir('out'), 'p.jsonl');
    const complete = text([line('a', 0), line('b', 1), line('a', 1)]);
    const partial = '{"id":"b","sample":0,"outp';
    writeFileSync(file, complete + partial);
    const existing = await readExistingOutput(file, ids);
    expect(Object.fromEntries([...existing.done].map(([id, s]) => [id, [...s].sort((x, y) => x - y)]))).toEqual({ a: [0, 1], b: [1] });
    expect(existing).toMatchObject({ lines: 3, completeBytes: Buffer.byteLength(complete), partialBytes: Buffer.byteLength(partial) });
    const appender = new SampleAppender(file, existing);
    appender.append([line('b', 0)]);
    appender.close();
    expect(readFileSync(file, 'utf8')).toBe(complete + text([line('b', 0)]));
  });

  it.each([
    ['a repeated sample', text([line('a', 0), line('b', 0), line('a', 0)]), /p\.jsonl:3: sample 0 of a is written twice \(first on line 1\)/],
    ['an id of another dataset', text([line('z', 0)]), /p\.jsonl:1: item z is not in the dataset/],
    ['a line of someone else', '{"id": "a", "output": "x"}\n', /p\.jsonl:1: not a line of reasonforge run/],
    ['a line that is not JSON', `${text([line('a', 0)])}oops\n`, /p\.jsonl:2: not valid JSON/],
  ])('refuses %s, naming the line', async (_, content, message) => {
    const file = join(tempDir('out'), 'p.jsonl');
    writeFileSync(file, content);
    await expect(readExistingOutput(file, ids)).rejects.toThrow(message);
  });
});

describe('SampleAppender', () => {
  it('appends one response per write to what is there', () => {
    const file = join(tempDir('out'), 'a.jsonl');
    appendFileSync(file, text([line('a', 0)]));
    const appender = new SampleAppender(file, { done: new Map(), lines: 1, completeBytes: 0, partialBytes: 0 });
    appender.append([line('a', 1), line('b', 0)]);
    appender.append([]);
    appender.close();
    expect(
      readFileSync(file, 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as SampleLine).sample),
    ).toEqual([0, 1, 0]);
  });

  it.each([
    ['to append to', 0],
    ['to cut a partial line off', 5],
  ])('names the file and the reason in one line when it may not be opened %s', (_, partialBytes) => {
    const file = join(tempDir('out'), 'a.jsonl');
    const complete = text([line('a', 0)]);
    writeFileSync(file, `${complete}{"id"`.slice(0, complete.length + partialBytes));
    fault.readOnly = file;
    const error = reasonforgeErrorOf(() => new SampleAppender(file, { done: new Map(), lines: 1, completeBytes: complete.length, partialBytes }));
    expect([error.kind, error.message]).toEqual(['file-unwritable', `${file}: cannot be written: permission denied (EACCES)`]);
  });
});
