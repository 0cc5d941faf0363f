import { describe, expect, it } from 'vitest';
import { logFactorial, poisson } from '../../src/score/poisson.js';
import { Rng } from '../../src/score/rng.js';

describe('poisson', () => {
  it('draws with the probabilities of Poisson(λ): a chi-square check over the central values', () => {
    for (const lambda of [1, 3, 17, 250, 5000, 125_000]) {
      const rng = Rng.keyed(lambda, 'poisson');
      const draws = 40_000;
      const observed = new Map<number, number>();
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < draws; i++) {
        const x = poisson(lambda, rng);
        observed.set(x, (observed.get(x) ?? 0) + 1);
        sum += x;
        squares += x * x;
      }
      const mean = sum / draws;
      expect(Math.abs(mean - lambda), `λ=${lambda} mean`).toBeLessThan(5 * Math.sqrt(lambda / draws));
      expect((squares / draws - mean * mean) / lambda, `λ=${lambda} variance`).toBeGreaterThan(0.95);
      expect((squares / draws - mean * mean) / lambda, `λ=${lambda} variance`).toBeLessThan(1.05);
      // Chi-square over cells of the exact pmf (pooled to at least 200 expected draws each).
      const pmf = (k: number) => Math.exp(k * Math.log(lambda) - lambda - logFactorial(k));
      let chi = 0;
      let cells = 0;
      let expected = 0;
      let seen = 0;
      const lo = Math.max(0, Math.floor(lambda - 6 * Math.sqrt(lambda)));
      const hi = Math.ceil(lambda + 6 * Math.sqrt(lambda));
      for (let k = lo; k <= hi; k++) {
        expected += draws * pmf(k);
        seen += observed.get(k) ?? 0;
        if (expected >= 200 || k === hi) {
          chi += (seen - expected) ** 2 / expected;
          cells++;
          expected = 0;
          seen = 0;
        }
      }
      // The 0.9999 quantile of chi-square with `cells` degrees of freedom is below cells + 6 sqrt(2 cells) + 10.
      expect(chi, `λ=${lambda}: chi-square ${chi.toFixed(1)} over ${cells} cells`).toBeLessThan(cells + 6 * Math.sqrt(2 * cells) + 10);
    }
  });

  it('gives 0 for λ = 0 and refuses a non-integer λ', () => {
    expect(poisson(0, Rng.keyed(0))).toBe(0);
    expect(() => poisson(2.5, Rng.keyed(0))).toThrow(RangeError);
  });
});

describe('logFactorial', () => {
  it('matches summed logarithms on both sides of the switch to Stirling’s series', () => {
    let exact = 0;
    for (let k = 1; k <= 5000; k++) {
      exact += Math.log(k);
      if (k >= 1000) expect(logFactorial(k) / exact, `k=${k}`).toBeCloseTo(1, 13);
    }
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(1)).toBe(0);
  });
});
