import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/score/rng.js';
import { exactBinomialTwoSided, signFlipTest } from '../../src/score/sign-flip.js';
import { runs } from '../support/runs.js';

/** Exact McNemar p-value from first principles: 2 P(X <= min(b, c)), X ~ Binomial(b + c, 1/2), with BigInt. */
function mcnemar(b: number, c: number): number {
  const n = b + c;
  if (b === c) return 1;
  let tail = 0n;
  let term = 1n; // C(n, 0)
  for (let j = 0; j <= Math.min(b, c); j++) {
    tail += term;
    term = (term * BigInt(n - j)) / BigInt(j + 1);
  }
  return Math.min(1, (2 * Number((tail * 10n ** 18n) / 2n ** BigInt(n))) / 1e18);
}

/** The permutation distribution by listing all 2^m sign patterns. */
function enumerateSignFlips(d: number[]): number {
  const nonzero = d.filter((x) => x !== 0);
  const observed = Math.abs(nonzero.reduce((a, b) => a + b, 0));
  let extreme = 0;
  for (let mask = 0; mask < 1 << nonzero.length; mask++) {
    let total = 0;
    nonzero.forEach((x, i) => (total += mask & (1 << i) ? -Math.abs(x) : Math.abs(x)));
    if (Math.abs(total) >= observed - 1e-9) extreme++;
  }
  return extreme / 2 ** nonzero.length;
}

describe('signFlipTest', () => {
  it('is the exact McNemar test on one-sample-per-item pairs', () => {
    fc.assert(
      fc.property(fc.nat({ max: 60 }), fc.nat({ max: 60 }), fc.nat({ max: 40 }), (b, c, ties) => {
        const d = new Float64Array([...Array<number>(b).fill(1), ...Array<number>(c).fill(-1), ...Array<number>(ties).fill(0)]);
        const result = signFlipTest(d, 100, Rng.keyed(0));
        expect(result.method).toBe('exact');
        expect(result.p_value).toBeCloseTo(b + c === 0 ? 1 : mcnemar(b, c), 12);
      }),
      { numRuns: runs(200, 3000) },
    );
  });

  it('agrees with full enumeration of the sign patterns when magnitudes differ (Monte Carlo)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1), { minLength: 2, maxLength: 13 }), fc.nat(), (raw, seed) => {
        const magnitudes = new Set(raw.filter((x) => x !== 0).map(Math.abs));
        fc.pre(magnitudes.size >= 2);
        const permutations = 20_000;
        const result = signFlipTest(Float64Array.from(raw), permutations, Rng.keyed(seed, 'flip'));
        expect(result.method).toBe('monte-carlo');
        const truth = enumerateSignFlips(raw);
        // Monte Carlo error: 5 standard deviations of a proportion from 20,000 draws, plus the +1 correction.
        expect(Math.abs(result.p_value - truth)).toBeLessThan(5 * Math.sqrt((truth * (1 - truth)) / permutations) + 2 / permutations);
      }),
      { numRuns: runs(30, 300) },
    );
  });

  it('is reproducible for one seed, never 0, and 1 when nothing differs', () => {
    const d = Float64Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0.5 : i % 5 === 0 ? -0.25 : 0.125));
    const a = signFlipTest(d, 5000, Rng.keyed(7, 'x'));
    expect(signFlipTest(d, 5000, Rng.keyed(7, 'x'))).toEqual(a);
    // A large one-sided effect: every permutation is less extreme, so p is the smallest a Monte Carlo test can give.
    expect(a.p_value).toBe(1 / 5001);
    expect(signFlipTest(new Float64Array(10), 100, Rng.keyed(0)).p_value).toBe(1);
  });

  it('treats rounding residues as zeros and 2/3 - 1/3 as the magnitude 1/3', () => {
    const d = Float64Array.from([2 / 3 - 1 / 3, 1 / 3, -(1 / 3), (2 / 3 - 1 / 3) - 1 / 3]);
    const result = signFlipTest(d, 100, Rng.keyed(0));
    expect(result.method).toBe('exact');
    expect(result.p_value).toBeCloseTo(mcnemar(2, 1), 12);
  });
});

describe('exactBinomialTwoSided', () => {
  it('matches the BigInt computation and stays positive far in the tail', () => {
    for (const [n, s] of [[10, 0], [10, 3], [25, 12], [100, 30], [200, 150]] as const) expect(exactBinomialTwoSided(n, s)).toBeCloseTo(mcnemar(s, n - s), 12);
    const tiny = exactBinomialTwoSided(5000, 0);
    expect(tiny).toBeGreaterThan(0);
    expect(tiny).toBeLessThan(1e-300);
  });
});
