import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/compare/compare.js';
import type { ProblemRecord } from '../../src/records/problem.js';
import { formatMetrics, scoreFiles } from '../../src/score/score.js';
import { verifierJudge } from '../../src/score/verifier-judge.js';
import { tempDir } from '../support/cli.js';
import { questionOf, startFakeServer, type FakeServer } from '../support/openai-server.js';
import { startCli } from '../support/spawn-cli.js';

/**
 * The whole loop as a user types it, with the built binary: generate a
 * dataset, run two fake "models" on the test server (rl: right most of the
 * time on the items it can do and never on the rest; base: right less
 * often, on every item), run base twice with two seeds, score every run
 * (with the real verifier), compare. The test then computes the curves, the crossover, the drop and
 * the coverage itself, from the predictions files and exact binomials, and
 * checks compare's figures against them.
 */
const SAMPLES = 16;
let dir: string;
let server: FakeServer;
let records: ProblemRecord[];
let comparison: Comparison;
let compareOutput: { stdout: string; stderr: string };

/** A uniform number in [0, 1) from text: the fake models' dice (FNV-1a, not the code under test's hash). */
function unit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 2 ** 32;
}

async function cli(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const result = await startCli(args).done;
  expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result;
}

beforeAll(async () => {
  dir = tempDir('e2e');
  const dataset = join(dir, 'd.jsonl');
  await cli(['generate', '--seed', '1', '--sets', '1', '--variants', 'base,noop', '--out', dataset]);
  records = readFileSync(dataset, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as ProblemRecord);
  const byQuestion = new Map(records.map((r) => [r.question, r]));
  server = await startFakeServer({
    answer: (request, choice) => {
      const record = byQuestion.get(questionOf(request.prompt))!;
      const model = String(request.body['model']);
      const noop = record.variant.kind === 'noop';
      const easy = unit(`easy ${record.base_id}`) < 0.6;
      const p = model === 'rl' ? (easy ? (noop ? 0.7 : 0.92) : 0) : noop ? 0.22 : 0.3;
      const right = unit(`${model} ${record.id} ${String(request.body['seed'])} ${choice}`) < p;
      return { text: `Adding the parts gives the total.\n#### ${right ? record.answer : String(100_000 + choice)}` };
    },
  });
  const run = (model: string, out: string, samples: number, seed: number) =>
    cli([
      'run',
      '--dataset',
      dataset,
      '--endpoint',
      server.url,
      '--model',
      model,
      '--samples',
      String(samples),
      '--seed',
      String(seed),
      '--temperature',
      '1',
      '--out',
      join(dir, out),
    ]);
  await Promise.all([run('rl', 'rl.jsonl', SAMPLES, 1), run('base', 'base-1.jsonl', SAMPLES / 2, 1), run('base', 'base-2.jsonl', SAMPLES / 2, 2)]);
  // score is the library's own call here (its binary has tests of its own): one process loads the verifier once.
  for (const name of ['rl', 'base-1', 'base-2']) {
    const metrics = await scoreFiles(dataset, [join(dir, `${name}.jsonl`)], { judge: verifierJudge(), bootstrap: 0, permutations: 100 });
    writeFileSync(join(dir, `${name}.json`), formatMetrics(metrics));
  }
  compareOutput = await cli([
    'compare',
    `RL=${join(dir, 'rl.json')}`,
    `BASE=${join(dir, 'base-1.json')},${join(dir, 'base-2.json')}`,
    '--json',
    join(dir, 'c.json'),
    '--md',
    join(dir, 'c.md'),
    '--bootstrap',
    '300',
    '--seed',
    '4',
  ]);
  comparison = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')) as Comparison;
}, 120_000);

afterAll(async () => {
  await server?.close();
});

/** Right samples per item in the given predictions files, read here: "#### X" against the item's answer. */
function rightCounts(...files: string[]): Map<string, { n: number; c: number }> {
  const answers = new Map(records.map((r) => [r.id, r.answer]));
  const counts = new Map(records.map((r) => [r.id, { n: 0, c: 0 }]));
  for (const file of files) {
    for (const text of readFileSync(join(dir, file), 'utf8').trimEnd().split('\n')) {
      const line = JSON.parse(text) as { id: string; output: string };
      const entry = counts.get(line.id)!;
      entry.n++;
      if (line.output.slice(line.output.lastIndexOf('#### ') + 5) === answers.get(line.id)) entry.c++;
    }
  }
  return counts;
}

/** 1 - C(n-c, k) / C(n, k) with exact integers. */
function exactPass(n: number, c: number, k: number): number {
  const choose = (a: number, b: number): bigint => {
    if (b < 0 || b > a) return 0n;
    let r = 1n;
    for (let i = 1; i <= b; i++) r = (r * BigInt(a - b + i)) / BigInt(i);
    return r;
  };
  const total = choose(n, k);
  return Number(((total - choose(n - c, k)) * 10n ** 15n) / total) / 1e15;
}

const mean = (values: number[]) => values.reduce((a, v) => a + v, 0) / values.length;

