import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProblemRecord } from '../../src/records/problem.js';
import { schemaValidator } from '../../src/schemas.js';
import type { Metrics } from '../../src/score/metrics.js';
import { cli } from '../support/cli.js';
import { completionFor, type Completion, type Outcome } from './completions.js';
import { lcg } from './support.js';

/**
 * `reasonforge score` and `reasonforge report` as a user runs them: the built
 * binary, a generated dataset, completions with known verdicts, judged by the
 * real verifier.
 */
const dir = mkdtempSync(join(tmpdir(), 'rf-score-cli-'));
const dataset = join(dir, 'dataset.jsonl');
const N = 4;
let records: ProblemRecord[];
const expected = new Map<string, Completion[]>();

function outcomeFor(variant: string, draw: number): Outcome {
  const skill = variant === 'base' ? 0.8 : variant === 'noop' ? 0.5 : 0.6;
  if (draw < skill * 0.85) return 'right';
  if (draw < skill) return 'right-bad-step';
  return draw < 0.95 ? 'wrong' : 'no-answer';
}

beforeAll(() => {
  const generated = cli(['generate', '--seed', '3', '--sets', '2', '--variants', 'base,noop,p1', '--out', dataset]);
  expect(generated.status, generated.stderr).toBe(0);
  records = readFileSync(dataset, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as ProblemRecord);
  const random = lcg(17);
  for (const record of records) {
    expected.set(
      record.id,
      Array.from({ length: N }, () => completionFor(record, outcomeFor(record.variant.kind, random()), random)),
    );
  }
});

