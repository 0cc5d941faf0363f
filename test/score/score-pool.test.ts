import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProblemRecord } from '../../src/records/problem.js';
import { PARALLEL_MIN_BYTES } from '../../src/score/score.js';
import { checkJobs, ScorePool } from '../../src/score/score-pool.js';
import type { Metrics } from '../../src/score/metrics.js';
import { verifierJudge } from '../../src/score/verifier-judge.js';
import { cli, tempDir } from '../support/cli.js';
import { reasonforgeErrorOf } from '../support/errors.js';
import { completionFor, type Outcome } from './completions.js';
import { fakeJudge, lcg } from './support.js';

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
  // Every variant: their pair figures are computed in the workers too.
  const generated = cli(['generate', '--seed', '8', '--sets', '1', '--variants', 'all', '--out', dataset]);
  expect(generated.status, generated.stderr).toBe(0);
  const records = readFileSync(dataset, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as ProblemRecord);
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
  // Enough input for worker threads: less is scored in one thread.
  expect(statSync(dataset).size + statSync(plain).size + statSync(harness).size).toBeGreaterThan(PARALLEL_MIN_BYTES);
});

function score(jobs: number): { metrics: string; stderr: string; threads: string } {
  const out = join(dir, 'metrics.json');
  const result = cli([
    'score',
    '--dataset',
    dataset,
    '--predictions',
    plain,
    '--predictions',
    harness,
    '--out',
    out,
    '--force',
    '--bootstrap',
    '50',
    '--permutations',
    '200',
    '--quiet',
    '--jobs',
    String(jobs),
  ]);
  expect(result.status, result.stderr).toBe(0);
  const threads = /in [\d.]+ s( with \d worker threads)?;/.exec(result.stderr)?.[1] ?? '';
  return { metrics: readFileSync(out, 'utf8'), stderr: result.stderr.replace(/in [\d.]+ s( with \d worker threads)?/, 'in S s'), threads };
}

describe('score --jobs', () => {
  it('writes the same metrics.json, byte for byte, with 1, 2 and 3 worker threads', () => {
    const one = score(1);
    expect(one.threads).toBe('');
    const metrics = JSON.parse(one.metrics) as Metrics;
    // Every path of the reader is taken: otherwise the comparison would prove less than it seems.
    expect(metrics.coverage.malformed.count).toBeGreaterThan(0);
    expect(metrics.coverage.unknown.lines).toBeGreaterThan(0);
    expect(metrics.coverage.duplicates.count).toBeGreaterThan(0);
    expect(metrics.coverage.lm_eval).toEqual({ filter: 'strict-match', skipped_lines: metrics.inputs.dataset.items });
    expect(metrics.inputs.predictions[0]!.formats.outputs).toBeGreaterThan(0);
    // The topics come from the built-in library, loaded while the workers start.
    expect(Object.keys(metrics.by_topic).length).toBeGreaterThan(1);
    expect(metrics.by_topic).not.toHaveProperty('(unknown)');
    for (const jobs of [2, 3]) {
      const many = score(jobs);
      expect(many.threads).toBe(` with ${jobs} worker threads`);
      expect(many.metrics).toBe(one.metrics);
      expect(many.stderr).toBe(one.stderr);
    }
  });

  it('reads the dataset from standard input, in batches cut from the stream, the same for 1 and 2 threads', () => {
    const run = (jobs: number) => {
      const out = join(dir, `stdin-${jobs}.json`);
      const result = cli(
        [
          'score',
          '--dataset',
          '-',
          '--predictions',
          plain,
          '--out',
          out,
          '--force',
          '--bootstrap',
          '20',
          '--permutations',
          '50',
          '--quiet',
          '--jobs',
          String(jobs),
        ],
        { input: readFileSync(dataset, 'utf8') },
      );
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(out, 'utf8');
    };
    const one = run(1);
    expect((JSON.parse(one) as Metrics).inputs.dataset).toMatchObject({ file: '-', sha256: null });
    expect(run(2)).toBe(one);
  });

  it('stops on the first bad dataset line with the same one-line error for every job count', () => {
    const lines = readFileSync(dataset, 'utf8').trimEnd().split('\n');
    const broken = (name: string, edit: (copy: string[]) => void) => {
      const copy = [...lines];
      edit(copy);
      const file = join(dir, name);
      writeFileSync(file, `${copy.join('\n')}\n`);
      return file;
    };
    const cases: [string, RegExp][] = [
      // A repeated id just before a line that is not a record, in the same batch: the repeat comes first.
      [
        broken('repeat.jsonl', (copy) => {
          copy[1199] = copy[10]!;
          copy[1200] = '{"id": 1}';
        }),
        /repeat\.jsonl:1200: duplicate id \S+ \(first on line 11\)/,
      ],
      [
        broken('not-a-record.jsonl', (copy) => {
          copy[1150] = '{"id": "x", "question": 3}';
        }),
        /not-a-record\.jsonl:1151: not a reasonforge record/,
      ],
    ];
    for (const [file, message] of cases) {
      const run = (jobs: number) =>
        cli(['score', '--dataset', file, '--predictions', plain, '--out', join(dir, 'never.json'), '--quiet', '--jobs', String(jobs)]);
      const one = run(1);
      expect(one.status).toBe(1);
      expect(one.stderr).toMatch(message);
      expect(one.stderr.trimEnd().split('\n')).toHaveLength(1);
      for (const jobs of [2, 3]) expect(run(jobs)).toEqual(one);
    }
  });

  it('scores a small input in one thread whatever --jobs says', () => {
    const small = join(dir, 'small.jsonl');
    const smallDataset = join(dir, 'small-dataset.jsonl');
    writeFileSync(small, `${readFileSync(plain, 'utf8').split('\n').slice(0, 50).join('\n')}\n`);
    writeFileSync(smallDataset, `${readFileSync(dataset, 'utf8').split('\n').slice(0, 200).join('\n')}\n`);
    const result = cli([
      'score',
      '--dataset',
      smallDataset,
      '--predictions',
      small,
      '--out',
      join(dir, 'small.json'),
      '--bootstrap',
      '0',
      '--quiet',
      '--jobs',
      '2',
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/items in [\d.]+ s; wrote/);
  });

  it('refuses a judge that worker threads cannot rebuild, rather than judging in one thread unasked', () => {
    const error = reasonforgeErrorOf(() => new ScorePool(2, fakeJudge));
    expect(error.kind).toBe('config-invalid');
    expect(error.message).toMatch(/needs a judge they can rebuild/);
    expect(() => checkJobs(1, fakeJudge)).not.toThrow();
    expect(reasonforgeErrorOf(() => checkJobs(0, verifierJudge())).message).toMatch(/at least 1, got 0/);
    expect(verifierJudge({ strict: true }).recipe).toMatchObject({ factory: 'verifierJudge', options: { strict: true } });
  });
});
