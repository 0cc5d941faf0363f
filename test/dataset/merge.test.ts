import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../src/dataset/manifest.js';
import { mergeShards } from '../../src/dataset/merge.js';
import { BIN, cli, tempDir } from '../support/cli.js';
import { reasonforgeErrorOf } from '../support/errors.js';

const RUN = ['--seed', '11', '--sets', '5', '--variants', 'base,noop,p2'];
const dir = tempDir('merge');
const shard = (name: string) => join(dir, name);

/** One generate process, started without waiting, as a scheduler starts the shards of an array job. */
function generateAsync(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'generate', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stderr }));
  });
}

beforeAll(async () => {
  const runs = await Promise.all([
    generateAsync([...RUN, '--out', shard('whole.jsonl')]),
    ...[0, 1, 2, 3].map((i) => generateAsync([...RUN, '--shard', `${i}/4`, '--out', shard(`part-${i}.jsonl`)])),
    generateAsync([...RUN, '--shard', '0/2', '--out', shard('half-0.jsonl')]),
    generateAsync(['--seed', '12', '--sets', '5', '--variants', 'base,noop,p2', '--shard', '3/4', '--out', shard('other-seed-3.jsonl')]),
  ]);
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
}, 120_000);

describe('reasonforge merge', () => {
  it('joins 4 shards generated in parallel processes into the bytes and manifest of the unsharded run', () => {
    const out = join(tempDir('merge-out'), 'whole.jsonl');
    // Given out of order, as a shell glob or a scheduler may list them.
    const result = cli(['merge', out, shard('part-2.jsonl'), shard('part-0.jsonl'), shard('part-3.jsonl'), shard('part-1.jsonl')]);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(out, 'utf8') === readFileSync(shard('whole.jsonl'), 'utf8')).toBe(true);
    expect(readFileSync(`${out}.manifest.json`, 'utf8')).toBe(readFileSync(shard('whole.jsonl.manifest.json'), 'utf8'));
    const parts = [0, 1, 2, 3].map((i) => readManifest(shard(`part-${i}.jsonl`)));
    expect(parts.map((p) => p.config.shard)).toEqual(['0/4', '1/4', '2/4', '3/4']);
    expect(parts.map((p) => p.range.end - p.range.start).reduce((a, b) => a + b)).toBe(readManifest(shard('whole.jsonl')).range.total);
    expect(result.stderr).toMatch(new RegExp(`wrote ${parts[0]!.range.total} records from 4 shard\\(s\\) to ${out}`));
  });

  it('accepts shards of different splits that tile the run: 0/2 with 2/4 and 3/4', () => {
    const out = join(tempDir('merge-out'), 'whole.jsonl');
    mergeShards(out, [shard('half-0.jsonl'), shard('part-2.jsonl'), shard('part-3.jsonl')]);
    expect(readFileSync(out, 'utf8') === readFileSync(shard('whole.jsonl'), 'utf8')).toBe(true);
  });

  const refusals: [string, () => string[], string, RegExp][] = [
    ['a missing shard', () => [shard('part-0.jsonl'), shard('part-1.jsonl'), shard('part-3.jsonl')], 'shards-gap', /records \d+\.\.\d+ of \d+ are in no shard given \(between .*part-1\.jsonl and .*part-3\.jsonl\)/],
    ['a missing first shard', () => [shard('part-1.jsonl'), shard('part-2.jsonl'), shard('part-3.jsonl')], 'shards-gap', /records 0\.\.\d+ of \d+ are in no shard given \(before the first shard\)/],
    ['a missing last shard', () => [shard('part-0.jsonl'), shard('part-1.jsonl'), shard('part-2.jsonl')], 'shards-gap', /in no shard given \(after .*part-2\.jsonl\)/],
    ['a shard given twice', () => [0, 1, 2, 3, 2].map((i) => shard(`part-${i}.jsonl`)), 'shards-overlap', /part-2\.jsonl is given twice/],
    ['overlapping splits', () => [shard('half-0.jsonl'), shard('part-1.jsonl'), shard('part-2.jsonl'), shard('part-3.jsonl')], 'shards-overlap', /half-0\.jsonl \(records 0\.\.\d+\) and .*part-1\.jsonl \(records \d+\.\.\d+\) overlap/],
    ['a shard of another seed', () => [0, 1, 2].map((i) => shard(`part-${i}.jsonl`)).concat(shard('other-seed-3.jsonl')), 'shards-mixed', /other-seed-3\.jsonl: was made by another configuration than .*part-0\.jsonl: its seed is 12, not 11/],
  ];
  for (const [what, shards, kind, message] of refusals) {
    it(`refuses ${what} in one line and writes nothing`, () => {
      const outDir = tempDir('merge-out');
      const error = reasonforgeErrorOf(() => mergeShards(join(outDir, 'out.jsonl'), shards()));
      expect(error.kind).toBe(kind);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('\n');
      expect(readdirSync(outDir)).toEqual([]);
    });
  }

  it('refuses a shard changed after it was written, leaving no output or temporary file', () => {
    const work = tempDir('merge-changed');
    for (const i of [0, 1, 2, 3]) {
      for (const suffix of ['', '.manifest.json']) copyFileSync(shard(`part-${i}.jsonl${suffix}`), join(work, `part-${i}.jsonl${suffix}`));
    }
    appendFileSync(join(work, 'part-2.jsonl'), '{"id":"extra"}\n');
    const result = cli(['merge', join(work, 'out.jsonl'), ...[0, 1, 2, 3].map((i) => join(work, `part-${i}.jsonl`))]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/part-2\.jsonl: is not the file its manifest describes/);
    expect(readdirSync(work).filter((name) => name.startsWith('out') || name.startsWith('.'))).toEqual([]);
  });

  it('names a shard without a manifest or with a broken one, and a shard that is the output', () => {
    const work = tempDir('merge-manifest');
    const data = join(work, 'part.jsonl');
    copyFileSync(shard('part-0.jsonl'), data);
    expect(reasonforgeErrorOf(() => mergeShards(join(work, 'out.jsonl'), [data])).message).toBe(`${data}: has no manifest beside it (${data}.manifest.json); generate --out writes one`);
    const manifest = JSON.parse(readFileSync(shard('part-0.jsonl.manifest.json'), 'utf8')) as { range: unknown };
    delete manifest.range;
    writeFileSync(`${data}.manifest.json`, JSON.stringify(manifest));
    expect(reasonforgeErrorOf(() => mergeShards(join(work, 'out.jsonl'), [data])).message).toBe(`${data}.manifest.json#/: not a reasonforge manifest: must have required property 'range'`);
    expect(reasonforgeErrorOf(() => mergeShards(data, [data])).message).toBe(`${data}: is both the output and one of the shards`);
    rmSync(`${data}.manifest.json`);
  });

  it('never replaces an existing output without --force', () => {
    const work = tempDir('merge-force');
    const out = join(work, 'out.jsonl');
    writeFileSync(out, 'precious\n');
    const parts = [0, 1, 2, 3].map((i) => shard(`part-${i}.jsonl`));
    const refused = cli(['merge', out, ...parts]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${out}: already exists; pass --force to replace it`);
    expect(readFileSync(out, 'utf8')).toBe('precious\n');
    expect(cli(['merge', out, ...parts, '--force']).status).toBe(0);
    expect(readFileSync(out, 'utf8') === readFileSync(shard('whole.jsonl'), 'utf8')).toBe(true);
  });

  it('needs an output file and at least one shard file', () => {
    const result = cli(['merge', join(dir, 'only.jsonl')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('merge: give the output file, then at least one shard file');
    const fromStdin = cli(['merge', join(tempDir('merge-out'), 'out.jsonl'), '-']);
    expect(fromStdin.status).toBe(2);
    expect(fromStdin.stderr).toBe('reasonforge merge: a shard is a file with its manifest beside it; "-" (standard input) cannot be one\n');
    const intoFolder = cli(['merge', dir, shard('part-0.jsonl')]);
    expect(intoFolder.status).toBe(1);
    expect(intoFolder.stderr).toBe(`reasonforge merge: ${dir}: is a folder; give a file name (inside it, if you like)\n`);
  });
});
