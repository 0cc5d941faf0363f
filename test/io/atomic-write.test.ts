import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AtomicFile, writeFileAtomic } from '../../src/io/atomic-write.js';

describe('AtomicFile', () => {
  it('shows nothing at the target until commit, then the whole file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-atomic-'));
    const path = join(dir, 'out.txt');
    const file = new AtomicFile(path);
    for (let i = 0; i < 50_000; i++) file.write(`line ${i}\n`);
    expect(existsSync(path)).toBe(false);
    file.commit();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(50_000);
    expect(lines[49_999]).toBe('line 49999');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('takes bytes as well as text, in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-atomic-'));
    const path = join(dir, 'out.txt');
    const file = new AtomicFile(path);
    const big = Buffer.alloc(3 << 20, 'é');
    file.write('a\n');
    file.write(Buffer.from('ü\n'));
    file.write(big);
    file.write('z\n');
    file.commit();
    // Compared with equals: toEqual walks a buffer this size byte by byte.
    expect(readFileSync(path).equals(Buffer.concat([Buffer.from('a\nü\n'), big, Buffer.from('z\n')]))).toBe(true);
  });

  it('writes any mix of text and bytes around its buffer size in order, and keeps no chunk a caller may reuse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-atomic-'));
    // Text of one to three bytes a character (and a lone surrogate), or bytes; up to 1.5 MiB a chunk.
    const chunk = fc.oneof(
      fc.tuple(fc.constantFrom('a', 'é', '€', '\ud800'), fc.nat(600_000)).map(([unit, n]) => unit.repeat(n)),
      fc.tuple(fc.nat(255), fc.nat(1_500_000)).map(([byte, n]) => Buffer.alloc(n, byte)),
    );
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 6 }), (chunks) => {
        const path = join(dir, 'out.bin');
        const expected = Buffer.concat(chunks.map((piece) => Buffer.from(piece)));
        const file = new AtomicFile(path, { force: true });
        for (const piece of chunks) {
          file.write(piece);
          // The caller reuses its buffer at once.
          if (typeof piece !== 'string') piece.fill(~piece[0]! & 0xff);
        }
        file.commit();
        expect(readFileSync(path).equals(expected)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('leaves the old file and no temporary behind on abort', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-atomic-'));
    const path = join(dir, 'out.txt');
    writeFileSync(path, 'old');
    const file = new AtomicFile(path, { force: true });
    file.write('new content');
    file.abort();
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('refuses to replace an existing file without force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-atomic-'));
    const path = join(dir, 'out.txt');
    writeFileSync(path, 'old');
    expect(() => writeFileAtomic(path, 'new')).toThrow(`${path}: already exists; pass --force to replace it`);
    writeFileAtomic(path, 'new', { force: true });
    expect(readFileSync(path, 'utf8')).toBe('new');
  });
});
