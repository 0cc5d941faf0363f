import { describe, expect, it } from 'vitest';
import { GenerationPlan, generateRecords } from '../../src/engine/generate.js';
import { gsm8kRecord } from '../../src/import/gsm8k.js';
import { checkFewshotDisjoint, selectFewshot } from '../../src/prompt/index.js';
import type { ProblemRecord } from '../../src/records/problem.js';
import { loadLibrary } from '../../src/template/load.js';
import { reasonforgeErrorOf } from '../support/errors.js';

const library = loadLibrary();
const generate = (split: 'test' | 'train', variants: ('base' | 'noop')[], sets = 2) => [
  ...generateRecords(new GenerationPlan({ seed: 4, sets, split, variants, templates: library.templates.slice(0, 12) })),
];
const test = { path: 'test.jsonl', records: generate('test', ['base', 'noop']) };
const train = { path: 'train.jsonl', records: generate('train', ['base', 'noop'], 3) };

describe('selectFewshot', () => {
  it('picks base items of distinct templates', () => {
    const shots = selectFewshot(test, train, 8, 0);
    expect(shots).toHaveLength(8);
    expect(shots.every((s) => s.variant.kind === 'base')).toBe(true);
    expect(new Set(shots.map((s) => s.template!.id)).size).toBe(8);
  });

  it('depends on the seed, not on the order of the file', () => {
    const ids = (records: readonly ProblemRecord[], seed: number) => selectFewshot(test, { path: 'x', records }, 5, seed).map((s) => s.id);
    const reversed = [...train.records].reverse();
    expect(ids(reversed, 7)).toEqual(ids(train.records, 7));
    const bySeed = new Set([0, 1, 2, 3, 4, 5].map((seed) => ids(train.records, seed).join(',')));
    expect(bySeed.size).toBeGreaterThan(1);
  });

  it('counts an imported item, which has no template, as its own family', () => {
    const imported = [1, 2, 3].map(
      (line) =>
        gsm8kRecord(
          { question: `How many apples are ${line} plus ${line}?`, answer: `${line}+${line}=<<${line}+${line}=${2 * line}>>${2 * line}\n#### ${2 * line}` },
          line,
          { source: 'gsm8k-train' },
        ) as ProblemRecord,
    );
    expect(
      selectFewshot(test, { path: 'g.jsonl', records: imported }, 3, 0)
        .map((s) => s.id)
        .sort(),
    ).toEqual(imported.map((r) => r.id).sort());
  });

  it('says how many templates there are when asked for more', () => {
    const error = reasonforgeErrorOf(() => selectFewshot(test, train, 13, 0));
    expect(error.kind).toBe('fewshot-too-small');
    expect(error.message).toMatch(/^train\.jsonl: --num-fewshot 13 needs base items of 13 distinct templates, and this file has 12/);
  });

  it('gives no examples for zero, after the leak check', () => {
    expect(selectFewshot(test, train, 0, 0)).toEqual([]);
    expect(() => selectFewshot(test, test, 0, 0)).toThrow(/also in the dataset/);
  });
});

describe('checkFewshotDisjoint', () => {
  it('refuses the test file itself, naming the line', () => {
    const error = reasonforgeErrorOf(() => checkFewshotDisjoint(test, test));
    expect(error.kind).toBe('fewshot-leak');
    expect(error.message).toMatch(new RegExp(`^test\\.jsonl:1: few-shot item ${test.records[0]!.id} is also in the dataset test\\.jsonl`));
  });

  it('refuses a variant of a test item: the same problem with a clause added', () => {
    const baseOnly = { path: 'b.jsonl', records: test.records.filter((r) => r.variant.kind === 'base') };
    const noops = { path: 'n.jsonl', records: test.records.filter((r) => r.variant.kind === 'noop') };
    expect(reasonforgeErrorOf(() => checkFewshotDisjoint(baseOnly, noops)).message).toMatch(/is a variant of .*:base, which is in the dataset/);
  });

  it('refuses a copied question under another id, whatever its spacing and case', () => {
    const copy = { ...train.records[0]!, question: `  ${test.records[3]!.question.toUpperCase().replace(/ /g, '  ')} ` };
    const error = reasonforgeErrorOf(() => checkFewshotDisjoint(test, { path: 't.jsonl', records: [copy] }));
    expect(error.message).toMatch(new RegExp(`asks the same question as dataset item ${test.records[3]!.id}`));
  });

  it('accepts a train split of the same seed', () => {
    expect(() => checkFewshotDisjoint(test, train)).not.toThrow();
  });
});
