import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../support/cli.js';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string; license: string; scripts: Record<string, string> };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the package', () => {
  it('has the LICENSE its package.json and dataset card name', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(REPO, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  });

  it('names only files that exist in its scripts', () => {
    for (const [name, script] of Object.entries(pkg.scripts)) {
      for (const file of script.match(/\b(?:bench|scripts|test|src|bin)\/[\w./-]+\.(?:ts|js)\b/g) ?? []) {
        expect(existsSync(join(REPO, file)), `npm run ${name} names ${file}`).toBe(true);
      }
    }
  });

  it('packs into a tarball that installs in an empty folder and runs reasonforge --help', () => {
    const dir = tempDir('pack');
    // dist/ is built by npm test's pretest; packing must not rebuild it under the running suite.
    const tarball = execFileSync(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: REPO, encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()!;
    expect(tarball).toBe(`${pkg.name}-${pkg.version}.tgz`);
    const listing = execFileSync('tar', ['-tzf', join(dir, tarball)], { encoding: 'utf8' });
    for (const file of ['package/LICENSE', 'package/README.md', 'package/bin/reasonforge.js', 'package/dist/index.js', 'package/schemas/problem.schema.json'])
      expect(listing).toContain(file);
    expect(listing).not.toMatch(/package\/(test|src|bench)\//);

    const app = join(dir, 'app');
    execFileSync('mkdir', [app]);
    writeFileSync(join(app, 'package.json'), '{"name": "app", "private": true}\n');
    // The dependencies are in npm's cache after `npm ci`; the registry is asked only for what is not.
    const install = (mode: string) =>
      spawnSync(npm, ['install', mode, '--no-audit', '--no-fund', '--ignore-scripts', join(dir, tarball)], { cwd: app, encoding: 'utf8' });
    let installed = install('--offline');
    if (installed.status !== 0) installed = install('--prefer-offline');
    expect(installed.status, installed.stderr).toBe(0);

    const help = spawnSync(join(app, 'node_modules', '.bin', 'reasonforge'), ['--help'], { cwd: app, encoding: 'utf8' });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^reasonforge \d+\.\d+\.\d+: /);
    const one = spawnSync(join(app, 'node_modules', '.bin', 'reasonforge'), ['show', 'bakery-trays-left:test:1:0:base', '--json'], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(one.status, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout).id).toBe('bakery-trays-left:test:1:0:base');
  });
});
