import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicFile } from '../../src/io/atomic-write.js';
import { checkInputFile, checkInputFolder, checkOutputFile, checkOutputFolder } from '../../src/io/paths.js';
import { tempDir } from '../support/cli.js';
import { reasonforgeErrorOf } from '../support/errors.js';

/** [kind, message] of the error a check throws. */
function refusal(run: () => unknown): [string, string] {
  const error = reasonforgeErrorOf(run);
  return [error.kind, error.message];
}

describe('checkOutputFile: every way an output path can be wrong, refused before anything is written', () => {
  const dir = tempDir('paths');
  const existing = join(dir, 'existing.jsonl');
  writeFileSync(existing, 'old\n');
  const parentIsFile = join(existing, 'inside.jsonl');

  it.each([
    ['an empty name', '', ['usage', '--out: the file name is empty']],
    ['"-"', '-', ['usage', '--out: "-" (standard output) cannot be used here; give a file name']],
    ['a folder', dir, ['output-path', `${dir}: is a folder; give a file name (inside it, if you like)`]],
    [
      'a missing parent folder',
      join(dir, 'no', 'x.jsonl'),
      ['output-path', `${join(dir, 'no', 'x.jsonl')}: cannot be written: its folder ${join(dir, 'no')} does not exist`],
    ],
    ['a parent that is a file', parentIsFile, ['output-path', `${parentIsFile}: cannot be written: ${existing} is a file, not a folder`]],
    ['an existing file without --force', existing, ['file-exists', `${existing}: already exists; pass --force to replace it`]],
  ])('refuses %s', (_, path, expected) => {
    expect(refusal(() => checkOutputFile(path, { flag: '--out' }))).toEqual(expected);
  });

  it('allows an existing file with --force, and a new file in an existing folder', () => {
    expect(() => checkOutputFile(existing, { force: true })).not.toThrow();
    expect(() => checkOutputFile(join(dir, 'new.jsonl'))).not.toThrow();
  });

  it('is what AtomicFile checks: a refused path leaves no temporary file', () => {
    expect(refusal(() => new AtomicFile(dir, { force: true }))[0]).toBe('output-path');
    expect(refusal(() => new AtomicFile(''))[0]).toBe('usage');
    expect(readdirSync(dir).sort()).toEqual(['existing.jsonl']);
  });
});

describe('checkOutputFolder, checkInputFile, checkInputFolder', () => {
  const dir = tempDir('paths');
  const file = join(dir, 'file.txt');
  writeFileSync(file, 'x');
  const full = join(dir, 'full');
  mkdirSync(full);
  writeFileSync(join(full, 'old.yaml'), 'x');

  it('refuses a folder output that is a file, "-", empty, non-empty without --force, or under a file', () => {
    expect(refusal(() => checkOutputFolder(file))).toEqual(['output-path', `${file}: is a file; give a folder name`]);
    expect(refusal(() => checkOutputFolder('-'))[0]).toBe('usage');
    expect(refusal(() => checkOutputFolder(''))[0]).toBe('usage');
    expect(refusal(() => checkOutputFolder(full))).toEqual(['file-exists', `${full}: the folder is not empty; pass --force to replace its contents`]);
    expect(refusal(() => checkOutputFolder(join(file, 'a', 'b')))[1]).toContain(`${file} is a file, so the folder cannot be made`);
    expect(() => checkOutputFolder(full, { force: true })).not.toThrow();
    expect(() => checkOutputFolder(join(dir, 'new', 'deeper'))).not.toThrow();
  });

  it('refuses an input that is missing, a folder, or empty-named; "-" is standard input', () => {
    expect(refusal(() => checkInputFile(join(dir, 'nope')))).toEqual(['file-missing', `${join(dir, 'nope')}: no such file`]);
    expect(refusal(() => checkInputFile(dir))).toEqual(['input-path', `${dir}: is a folder; give a file`]);
    expect(refusal(() => checkInputFile('', { flag: '--dataset' }))).toEqual(['usage', '--dataset: the file name is empty']);
    expect(() => checkInputFile('-')).not.toThrow();
    expect(refusal(() => checkInputFolder(file))).toEqual(['input-path', `${file}: is a file; give a folder`]);
    expect(refusal(() => checkInputFolder(join(dir, 'nope')))).toEqual(['file-missing', `${join(dir, 'nope')}: no such folder`]);
  });
});

describe('checkOutputFile and special files', () => {
  it('refuses a device as the target, even with --force: renaming over /dev/null would replace the device', () => {
    // Only checked, never written: checkOutputFile does not touch the path.
    expect(refusal(() => checkOutputFile('/dev/null', { force: true }))).toEqual([
      'output-path',
      '/dev/null: is not a regular file (a device, pipe or socket); give a file name, or --out - for standard output',
    ]);
  });
});
