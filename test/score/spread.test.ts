import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogram, spreadOverSets } from '../../src/score/spread.js';
import { runs } from '../support/runs.js';

const setsArb = fc.array(fc.record({ accuracy: fc.double({ min: 0, max: 1, noNaN: true }), items: fc.integer({ min: 1, max: 50 }) }), {
  minLength: 1,
  maxLength: 80,
});

describe('spreadOverSets', () => {
  it('reports mean, sample std, min, max and totals of the per-set accuracies', () => {
    fc.assert(
      fc.property(setsArb, (raw) => {
        const perSet = raw.map((r, set) => ({ set, accuracy: r.accuracy, items: r.items, samples: r.items * 4 }));
        const spread = spreadOverSets(perSet)!;
        const values = raw.map((r) => r.accuracy);
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        expect(spread.sets).toBe(values.length);
        expect(spread.mean).toBeCloseTo(mean, 12);
        expect(spread.min).toBe(Math.min(...values));
        expect(spread.max).toBe(Math.max(...values));
        if (values.length < 2) expect(spread.std).toBeNull();
        else expect(spread.std).toBeCloseTo(Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1)), 12);
        expect(spread.items).toBe(raw.reduce((a, r) => a + r.items, 0));
        expect(spread.samples).toBe(4 * spread.items);
      }),
      { numRuns: runs(200, 3000) },
    );
  });

  it('has nothing to say about no sets', () => {
    expect(spreadOverSets([])).toBeNull();
  });
});

describe('histogram', () => {
  it('puts every value in exactly one contiguous, equal-width bin that contains it', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 200 }), (values) => {
        const { bin_width: width, bins } = histogram(values, Math.min(...values), Math.max(...values));
        expect(bins.reduce((a, b) => a + b.count, 0)).toBe(values.length);
        for (let i = 0; i < bins.length; i++) {
          expect(bins[i]!.end - bins[i]!.start).toBeCloseTo(width, 9);
          if (i > 0) expect(bins[i]!.start).toBe(bins[i - 1]!.end);
        }
        for (const v of values) {
          const holding = bins.filter((b, i) => v >= b.start - 1e-9 && (v < b.end - 1e-9 || (i === bins.length - 1 && v <= b.end + 1e-9)));
          expect(holding.length, `value ${v}`).toBeGreaterThanOrEqual(1);
        }
        // About sqrt(n) bins, at least five, never absurdly many.
        expect(bins.length).toBeLessThanOrEqual(Math.max(5, Math.ceil(Math.sqrt(values.length))) + 2);
      }),
      { numRuns: runs(300, 5000) },
    );
  });

  it('uses round bin edges (GSM-Symbolic-like sets between 70% and 80%)', () => {
    const values = Array.from({ length: 50 }, (_, i) => 0.7 + (i % 11) / 100);
    const { bin_width: width, bins } = histogram(values, 0.7, 0.8);
    expect(width).toBe(0.02);
    expect(bins[0]!.start).toBe(0.7);
    for (const bin of bins) expect(Number((bin.start / width).toFixed(6)) % 1).toBe(0);
  });
});
