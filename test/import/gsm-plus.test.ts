import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importGsmPlus, type GsmPlusSummary } from '../../src/import/gsm-plus.js';
import { convertedForm, statedForms } from '../../src/import/number-forms.js';
import type { ProblemRecord } from '../../src/records/problem.js';
import { recordSchemaProblem } from '../../src/records/validate-record.js';
import { scoreFiles } from '../../src/score/score.js';
import { verifierJudge } from '../../src/score/verifier-judge.js';
import { loadLibrary } from '../../src/template/load.js';
import { validateFile } from '../../src/validate/validate-file.js';
import { cli as runCli, tempDir } from '../support/cli.js';

/** Ten lines of our own writing in GSM-Plus's format: two seeds and every perturbation type. */
const SAMPLE = fileURLToPath(new URL('fixtures/gsm-plus-sample.jsonl', import.meta.url));
const seed = {
  seed_question: 'A van carries 3 crates of 8 melons. How many melons does it carry?',
  seed_solution: 'It carries 3*8 = <<3*8=24>>24 melons.\n#### 24',
  seed_answer: '24',
};
/** The sample and two lines it cannot import: a type GSM-Plus does not have, and a critical item with an answer. */
function withBadLines(): string {
  const file = join(tempDir('gsm-plus-bad'), 'bad.jsonl');
  const bad = [
    {
      question: 'A van carries 3 crates of 8 melons. How many melons does it carry?',
      solution: 'x\n#### 24',
      answer: '24',
      perturbation_type: 'colour change',
      ...seed,
    },
    {
      question: 'A van carries 3 crates of 8 melons. How many does it hold?',
      solution: '#### 24',
      answer: '24',
      perturbation_type: 'critical thinking',
      ...seed,
    },
  ];
  writeFileSync(file, readFileSync(SAMPLE, 'utf8') + bad.map((b) => `${JSON.stringify(b)}\n`).join(''));
  return file;
}

async function importAll(file = SAMPLE) {
  const summary: GsmPlusSummary = { seeds: 0, byVariant: {}, unstatedConversions: [] };
  const records: ProblemRecord[] = [];
  const problems: { line: number; message: string }[] = [];
  for await (const outcome of importGsmPlus(file, { source: 'gsm-plus/sample' }, summary)) {
    if (outcome.ok) records.push(outcome.record);
    else problems.push({ line: outcome.line, message: outcome.message });
  }
  return { records, problems, summary };
}

describe('number forms of GSM-Plus conversions', () => {
  it('reads decimals, fractions, mixed numbers and fraction words as written', () => {
    expect(statedForms('She ran 2.5 km, ate 3/4 of a pie, waited 1 1/2 hours and gave away half. It cost $3.75.')).toEqual({
      decimal: ['2.5', '3.75'],
      fraction: ['3/4', '1/2', 'half'],
    });
    expect(statedForms('He is 12. She has 40 marbles.')).toEqual({ decimal: [], fraction: [] });
  });
  it('picks the form the conversion introduces, not one the seed already had', () => {
    expect(convertedForm('It weighs 2.5 kg and is 1/2 full.', 'It weighs 2 kg and is 1/2 full.')).toEqual({ form: 'decimal', stated: true });
    expect(convertedForm('It weighs 2.5 kg and is 3/4 full.', 'It weighs 2.5 kg and is 1/2 full.')).toEqual({ form: 'fraction', stated: true });
    expect(convertedForm('Two thirds of 30 apples.', 'Ten of 30 apples.')).toEqual({ form: 'fraction', stated: true });
    expect(convertedForm('Ten of 30 apples.', 'Ten of 30 apples.')).toEqual({ form: 'decimal', stated: false });
  });
});

