import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GenerationPlan, generateOne, generateRecords, type GenerateConfig } from '../../src/engine/generate.js';
import { GENERATED_VARIANTS, parseVariants } from '../../src/engine/variants.js';
import { loadLibrary } from '../../src/template/load.js';
import { compileFixture } from '../support/spec.js';
import { runs } from '../support/runs.js';

const library = loadLibrary();
const fixture = compileFixture();
const templates = [fixture, ...library.templates.slice(0, 3)];
const config = (overrides: Partial<GenerateConfig> = {}): GenerateConfig => ({
  seed: 5,
  sets: 4,
  split: 'test',
  variants: [...GENERATED_VARIANTS],
  templates,
  ...overrides,
});
const lines = (c: GenerateConfig) => [...generateRecords(new GenerationPlan(c))].map((r) => JSON.stringify(r));

describe('generateRecords', () => {
  it('gives the same bytes for the same arguments', () => {
    expect(lines(config())).toEqual(lines(config()));
  });

  it('orders records set by set, template by id, variant in canonical order', () => {
    const records = [...generateRecords(new GenerationPlan(config({ sets: 2, variants: ['p1', 'base'] })))];
    expect(records.map((r) => `${r.set}:${r.template!.id}:${r.variant.kind}`).slice(0, 4)).toEqual([
      `0:${templates[0]!.id}:base`,
      `0:${templates[0]!.id}:p1`,
      `0:${templates[1]!.id}:base`,
      `0:${templates[1]!.id}:p1`,
    ]);
    expect(parseVariants(['p2', 'base', 'noop'])).toEqual(['base', 'noop', 'p2']);
  });

  it('concatenates shards to the unsharded output, for any number of shards', () => {
    const whole = lines(config());
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), (count) => {
        const parts = Array.from({ length: count }, (_, index) => lines(config({ shard: { index, count } })));
        expect(parts.flat()).toEqual(whole);
      }),
      { numRuns: runs(5, 20) },
    );
  });

  it('never repeats a question within an output', () => {
    const records = [...generateRecords(new GenerationPlan(config({ sets: 40, templates: [fixture] })))];
    expect(new Set(records.map((r) => r.question)).size).toBe(records.length);
  });

  it('keeps a seed\'s train and test splits disjoint, numbers included', () => {
    const numbers = (split: 'test' | 'train') =>
      [...generateRecords(new GenerationPlan(config({ split, sets: 60, templates: [fixture], variants: ['base', 'numbers'] })))].map((r) =>
        JSON.stringify([r.bindings['bags'], r.bindings['per_bag'], r.bindings['lost']]),
      );
    const test = numbers('test');
    const train = new Set(numbers('train'));
    expect(new Set(test).size).toBe(test.length);
    expect(test.filter((tuple) => train.has(tuple))).toEqual([]);
  });

  it('makes set j the same item however many sets are asked for', () => {
    const few = lines(config({ sets: 2 }));
    const many = lines(config({ sets: 7 }));
    expect(many.slice(0, few.length)).toEqual(few);
  });

  it('gives random access to any item, equal to the streamed one', () => {
    const records = [...generateRecords(new GenerationPlan(config({ sets: 5, templates: [fixture] })))];
    for (const record of records.filter((_, i) => i % 3 === 0)) {
      expect(generateOne(fixture, record.seed!, record.split, record.set!, record.variant.kind as 'base')).toEqual(record);
    }
  });

  it('skips the variants a template cannot make, and says which', () => {
    const plan = new GenerationPlan(config({ templates: [fixture] }));
    expect(plan.skipped()).toEqual({ 'fixture-marbles': ['p2'] });
    expect(plan.perSet).toBe(5);
  });

  it.each([
    [{ sets: 0 }, /--sets must be at least 1/],
    [{ seed: -1 }, /non-negative integer/],
    [{ variants: [] }, /no variants/],
    [{ templates: [] }, /no templates/],
    [{ shard: { index: 3, count: 3 } }, /--shard must be i\/n/],
  ])('refuses the configuration %j', (overrides, message) => {
    expect(() => new GenerationPlan(config(overrides))).toThrow(message);
  });
});
