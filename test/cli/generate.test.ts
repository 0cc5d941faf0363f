import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERATORS_DIR } from '../../src/template/load.js';
import { BIN, cli } from '../support/cli.js';
import { fixtureSpec } from '../support/spec.js';

const ALL = 'base,names,numbers,noop,p1,p2';
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A generators folder holding the shared pools and the given templates. */
function fixtureGenerators(templates: Record<string, object>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rf-templates-'));
  cpSync(join(DEFAULT_GENERATORS_DIR, 'pools'), join(dir, 'pools'), { recursive: true });
  for (const [name, spec] of Object.entries(templates)) writeFileSync(join(dir, name), JSON.stringify(spec));
  return dir;
}
const someTemplate = JSON.parse(cli(['list', '--json']).stdout)[0].id as string;

describe('reasonforge generate', () => {
  it('writes JSONL to stdout, the same bytes on every run, and nothing else when piped', () => {
    const first = cli(['generate', '--seed', '3', '--sets', '2', '--variants', ALL, '--templates', someTemplate]);
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('');
    const lines = first.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(10);
    for (const line of lines) expect(JSON.parse(line).template.id).toBe(someTemplate);
    const reordered = cli(['generate', '--seed', '3', '--sets', '2', '--variants', 'p2,p1,noop,numbers,names,base', '--templates', someTemplate]);
    expect(reordered.stdout).toBe(first.stdout);
  });

  it('writes --out atomically with a manifest that describes it exactly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-gen-'));
    const out = join(dir, 'data.jsonl');
    const result = cli(['generate', '--seed', '1', '--sets', '3', '--variants', 'base,noop', '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/wrote \d+ records to/);
    const data = readFileSync(out);
    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8'));
    expect(manifest.data).toEqual({ file: 'data.jsonl', bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    expect(manifest.counts.records).toBe(data.toString().trimEnd().split('\n').length);
    expect(manifest.config).toMatchObject({ seed: 1, sets: 3, split: 'test', variants: ['base', 'noop'], shard: null });
    expect(Object.values(manifest.counts.by_variant as Record<string, number>).reduce((a, b) => a + b)).toBe(manifest.counts.records);
    expect(readdirSync(dir).sort()).toEqual(['data.jsonl', 'data.jsonl.manifest.json']);
  });

  it('never overwrites without --force, and replaces with it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-gen-'));
    const out = join(dir, 'data.jsonl');
    writeFileSync(out, 'precious\n');
    const refused = cli(['generate', '--seed', '1', '--out', out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${out}: already exists; pass --force to replace it`);
    expect(readFileSync(out, 'utf8')).toBe('precious\n');
    expect(existsSync(`${out}.manifest.json`)).toBe(false);
    const forced = cli(['generate', '--seed', '1', '--out', out, '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toBe('precious\n');
  });

  it('leaves no file, whole or partial, when generation fails midway', () => {
    // A template with a few hundred distinct items: asking for more fails after many records are written.
    const small = fixtureSpec({ variables: { ...fixtureSpec().variables, bags: { int: [2, 5] }, per_bag: { int: [3, 12] }, lost: { int: [1, 30] } } });
    const generators = fixtureGenerators({ 'small.json': small });
    const dir = mkdtempSync(join(tmpdir(), 'rf-gen-'));
    const out = join(dir, 'data.jsonl');
    const result = cli(['generate', '--generators', generators, '--seed', '1', '--sets', '1000', '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/has only \d+ distinct test (base|numbers) instances/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says plainly when the output folder does not exist', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'rf-gen-')), 'missing', 'data.jsonl');
    const result = cli(['generate', '--seed', '1', '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`reasonforge generate: ${out}: cannot be written: its folder ${dirname(out)} does not exist\n`);
    expect(result.stdout).toBe('');
  });

  it.runIf(existsSync('/dev/full'))('says in one line that standard output cannot be written when it is a full disk', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [BIN, 'generate', '--seed', '1', '--sets', '2'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('reasonforge generate: standard output cannot be written: no space left on device (ENOSPC)\n');
    } finally {
      closeSync(full);
    }
  });

  it('notes variants asked for by name that some templates cannot make', () => {
    const generators = fixtureGenerators({ 'marbles.json': fixtureSpec() });
    const p2 = cli(['generate', '--generators', generators, '--seed', '1', '--variants', 'base,p2']);
    expect(p2.status).toBe(0);
    expect(p2.stderr).toBe('reasonforge generate: note: 1 template(s) cannot make p2, skipped: fixture-marbles\n');
    expect(p2.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(cli(['generate', '--generators', generators, '--seed', '1']).stderr).toBe('');
  });

  it('selects by topic', () => {
    const rows = JSON.parse(cli(['list', '--json']).stdout) as { id: string; topic: string }[];
    const records = cli(['generate', '--seed', '2', '--variants', 'base', '--topics', 'ages,sports-scores'])
      .stdout.trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const expected = rows.filter((r) => r.topic === 'ages' || r.topic === 'sports-scores').map((r) => r.id);
    expect(records.map((r) => r.template.id).sort(byCodeUnit)).toEqual(expected.sort(byCodeUnit));
    expect(expected.length).toBeGreaterThan(2);
  });

  it('splits into shards that concatenate to the whole', () => {
    const args = ['generate', '--seed', '8', '--sets', '3', '--variants', ALL];
    const whole = cli(args).stdout;
    const parts = [0, 1, 2].map((i) => cli([...args, '--shard', `${i}/3`]).stdout);
    expect(parts.join('')).toBe(whole);
    expect(parts.every((p) => p.length > 0)).toBe(true);
  });

  it.each([
    [['--seed', '1', '--templates', 'no-such-template'], 2, /unknown template "no-such-template"; valid templates: /],
    [['--seed', '1', '--templates', 'zzz-*'], 2, /no template matches "zzz-\*"/],
    [['--seed', '1', '--topics', 'astrology'], 2, /unknown topic "astrology"; valid topics: shopping-money, time-schedules/],
    [['--seed', '1', '--variants', 'base,noops'], 2, /unknown variant "noops"; did you mean "noop"\? valid variants: base, names, numbers, noop, p1, p2/],
    [['--sets', '2'], 2, /--seed is required/],
    [['--seed', 'one'], 2, /--seed must be a whole number 0 or more \(at most 9007199254740991\), got "one"/],
    [['--seed', '1', '--sets', '0'], 2, /--sets must be a whole number 1 or more/],
    [['--seed', '1', '--split', 'dev'], 2, /--split must be test or train/],
    [['--seed', '1', '--shard', '3/3'], 2, /--shard must be i\/n/],
    [['--seed', '1', '--colour', 'red'], 2, /unknown option --colour \(reasonforge help generate lists them\)/],
  ])('refuses %j with exit %i and a clear message', (args, status, message) => {
    const result = cli(['generate', ...args]);
    expect(result.status).toBe(status);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
