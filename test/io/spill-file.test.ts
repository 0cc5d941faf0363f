import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SpillFile } from '../../src/io/spill-file.js';
import { tempDir } from '../support/cli.js';

describe('SpillFile', () => {
  it('gives back what was written, in order, in pieces of at most the size asked, interleaved with writes', () => {
    const dir = tempDir('spill');
    const spill = new SpillFile(dir);
    const pieces = Array.from({ length: 40 }, (_, i) => Buffer.alloc(1000 + i * 97, i));
    let read = Buffer.alloc(0);
    pieces.forEach((piece, i) => {
      spill.write(piece);
      if (i % 3 === 0) read = Buffer.concat([read, spill.readNext(1500)]);
    });
    while (spill.waiting > 0) {
      const next = spill.readNext(4096);
      expect(next.length).toBeLessThanOrEqual(4096);
      read = Buffer.concat([read, next]);
    }
    expect(read.equals(Buffer.concat(pieces))).toBe(true);
    expect(spill.readNext().length).toBe(0);
    spill.close();
  });

  it('leaves no file behind, even before it is closed (no interrupt can strand it)', () => {
    const dir = tempDir('spill');
    const spill = new SpillFile(dir);
    spill.write(Buffer.from('waiting its turn'));
    expect(readdirSync(dir)).toEqual([]);
    spill.close();
    expect(readdirSync(dir)).toEqual([]);
    expect(() => spill.write(Buffer.from('x'))).toThrow(/closed/);
  });
});