describe('generate, run, score, compare (built binary, test server)', () => {
  it('made every sample of every run once', () => {
    for (const [files, n] of [
      [['rl.jsonl'], SAMPLES],
      [['base-1.jsonl'], SAMPLES / 2],
      [['base-1.jsonl', 'base-2.jsonl'], SAMPLES],
    ] as const) {
      expect([...rightCounts(...files).values()].every((entry) => entry.n === n)).toBe(true);
    }
  });

  it('reports pass@k and the paired differences the predictions give', () => {
    const rl = rightCounts('rl.jsonl');
    const base = rightCounts('base-1.jsonl', 'base-2.jsonl');
    const ids = records.map((r) => r.id);
    expect(comparison.overall.pass_at_k.ks).toEqual([1, 2, 4, 8, 16]);
    for (const k of comparison.overall.pass_at_k.ks) {
      const a = mean(ids.map((id) => exactPass(SAMPLES, rl.get(id)!.c, k)));
      const b = mean(ids.map((id) => exactPass(SAMPLES, base.get(id)!.c, k)));
      expect(comparison.overall.pass_at_k.curves['RL']![String(k)]!.estimate).toBeCloseTo(a, 12);
      expect(comparison.overall.pass_at_k.curves['BASE']![String(k)]!.estimate).toBeCloseTo(b, 12);
      expect(comparison.overall.pass_at_k.pairs[0]!.differences[String(k)]!.estimate).toBeCloseTo(b - a, 12);
    }
  });

  it('finds the crossover a scan of every k over the predictions finds: rl leads at one sample, base overtakes', () => {
    const rl = rightCounts('rl.jsonl');
    const base = rightCounts('base-1.jsonl', 'base-2.jsonl');
    const ids = records.map((r) => r.id);
    const difference = (k: number) => mean(ids.map((id) => exactPass(SAMPLES, base.get(id)!.c, k) - exactPass(SAMPLES, rl.get(id)!.c, k)));
    expect(difference(1)).toBeLessThan(0);
    let first: number | null = null;
    for (let k = 1; k <= SAMPLES && first === null; k++) if (difference(k) > 1e-12) first = k;
    expect(first).not.toBeNull();
    const x = comparison.overall.pass_at_k.pairs[0]!.crossover;
    expect(x).toMatchObject({ leader: 'a', k: first, k_max: SAMPLES });
    expect(x.interval!.low!).toBeLessThanOrEqual(first!);
    expect(x.interval!.high === null || x.interval!.high >= first!).toBe(true);
    expect(compareOutput.stdout).toContain(`BASE overtakes RL on pass@k at k = ${first} (95% CI `);
  });

  it('sets the noop drops side by side as the predictions give them', () => {
    const rl = rightCounts('rl.jsonl');
    const base = rightCounts('base-1.jsonl', 'base-2.jsonl');
    const noops = records.filter((r) => r.variant.kind === 'noop');
    const drops = (counts: Map<string, { n: number; c: number }>) => noops.map((r) => counts.get(r.base_id)!.c / SAMPLES - counts.get(r.id)!.c / SAMPLES);
    const drop = comparison.drops.find((d) => d.variant === 'noop')!;
    expect(drop.pairs).toBe(noops.length);
    expect(drop.models['RL']!.estimate).toBeCloseTo(mean(drops(rl)), 12);
    expect(drop.models['BASE']!.estimate).toBeCloseTo(mean(drops(base)), 12);
    expect(drop.differences[0]!.estimate).toBeCloseTo(mean(drops(base)) - mean(drops(rl)), 12);
  });

  it('counts the items only one model solves, and the spread of base’s two runs', () => {
    const rl = rightCounts('rl.jsonl');
    const base = rightCounts('base-1.jsonl', 'base-2.jsonl');
    const ids = records.map((r) => r.id);
    const coverage = comparison.coverage[0]!;
    expect(coverage.only_a.estimate).toBeCloseTo(ids.filter((id) => rl.get(id)!.c > 0 && base.get(id)!.c === 0).length, 9);
    expect(coverage.only_b.estimate).toBeCloseTo(ids.filter((id) => rl.get(id)!.c === 0 && base.get(id)!.c > 0).length, 9);
    const perRun = ['base-1.jsonl', 'base-2.jsonl'].map((file) => mean([...rightCounts(file).values()].map((e) => e.c / e.n)));
    const spread = comparison.run_spread.find((s) => s.label === 'BASE')!.by_k['1']!;
    expect(spread.per_run[0]).toBeCloseTo(perRun[0]!, 12);
    expect(spread.per_run[1]).toBeCloseTo(perRun[1]!, 12);
  });

  it('wrote the Markdown with the sentences', () => {
    const md = readFileSync(join(dir, 'c.md'), 'utf8');
    expect(md).toMatch(/^## reasonforge comparison: RL vs BASE/);
    expect(md).toMatch(/noop costs RL [\d.]+ points and costs BASE [\d.]+: RL loses [\d.]+ points more/);
  });
});
