import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GenerationPlan, generateRecords } from '../../src/engine/generate.js';
import { answerPatterns } from '../../src/export/answers.js';
import { EXPORT_FORMATS, exportFormat, type ExportedFile, type ExportInput } from '../../src/export/index.js';
import { gsm8kRecord } from '../../src/import/gsm8k.js';
import { importedRecord } from '../../src/import/imported-record.js';
import type { ProblemRecord } from '../../src/records/problem.js';
import { loadLibrary } from '../../src/template/load.js';
import { cli as runCli, tempDir } from '../support/cli.js';

const library = loadLibrary();
const generate = (split: 'test' | 'train', variants: ('base' | 'names' | 'numbers' | 'noop' | 'p1' | 'p2')[]) => [
  ...generateRecords(new GenerationPlan({ seed: 5, sets: 2, split, variants, templates: library.templates })),
];
const external = gsm8kRecord({ question: 'What is 7 split in 3?', answer: '7/3 = <<7/3=7/3>>7/3\n#### 7/3' }, 1, { source: 'x' }) as ProblemRecord;
const records = [...generate('test', ['base', 'noop', 'p1']), external];
const train = generate('train', ['base']);
const input: ExportInput = {
  dataset: { path: '/data/d.jsonl', records, manifest: null },
  fewshot: { path: '/data/t.jsonl', records: train, manifest: null },
  name: 'rf',
  outDir: '/out/x',
  numFewshot: 2,
};

const file = (files: ExportedFile[], path: string) => {
  const found = files.find((f) => f.path === path);
  if (found === undefined) throw new Error(`no ${path} among ${files.map((f) => f.path).join(', ')}`);
  return found.content;
};
const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('every format', () => {
  it.each(EXPORT_FORMATS.map((f) => f.name))('%s writes parseable files and a README.txt with a command', (name) => {
    const files = exportFormat(name).build(input);
    for (const f of files) {
      if (f.path.endsWith('.yaml') || f.path.endsWith('.yml')) expect(() => parse(f.content)).not.toThrow();
      if (f.path.endsWith('.jsonl')) expect(() => lines(f.content)).not.toThrow();
    }
    expect(file(files, 'README.txt')).toMatch(/\/out\/x/);
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
  });
});

describe('lm-eval', () => {
  const files = exportFormat('lm-eval').build(input);
  it('writes one generate_until task per variant over json data files with test and train splits', () => {
    for (const variant of ['base', 'noop', 'p1', 'external']) {
      const task = parse(file(files, `rf_${variant}.yaml`)) as Record<string, any>;
      expect(task).toMatchObject({
        task: `rf_${variant}`,
        dataset_path: 'json',
        output_type: 'generate_until',
        test_split: 'test',
        fewshot_split: 'train',
        num_fewshot: 2,
        fewshot_config: { sampler: 'first_n' },
      });
      expect(task).toMatchObject({ target_delimiter: ' ', fewshot_delimiter: '\n\n' });
      expect(task['dataset_kwargs'].data_files).toEqual({ test: `/out/x/data/${variant}.jsonl`, train: '/out/x/data/train.jsonl' });
      expect(task['doc_to_text']).toBe('Question: {{question}}\nAnswer:');
      expect(task['doc_to_target']).toBe('{{answer}}');
      expect(task['generation_kwargs'].until).toContain('Question:');
      expect(task['metric_list'][0]).toMatchObject({
        metric: 'exact_match',
        ignore_case: true,
        ignore_punctuation: false,
        regexes_to_ignore: [',', '\\$', '(?s).*#### ', '\\.$'],
      });
      expect(task['filter_list'].map((f: { name: string }) => f.name)).toEqual(['strict-match', 'flexible-extract']);
      expect(
        lines(file(files, `data/${variant}.jsonl`)).every(
          (row) => typeof row['question'] === 'string' && String(row['answer']).endsWith(`#### ${String(row['target'])}`),
        ),
      ).toBe(true);
    }
    const group = parse(file(files, 'rf.yaml')) as Record<string, any>;
    expect(group).toMatchObject({ group: 'rf', task: ['rf_base', 'rf_noop', 'rf_p1', 'rf_external'] });
    expect(group['aggregate_metric_list'][0]).toMatchObject({ metric: 'exact_match', aggregation: 'mean' });
  });
  it("keeps the harness's gsm8k patterns, widened only for fractions, and they extract our answers", () => {
    const plain = answerPatterns(records.filter((r) => r.answer_type === 'integer'));
    expect(plain.strict).toBe('#### (\\-?[0-9\\.\\,]+)');
    expect(plain.flexible).toBe('(-?[$0-9.,]{2,})|(-?[0-9]+)');
    const widened = answerPatterns([external]);
    expect(new RegExp(widened.strict).exec('so #### 7/3')?.[1]).toBe('7/3');
    for (const r of records) expect(new RegExp(answerPatterns([r]).strict).exec(r.solution)?.[1]).toBe(r.answer);
  });
});