describe('importGsmPlus', () => {
  it('writes each seed once as a base record before the items made from it, and pairs every item with it', async () => {
    const { records, summary } = await importAll();
    expect(summary.seeds).toBe(2);
    const bases = records.filter((r) => r.variant.kind === 'base');
    expect(bases.map((b) => b.id)).toEqual(['gsm-plus/sample:1:seed', 'gsm-plus/sample:10:seed']);
    expect(records[0]!.id).toBe('gsm-plus/sample:1:seed');
    for (const record of records) {
      expect(recordSchemaProblem(record), record.id).toBeNull();
      expect(record).toMatchObject({ template: null, seed: null, set: null });
      const base = records.find((r) => r.id === record.base_id)!;
      expect(base.variant.kind).toBe('base');
      expect(records.indexOf(base)).toBeLessThanOrEqual(records.indexOf(record));
    }
    expect(bases[0]).toMatchObject({
      answer: '15',
      base_id: 'gsm-plus/sample:1:seed',
      source: { dataset: 'gsm-plus', file: 'gsm-plus-sample.jsonl', line: 1, label: 'seed_question' },
    });
    expect(bases[0]!.steps).toHaveLength(2);
  });

  it('maps every perturbation type to its variant and splits conversions by the numbers stated', async () => {
    const { records } = await importAll();
    const kinds = Object.fromEntries(records.filter((r) => r.variant.kind !== 'base').map((r) => [r.id, [r.variant.kind, r.source!.label]]));
    expect(kinds).toEqual({
      'gsm-plus/sample:1': ['numbers', 'numerical substitution'],
      'gsm-plus/sample:2': ['digits', 'digit expansion'],
      'gsm-plus/sample:3': ['decimal', 'integer-decimal-fraction conversion'],
      'gsm-plus/sample:4': ['fraction', 'integer-decimal-fraction conversion'],
      'gsm-plus/sample:5': ['p1', 'adding operation'],
      'gsm-plus/sample:6': ['reverse', 'reversing operation'],
      'gsm-plus/sample:7': ['paraphrase', 'problem understanding'],
      'gsm-plus/sample:8': ['noop', 'distraction insertion'],
      'gsm-plus/sample:9': ['critical', 'critical thinking'],
      'gsm-plus/sample:10': ['p1', 'adding operation'],
    });
  });

  it('gives critical thinking items the answer unanswerable and keeps rounded answers as written', async () => {
    const { records } = await importAll();
    const critical = records.find((r) => r.id === 'gsm-plus/sample:9')!;
    expect(critical).toMatchObject({ answer: 'unanswerable', answer_type: 'unanswerable' });
    expect(critical.solution.endsWith('#### None')).toBe(true);
    expect(records.find((r) => r.id === 'gsm-plus/sample:10')).toMatchObject({ answer: '4.33', answer_type: 'decimal', source: { rounded: true } });
    // Only a decimal of 2 or more places is marked: integers and 12.5-like answers are exact.
    expect(records.filter((r) => r.source?.rounded === true).map((r) => r.id)).toEqual(['gsm-plus/sample:10']);
  });

  it('reports a line it cannot import with the reason and goes on', async () => {
    const { problems, records } = await importAll(withBadLines());
    expect(problems).toEqual([
      { line: 11, message: expect.stringMatching(/^unknown perturbation_type "colour change"; GSM-Plus's are: numerical substitution, /) as unknown as string },
      { line: 12, message: 'a critical thinking item must have the answer "None" (the question cannot be answered), not "24"' },
    ]);
    expect(records).toHaveLength(12);
  });

  it('passes validate, and scores per-type drops with PDR and ASP against the seeds', async () => {
    const dir = tempDir('gsm-plus');
    const out = join(dir, 'plus.jsonl');
    const result = runCli(['import', 'gsm-plus', SAMPLE, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      '2 seed questions as base records; perturbed: 1 numbers, 1 digits, 1 decimal, 1 fraction, 2 p1, 1 reverse, 1 paraphrase, 1 noop, 1 critical',
    );
    const records = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ProblemRecord);
    expect(records[0]!.id).toBe('gsm-plus/gsm-plus-sample:1:seed');
    const report = await validateFile(out, loadLibrary());
    expect(report.defects).toEqual([]);

    // A model that solves every seed, fails digits, and says the critical item cannot be answered.
    const predictions = join(dir, 'p.jsonl');
    const outputs = records.map((r) => {
      if (r.variant.kind === 'critical') return 'We are not told how many bunches, so this cannot be determined.';
      if (r.variant.kind === 'digits') return 'The answer is 7.';
      return `So the answer is ${r.answer}.`;
    });
    writeFileSync(predictions, records.map((r, i) => JSON.stringify({ id: r.id, output: outputs[i] })).join('\n') + '\n');
    const metrics = await scoreFiles(out, [predictions], { judge: verifierJudge(), bootstrap: 100, seed: 1 });
    expect(Object.keys(metrics.by_variant)).toEqual(['base', 'numbers', 'noop', 'p1', 'digits', 'decimal', 'fraction', 'reverse', 'paraphrase', 'critical']);
    expect(metrics.by_variant['critical']!.pass_at_k['1']!.estimate).toBe(1);
    const digits = metrics.by_variant['digits']!.drop_vs_base!;
    expect(digits).toMatchObject({ estimate: 1, n_pairs: 1, base_accuracy: 1, variant_accuracy: 0, pdr: { estimate: 1 }, asp: { estimate: 0 } });
    expect(metrics.by_variant['paraphrase']!.drop_vs_base).toMatchObject({ estimate: 0, pdr: { estimate: 0 }, asp: { estimate: 1 } });
    expect(metrics.by_set).toEqual({});
    expect(metrics.coverage.items_without_set).toBe(records.length);
    expect(metrics.notes).toContain(
      `${records.length} imported items belong to no instance set and are left out of by_set and the spread over sets (they are in every other figure).`,
    );
  });

  it('scores a rounded answer by the exact values that round to it: 13/3, 4.333 and 4.33 right, 4.34 wrong', async () => {
    const dir = tempDir('gsm-plus-rounded');
    const source = join(dir, 'rounded.jsonl');
    const shared = {
      seed_question: 'A baker fills 2 trays with 13 buns each. How many buns are there?',
      seed_solution: 'There are 2*13 = <<2*13=26>>26 buns.\n#### 26',
      seed_answer: '26',
    };
    const item = {
      question: 'A baker fills 2 trays with 13 buns each and packs them evenly into 6 boxes. How many buns go in a box?',
      solution: 'There are 2*13 = <<2*13=26>>26 buns, and 26/6 = 4.33 per box.\n#### 4.33',
      answer: '4.33',
      perturbation_type: 'adding operation',
      ...shared,
    };
    writeFileSync(source, `${JSON.stringify(item)}\n`);
    const out = join(dir, 'plus.jsonl');
    const imported = runCli(['import', 'gsm-plus', source, '--out', out]);
    expect(imported.status, imported.stderr).toBe(0);
    const records = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ProblemRecord);
    const rounded = records.find((r) => r.variant.kind === 'p1')!;
    expect(rounded.source).toMatchObject({ dataset: 'gsm-plus', rounded: true });
    expect(records.find((r) => r.variant.kind === 'base')!.source!.rounded).toBeUndefined();
    expect((await validateFile(out, loadLibrary())).defects).toEqual([]);

    const predictions = join(dir, 'p.jsonl');
    const said = ['13/3', '4.333', '4.33', '4.34'];
    writeFileSync(
      predictions,
      [
        { id: records.find((r) => r.variant.kind === 'base')!.id, outputs: said.map(() => 'There are 26 buns.\n#### 26') },
        { id: rounded.id, outputs: said.map((answer) => `Each box gets 26/6 buns.\n#### ${answer}`) },
      ]
        .map((line) => `${JSON.stringify(line)}\n`)
        .join(''),
    );
    const metrics = await scoreFiles(out, [predictions], { judge: verifierJudge(), bootstrap: 100, seed: 1 });
    expect(metrics.by_variant['base']!.pass_at_k['1']!.estimate).toBe(1);
    expect(metrics.by_variant['p1']!.pass_at_k['1']!.estimate).toBe(3 / 4);

    // Sample by sample, through verify --dataset, which reads the same mark.
    const lines = said.map((answer) => JSON.stringify({ id: rounded.id, output: `#### ${answer}` })).join('\n');
    const verified = runCli(['verify', '--jsonl', '-', '--dataset', out], { input: `${lines}\n` });
    expect(verified.status, verified.stderr).toBe(0);
    const verdicts = verified.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { correct: boolean; reason: string });
    expect(verdicts.map((v) => [v.correct, v.reason])).toEqual([
      [true, 'rounded-reference'],
      [true, 'rounded-reference'],
      [true, 'exact'],
      [false, 'different-value'],
    ]);
  });
});
