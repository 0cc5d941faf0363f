import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reasonforgeErrorOf } from '../support/errors.js';
import { KeyedPermutation } from '../../src/engine/permutation.js';
import { TemplateSampler } from '../../src/engine/sampler.js';
import { compileFixture, fixtureSpec } from '../support/spec.js';
import { runs } from '../support/runs.js';

describe('KeyedPermutation', () => {
  it('is a bijection of [0, size) for every size and key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer(), (size, key) => {
        const permutation = new KeyedPermutation(size, key);
        const seen = new Set<number>();
        for (let i = 0; i < size; i++) seen.add(permutation.at(i));
        expect(seen.size).toBe(size);
        expect(Math.min(...seen)).toBe(0);
        expect(Math.max(...seen)).toBe(size - 1);
      }),
      { numRuns: runs(30, 300) },
    );
  });

  it('orders differently under different keys', () => {
    const a = new KeyedPermutation(1000, 1);
    const b = new KeyedPermutation(1000, 2);
    const same = Array.from({ length: 1000 }, (_, i) => a.at(i) === b.at(i)).filter(Boolean).length;
    expect(same).toBeLessThan(20);
  });
});

describe('TemplateSampler', () => {
  it('says how many distinct items a template holds when asked for more', () => {
    const tiny = compileFixture({ variables: { ...fixtureSpec().variables, bags: { int: [2, 3] }, per_bag: { int: [3, 4] }, lost: { int: [1, 4] } } });
    const sampler = new TemplateSampler(tiny, 1);
    const error = reasonforgeErrorOf(() => sampler.nth(0, 50));
    expect(error.kind).toBe('template-exhausted');
    expect(error.message).toMatch(/template "fixture-marbles" has only \d+ distinct test base instances, and set \d+ was asked for/);
    expect(error.message).toMatch(/span 16 combinations/);
    expect(error.message).toMatch(/acceptance \d+\.\d+% of \d+ candidates/);
  });

  it('names the template, its acceptance and the check that fails most when constraints cannot be met', () => {
    const impossible = compileFixture({ constraints: ['lost < total', 'bags > 100'], variables: { ...fixtureSpec().variables, lost: { int: [1, 2000] } } });
    const error = reasonforgeErrorOf(() => new TemplateSampler(impossible, 1).nth(0, 0));
    expect(error.kind).toBe('template-unsatisfiable');
    expect(error.message).toContain('template "fixture-marbles"');
    expect(error.message).toContain('acceptance 0.000%');
    expect(error.message).toContain('the check failing most: /constraints/1 "bags > 100" is false (on 100.0% of 2000 draws checked alone)');
    expect(error.where.file).toBe('fixture.json');
  });

  it('stops on a template whose answer disagrees with its last step, naming the pointer', () => {
    const broken = compileFixture({ answer: { expr: 'total - lost + 1', type: 'integer' } });
    const error = reasonforgeErrorOf(() => new TemplateSampler(broken, 1).nth(0, 0));
    expect(error.kind).toBe('template-bug');
    expect(error.where.pointer).toBe('/answer/expr');
    expect(error.message).toMatch(/gives \d+ but the last solution step gives \d+/);
  });

  it('continues a stream and restarts for an earlier index with the same result', () => {
    const template = compileFixture();
    const sampler = new TemplateSampler(template, 9);
    const forward = Array.from({ length: 20 }, (_, j) => sampler.nth(0, j).position);
    const again = new TemplateSampler(template, 9);
    expect(again.nth(0, 13).position).toBe(forward[13]);
    expect(again.nth(0, 4).position).toBe(forward[4]);
    expect(new Set(forward).size).toBe(20);
  });
});