describe('few-shot examples', () => {
  const trainRows = () => lines(file(exportFormat('lm-eval').build({ ...input, numFewshot: 4 }), 'data/train.jsonl'));
  it('lm-eval writes exactly the chosen base items of distinct templates as its train split', () => {
    const rows = trainRows();
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r['variant'] === 'base')).toBe(true);
    expect(new Set(rows.map((r) => r['template'])).size).toBe(4);
  });
  it('inspect shows the same examples as lm-eval, chosen by the same seed', () => {
    const ids = trainRows().map((r) => String(r['id']));
    const task = file(exportFormat('inspect').build({ ...input, numFewshot: 4 }), 'rf_task.py');
    const fewshot = JSON.parse(/^FEWSHOT = (.*)$/m.exec(task)![1]!) as string;
    const questions = fewshot.split('\n\n').map((example) => example.split('\n')[0]!.replace(/^Question: /, ''));
    expect(questions).toEqual(ids.map((id) => train.find((r) => r.id === id)!.question));
    const other = exportFormat('lm-eval').build({ ...input, numFewshot: 4, fewshotSeed: 9 });
    expect(lines(file(other, 'data/train.jsonl')).map((r) => r['id'])).not.toEqual(ids);
  });
  it.each(['lm-eval', 'inspect', 'hf'])('%s refuses a few-shot file that shares items with the dataset', (name) => {
    expect(() => exportFormat(name).build({ ...input, fewshot: input.dataset })).toThrow(/also in the dataset/);
  });
});

describe('inspect', () => {
  const files = exportFormat('inspect').build(input);
  it('writes Samples with input, target, id and metadata, and a task reading them with json_dataset', () => {
    const samples = lines(file(files, 'samples.jsonl'));
    expect(samples).toHaveLength(records.length);
    for (const s of samples) {
      expect(Object.keys(s).sort()).toEqual(['id', 'input', 'metadata', 'target']);
      expect(Object.keys(s['metadata'] as object)).toEqual(expect.arrayContaining(['template', 'variant', 'set', 'base_id']));
    }
    const task = file(files, 'rf_task.py');
    expect(task).toContain('json_dataset(str(Path(__file__).parent / "samples.jsonl"))');
    expect(task).toContain('grouped(accuracy(), "variant")');
    expect(task).toMatch(/@task\ndef rf\(\)/);
  });
});

