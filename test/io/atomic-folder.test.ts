import type * as fs from 'node:fs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/cli.js';
import { reasonforgeErrorOf } from '../support/errors.js';

// System calls that fail on demand: the calls of `fault.call` whose turn (0 for its first call after the
// fault is set) is in `fault.turns` throw `fault.code`, the way Node words it.
const fault = vi.hoisted(() => ({ call: '', turns: [] as number[], code: '', seen: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  const words: Record<string, string> = { ENOSPC: 'no space left on device', EBUSY: 'resource busy or locked', EIO: 'i/o error' };
  const faulty =
    <A extends unknown[], R>(name: string, call: (...args: A) => R) =>
    (...args: A): R => {
      if (fault.call === name && fault.turns.includes(fault.seen++)) {
        throw Object.assign(new Error(`${fault.code}: ${words[fault.code]}, ${name.replace(/Sync$/, '')} '${String(args[0])}'`), { code: fault.code });
      }
      return call(...args);
    };
  return {
    ...real,
    mkdirSync: faulty('mkdirSync', real.mkdirSync),
    renameSync: faulty('renameSync', real.renameSync),
    rmSync: faulty('rmSync', real.rmSync),
  };
});

const { writeFolderAtomic } = await import('../../src/io/atomic-folder.js');

function failing(call: 'mkdirSync' | 'renameSync' | 'rmSync', code: string, ...turns: number[]): void {
  Object.assign(fault, { call, code, turns, seen: 0 });
}

afterEach(() => {
  fault.call = '';
});

describe('writeFolderAtomic', () => {
  it('replaces the whole folder with --force: no file of the earlier write survives', () => {
    const root = join(tempDir('folder'), 'out');
    writeFolderAtomic(root, [
      { path: 'a.yaml', content: 'first' },
      { path: 'data/old.jsonl', content: 'stale' },
    ]);
    expect(() => writeFolderAtomic(root, [{ path: 'a.yaml', content: 'second' }])).toThrow('pass --force');
    writeFolderAtomic(root, [{ path: 'a.yaml', content: 'second' }], { force: true });
    expect(readdirSync(root)).toEqual(['a.yaml']);
    expect(readFileSync(join(root, 'a.yaml'), 'utf8')).toBe('second');
    expect(readdirSync(join(root, '..'))).toEqual(['out']);
  });

  it('leaves the old folder as it was when a file cannot be written', () => {
    const parent = tempDir('folder');
    const root = join(parent, 'out');
    writeFolderAtomic(root, [{ path: 'keep.txt', content: 'kept' }]);
    expect(() => writeFolderAtomic(root, [{ path: '../escape.txt', content: 'x' }], { force: true })).toThrow('a file path escapes the folder');
    expect(readdirSync(root)).toEqual(['keep.txt']);
    expect(readdirSync(parent)).toEqual(['out']);
  });
});

describe('writeFolderAtomic when the folder itself cannot be made or moved', () => {
  /** An export folder holding keep.txt, to be replaced with --force. */
  function existing(): { parent: string; root: string } {
    const parent = tempDir('folder');
    const root = join(parent, 'out');
    writeFolderAtomic(root, [{ path: 'keep.txt', content: 'kept' }]);
    return { parent, root };
  }
  const replace = (root: string) => () => writeFolderAtomic(root, [{ path: 'new.txt', content: 'new' }], { force: true });

  it('names the folder in one line when its parent folders cannot be made', () => {
    const parent = tempDir('folder');
    const root = join(parent, 'new', 'out');
    failing('mkdirSync', 'ENOSPC', 0);
    expect(() => writeFolderAtomic(root, [])).toThrow(
      expect.objectContaining({ kind: 'file-unwritable', message: `${root}: cannot be written: no space left on device (ENOSPC)` }),
    );
    expect(readdirSync(parent)).toEqual([]);
  });

  it('names the folder in one line when its temporary folder cannot be made, and leaves the old one', () => {
    const { parent, root } = existing();
    failing('mkdirSync', 'ENOSPC', 1);
    expect(replace(root)).toThrow(
      expect.objectContaining({ kind: 'file-unwritable', message: `${root}: cannot be written: no space left on device (ENOSPC)` }),
    );
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readdirSync(root)).toEqual(['keep.txt']);
  });

  it.each([
    ['the old folder cannot be moved aside', 0],
    ['the new folder cannot be moved into place', 1],
  ])('names the folder in one line when %s, and leaves the old one as it was', (_, turn) => {
    const { parent, root } = existing();
    failing('renameSync', 'EBUSY', turn);
    expect(replace(root)).toThrow(expect.objectContaining({ kind: 'file-unwritable', message: `${root}: cannot be written: resource busy or locked (EBUSY)` }));
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readdirSync(root)).toEqual(['keep.txt']);
  });

  it('keeps the old folder, and says where, when it can be neither replaced nor put back', () => {
    const { parent, root } = existing();
    failing('renameSync', 'EBUSY', 1, 2);
    const error = reasonforgeErrorOf(replace(root));
    const aside = readdirSync(parent).filter((name) => name !== 'out');
    expect(aside).toEqual([expect.stringMatching(/^\.out\.[0-9a-f]+\.old$/)]);
    expect(readFileSync(join(parent, aside[0]!, 'keep.txt'), 'utf8')).toBe('kept');
    expect(error).toMatchObject({
      kind: 'file-unwritable',
      message: `${root}: cannot be written: resource busy or locked (EBUSY); what it held is now in ${join(parent, aside[0]!)}`,
    });
  });

  it('says the write succeeded, and where the leftover is, when the old folder cannot be removed after', () => {
    const { parent, root } = existing();
    failing('rmSync', 'EBUSY', 0);
    const error = reasonforgeErrorOf(replace(root));
    expect(readdirSync(root)).toEqual(['new.txt']);
    const aside = readdirSync(parent).filter((name) => name !== 'out');
    expect(aside).toEqual([expect.stringMatching(/^\.out\.[0-9a-f]+\.old$/)]);
    expect(error).toMatchObject({
      kind: 'file-unwritable',
      message: `${root}: written, but what it held before could not be removed from ${join(parent, aside[0]!)}: resource busy or locked (EBUSY)`,
    });
  });

  it('removes the parent folders it made when the write then fails', () => {
    const parent = tempDir('folder');
    const root = join(parent, 'made', 'for', 'out');
    failing('renameSync', 'EBUSY', 0);
    expect(() => writeFolderAtomic(root, [{ path: 'a.txt', content: 'a' }])).toThrow('resource busy or locked (EBUSY)');
    expect(readdirSync(parent)).toEqual([]);
  });
});