function predictions(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Written by the first score test, read by the report tests. */
const metricsFile = join(dir, 'metrics.json');
const ourLines = () => [...expected].flatMap(([id, list]) => list.map((c) => JSON.stringify({ id, output: c.text })));

describe('reasonforge score', () => {
  it('scores with the real verifier: every item’s c and c_cot are what the completions were built to be', () => {
    const out = metricsFile;
    const result = cli(['score', '--dataset', dataset, '--predictions', predictions('p.jsonl', ourLines()), '--out', out, '--bootstrap', '200', '--seed', '5']);
    expect(result.status, result.stderr).toBe(0);
    const metrics = JSON.parse(readFileSync(out, 'utf8')) as Metrics;
    expect(schemaValidator('metrics')(metrics)).toBe(true);
    for (const item of metrics.items) {
      const built = expected.get(item.id)!;
      expect({ id: item.id, c: item.c, c_cot: item.c_cot, no_answer: item.no_answer }).toEqual({
        id: item.id,
        c: built.filter((b) => b.correct).length,
        c_cot: built.filter((b) => b.correct && b.validSteps).length,
        no_answer: built.filter((b) => b.outcome === 'no-answer').length,
      });
    }
    // The table and the drop lines on stdout; the summary on stderr.
    expect(result.stdout).toMatch(/^Variant +Items +Samples +pass@1 \[95% CI\] +pass@4 +maj@4/);
    const perVariant = records.length / 3;
    for (const variant of ['base', 'noop', 'p1']) {
      expect(result.stdout).toMatch(new RegExp(`^${variant} +${perVariant.toLocaleString('en-US')} +${(perVariant * N).toLocaleString('en-US')} `, 'm'));
    }
    expect(result.stdout).toMatch(
      new RegExp(
        `^noop (costs|gains) \\d+\\.\\d points \\(95% CI -?\\d+\\.\\d to -?\\d+\\.\\d, p [=<] [\\d.]+; ${perVariant.toLocaleString('en-US')} pairs`,
        'm',
      ),
    );
    expect(result.stderr).toMatch(
      new RegExp(`${(records.length * N).toLocaleString('en-US')} samples of ${records.length.toLocaleString('en-US')} items in [\\d.]+ s; wrote ${out}`),
    );
  });

  it('reports unreadable lines by file and line, and scores the rest', () => {
    const lines = ourLines();
    lines.splice(2, 0, '{"id": 7, "output": "x"}');
    const file = predictions('messy.jsonl', lines);
    const result = cli(['score', '--dataset', dataset, '--predictions', file, '--out', join(dir, 'messy.json'), '--bootstrap', '0', '--quiet']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`note: 1 prediction line could not be read (coverage.malformed). The first: ${file}:3: "id" must be a non-empty string.`);
  });

  it('reads lm-evaluation-harness --log_samples files and several --predictions files', () => {
    const harness = records.map((record, docId) =>
      JSON.stringify({
        doc_id: docId,
        doc: record,
        target: record.answer,
        arguments: [['q', {}]],
        resps: [expected.get(record.id)!.map((c) => c.text)],
        filtered_resps: ['x'],
        filter: 'strict-match',
        metrics: ['exact_match'],
        exact_match: 0,
      }),
    );
    const half = Math.floor(harness.length / 2);
    const a = predictions('samples_rf_base_2025.jsonl', harness.slice(0, half));
    const b = predictions('samples_rf_rest_2025.jsonl', harness.slice(half));
    const out = join(dir, 'harness.json');
    const result = cli(['score', '--dataset', dataset, '--predictions', a, '--predictions', b, '--out', out, '--bootstrap', '50', '--quiet']);
    expect(result.status, result.stderr).toBe(0);
    const metrics = JSON.parse(readFileSync(out, 'utf8')) as Metrics;
    expect(metrics.inputs.predictions.map((p) => p.formats['lm-eval'])).toEqual([half, harness.length - half]);
    expect(metrics.coverage.scored_items).toBe(records.length);
    expect(metrics.items.map((i) => i.c)).toEqual(records.map((r) => expected.get(r.id)!.filter((c) => c.correct).length));
  });

  it('refuses bad usage with exit 2, and an existing --out or a broken dataset with exit 1', () => {
    const p = predictions('ok.jsonl', ourLines());
    expect(cli(['score', '--predictions', p, '--out', join(dir, 'x.json')])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--dataset is required'),
    });
    expect(cli(['score', '--dataset', dataset, '--predictions', p, '--out', join(dir, 'x.json'), '--k', '1,0'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--k values must be integers >= 1'),
    });
    const taken = join(dir, 'taken.json');
    writeFileSync(taken, '{}');
    expect(cli(['score', '--dataset', dataset, '--predictions', p, '--out', taken])).toMatchObject({
      status: 1,
      stderr: expect.stringContaining(`${taken}: already exists`),
    });
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, `${readFileSync(dataset, 'utf8').split('\n')[0]}\n{"id": "x"}\n`);
    expect(cli(['score', '--dataset', broken, '--predictions', p, '--out', join(dir, 'y.json')])).toMatchObject({
      status: 1,
      stderr: expect.stringContaining(`${broken}:2: not a reasonforge record`),
    });
  });

  it('fails when no prediction matches the dataset', () => {
    const p = predictions('foreign.jsonl', ['{"id": "other:test:1:0:base", "output": "#### 1"}']);
    const result = cli(['score', '--dataset', dataset, '--predictions', p, '--out', join(dir, 'foreign.json'), '--quiet']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no prediction matched any dataset item');
  });
});

describe('reasonforge report', () => {
  it('writes the HTML report and the Markdown summary from metrics.json', () => {
    const html = join(dir, 'report.html');
    const md = join(dir, 'report.md');
    const result = cli(['report', metricsFile, '--html', html, '--md', md]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe(`reasonforge report: wrote ${html} and ${md}\n`);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/);
    expect(readFileSync(html, 'utf8').match(/<figure class="chart[ "]/g)).toHaveLength(4);
    expect(readFileSync(md, 'utf8')).toMatch(/^## reasonforge results/);
    expect(cli(['report', metricsFile, '--md', md])).toMatchObject({ status: 1, stderr: expect.stringContaining(`${md}: already exists`) });
  });

  it('refuses bad usage with exit 2 and a file that is not metrics with exit 1', () => {
    expect(cli(['report', dataset])).toMatchObject({ status: 2, stderr: expect.stringContaining('give --html FILE, --md FILE or both') });
    const bad = join(dir, 'bad-metrics.json');
    writeFileSync(bad, JSON.stringify({ format: 'reasonforge-metrics' }));
    const result = cli(['report', bad, '--html', join(dir, 'b.html')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${bad}#/: not reasonforge metrics`);
    expect(existsSync(join(dir, 'b.html'))).toBe(false);
  });
});