describe('openai-evals', () => {
  const files = exportFormat('openai-evals').build(input);
  it('registers a Match eval per variant whose samples are chat inputs with an ideal', () => {
    const registry = parse(file(files, 'registry/evals/rf.yaml')) as Record<string, any>;
    expect(registry['rf-base']).toMatchObject({ id: 'rf-base.test.v1', metrics: ['accuracy'] });
    const spec = registry['rf-base.test.v1'];
    expect(spec.class).toBe('evals.elsuite.basic.match:Match');
    const samples = lines(file(files, `registry/data/${spec.args.samples_jsonl}`));
    expect(samples[0]!['input']).toEqual([expect.objectContaining({ role: 'system' }), expect.objectContaining({ role: 'user' })]);
    expect(typeof samples[0]!['ideal']).toBe('string');
    expect(parse(file(files, 'registry/eval_sets/rf.yaml'))).toEqual({ rf: { evals: ['rf-base', 'rf-noop', 'rf-p1', 'rf-external'] } });
  });
});

describe('hf', () => {
  const files = exportFormat('hf').build(input);
  it('writes a card whose header declares configs, data files, license and sizes that match the files', () => {
    const card = file(files, 'README.md');
    const header = parse(card.split('---\n')[1]!) as Record<string, any>;
    expect(header['license']).toBe('other');
    expect(header['size_categories']).toEqual(['n<1K']);
    const configs = header['configs'] as { config_name: string; data_files: { split: string; path: string }[] }[];
    expect(configs.map((c) => c.config_name)).toEqual(['default', 'base', 'noop', 'p1', 'external']);
    for (const config of configs.slice(1)) for (const df of config.data_files) expect(files.some((f) => f.path === df.path)).toBe(true);
    const info = (header['dataset_info'] as { config_name: string; splits: { name: string; num_examples: number }[] }[]).find((i) => i.config_name === 'base')!;
    const count = (list: readonly ProblemRecord[]) => list.filter((r) => r.variant.kind === 'base').length;
    expect(info.splits).toEqual([
      expect.objectContaining({ name: 'test', num_examples: count(records) }),
      expect.objectContaining({ name: 'train', num_examples: count(train) }),
    ]);
    for (const field of ['question', 'answer', 'solution', 'steps', 'variant', 'base_id', 'bindings']) expect(card).toContain(`| \`${field}\` |`);
    const row = lines(file(files, 'data/base/test.jsonl'))[0]!;
    expect(typeof row['bindings']).toBe('string');
  });
});

describe('promptfoo', () => {
  const files = exportFormat('promptfoo').build(input);
  it('writes a config and one test per item with vars and its own assertion', () => {
    const config = parse(file(files, 'promptfooconfig.yaml')) as Record<string, unknown>;
    expect(config).toMatchObject({ prompts: ['file://prompt.txt'], tests: 'file://tests.yaml' });
    expect(file(files, 'prompt.txt')).toContain('{{question}}');
    const tests = parse(file(files, 'tests.yaml')) as { vars: Record<string, string>; assert: { type: string; value: string }[] }[];
    expect(tests).toHaveLength(records.length);
    for (const t of tests) {
      expect(Object.keys(t.vars).sort()).toEqual(['expected', 'question']);
      expect(t.assert).toEqual([{ type: 'javascript', value: 'file://check-answer.js' }]);
    }
  });
  it('its assertion compares answers exactly', () => {
    const dir = tempDir('promptfoo');
    writeFileSync(join(dir, 'check-answer.cjs'), file(files, 'check-answer.js'));
    const probe = `const check = require(${JSON.stringify(join(dir, 'check-answer.cjs'))});
const cases = [['work...\\n#### 1,200', '1200'], ['The answer is $12.50.', '12.5'], ['so 7/3', '7/3'], ['#### 12.49', '12.5'], ['no number', '3'], ['it is 0.5', '1/2']];
console.log(JSON.stringify(cases.map(([o, e]) => check(o, { vars: { expected: e } }).pass)));`;
    expect(JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }))).toEqual([true, true, true, false, false, true]);
  });
});

