import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importGsmSymbolicData, kindOfFile } from '../../src/import/gsm-symbolic-data.js';
import type { ProblemRecord } from '../../src/records/problem.js';
import { recordSchemaProblem } from '../../src/records/validate-record.js';
import { scoreFiles } from '../../src/score/score.js';
import { verifierJudge } from '../../src/score/verifier-judge.js';
import { loadLibrary } from '../../src/template/load.js';
import { validateFile } from '../../src/validate/validate-file.js';
import { cli as runCli, tempDir } from '../support/cli.js';

/** Two small files of our own writing in the format of GSM-Symbolic's released generated data. */
const FIXTURES = fileURLToPath(new URL('fixtures/gsm-symbolic/', import.meta.url));
const SYMBOLIC = join(FIXTURES, 'GSM_symbolic.jsonl');
const P1 = join(FIXTURES, 'GSM_p1.jsonl');

async function importAll(files: string[]) {
  const records: ProblemRecord[] = [];
  const problems: string[] = [];
  for await (const outcome of importGsmSymbolicData(files)) {
    if (outcome.ok) records.push(outcome.record);
    else problems.push(`${outcome.file}:${outcome.line}: ${outcome.message}`);
  }
  return { records, problems };
}

describe('importGsmSymbolicData', () => {
  it('reads the kind from the file name', () => {
    expect(kindOfFile('/data/GSM_p1.jsonl')).toBe('p1');
    expect(kindOfFile('GSM_p2.jsonl')).toBe('p2');
    expect(kindOfFile('GSM_symbolic.jsonl')).toBe('symbolic');
    expect(kindOfFile('gsm_p10.jsonl')).toBe('symbolic');
  });

  it('pairs every instance with its original GSM8K question, written once over all files as a base record without a set', async () => {
    const { records, problems } = await importAll([SYMBOLIC, P1]);
    expect(problems).toEqual([]);
    const bases = records.filter((r) => r.variant.kind === 'base');
    expect(bases.map((b) => [b.id, b.set, b.answer])).toEqual([
      ['gsm8k/test:6', null, '12'],
      ['gsm8k/test:10', null, '14'],
    ]);
    expect(bases[0]!.source).toEqual({
      dataset: 'gsm-symbolic',
      file: 'GSM_symbolic.jsonl',
      line: 1,
      label: 'original_question',
      canary: expect.stringContaining('canary') as unknown as string,
    });
    const instances = records.filter((r) => r.variant.kind !== 'base');
    expect(instances.map((r) => r.id)).toEqual([
      'gsm-symbolic/symbolic/0000:0',
      'gsm-symbolic/symbolic/0000:1',
      'gsm-symbolic/symbolic/0000:2',
      'gsm-symbolic/symbolic/0001:0',
      'gsm-symbolic/symbolic/0001:1',
      'gsm-symbolic/symbolic/0001:2',
      'gsm-symbolic/p1/0000:0',
      'gsm-symbolic/p1/0000:1',
      'gsm-symbolic/p1/0000:2',
    ]);
    for (const record of instances) {
      expect(recordSchemaProblem(record)).toBeNull();
      expect(record.set).toBe(Number(record.id.split(':')[1]));
      expect(record.variant.kind).toBe(record.id.split('/')[1]);
    }
    expect(instances[3]).toMatchObject({ base_id: 'gsm8k/test:10', answer: '23' });
    expect(instances[6]).toMatchObject({ base_id: 'gsm8k/test:6', answer: '7', source: { file: 'GSM_p1.jsonl', line: 1, label: 'p1' } });
  });

  it('refuses an instance read twice and a line without the release fields, and goes on', async () => {
    const dir = tempDir('gsm-sym-bad');
    const file = join(dir, 'GSM_symbolic.jsonl');
    const [first] = readFileSync(SYMBOLIC, 'utf8').split('\n');
    writeFileSync(file, `${first}\n${first}\n{"question": "q", "answer": "#### 1"}\n`);
    const { records, problems } = await importAll([file]);
    expect(records).toHaveLength(2);
    expect(problems).toEqual([
      `${file}:2: template 0, instance 0 was already read (GSM_symbolic.jsonl:1); its id gsm-symbolic/symbolic/0000:0 would repeat`,
      `${file}:3: "id", "instance" and "original_id" must be whole numbers (a GSM8K-format file without them? import it with: reasonforge import gsm8k FILE)`,
    ]);
  });

  it('scores the GSM8K to GSM-Symbolic drop pair by pair and the spread over instances, leaving the originals out of per-set figures', async () => {
    const dir = tempDir('gsm-sym-score');
    const out = join(dir, 'gs.jsonl');
    const result = runCli(['import', 'gsm-symbolic', SYMBOLIC, P1, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('11 records written');
    expect((await validateFile(out, loadLibrary())).defects).toEqual([]);
    const records = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ProblemRecord);
    // Right on the originals and on instance 0 and 1 of each template, wrong on instance 2.
    const predictions = join(dir, 'p.jsonl');
    writeFileSync(predictions, records.map((r) => JSON.stringify({ id: r.id, output: `#### ${r.set === 2 ? '999' : r.answer}` })).join('\n') + '\n');
    const metrics = await scoreFiles(out, [predictions], { judge: verifierJudge(), bootstrap: 50, seed: 0 });
    expect(Object.keys(metrics.by_variant)).toEqual(['base', 'p1', 'symbolic']);
    expect(metrics.by_variant['symbolic']!.drop_vs_base).toMatchObject({ n_pairs: 6, n_base_items: 2, base_accuracy: 1 });
    expect(metrics.by_variant['symbolic']!.drop_vs_base!.estimate).toBeCloseTo(1 / 3, 12);
    expect(Object.keys(metrics.by_set)).toEqual(['0', '1', '2']);
    expect(metrics.by_set['0']!.items).toBe(3);
    expect(metrics.spread['symbolic']).toMatchObject({ sets: 3, mean: 2 / 3, min: 0, max: 1 });
    expect(metrics.spread['base']).toBeUndefined();
    expect(metrics.coverage.items_without_set).toBe(2);
  });

  it('refuses --source, which its fixed ids do not use', () => {
    expect(runCli(['import', 'gsm-symbolic', SYMBOLIC, '--source', 'x']).status).toBe(2);
  });
});
