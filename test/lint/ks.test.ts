import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ksDistance } from '../../src/lint/ks.js';

describe('ksDistance', () => {
  it('is 0 for the same sample, whatever its order, and 1 for samples that do not overlap', () => {
    expect(ksDistance([3, 1, 2, 2], [2, 3, 2, 1])).toBe(0);
    expect(ksDistance([1, 2, 3], [10, 20])).toBe(1);
    expect(ksDistance([], [1])).toBe(1);
  });

  it('is the largest gap between the two step functions, ties counted at once', () => {
    // F_a: 1 -> 1/2, 2 -> 1; F_b: 1 -> 1/4, 2 -> 1/4, 3 -> 1. Largest gap at 2: |1 - 1/4|.
    expect(ksDistance([1, 2], [1, 3, 3, 3])).toBeCloseTo(0.75, 12);
    // Tied values: a = {5, 5, 6}, b = {5, 6, 6}. At 5: 2/3 against 1/3.
    expect(ksDistance([5, 5, 6], [5, 6, 6])).toBeCloseTo(1 / 3, 12);
  });

  it('is symmetric, between 0 and 1, and unchanged by adding the same constant to both samples', () => {
    const sample = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(sample, sample, fc.integer({ min: -100, max: 100 }), (a, b, shift) => {
        const d = ksDistance(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
        expect(ksDistance(b, a)).toBeCloseTo(d, 12);
        expect(
          ksDistance(
            a.map((x) => x + shift),
            b.map((x) => x + shift),
          ),
        ).toBeCloseTo(d, 12);
      }),
    );
  });
});
