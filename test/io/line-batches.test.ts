import fc from 'fast-check';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readLines } from '../../src/io/jsonl.js';
import { lineBatches } from '../../src/io/line-batches.js';
import { runs } from '../support/runs.js';

const dir = mkdtempSync(join(tmpdir(), 'rf-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(path: string, stdin?: NodeJS.ReadableStream): Promise<{ number: number; text: string }[]> {
  const out: { number: number; text: string }[] = [];
  for await (const { first, lines } of lineBatches(path, stdin)) lines.forEach((text, i) => out.push({ number: first + i, text }));
  return out;
}

describe('lineBatches', () => {
  it('numbers lines as node:readline does, for \\n and \\r\\n endings, blank lines and a missing final newline', async () => {
    const line = fc.stringMatching(/^[^\r\n]{0,40}$/);
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), async (lines, eol, finalNewline) => {
        const path = join(dir, 'lines.txt');
        writeFileSync(path, lines.join(eol) + (finalNewline && lines.length > 0 ? eol : ''));
        // The lines as written; a last empty line with no newline after it adds nothing to the file.
        const written = !finalNewline && lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
        const expected = written.map((text, i) => ({ number: i + 1, text }));
        expect(await collect(path)).toEqual(expected);
        // node:readline, the reference for numbering lines, agrees; readLines is built on lineBatches.
        const byReadline: { number: number; text: string }[] = [];
        for await (const text of createInterface({ input: createReadStream(path), crlfDelay: Infinity }))
          byReadline.push({ number: byReadline.length + 1, text });
        expect(byReadline).toEqual(expected);
        const read: { number: number; text: string }[] = [];
        for await (const l of readLines(path)) read.push({ number: l.number, text: l.text });
        expect(read).toEqual(expected);
      }),
      { numRuns: runs(100, 1000) },
    );
  });

  it('keeps a line longer than a read chunk whole, multi-byte characters included', async () => {
    const long = `{"id": "x", "output": "${'é€🙂'.repeat(700_000)}"}`;
    const path = join(dir, 'long.jsonl');
    writeFileSync(path, `first\n${long}\nlast`);
    const lines = await collect(path);
    expect(lines.map((l) => l.number)).toEqual([1, 2, 3]);
    expect(lines[1]!.text).toBe(long);
    expect(lines[2]!.text).toBe('last');
  });

  it('reads standard input for "-" and reports a missing file', async () => {
    expect(await collect('-', Readable.from([Buffer.from('a\nb'), Buffer.from('c\n')]))).toEqual([
      { number: 1, text: 'a' },
      { number: 2, text: 'bc' },
    ]);
    await expect(collect(join(dir, 'none.jsonl'))).rejects.toThrow(/no such file/);
  });
});
