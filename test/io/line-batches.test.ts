import fc from 'fast-check';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readLines } from '../../src/io/jsonl.js';
import { byteBatches, lineBatches, lineCount, linesOf } from '../../src/io/line-batches.js';
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

  it('gives the lines of the whole file decoded at once, for any bytes (invalid UTF-8, a byte-order mark, \\r) in any chunks', async () => {
    const byte = fc.oneof(fc.constantFrom(0x0a, 0x0d, 0xef, 0xbb, 0xbf, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0xc3, 0xa9, 0x80), fc.integer({ min: 0, max: 255 }));
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 60 }),
      fc.array(byte, { maxLength: 60 }).map((bytes) => Uint8Array.from(bytes)),
      fc.tuple(fc.boolean(), fc.string({ unit: 'grapheme', maxLength: 40 })).map(([mark, text]) => Buffer.from(`${mark ? BOM : ''}${text}`)),
    );
    await fc.assert(
      fc.asyncProperty(content, fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }), async (bytes, cuts) => {
        const chunks: Buffer[] = [];
        for (let at = 0, c = 0; at < bytes.length; c++) {
          const size = cuts[c % cuts.length]!;
          chunks.push(Buffer.from(bytes.subarray(at, at + size)));
          at += size;
        }
        const path = join(dir, 'bytes.txt');
        writeFileSync(path, bytes);
        const expected = wholeFileLines(Buffer.from(bytes));
        expect((await collect('-', Readable.from(chunks))).map((l) => l.text)).toEqual(expected);
        expect((await collect(path)).map((l) => l.text)).toEqual(expected);
        // Batch by batch, each batch the only view of its own buffer, as a transfer to another thread needs.
        const decoded: string[] = [];
        const buffers = new Set<ArrayBufferLike>();
        for await (const batch of byteBatches('-', Readable.from(chunks))) {
          expect(buffers.has(batch.buffer)).toBe(false);
          buffers.add(batch.buffer);
          expect(batch.byteOffset + batch.byteLength).toBe(batch.buffer.byteLength);
          const lines = linesOf(batch);
          expect(lineCount(batch)).toBe(lines.length);
          decoded.push(...lines);
        }
        expect(decoded).toEqual(expected);
      }),
      { numRuns: runs(300, 3000) },
    );
  });
});

const BOM = '\ufeff';

/** The reference: the whole file decoded at once, its byte-order mark dropped, split at "\n", each line's final "\r" dropped. */
function wholeFileLines(bytes: Buffer): string[] {
  let text = bytes.toString('utf8');
  if (text.startsWith(BOM)) text = text.slice(1);
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}
