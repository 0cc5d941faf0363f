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

/** The exact two-sided tail for integer differences, by convolving each item's ±|d| (an independent reference). */
function convolvedTail(d: number[]): number {
  const total = d.reduce((a, x) => a + Math.abs(x), 0);
  let dist = new Float64Array(2 * total + 1);
  dist[total] = 1;
  for (const x of d) {
    const m = Math.abs(x);
    const next = new Float64Array(dist.length);
    for (let s = 0; s < dist.length; s++) {
      const w = dist[s]!;
      if (w === 0) continue;
      if (s + m < next.length) next[s + m]! += w / 2;
      if (s - m >= 0) next[s - m]! += w / 2;
    }
    dist = next;
  }
  const observed = Math.abs(d.reduce((a, b) => a + b, 0));
  let tail = 0;
  for (let s = 0; s < dist.length; s++) if (Math.abs(s - total) >= observed) tail += dist[s]!;
  return tail;
}

/** The exact tail by enumerating, per magnitude, how many of its signs are positive (binomial weights). */
function enumeratedByCounts(magnitudes: number[], raw: [number, boolean][]): number {
  const counts = magnitudes.map((_, m) => raw.filter(([x]) => x === m).length);
  const observed = Math.abs(raw.reduce((a, [m, positive]) => a + (positive ? 1 : -1) * magnitudes[m]!, 0));
  const pmf = (n: number) => {
    const out: number[] = [];
    let c = 1;
    for (let y = 0; y <= n; y++) {
      out.push(c / 2 ** n);
      c = (c * (n - y)) / (y + 1);
    }
    return out;
  };
  const pmfs = counts.map(pmf);
  let tail = 0;
  const visit = (g: number, total: number, weight: number): void => {
    if (g === magnitudes.length) {
      if (Math.abs(total) >= observed - 1e-9) tail += weight;
      return;
    }
    for (let y = 0; y <= counts[g]!; y++) visit(g + 1, total + magnitudes[g]! * (2 * y - counts[g]!), weight * pmfs[g]![y]!);
  };
  visit(0, 0, 1);
  return tail;
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

  it('is exact on small groups: equal to listing all 2^m sign patterns', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1 / 3, -2 / 3), { minLength: 1, maxLength: 14 }), (raw) => {
        const result = signFlipTest(Float64Array.from(raw), 1000, Rng.keyed(0));
        expect(result.method).toBe('exact');
        expect(result.p_value).toBeCloseTo(enumerateSignFlips(raw), 12);
      }),
      { numRuns: runs(200, 3000) },
    );
  });

  it('is exact on larger groups of fractions too, by convolution on their integer grid', () => {
    // Quarter-point differences: the grid of quarters, and an independent reference on it.
    const quarters = fc.array(fc.constantFrom(-4, -3, -2, -1, 0, 1, 2, 3, 4), { minLength: 50, maxLength: 400 });
    fc.assert(
      fc.property(quarters, fc.integer({ min: -3, max: 3 }), (raw, shift) => {
        // Tilt some signs so that p-values cover the range, not only the centre.
        const tilted = raw.map((x, i) => (i % 7 < Math.abs(shift) ? Math.sign(shift) * Math.abs(x) : x));
        const result = signFlipTest(
          Float64Array.from(tilted, (x) => x / 4),
          100,
          Rng.keyed(0),
        );
        expect(result.method).toBe('exact');
        expect(result.p_value).toBeCloseTo(convolvedTail(tilted), 10);
      }),
      { numRuns: runs(40, 400) },
    );
  });

  it('estimates by Monte Carlo off any small grid, within its error of the exact value', () => {
    // Magnitudes that are no fraction with a small denominator; the reference enumerates positive-sign counts per magnitude.
    const irrational = [Math.SQRT2 / 10, Math.sqrt(3) / 10, Math.PI / 20, Math.E / 30];
    const data = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.boolean()), { minLength: 40, maxLength: 90 });
    fc.assert(
      fc.property(data, fc.nat(), (raw, seed) => {
        const d = raw.map(([m, positive]) => (positive ? 1 : -1) * irrational[m]!);
        const permutations = 20_000;
        const result = signFlipTest(Float64Array.from(d), permutations, Rng.keyed(seed, 'flip'));
        expect(result.method).toBe('monte-carlo');
        const truth = enumeratedByCounts(irrational, raw);
        expect(Math.abs(result.p_value - truth)).toBeLessThan(5 * Math.sqrt((truth * (1 - truth)) / permutations) + 2 / permutations);
      }),
      { numRuns: runs(6, 60) },
    );
  });

  it('is reproducible for one seed, never 0, and 1 when nothing differs', () => {
    // Off any small grid, so Monte Carlo; a large one-sided effect, so no permutation is as extreme
    // and p is the smallest a Monte Carlo test can give, never 0.
    const d = Float64Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? Math.SQRT2 / 3 : i % 5 === 0 ? -Math.PI / 20 : Math.E / 19));
    const a = signFlipTest(d, 5000, Rng.keyed(7, 'x'));
    expect(a.method).toBe('monte-carlo');
    expect(signFlipTest(d, 5000, Rng.keyed(7, 'x'))).toEqual(a);
    expect(a.p_value).toBe(1 / 5001);
    expect(signFlipTest(d, 5000, Rng.keyed(8, 'x')).permutations).toBe(5000);
    // The same effect on a grid: exact, and far smaller than any Monte Carlo p-value.
    const grid = signFlipTest(
      Float64Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0.5 : i % 5 === 0 ? -0.25 : 0.125)),
      5000,
      Rng.keyed(7, 'x'),
    );
    expect(grid.method).toBe('exact');
    expect(grid.p_value).toBeLessThan(1e-20);
    expect(grid.p_value).toBeGreaterThan(0);
    expect(signFlipTest(new Float64Array(10), 100, Rng.keyed(0)).p_value).toBe(1);
  });

  it('treats rounding residues as zeros and 2/3 - 1/3 as the magnitude 1/3', () => {
    const d = Float64Array.from([2 / 3 - 1 / 3, 1 / 3, -(1 / 3), 2 / 3 - 1 / 3 - 1 / 3]);
    const result = signFlipTest(d, 100, Rng.keyed(0));
    expect(result.method).toBe('exact');
    expect(result.p_value).toBeCloseTo(mcnemar(2, 1), 12);
  });
});

describe('exactBinomialTwoSided', () => {
  it('matches the BigInt computation and stays positive far in the tail', () => {
    for (const [n, s] of [
      [10, 0],
      [10, 3],
      [25, 12],
      [100, 30],
      [200, 150],
    ] as const)
      expect(exactBinomialTwoSided(n, s)).toBeCloseTo(mcnemar(s, n - s), 12);
    const tiny = exactBinomialTwoSided(5000, 0);
    expect(tiny).toBeGreaterThan(0);
    expect(tiny).toBeLessThan(1e-300);
  });
});
