import { describe, expect, it } from 'vitest';
import { binomial, forEachSubset, randomSubset } from '../../src/score/combinations.js';
import { Rng } from '../../src/score/rng.js';

describe('forEachSubset', () => {
  it('visits C(n, k) distinct ascending subsets in lexicographic order', () => {
    for (let n = 0; n <= 9; n++) {
      for (let k = 0; k <= n; k++) {
        const seen: string[] = [];
        forEachSubset(n, k, (s) => {
          const list = Array.from(s);
          for (let i = 1; i < list.length; i++) expect(list[i]).toBeGreaterThan(list[i - 1]!);
          seen.push(list.map((x) => String(x).padStart(2, '0')).join(','));
        });
        expect(seen.length).toBe(binomial(n, k));
        expect(new Set(seen).size).toBe(seen.length);
        expect([...seen].sort()).toEqual(seen);
      }
    }
  });
});

describe('binomial', () => {
  it('satisfies Pascal’s rule and the edges', () => {
    for (let n = 1; n <= 50; n++) {
      expect(binomial(n, 0)).toBe(1);
      expect(binomial(n, n)).toBe(1);
      expect(binomial(n, n + 1)).toBe(0);
      for (let k = 1; k < n; k++) expect(binomial(n, k)).toBe(binomial(n - 1, k - 1) + binomial(n - 1, k));
    }
  });
});

describe('randomSubset', () => {
  it('draws every 2-subset of 5 about equally often', () => {
    const rng = Rng.keyed(3, 'subsets');
    const out = new Int32Array(2);
    const scratch = new Int32Array(5);
    const counts = new Map<string, number>();
    const draws = 50_000;
    let unsorted = 0;
    for (let i = 0; i < draws; i++) {
      randomSubset(5, out, scratch, (m) => rng.below(m));
      if (out[0]! >= out[1]!) unsorted++;
      const key = `${out[0]},${out[1]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(unsorted).toBe(0);
    expect(counts.size).toBe(10);
    // Each of the 10 subsets has probability 1/10; 6 standard deviations of slack.
    const sd = Math.sqrt(draws * 0.1 * 0.9);
    for (const count of counts.values()) expect(Math.abs(count - draws / 10)).toBeLessThan(6 * sd);
  });
});
