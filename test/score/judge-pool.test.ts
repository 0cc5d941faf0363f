import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProblemRecord } from '../../src/records/problem.js';
import { datasetOf } from '../../src/score/dataset.js';
import { checkJobs, judgeInWorkers } from '../../src/score/judge-pool.js';
import type { Metrics } from '../../src/score/metrics.js';
import { verifierJudge } from '../../src/score/verifier-judge.js';
import { cli, tempDir } from '../support/cli.js';
import { reasonforgeErrorOf } from '../support/errors.js';
import { completionFor, type Outcome } from './completions.js';
import { fakeJudge, lcg, record } from './support.js';

/**
 * `score --jobs N` judges batches of lines in worker threads and takes their
 * verdicts in file order: metrics.json must be the same bytes for every N.
 * The inputs are big enough for several batches (a batch is a megabyte of
 * lines) and hold every kind of line the reader treats apart.
 */
const dir = tempDir('score-jobs');
const dataset = join(dir, 'dataset.jsonl');
const plain = join(dir, 'plain.jsonl');
const harness = join(dir, 'harness.jsonl');

beforeAll(() => {
  const generated = cli(['generate', '--seed', '8', '--sets', '5', '--out', dataset]);
  expect(generated.status, generated.stderr).toBe(0);
  const records = readFileSync(dataset, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as ProblemRecord);
  const random = lcg(99);
  const outcomes: Outcome[] = ['right', 'right', 'right-bad-step', 'wrong', 'no-answer'];
  const text = (r: ProblemRecord) => completionFor(r, outcomes[Math.floor(random() * outcomes.length)]!, random).text;
  const lines: string[] = [];
  for (let s = 0; s < 3; s++) {
    for (const r of records) {
      const draw = random();
      if (draw < 0.01) lines.push('{"id": "broken');
      else if (draw < 0.02) lines.push(JSON.stringify({ id: `${r.id}-unknown`, output: 'x' }));
      else if (draw < 0.2) lines.push(JSON.stringify({ id: r.id, outputs: [text(r), text(r)] }));
      else lines.push(JSON.stringify({ id: r.id, output: text(r) }));
    }
  }
  // Word-for-word repeats of earlier samples, some in other batches.
  for (let d = 0; d < 300; d++) lines.push(lines[Math.floor(random() * lines.length)]!);
  writeFileSync(plain, `${lines.join('\n')}\n`);
  // lm-eval lines under two filters, the second filter's lines to be skipped.
  const logged = records.flatMap((r, docId) =>
    ['strict-match', 'flexible-extract'].map((filter) => JSON.stringify({ doc_id: docId, doc: r, resps: [[text(r)]], filtered_resps: ['x'], filter })),
  );
  writeFileSync(harness, `${logged.join('\n')}\n`);
  expect(statSync(plain).size + statSync(harness).size).toBeGreaterThan(4 << 20);
});

function score(jobs: number): { metrics: string; stderr: string } {
  const out = join(dir, 'metrics.json');
  const result = cli(['score', '--dataset', dataset, '--predictions', plain, '--predictions', harness, '--out', out, '--force', '--bootstrap', '50', '--permutations', '200', '--quiet', '--jobs', String(jobs)]);
  expect(result.status, result.stderr).toBe(0);
  return { metrics: readFileSync(out, 'utf8'), stderr: result.stderr.replace(/in [\d.]+ s/, 'in S s') };
}

describe('score --jobs', () => {
  it('writes the same metrics.json, byte for byte, with 1, 2 and 3 worker threads', () => {
    const one = score(1);
    const metrics = JSON.parse(one.metrics) as Metrics;
    // Every path of the reader is taken: otherwise the comparison would prove less than it seems.
    expect(metrics.coverage.malformed.count).toBeGreaterThan(0);
    expect(metrics.coverage.unknown.lines).toBeGreaterThan(0);
    expect(metrics.coverage.duplicates.count).toBeGreaterThan(0);
    expect(metrics.coverage.lm_eval).toEqual({ filter: 'strict-match', skipped_lines: metrics.inputs.dataset.items });
    expect(metrics.inputs.predictions[0]!.formats.outputs).toBeGreaterThan(0);
    for (const jobs of [2, 3]) {
      const many = score(jobs);
      expect(many.metrics).toBe(one.metrics);
      expect(many.stderr).toBe(one.stderr);
    }
  });

  it('refuses a judge that worker threads cannot rebuild, rather than judging in one thread unasked', () => {
    const data = datasetOf([record('t', 0, 'base', '1')]);
    const error = reasonforgeErrorOf(() => judgeInWorkers(2, data, fakeJudge));
    expect(error.kind).toBe('config-invalid');
    expect(error.message).toMatch(/needs a judge they can rebuild/);
    expect(() => checkJobs(1, fakeJudge)).not.toThrow();
    expect(reasonforgeErrorOf(() => checkJobs(0, verifierJudge())).message).toMatch(/at least 1, got 0/);
    expect(verifierJudge({ strict: true }).recipe).toMatchObject({ factory: 'verifierJudge', options: { strict: true } });
  });
});
