import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../support/main.js';
import { mistakesWorkspace, oneLine, writeLines } from '../support/mistakes.js';

/**
 * What careless users do with data, command by command (validate, audit,
 * verify, score, report, export): the one-line message, the exit code, and
 * nothing written or left behind when the command fails. In process, as in
 * mistakes.test.ts.
 */
let dir = '';
let dataset = '';
let records: { id: string; answer: string; variant: { kind: string } }[] = [];

beforeAll(async () => {
  ({ dir, dataset, records } = await mistakesWorkspace('mistakes'));
});

const write = (name: string, lines: readonly string[]) => writeLines(dir, name, lines);

describe('validate', () => {
  it('an empty file is an error, not "0 records, no defects"', async () => {
    const result = await runMain(['validate', write('empty.jsonl', [])]);
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toMatch(/empty\.jsonl: holds no records$/);
  });

  it('checks the manifest beside the file: a removed record is found', async () => {
    const copy = join(dir, 'short.jsonl');
    const lines = readFileSync(dataset, 'utf8').trimEnd().split('\n');
    writeFileSync(copy, `${lines.slice(1).join('\n')}\n`);
    writeFileSync(`${copy}.manifest.json`, readFileSync(`${dataset}.manifest.json`));
    const result = await runMain(['validate', copy]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${copy}.manifest.json: says ${lines.length} records; the file has ${lines.length - 1}`);
    expect(result.stdout).toMatch(/manifest\.json: says the data file's sha256 is [0-9a-f]{64}; it is [0-9a-f]{64}/);
    expect(result.stderr).toMatch(/no defects; \d+ disagreement\(s\) with its manifest/);
    const intact = await runMain(['validate', dataset]);
    expect(intact.status).toBe(0);
    expect(intact.stderr).toContain('no defects; agrees with its manifest');
  });
});

describe('audit', () => {
  it('on one of our own files, says to use validate', async () => {
    const result = await runMain(['audit', dataset]);
    expect(result.status).toBe(2);
    expect(oneLine(result.stderr)).toContain(
      `holds reasonforge records (id, template, variant, ...), not GSM8K-format lines; check it with: reasonforge validate ${dataset}`,
    );
  });
});

describe('verify', () => {
  it('caps per-line errors and summarises the rest by reason', async () => {
    const lines = Array.from({ length: 25 }, (_, i) => JSON.stringify({ id: `x${i}`, output: 'The answer is 4.' }));
    const result = await runMain(['verify', '--jsonl', write('no-expected.jsonl', lines)]);
    expect(result.status).toBe(1);
    const errors = result.stderr.trimEnd().split('\n');
    expect(errors).toHaveLength(12);
    expect(errors[10]).toMatch(/15 more line\(s\) skipped, not shown; all 25: 25 × "expected" must be a string/);
    expect(errors[11]).toBe('reasonforge verify: 0 lines verified, 0 correct, 25 skipped');
  });

  it('--dataset joins outputs to the items by id', async () => {
    const [first, second] = records;
    const lines = [
      JSON.stringify({ id: first!.id, output: `So it is ${first!.answer}.` }),
      JSON.stringify({ id: second!.id, output: 'It is 1e9.' }),
      JSON.stringify({ id: 'nope', output: '1' }),
    ];
    const result = await runMain(['verify', '--jsonl', write('joined.jsonl', lines), '--dataset', dataset]);
    expect(result.status).toBe(1);
    const out = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; expected: string; correct: boolean });
    expect(out.map((o) => [o.id, o.expected, o.correct])).toEqual([
      [first!.id, first!.answer, true],
      [second!.id, second!.answer, false],
    ]);
    expect(result.stderr).toContain(':3: id "nope" is not in the dataset; line skipped');
  });

  it('says it is reading standard input when that is a terminal', async () => {
    const result = await runMain(['verify', '--expected', '4'], { stdin: 'It is 4.', stdinIsTTY: true });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/reading the model output from standard input; end it with Ctrl-D/);
    expect((await runMain(['verify', '--expected', '4'], { stdin: 'It is 4.' })).stderr).toBe('');
  });
});

describe('score', () => {
  // Set once the workspace exists: at collection time dir is still '', which put metrics.json in the repository.
  let out = '';
  beforeAll(() => {
    out = join(dir, 'metrics.json');
  });
  const right = () => records.map((r) => JSON.stringify({ id: r.id, output: `#### ${r.answer}` }));
  const scoreArgs = (predictions: string[], ...more: string[]) => [
    'score',
    '--dataset',
    dataset,
    ...predictions.flatMap((p) => ['--predictions', p]),
    '--out',
    out,
    '--bootstrap',
    '20',
    '--quiet',
    ...more,
  ];

  it('writes nothing when nothing could be scored (empty or garbage predictions), so a retry needs no --force', async () => {
    for (const lines of [[], ['garbage', '{"id": 1}']]) {
      const result = await runMain(scoreArgs([write('bad-predictions.jsonl', lines)]));
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/no prediction matched any dataset item; is this the right dataset\? Nothing written/);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('--strict makes malformed lines, unknown ids and missing items an error and writes nothing; without it they are notes', async () => {
    const messy = write('messy.jsonl', [...right().slice(1), 'not json', JSON.stringify({ id: 'nope', output: '1' })]);
    const strict = await runMain(scoreArgs([messy], '--strict'));
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain(
      '--strict: 1 malformed prediction line(s); 1 prediction line(s) with ids not in the dataset; 1 dataset item(s) without a prediction; nothing written',
    );
    expect(existsSync(out)).toBe(false);
    const lenient = await runMain(scoreArgs([messy]));
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toMatch(/note: 1 dataset item of \d+ had no prediction/);
    expect(existsSync(out)).toBe(true);
  });

  it('names the same predictions given twice, by path and by content', async () => {
    const file = write('twice.jsonl', right());
    const copy = write('twice-copy.jsonl', right());
    const samePath = await runMain(scoreArgs([file, file], '--force'));
    expect(samePath.status).toBe(2);
    expect(oneLine(samePath.stderr)).toContain(`the predictions file ${file} is given twice`);
    const sameContent = await runMain(scoreArgs([file, copy], '--force'));
    expect(sameContent.status).toBe(2);
    expect(oneLine(sameContent.stderr)).toMatch(/the predictions files .*twice\.jsonl and .*twice-copy\.jsonl have the same content/);
  });

  it('names the sample, not only the line, of a duplicate within one line', async () => {
    const [first] = records;
    const file = write('dup.jsonl', [...right(), JSON.stringify({ id: first!.id, outputs: ['#### 1', '#### 1'] })]);
    const result = await runMain(scoreArgs([file], '--force'));
    expect(result.status, result.stderr).toBe(0);
    const metrics = JSON.parse(readFileSync(out, 'utf8')) as { coverage: { duplicates: { entries: unknown[] } } };
    expect(metrics.coverage.duplicates.entries).toEqual([
      { id: first!.id, file, line: records.length + 1, sample: 1, first_file: file, first_line: records.length + 1, first_sample: 0 },
    ]);
  });

  it('--lm-eval-filter for a filter that never occurs lists the filters that do', async () => {
    const lines = records.flatMap((r) =>
      ['strict-match', 'flexible-extract'].map((filter) => JSON.stringify({ doc: r, resps: [[`#### ${r.answer}`]], filter })),
    );
    const result = await runMain(scoreArgs([write('harness.jsonl', lines)], '--force', '--lm-eval-filter', 'strict'));
    expect(result.status).toBe(2);
    expect(oneLine(result.stderr)).toContain('no lm-evaluation-harness line is for the filter "strict"; the files hold "strict-match", "flexible-extract"');
  });

  it('reports each k where a variant defines it: one short item does not take k=2 from every variant', async () => {
    const short = records.find((r) => r.variant.kind === 'noop')!;
    const lines = records.flatMap((r) => (r === short ? [1] : [1, 2]).map((n) => JSON.stringify({ id: r.id, output: `#### ${r.answer} (${n})` })));
    const result = await runMain(['score', '--dataset', dataset, '--predictions', write('uneven.jsonl', lines), '--out', out, '--force', '--bootstrap', '20']);
    expect(result.status, result.stderr).toBe(0);
    const metrics = JSON.parse(readFileSync(out, 'utf8')) as {
      by_variant: Record<string, { pass_at_k: Record<string, unknown>; omitted_k: { k: number; short_items: string[] }[] }>;
    };
    expect(Object.keys(metrics.by_variant['base']!.pass_at_k)).toEqual(['1', '2']);
    expect(Object.keys(metrics.by_variant['noop']!.pass_at_k)).toEqual(['1']);
    expect(metrics.by_variant['noop']!.omitted_k).toMatchObject([{ k: 2, short_items: [short.id] }]);
    expect(result.stdout).toMatch(/pass@2/);
    expect(result.stderr).toContain(`k=2 is omitted for variant noop: 1 of`);
    expect(result.stderr).toContain(short.id);
  });

  it('report with --bootstrap 0 says there are no intervals, and draws none', async () => {
    const metrics = join(dir, 'no-ci.json');
    const scored = await runMain(['score', '--dataset', dataset, '--predictions', write('ci.jsonl', right()), '--out', metrics, '--bootstrap', '0']);
    expect(scored.status, scored.stderr).toBe(0);
    expect(scored.stdout).not.toContain('CI');
    const md = join(dir, 'no-ci.md');
    const reported = await runMain(['report', metrics, '--md', md]);
    expect(reported.status, reported.stderr).toBe(0);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain('no confidence intervals (--bootstrap 0)');
    expect(text).not.toMatch(/95%|CI\]|bootstrap over items/);
  });
});

describe('export', () => {
  it('--force replaces the folder: nothing of the previous export survives', async () => {
    const out = join(dir, 'exported');
    mkdirSync(out);
    writeFileSync(join(out, 'stale_task.yaml'), 'task: stale\n');
    const refused = await runMain(['export', '--format', 'lm-eval', '--dataset', dataset, '--out', out]);
    expect(refused.status).toBe(1);
    const forced = await runMain(['export', '--format', 'lm-eval', '--dataset', dataset, '--out', out, '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(existsSync(join(out, 'stale_task.yaml'))).toBe(false);
    expect(readdirSync(out)).toContain('README.txt');
    expect(readdirSync(dir).filter((name) => name.startsWith('.exported'))).toEqual([]);
  });
});
