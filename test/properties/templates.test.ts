import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateOne } from '../../src/engine/generate.js';
import { supportedVariants, type GeneratedVariant } from '../../src/engine/variants.js';
import type { ProblemRecord } from '../../src/records/problem.js';
import type { CompiledTemplate } from '../../src/template/compiled.js';
import { recordSlips } from '../../src/lint/plural-slip-sources.js';
import { loadLibrary } from '../../src/template/load.js';
import { checkRecord } from '../../src/validate/check-record.js';
import { runs } from '../support/runs.js';

/**
 * One generic suite, run over every template in generators/: no template has
 * its own test and none gets an exception. fast-check prints the seed and path
 * of any failure; the item id in each message replays it with `reasonforge show`.
 */
const library = loadLibrary();
const itemArb = fc.record({
  seed: fc.nat({ max: 1_000_000 }),
  set: fc.nat({ max: 60 }),
  split: fc.constantFrom('test' as const, 'train' as const),
});
const numRuns = runs(6, 60);

function variantsOf(template: CompiledTemplate, seed: number, set: number, split: 'test' | 'train'): Map<GeneratedVariant, ProblemRecord> {
  return new Map(supportedVariants(template).map((v) => [v, generateOne(template, seed, split, set, v)]));
}

function cosmeticNames(template: CompiledTemplate): Set<string> {
  return new Set(template.cosmetic.map((c) => template.slots[c.slot]!.name));
}

describe.each(library.templates.map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it('makes records that check out against the template: constraints, steps, answer, annotations, question', () => {
    fc.assert(
      fc.property(itemArb, ({ seed, set, split }) => {
        for (const record of variantsOf(template, seed, set, split).values()) {
          expect(checkRecord(record, template), record.id).toEqual([]);
          // A critical item's solution names the missing fact instead of computing: it has no steps.
          if (record.variant.kind === 'critical') continue;
          expect(record.steps.length, record.id).toBeGreaterThanOrEqual(2);
          expect(record.steps.length, record.id).toBeLessThanOrEqual(8 + template.extensions.length * 3);
        }
      }),
      { numRuns },
    );
  });

  it('never shows a number 1 before a plural noun ("1 boxes") in any variant', () => {
    fc.assert(
      fc.property(itemArb, ({ seed, set, split }) => {
        for (const record of variantsOf(template, seed, set, split).values()) expect(recordSlips(template, record), record.id).toEqual([]);
      }),
      { numRuns },
    );
  });

  it('keeps the answer under noop and inserts exactly one distractor into the base question', () => {
    fc.assert(
      fc.property(itemArb, ({ seed, set, split }) => {
        const base = generateOne(template, seed, split, set, 'base');
        const noop = generateOne(template, seed, split, set, 'noop');
        expect(noop.answer, noop.id).toBe(base.answer);
        expect(noop.bindings).toEqual(base.bindings);
        const inserted = noop.variant.inserted!;
        expect(inserted).toHaveLength(1);
        expect(inserted[0]!.kind).toBe('distractor');
        expect(noop.question.replace(` ${inserted[0]!.text}`, ''), noop.id).toBe(base.question);
      }),
      { numRuns },
    );
  });

  it('changes the answer with each extension, and p2 extends p1', () => {
    const variants = supportedVariants(template);
    fc.assert(
      fc.property(itemArb, ({ seed, set, split }) => {
        const base = generateOne(template, seed, split, set, 'base');
        const p1 = generateOne(template, seed, split, set, 'p1');
        expect(p1.answer, p1.id).not.toBe(base.answer);
        expect(p1.bindings).toEqual(base.bindings);
        expect(p1.solution.startsWith(base.solution.slice(0, base.solution.lastIndexOf('\n####'))), p1.id).toBe(true);
        if (!variants.includes('p2')) return;
        const p2 = generateOne(template, seed, split, set, 'p2');
        expect(p2.answer, p2.id).not.toBe(p1.answer);
        expect(p2.variant.inserted![0]).toEqual(p1.variant.inserted![0]);
        expect(p2.steps.slice(0, p1.steps.length)).toEqual(p1.steps);
      }),
      { numRuns },
    );
  });

  it('keeps every number under names and every name under numbers', () => {
    const cosmetic = cosmeticNames(template);
    const variants = supportedVariants(template);
    fc.assert(
      fc.property(itemArb, ({ seed, set, split }) => {
        const base = generateOne(template, seed, split, set, 'base');
        if (variants.includes('names')) {
          const names = generateOne(template, seed, split, set, 'names');
          for (const [name, value] of Object.entries(base.bindings)) {
            if (cosmetic.has(name)) expect(names.bindings[name], `${names.id} ${name}`).not.toBe(value);
            else expect(names.bindings[name], `${names.id} ${name}`).toBe(value);
          }
          expect(names.answer).toBe(base.answer);
          expect(names.question).not.toBe(base.question);
        }
        const numbers = generateOne(template, seed, split, set, 'numbers');
        for (const name of cosmetic) expect(numbers.bindings[name], `${numbers.id} ${name}`).toBe(base.bindings[name]);
        expect(numbers.question).not.toBe(base.question);
        expect(numbers.variant.changed!.length).toBeGreaterThan(0);
      }),
      { numRuns },
    );
  });

  it('gives unrelated items for neighbouring seeds, not shifted copies', () => {
    const questions = (seed: number) => Array.from({ length: 12 }, (_, set) => generateOne(template, seed, 'test', set, 'base').question);
    const a = questions(41);
    const b = questions(42);
    const shared = a.filter((q) => b.includes(q));
    expect(shared.length).toBeLessThanOrEqual(1);
    expect(a.slice(1)).not.toEqual(b.slice(0, -1));
  });
});