describe('promptfoo and rounded answers', () => {
  const source = { question: 'Split 13 into 3.', solution: '13/3 = 4.33\n#### 4.33', answer: '4.33', perturbation_type: 'adding operation' };
  const rounded = importedRecord({
    id: 'plus:1',
    question: source.question,
    solution: source.solution,
    answer: source.answer,
    kind: 'external',
    baseId: 'plus:1',
    set: null,
    split: 'test',
    source: { dataset: 'gsm-plus', file: 'p.jsonl', line: 1 },
    roundsAnswers: true,
  }) as ProblemRecord;
  const files = exportFormat('promptfoo').build({ ...input, dataset: { path: '/data/p.jsonl', records: [rounded, external], manifest: null } });

  it('marks a test whose answer may be rounded, and its assertion accepts what rounds to it', () => {
    const tests = parse(file(files, 'tests.yaml')) as { vars: Record<string, unknown> }[];
    expect(tests.map((t) => t.vars['rounded'])).toEqual([true, undefined]);
    const dir = tempDir('promptfoo-rounded');
    writeFileSync(join(dir, 'check-answer.cjs'), file(files, 'check-answer.js'));
    const probe = `const check = require(${JSON.stringify(join(dir, 'check-answer.cjs'))});
const cases = [['#### 13/3', '4.33', true], ['#### 4.333', '4.33', true], ['#### 4.33', '4.33', true], ['#### 4.34', '4.33', true], ['#### -13/3', '-4.33', true], ['#### 4.333', '4.33', false], ['#### 2.34', '7/3', true]];
console.log(JSON.stringify(cases.map(([o, e, r]) => check(o, { vars: r ? { expected: e, rounded: true } : { expected: e } }).pass)));`;
    expect(JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }))).toEqual([true, true, true, false, true, false, false]);
  });
});

describe('reasonforge export (built binary)', () => {
  it('writes the files and refuses a non-empty directory without --force', () => {
    const dir = tempDir('export');
    const data = join(dir, 'd.jsonl');
    writeFileSync(data, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    const out = join(dir, 'out');
    const result = runCli(['export', '--format', 'lm-eval', '--dataset', data, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(out, 'd_base.yaml'))).toBe(true);
    expect(readFileSync(join(out, 'README.txt'), 'utf8')).toContain(`--include_path ${out} --tasks d`);
    expect(runCli(['export', '--format', 'lm-eval', '--dataset', data, '--out', out]).status).toBe(1);
    expect(runCli(['export', '--format', 'nope', '--dataset', data, '--out', out]).stderr).toMatch(
      /valid formats: lm-eval, inspect, openai-evals, hf, promptfoo/,
    );
  });

  it('refuses the test file as its own few-shot file, and --fewshot where a format shows no examples', () => {
    const dir = tempDir('export-fewshot');
    const data = join(dir, 'd.jsonl');
    writeFileSync(data, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    const leak = runCli(['export', '--format', 'inspect', '--dataset', data, '--fewshot', data, '--out', join(dir, 'a')]);
    expect(leak.status).toBe(1);
    expect(leak.stderr).toMatch(new RegExp(`${data}:1: few-shot item ${records[0]!.id} is also in the dataset`));
    expect(existsSync(join(dir, 'a'))).toBe(false);
    const unused = runCli(['export', '--format', 'promptfoo', '--dataset', data, '--fewshot', data, '--out', join(dir, 'b')]);
    expect(unused.status).toBe(2);
    expect(unused.stderr).toMatch(/promptfoo shows no examples, so --fewshot would be ignored/);
    expect(runCli(['export', '--format', 'lm-eval', '--dataset', data, '--num-fewshot', '3', '--out', join(dir, 'c')]).stderr).toMatch(/need --fewshot FILE/);
  });
});

describe('the dataset card', () => {
  it('says how to install reasonforge from its repository, and links no package page that does not exist', () => {
    const card = exportFormat('hf')
      .build({ dataset: { path: 'd.jsonl', records, manifest: null }, name: 'd', outDir: '/tmp/out' })
      .find((f) => f.path === 'README.md')!.content;
    expect(card).toContain('not on the npm registry yet: install it');
    expect(card).not.toContain('npmjs.com');
  });
});
