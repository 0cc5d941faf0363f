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

describe('deferred optimisation at start-up', () => {
  // A child process with V8's natives syntax: is a function optimised after 160 calls (V8 11.3 optimises it after 120 to 200 calls with its own budget, after 220 with twice it)?
  const probe = (defer: boolean) => {
    const code = `
      import { deferOptimisation } from './dist/cli/start.js';
      const deferred = ${defer} && deferOptimisation(50);
      const hot = () => { const f = (x) => { let s = 0; for (let i = 0; i < 20; i++) s += (x * i) % 7; return s; }; for (let i = 0; i < 160; i++) f(i); return (%GetOptimizationStatus(f) & 16) !== 0; };
      const early = hot();
      await new Promise((done) => setTimeout(done, 100));
      process.stdout.write(JSON.stringify({ deferred, early, late: hot() }));`;
    const env = { ...process.env };
    delete env['NODE_OPTIONS'];
    const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--no-concurrent-recompilation', '--input-type=module', '-e', code], {
      cwd: REPO,
      encoding: 'utf8',
      env,
    });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as { deferred: boolean; early: boolean; late: boolean };
  };

  it.runIf(process.versions.v8.startsWith('11.3.'))('keeps TurboFan off a function hot for a moment within the window, and lets it work after', () => {
    expect(probe(false)).toEqual({ deferred: false, early: true, late: true });
    expect(probe(true)).toEqual({ deferred: true, early: false, late: true });
  });

  it('leaves another V8, whose budgets were not measured, as it is', async () => {
    const { deferOptimisation } = await import('../../src/cli/start.js');
    expect(deferOptimisation(50, '12.4.254.21-node.33')).toBe(false);
  });
});

describe('loading the CLI bundle', () => {
  it('names the missing bundle and the build that makes it', async () => {
    const { loadCli } = await import('../../src/cli/start.js');
    const missing = join(tempDir('start-missing'), 'cli.bundle.cjs');
    expect(() => loadCli({ bundleFile: missing, cacheFile: null })).toThrow(`${missing} is missing: the build makes it (npm run build)`);
  });
});
