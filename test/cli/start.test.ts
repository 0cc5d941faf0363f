import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFor } from '../../src/cli/start.js';
import { REPO, tempDir } from '../support/cli.js';

const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

describe('the start-up code cache', () => {
  it('applies only to the exact bundle bytes it was recorded for', () => {
    const dir = tempDir('start-cache');
    const bundle = Buffer.from('module.exports = 1;');
    const sameLength = Buffer.from('module.exports = 2;');
    const payload = Buffer.from('v8 code cache bytes');
    const file = join(dir, 'cache');
    writeFileSync(file, Buffer.concat([digest(bundle), payload]));
    expect(cacheFor(file, bundle)).toEqual(payload);
    // V8 compares only the source's length: an edit that keeps it must still lose the cache.
    expect(cacheFor(file, sameLength)).toBeUndefined();
    expect(cacheFor(join(dir, 'absent'), bundle)).toBeUndefined();
    writeFileSync(file, digest(bundle));
    expect(cacheFor(file, bundle)).toBeUndefined();
  });

  it("is accepted by V8 for the built bundle when node runs with the build's flags", () => {
    // A plain node process, as bin/reasonforge.js is run: the build recorded the cache in one.
    const code = `import { loadCli } from './dist/cli/start.js'; process.stdout.write(String(loadCli().cacheUsed));`;
    const env = { ...process.env };
    delete env['NODE_OPTIONS'];
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: REPO, encoding: 'utf8', env });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('true');
  });
});
