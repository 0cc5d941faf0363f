import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareModels, type Comparison } from '../../src/compare/compare.js';
import { loadComparison, parseModelSpecs } from '../../src/compare/inputs.js';
import { renderComparisonMarkdown } from '../../src/compare/markdown.js';
import { headlineSentences } from '../../src/compare/sentences.js';
import type { Metrics } from '../../src/score/metrics.js';
import { scoreFiles } from '../../src/score/score.js';
import { fakeJudge, record } from '../score/support.js';
import { writeCompareFixture, type CompareFixture } from './fixture.js';

/**
 * compare on two scored models whose every verdict the fixture decided:
 * each figure is computed again here, from those verdicts, with exact
 * binomials and plain loops.
 */
let fixture: CompareFixture;
let comparison: Comparison;
const N = 16;

/** 1 - C(n-c, k) / C(n, k), as a product of ratios (a different route from the curve's recurrence). */
function passAt(n: number, c: number, k: number): number {
  if (n - c < k) return 1;
  let ratio = 1;
  for (let i = 0; i < k; i++) ratio *= (n - c - i) / (n - i);
  return 1 - ratio;
}
const mean = (values: number[]) => values.reduce((a, v) => a + v, 0) / values.length;

/** Pooled right counts per item of a model, from the fixture's verdicts. */
function counts(model: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const file of fixture.metrics[model]!) {
    const verdicts = fixture.right.get(file.replace('.metrics.json', '.jsonl'))!;
    for (const [id, list] of verdicts) out.set(id, (out.get(id) ?? 0) + list.filter(Boolean).length);
  }
  return out;
}

beforeAll(async () => {
  fixture = await writeCompareFixture();
  comparison = compareModels(loadComparison(parseModelSpecs([`RL=${fixture.metrics['rl']![0]}`, `BASE=${fixture.metrics['base']!.join(',')}`])), {
    bootstrap: 200,
    permutations: 500,
    seed: 3,
    confidence: 0.95,
  });
});

