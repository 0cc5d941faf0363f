import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachSubset } from '../../src/score/combinations.js';
import { passAtK } from '../../src/score/pass-at-k.js';
import { runs } from '../support/runs.js';

/** C(n, k) exactly, with BigInt. */
function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let value = 1n;
  for (let i = 1; i <= k; i++) value = (value * BigInt(n - k + i)) / BigInt(i);
  return value;
}

/** The textbook formula 1 - C(n-c, k) / C(n, k), evaluated exactly and then divided once. */
function direct(n: number, c: number, k: number): number {
  const total = choose(n, k);
  const allWrong = choose(n - c, k);
  // Scale before dividing so that the one rounding happens at the end.
  const scale = 10n ** 30n;
  return 1 - Number((allWrong * scale) / total) / 1e30;
}

describe('passAtK', () => {
  it('matches the binomial formula evaluated exactly, for every n <= 30, c and k', () => {
    for (let n = 1; n <= 30; n++) {
      for (let c = 0; c <= n; c++) {
        for (let k = 1; k <= n; k++) expect(passAtK(n, c, k), `n=${n} c=${c} k=${k}`).toBeCloseTo(direct(n, c, k), 12);
      }
    }
  });

  it('matches brute-force enumeration of every k-subset of the samples', () => {
    for (let n = 1; n <= 10; n++) {
      for (let c = 0; c <= n; c++) {
        // Which samples are right does not matter; put the right ones last to exercise the indexing.
        const right = Array.from({ length: n }, (_, i) => i >= n - c);
        for (let k = 1; k <= n; k++) {
          let hit = 0;
          let total = 0;
          forEachSubset(n, k, (subset) => {
            total++;
            if (Array.from(subset).some((i) => right[i])) hit++;
          });
          expect(passAtK(n, c, k), `n=${n} c=${c} k=${k}`).toBeCloseTo(hit / total, 12);
        }
      }
    }
  });

  it('stays exact-to-rounding where the binomials overflow a double (n up to 2000)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 2000 }).chain((n) => fc.tuple(fc.constant(n), fc.nat({ max: n }), fc.integer({ min: 1, max: n }))),
        ([n, c, k]) => {
          const value = passAtK(n, c, k);
          expect(Number.isFinite(value)).toBe(true);
          expect(value).toBeCloseTo(direct(n, c, k), 9);
        },
      ),
      { numRuns: runs(30, 300) },
    );
  });

  it('is 0 with no right sample, 1 when fewer than k are wrong, c/n at k = 1, and grows with k and c', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }).chain((n) => fc.tuple(fc.constant(n), fc.nat({ max: n }), fc.integer({ min: 1, max: n }))),
        ([n, c, k]) => {
          const value = passAtK(n, c, k);
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
          if (c === 0) expect(value).toBe(0);
          if (n - c < k) expect(value).toBe(1);
          expect(passAtK(n, c, 1)).toBeCloseTo(c / n, 14);
          if (k < n) expect(passAtK(n, c, k + 1)).toBeGreaterThanOrEqual(value - 1e-15);
          if (c < n) expect(passAtK(n, c + 1, k)).toBeGreaterThanOrEqual(value - 1e-15);
        },
      ),
      { numRuns: runs(200, 5000) },
    );
  });

  it('refuses k > n, k < 1, c > n and non-integers', () => {
    expect(() => passAtK(4, 1, 5)).toThrow(RangeError);
    expect(() => passAtK(4, 1, 0)).toThrow(RangeError);
    expect(() => passAtK(4, 5, 1)).toThrow(RangeError);
    expect(() => passAtK(4, 1.5, 1)).toThrow(RangeError);
  });
});
