import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Metrics } from '../../src/score/metrics.js';
import { cli } from '../support/cli.js';
import { writeCompareFixture, type CompareFixture } from './fixture.js';

/** reasonforge compare's refusals and outputs, through the built binary. */
let fixture: CompareFixture;
beforeAll(async () => {
  fixture = await writeCompareFixture({ sets: 3, samples: 8, runs: { rl: 1, base: 1 } });
});

describe('reasonforge compare (built binary)', () => {
  it('prints the sentences and the pass@k table, writes JSON and Markdown, and will not overwrite them', () => {
    const json = join(fixture.dir, 'c.json');
    const md = join(fixture.dir, 'c.md');
    const args = [
      'compare',
      `RL=${fixture.metrics['rl']![0]}`,
      `BASE=${fixture.metrics['base']![0]}`,
      '--json',
      json,
      '--md',
      md,
      '--bootstrap',
      '50',
      '--k',
      '1,4,64',
    ];
    const result = cli(args);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^At pass@1, BASE scores [\d.]+% and RL [\d.]+%: BASE − RL = /);
    expect(result.stdout).toMatch(/\nk +RL \[95% CI\] +BASE \[95% CI\] +BASE − RL, points +p\n/);
    expect(result.stderr).toMatch(/note: k = 64 is left out: the fewest samples of any compared item in any model is 8/);
    const comparison = JSON.parse(readFileSync(json, 'utf8')) as { format: string; overall: { pass_at_k: { ks: number[] } } };
    expect(comparison.format).toBe('reasonforge-comparison');
    expect(comparison.overall.pass_at_k.ks).toEqual([1, 4]);
    expect(readFileSync(md, 'utf8')).toMatch(/^## reasonforge comparison: RL vs BASE/);
    const again = cli(args);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/c\.json: already exists; pass --force/);
  });

  it('refuses runs scored on different datasets, naming both', () => {
    const changed = JSON.parse(readFileSync(fixture.metrics['base']![0]!, 'utf8')) as Metrics;
    const file = join(fixture.dir, 'changed.json');
    writeFileSync(
      file,
      JSON.stringify({ ...changed, inputs: { ...changed.inputs, dataset: { ...changed.inputs.dataset, file: 'other.jsonl', sha256: 'f'.repeat(64) } } }),
    );
    const result = cli(['compare', `RL=${fixture.metrics['rl']![0]}`, `BASE=${file}`, '--json', join(fixture.dir, 'never.json')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/changed\.json: was scored on other\.jsonl \(sha256 ffffffffffff\), and .*rl-0\.metrics\.json on .*dataset\.jsonl/);
    expect(existsSync(join(fixture.dir, 'never.json'))).toBe(false);
  });

  it('calls one model, a bare file or an unknown baseline a usage error', () => {
    expect(cli(['compare', `RL=${fixture.metrics['rl']![0]}`]).status).toBe(2);
    const bare = cli(['compare', fixture.metrics['rl']![0]!, `BASE=${fixture.metrics['base']![0]}`]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/is not LABEL=metrics\.json/);
    const baseline = cli(['compare', `RL=${fixture.metrics['rl']![0]}`, `BASE=${fixture.metrics['base']![0]}`, '--baseline', 'GPT']);
    expect(baseline.status).toBe(2);
    expect(baseline.stderr).toMatch(/--baseline GPT is not one of the models \(RL, BASE\)/);
  });
});
