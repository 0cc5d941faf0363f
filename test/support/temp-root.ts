/**
 * Each test file's temporary files live under one directory of its own,
 * removed when the file's tests end (or with the run's directory,
 * temp-parent.ts, should the file run none). Tests (and the processes they
 * spawn, which inherit TMPDIR) make their directories with os.tmpdir(),
 * which reads TMPDIR on every call; so nothing a test writes outlives the
 * run, however the test made its directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';

const previous = process.env['TMPDIR'];
const root = mkdtempSync(join(inject('tempParent'), 'file-'));
process.env['TMPDIR'] = root;

afterAll(() => {
  if (previous === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = previous;
  rmSync(root, { recursive: true, force: true });
});
