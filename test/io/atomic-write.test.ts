import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
