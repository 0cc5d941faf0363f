import { describe, expect, it } from 'vitest';
import * as N from '../../src/exact/num.js';
import { isEntity } from '../../src/expr/types.js';
import { formatNumber } from '../../src/template/format.js';
import { domainOf, VariableError } from '../../src/template/variables.js';
import { pools } from '../support/spec.js';

const domain = (spec: Parameters<typeof domainOf>[0]) => domainOf(spec, pools, 'fixture.json', 'x');
const shown = (spec: Parameters<typeof domainOf>[0]) => {
  const d = domain(spec);
  return Array.from({ length: d.size }, (_, k) => {
    const value = d.valueAt(k);
    return isEntity(value) ? value.name : formatNumber(value, d.format);
  });
};

describe('variable domains', () => {
  it('lists integer ranges with their step', () => {
    expect(shown({ int: [10, 50], step: 10 })).toEqual(['10', '20', '30', '40', '50']);
  });

  it('lists decimals exactly: whole values as whole numbers, the rest with the places the step is written with', () => {
    expect(shown({ decimal: [1, 2], step: 0.25 })).toEqual(['1', '1.25', '1.50', '1.75', '2']);
    expect(shown({ decimal: ['0.9', '1.2'], step: '0.10' })).toEqual(['0.90', '1', '1.10', '1.20']);
    expect(shown({ decimal: [0.5, 1.5], step: 0.5 })).toEqual(['0.5', '1', '1.5']);
    expect(N.canonical(domain({ decimal: [0.1, 0.3], step: 0.1 }).valueAt(2) as N.Num)).toBe('0.3');
  });

  it('takes exact values, fractions included', () => {
    expect(shown({ values: ['1/2', '3/4', 3] })).toEqual(['1/2', '3/4', '3']);
    expect(shown({ values: [0.5, '0.75', 3] })).toEqual(['0.5', '0.75', '3']);
  });

  it("knows each number domain's smallest value and whether all its values are whole, as listing them would find", () => {
    const specs: Parameters<typeof domainOf>[0][] = [
      { int: [10, 50], step: 10 },
      { int: [-3, 4] },
      { int: [7, 7] },
      { decimal: [1, 2], step: 0.25 },
      { decimal: ['0.5', '3'], step: '0.5' },
      { values: ['3/4', 2, 5] },
      { values: [9, 4, 12] },
    ];
    const summaries = specs.map((spec) => domain(spec).numbers);
    expect(summaries).toEqual([
      { smallest: 10, whole: true },
      { smallest: -3, whole: true },
      { smallest: 7, whole: true },
      { smallest: 1, whole: false },
      { smallest: 0.5, whole: false },
      { smallest: 0.75, whole: false },
      { smallest: 4, whole: true },
    ]);
    for (const spec of specs) {
      const d = domain(spec);
      const values = Array.from({ length: d.size }, (_, k) => d.valueAt(k) as N.Num);
      expect(d.numbers).toEqual({ smallest: Math.min(...values.map(N.toNumber)), whole: values.every((v) => N.isInteger(v)) });
    }
    expect(domain({ pool: 'names' }).numbers).toBeUndefined();
  });

  it('draws entities from pools and word lists', () => {
    expect(domain({ pool: 'names' }).size).toBe(pools.get('names')!.entries.length);
    expect(shown({ words: ['red', 'blue'] })).toEqual(['red', 'blue']);
  });

  it.each([
    [{ decimal: [1, 2], step: 0.3 }, /not a whole number of steps/],
    [{ decimal: [1, 2], step: 1 }, /terminating decimal below 1/],
    [{ decimal: [1, 2], step: '1/3' }, /terminating decimal below 1/],
    [{ int: [0, 10_000_000] }, /at most 1000000/],
    [{ pool: 'planets' }, /unknown pool "planets"/],
  ])('refuses %j', (spec, message) => {
    expect(() => domain(spec as Parameters<typeof domainOf>[0])).toThrow(VariableError);
    expect(() => domain(spec as Parameters<typeof domainOf>[0])).toThrow(message);
  });
});
