import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GenerationPlan, generateOne, generateRecords, outlineOf, piecesOf, type GenerateConfig } from '../../src/engine/generate.js';
import { GENERATED_VARIANTS, parseVariants } from '../../src/engine/variants.js';
import { loadLibrary } from '../../src/template/load.js';
import { uniqueQuestionKey } from '../../src/variants/unique.js';
import { compileFixture, compileFullFixture, fullFixtureSpec } from '../support/spec.js';
import { runs } from '../support/runs.js';

const library = loadLibrary();
const fixture = compileFixture();
const full = compileFullFixture();
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

  it('generates any range of the run as the slice of the whole it names, and refuses ranges outside it', () => {
    const whole = lines(config());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: whole.length }), fc.integer({ min: 0, max: whole.length }), (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        expect(lines(config({ range: { start, end } }))).toEqual(whole.slice(start, end));
      }),
      { numRuns: runs(5, 20) },
    );
    expect(() => new GenerationPlan(config({ range: { start: 3, end: whole.length + 1 } }))).toThrow(
      `the range 3..${whole.length + 1} is not within the run's ${whole.length} records`,
    );
    expect(() => new GenerationPlan(config({ range: { start: 4, end: 3 } }))).toThrow(/not within/);
    expect(() => new GenerationPlan(config({ range: { start: 0, end: 1 }, shard: { index: 0, count: 2 } }))).toThrow(
      'a plan takes a shard or a range, not both',
    );
  });

  it('never repeats a question within an output', () => {
    const records = [...generateRecords(new GenerationPlan(config({ sets: 40, templates: [fixture] })))];
    expect(new Set(records.map((r) => r.question)).size).toBe(records.length);
  });

  it("keeps a seed's train and test splits disjoint, numbers included", () => {
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

  it('plans from outlines the very run it plans from compiled templates: the same pieces, counts and skipped variants', () => {
    fc.assert(
      fc.property(
        fc.subarray([...library.templates], { minLength: 1, maxLength: 12 }),
        fc.subarray([...GENERATED_VARIANTS], { minLength: 1 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (chosen, variants, sets, count) => {
          const shard = { index: count - 1, count };
          const compiled = new GenerationPlan(config({ templates: chosen, variants, sets, shard }));
          const outlined = new GenerationPlan({ ...config({ variants, sets, shard }), templates: chosen.map(outlineOf) });
          expect([outlined.total, outlined.start, outlined.end, outlined.perSet]).toEqual([compiled.total, compiled.start, compiled.end, compiled.perSet]);
          expect([...piecesOf(outlined)]).toEqual([...piecesOf(compiled)]);
          expect(outlined.skipped()).toEqual(compiled.skipped());
        },
      ),
      { numRuns: runs(20, 100) },
    );
  });

  it('skips the variants a template cannot make, and says which', () => {
    const plan = new GenerationPlan(config({ templates: [fixture, full] }));
    expect(plan.skipped()).toEqual({
      'fixture-marbles': ['p2', 'digits', 'decimal', 'fraction', 'reverse', 'paraphrase', 'critical', 'reorder'],
      'fixture-punch': ['p2'],
    });
    expect(plan.perSet).toBe(5 + 12);
  });

  it('never repeats a question across all thirteen variants, but for critical items, which may share one', () => {
    const records = [...generateRecords(new GenerationPlan(config({ sets: 40, templates: [full] })))];
    const keys = records.map(uniqueQuestionKey);
    expect(new Set(keys).size).toBe(records.length);
    const nonCritical = records.filter((r) => r.variant.kind !== 'critical').map((r) => r.question);
    expect(new Set(nonCritical).size).toBe(nonCritical.length);
  });

  it('never lets an extension give back an earlier answer: p2 differs from the base as well as from p1', () => {
    // Two extensions that cancel whenever the top-up equals the amount poured away: p2 would repeat the base answer.
    const cancelling = compileFullFixture({
      extensions: [
        ...(fullFixtureSpec().extensions as object[]),
        {
          id: 'pour-away',
          text: 'At the end, {host.subj} poured {away} litres down the sink.',
          variables: { away: { int: [1, 6] } },
          constraints: ['away <= left + extra'],
          question: 'How many litres were in the bowl at the end?',
          answer: { expr: 'left + extra - away', type: 'integer', range: [0, 1000] },
          solution: [{ text: 'At the end, the bowl held {=} litres.', expr: 'left + extra - away' }],
        },
      ],
    });
    const records = [...generateRecords(new GenerationPlan(config({ sets: 80, templates: [cancelling], variants: ['base', 'p1', 'p2'] })))];
    const answers = new Map<string, string[]>();
    for (const r of records) answers.set(r.base_id, [...(answers.get(r.base_id) ?? []), r.answer]);
    for (const [id, [base, p1, p2]] of answers) {
      expect(p1, id).not.toBe(base);
      expect(p2, id).not.toBe(p1);
      expect(p2, id).not.toBe(base);
    }
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