describe('compareModels', () => {
  it('pools the runs of a model and compares pass@k paired over items, as computed from the verdicts', () => {
    const rl = counts('rl');
    const base = counts('base');
    const ids = fixture.records.map((r) => r.id);
    expect(comparison.overall).toMatchObject({ items: ids.length, k_max: N });
    expect(comparison.overall.pass_at_k.ks).toEqual([1, 2, 4, 8, 16]);
    const pair = comparison.overall.pass_at_k.pairs[0]!;
    expect([pair.a, pair.b]).toEqual(['RL', 'BASE']);
    for (const k of [1, 2, 4, 8, 16]) {
      const a = mean(ids.map((id) => passAt(N, rl.get(id)!, k)));
      const b = mean(ids.map((id) => passAt(N, base.get(id)!, k)));
      expect(comparison.overall.pass_at_k.curves['RL']![String(k)]!.estimate).toBeCloseTo(a, 12);
      expect(comparison.overall.pass_at_k.curves['BASE']![String(k)]!.estimate).toBeCloseTo(b, 12);
      const d = pair.differences[String(k)]!;
      expect(d.estimate).toBeCloseTo(b - a, 12);
      expect(d.ci_low!).toBeLessThanOrEqual(d.estimate);
      expect(d.ci_high!).toBeGreaterThanOrEqual(d.estimate);
    }
  });

  it('finds the crossover a scan of every k finds', () => {
    const rl = counts('rl');
    const base = counts('base');
    const ids = fixture.records.map((r) => r.id);
    let first: number | null = null;
    for (let k = 1; k <= N && first === null; k++) if (mean(ids.map((id) => passAt(N, base.get(id)!, k) - passAt(N, rl.get(id)!, k))) > 1e-12) first = k;
    const x = comparison.overall.pass_at_k.pairs[0]!.crossover;
    expect(x).toMatchObject({ leader: 'a', k: first, k_max: N, searched: 'every-k' });
    expect(first).not.toBeNull();
    expect(x.interval!.low!).toBeLessThanOrEqual(first!);
    expect(headlineSentences(comparison)).toContain(
      `BASE overtakes RL on pass@k at k = ${first} (95% CI ${x.interval!.low} to ${x.interval!.high === null ? `beyond ${N}` : x.interval!.high}); RL leads below it.`,
    );
  });

  it('sets the models’ noop drops side by side, and their paired difference', () => {
    const rl = counts('rl');
    const base = counts('base');
    const noops = fixture.records.filter((r) => r.variant.kind === 'noop');
    const dropOf = (c: Map<string, number>) => noops.map((r) => (c.get(r.base_id)! - c.get(r.id)!) / N);
    const drop = comparison.drops.find((d) => d.variant === 'noop')!;
    expect(drop.pairs).toBe(noops.length);
    expect(drop.models['RL']!.estimate).toBeCloseTo(mean(dropOf(rl)), 12);
    expect(drop.models['BASE']!.estimate).toBeCloseTo(mean(dropOf(base)), 12);
    expect(drop.differences[0]!.estimate).toBeCloseTo(mean(dropOf(base)) - mean(dropOf(rl)), 12);
  });

  it('counts the items only one model ever solves, with all samples drawn', () => {
    const rl = counts('rl');
    const base = counts('base');
    const ids = fixture.records.map((r) => r.id);
    const cov = comparison.coverage[0]!;
    expect(cov.k).toBe(N);
    expect(cov.only_a.estimate).toBeCloseTo(ids.filter((id) => rl.get(id)! > 0 && base.get(id) === 0).length, 9);
    expect(cov.only_b.estimate).toBeCloseTo(ids.filter((id) => rl.get(id) === 0 && base.get(id)! > 0).length, 9);
    expect(cov.both.estimate + cov.neither.estimate + cov.only_a.estimate + cov.only_b.estimate).toBeCloseTo(ids.length, 9);
  });

  it('reports the run-to-run spread of the model given as two runs', () => {
    expect(comparison.run_spread.map((s) => s.label)).toEqual(['BASE']);
    const perRun = fixture.metrics['base']!.map((file) => {
      const verdicts = fixture.right.get(file.replace('.metrics.json', '.jsonl'))!;
      return mean([...verdicts.values()].map((list) => list.filter(Boolean).length / list.length));
    });
    const spread = comparison.run_spread[0]!.by_k['1']!;
    expect(spread.per_run.map((v) => Number(v.toFixed(12)))).toEqual(perRun.map((v) => Number(v.toFixed(12))));
    expect(spread.sd).toBeCloseTo(Math.abs(perRun[0]! - perRun[1]!) / Math.SQRT2, 12);
    // pass@8 is the most one run of 8 samples supports.
    expect(Object.keys(comparison.run_spread[0]!.by_k)).toEqual(['1', '2', '4', '8']);
    expect(comparison.notes.join(' ')).toMatch(/RL is one run/);
  });

  it('compares maj@k on the k both runs scored, and CoT-pass@k like pass@k', () => {
    expect(comparison.overall.maj_at_k!.ks).toEqual([1, 2, 4, 8]);
    expect(comparison.overall.cot_pass_at_k.curves['RL']!['4']!.estimate).toBeCloseTo(comparison.overall.pass_at_k.curves['RL']!['4']!.estimate, 12);
    expect(Object.keys(comparison.by_variant)).toEqual(['base', 'noop']);
  });

  it('writes Markdown with the sentences and every table', () => {
    const md = renderComparisonMarkdown(comparison);
    for (const title of [
      '### Models',
      '### pass@k',
      '### CoT-pass@k',
      '### maj@k',
      '### Crossovers',
      '### Drops against base, side by side',
      '### Coverage',
      '### Run-to-run spread',
    ])
      expect(md).toContain(title);
    for (const line of headlineSentences(comparison)) expect(md).toContain(`- ${line}`);
  });

  it('is the same for the same seed', () => {
    const again = compareModels(loadComparison(parseModelSpecs([`RL=${fixture.metrics['rl']![0]}`, `BASE=${fixture.metrics['base']!.join(',')}`])), {
      bootstrap: 200,
      permutations: 500,
      seed: 3,
      confidence: 0.95,
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(comparison));
  });
});

describe('loadComparison', () => {
  it('refuses runs scored on different datasets', async () => {
    const other = join(fixture.dir, 'other.jsonl');
    writeFileSync(other, `${JSON.stringify(record('bus-seats', 0, 'base', '10'))}\n`);
    const metrics = await scoreFiles(other, [join(fixture.dir, 'rl-0.jsonl')], { judge: fakeJudge, bootstrap: 0 });
    const file = join(fixture.dir, 'other.metrics.json');
    writeFileSync(file, JSON.stringify(metrics));
    expect(() => loadComparison(parseModelSpecs([`A=${fixture.metrics['rl']![0]}`, `B=${file}`]))).toThrow(
      /other\.metrics\.json: was scored on .*other\.jsonl \(sha256 [0-9a-f]{12}\), and .* on .*dataset\.jsonl .*; models compare only on the same dataset/,
    );
  });

  it('leaves out items a model has no samples for, from every figure, and says how many', async () => {
    const metrics = JSON.parse(readFileSync(fixture.metrics['base']![0]!, 'utf8')) as Metrics;
    const gone = new Set(metrics.items.slice(0, 5).map((i) => i.id));
    const partial = {
      ...metrics,
      inputs: { ...metrics.inputs, predictions: [{ ...metrics.inputs.predictions[0]!, sha256: 'e'.repeat(64) }] },
      items: metrics.items.map((i) => (gone.has(i.id) ? { ...i, n: 0, c: 0, c_cot: 0, maj: i.maj!.map(() => null) } : i)),
    };
    const file = join(fixture.dir, 'partial.metrics.json');
    writeFileSync(file, JSON.stringify(partial));
    const c = compareModels(loadComparison(parseModelSpecs([`RL=${fixture.metrics['rl']![0]}`, `BASE=${file}`])), {
      bootstrap: 0,
      permutations: 100,
      seed: 0,
      confidence: 0.95,
    });
    expect(c.items).toEqual({ dataset: fixture.records.length, compared: fixture.records.length - 5, left_out: 5 });
    expect(c.overall.items).toBe(fixture.records.length - 5);
    expect(c.notes[0]).toBe(`5 of ${fixture.records.length} dataset items are left out of every figure (5 without samples in BASE).`);
    expect(c.overall.pass_at_k.pairs[0]!.crossover.interval).toBeNull();
  });

  it('refuses the same run twice, and malformed model arguments', () => {
    const rl = fixture.metrics['rl']![0]!;
    expect(() => loadComparison(parseModelSpecs([`A=${rl}`, `B=${rl}`]))).toThrow(/scores the same predictions as/);
    expect(() => parseModelSpecs(['metrics.json'])).toThrow(/is not LABEL=metrics\.json/);
    expect(() => parseModelSpecs(['=x.json'])).toThrow(/is not LABEL=metrics\.json/);
    expect(parseModelSpecs(['A=a.json', 'B=b.json', 'A=c.json,d.json'])).toEqual([
      { label: 'A', files: ['a.json', 'c.json', 'd.json'] },
      { label: 'B', files: ['b.json'] },
    ]);
  });
});
