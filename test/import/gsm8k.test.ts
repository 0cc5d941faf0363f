import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalAnswer } from '../../src/import/final-answer.js';
import { gsm8kRecord, stepsOf } from '../../src/import/gsm8k.js';
import { recordSchemaProblem } from '../../src/records/validate-record.js';
import { cli as runCli, tempDir } from '../support/cli.js';
import { sharedFile, titleNeeding } from '../support/shared-data.js';

const GSM_PLUS_SAMPLE = fileURLToPath(new URL('fixtures/gsm-plus-sample.jsonl', import.meta.url));
const gsm8kTest = sharedFile('gsm8k', 'test.jsonl');
const GSM8K_TEST = gsm8kTest.path;
const HAVE_GSM8K = gsm8kTest.present;
const needsGsm8k = (title: string) => titleNeeding(title, gsm8kTest);

const LINE = {
  question: 'A baker fills 3 trays with 12 rolls each and sells 20. How many rolls are left?',
  answer: 'She baked 3*12 = <<3*12=36>>36 rolls.\nShe has 36-20 = <<36-20=16>>16 left.\n#### 16',
};

describe('canonicalAnswer', () => {
  it('reads the forms GSM8K-style files write', () => {
    expect(canonicalAnswer('1,000')?.canonical).toBe('1000');
    expect(canonicalAnswer('$18')?.canonical).toBe('18');
    expect(canonicalAnswer('12.50')).toEqual({ canonical: '12.5', type: 'decimal' });
    expect(canonicalAnswer('-3')).toEqual({ canonical: '-3', type: 'integer' });
    expect(canonicalAnswer('14/6')).toEqual({ canonical: '7/3', type: 'fraction' });
    expect(canonicalAnswer('None')?.type).toBe('unanswerable');
  });
  it('refuses what is not one number', () => {
    for (const text of ['1,5', 'twelve', '3 apples', '', '1.2.3']) expect(canonicalAnswer(text)).toBeNull();
  });
});

describe('gsm8kRecord', () => {
  it('makes a valid external record with steps from the annotations', () => {
    const record = gsm8kRecord(LINE, 7, { source: 'mine/test', file: 'test.jsonl' });
    if (typeof record === 'string') throw new Error(record);
    expect(recordSchemaProblem(record)).toBeNull();
    expect(record).toMatchObject({
      id: 'mine/test:7',
      base_id: 'mine/test:7',
      answer: '16',
      answer_type: 'integer',
      template: null,
      seed: null,
      variant: { kind: 'external' },
      set: null,
    });
    expect(record.source).toEqual({ dataset: 'mine', file: 'test.jsonl', line: 7 });
    expect(record.steps).toEqual([
      { text: 'She baked 3*12 = 36 rolls.', expr: '3*12', value: '36' },
      { text: 'She has 36-20 = 16 left.', expr: '36-20', value: '16' },
    ]);
    expect(record.difficulty).toEqual({ steps: 2, operations: 2, max_number: 36 });
  });
  it('gives no set to a line without an instance, so per-set statistics leave it out', () => {
    expect(typeof gsm8kRecord(LINE, 1, { source: 's' }) !== 'string' && (gsm8kRecord(LINE, 1, { source: 's' }) as { set: unknown }).set).toBeNull();
  });
  it('takes a GSM-Symbolic instance as the set', () => {
    const record = gsm8kRecord({ ...LINE, id: 4, instance: 17 }, 1, { source: 's' });
    expect(typeof record !== 'string' && record.set).toBe(17);
  });
  it('says why a line cannot be imported', () => {
    expect(gsm8kRecord({ question: 'q' }, 1, { source: 's' })).toMatch(/no "answer"/);
    expect(gsm8kRecord({ ...LINE, answer: 'no final line' }, 1, { source: 's' })).toMatch(/no final "#### N"/);
    expect(gsm8kRecord({ ...LINE, answer: 'x\n#### lots' }, 1, { source: 's' })).toMatch(/"lots" is not a number/);
    expect(gsm8kRecord([1, 2], 1, { source: 's' })).toMatch(/JSON object/);
  });
  it('skips annotations without a result', () => {
    expect(stepsOf('a <<2*3>>6 b <<1+1=2>>2\n#### 2')).toHaveLength(1);
  });
});

describe('reasonforge import gsm8k (built binary)', () => {
  it('writes valid records and reports bad lines as FILE:LINE with exit 1', () => {
    const dir = tempDir('import');
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, `${JSON.stringify(LINE)}\n{"question": "q"}\nnot json\n${JSON.stringify({ ...LINE, question: 'Another one?' })}\n`);
    const out = join(dir, 'out.jsonl');
    const result = runCli(['import', 'gsm8k', input, '--out', out, '--source', 'demo']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${input}:2: no "answer" string`);
    expect(result.stderr).toContain(`${input}:3: not valid JSON`);
    const records = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string });
    expect(records.map((r) => r.id)).toEqual(['demo:1', 'demo:4']);
  });
  it('refuses a format it does not know', () => {
    expect(runCli(['import', 'csv', 'x']).status).toBe(2);
  });
  it('stops at the first GSM-Plus line and names the command that reads it', () => {
    const result = runCli(['import', 'gsm8k', GSM_PLUS_SAMPLE]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${GSM_PLUS_SAMPLE}:1: this is GSM-Plus data`);
    expect(result.stderr).toContain('reasonforge import gsm-plus FILE');
    expect(result.stdout).toBe('');
  });
  it.skipIf(!HAVE_GSM8K)(needsGsm8k('imports all of the real GSM8K test set'), () => {
    const out = join(tempDir('import-real'), 'gsm8k.jsonl');
    const result = runCli(['import', 'gsm8k', GSM8K_TEST, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1319);
    for (const line of lines) expect(recordSchemaProblem(JSON.parse(line))).toBeNull();
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: 'gsm8k/test:1', answer: '18' });
  });
});
