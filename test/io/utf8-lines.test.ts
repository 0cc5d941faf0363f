import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Lines } from '../../src/io/utf8-lines.js';

describe('Utf8Lines', () => {
  it('gives the UTF-8 of the lines joined with newlines, in chunks of whole lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 6 }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 64 }),
        (batches, capacity) => {
          const lines = new Utf8Lines(capacity);
          for (const batch of batches) {
            for (const line of batch) lines.add(line);
            expect(lines.size).toBe(Buffer.byteLength(batch.map((line) => `${line}\n`).join('')));
            expect(Buffer.from(lines.take()).toString()).toBe(batch.map((line) => `${line}\n`).join(''));
            expect(lines.size).toBe(0);
          }
        },
      ),
    );
  });

  it('lends its chunks: the next lines reuse their memory, nothing is allocated per chunk', () => {
    const lines = new Utf8Lines(64);
    lines.add('first');
    const chunk = lines.take();
    lines.add('again');
    expect(Buffer.from(chunk).toString()).toBe('again\n');
  });

  it('encodes a lone surrogate as the replacement character, as Buffer.from does', () => {
    const lines = new Utf8Lines(4);
    lines.add('a\ud800b');
    expect(Buffer.from(lines.take())).toEqual(Buffer.from('a\ud800b\n'));
  });
});
