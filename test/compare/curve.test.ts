import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CurveCache, passCurve } from '../../src/compare/curve.js';
import { passAtK } from '../../src/score/pass-at-k.js';
import { runs } from '../support/runs.js';

/** 1 - C(n-c, k) / C(n, k) in exact integer arithmetic, then to a double: the definition, not the recurrence. */
function exactPassAtK(n: number, c: number, k: number): number {
  const choose = (a: number, b: number): bigint => {
    if (b < 0 || b > a) return 0n;
    let result = 1n;
    for (let i = 1; i <= b; i++) result = (result * BigInt(a - b + i)) / BigInt(i);
    return result;
  };
  const total = choose(n, k);
  const missed = choose(n - c, k);
  // 1 - missed/total to 1e-15: scale the exact fraction before dividing.
  const scale = 10n ** 18n;
  return Number(((total - missed) * scale) / total) / 1e18;
}

describe('passCurve', () => {
  it('is the exact pass@k at every k, for n up to 2,048 and k up to 1,024', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 2048 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }), fc.integer({ min: 1, max: Math.min(n, 1024) }))),
        ([n, c, k]) => {
          const curve = passCurve(n, c, k);
          expect(curve[k]).toBeCloseTo(exactPassAtK(n, c, k), 12);
        },
      ),
      { numRuns: runs(200, 5000) },
    );
  });

  it('agrees with score’s passAtK at every k of a curve', () => {
    for (const [n, c] of [
      [1, 0],
      [1, 1],
      [8, 3],
      [100, 1],
      [2048, 2047],
      [2048, 5],
      [333, 200],
    ] as const) {
      const curve = passCurve(n, c, Math.min(n, 1024));
      for (let k = 1; k <= Math.min(n, 1024); k++) expect(Math.abs(curve[k]! - passAtK(n, c, k))).toBeLessThan(1e-12);
    }
  });

  it('keeps tiny chances: one right sample in 2,048 at k = 1 is 1/2048, not 0', () => {
    expect(passCurve(2048, 1, 1)[1]).toBeCloseTo(1 / 2048, 15);
    expect(passCurve(2048, 0, 1024).every((v) => v === 0)).toBe(true);
    expect(
      passCurve(16, 16, 16)
        .slice(1)
        .every((v) => v === 1),
    ).toBe(true);
  });

  it('refuses what pass@k does not define', () => {
    expect(() => passCurve(4, 5, 1)).toThrow(RangeError);
    expect(() => passCurve(4, 2, 5)).toThrow(RangeError);
  });
});

describe('CurveCache', () => {
  it('computes each (n, c) once, up to the smaller of K and n', () => {
    const cache = new CurveCache(8);
    const a = cache.curve(16, 3);
    expect(cache.curve(16, 3)).toBe(a);
    expect(a).toHaveLength(9);
    expect(cache.curve(4, 1)).toHaveLength(5);
    expect(cache.size).toBe(2);
  });
});
