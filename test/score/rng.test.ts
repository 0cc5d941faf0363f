import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/score/rng.js';

describe('Rng', () => {
  it('gives the same stream for the same key and unrelated streams for neighbouring keys', () => {
    const a = Array.from(
      { length: 8 },
      (
        (r) => () =>
          r.next()
      )(Rng.keyed(1, 'x')),
    );
    const b = Array.from(
      { length: 8 },
      (
        (r) => () =>
          r.next()
      )(Rng.keyed(1, 'x')),
    );
    const c = Array.from(
      { length: 8 },
      (
        (r) => () =>
          r.next()
      )(Rng.keyed(2, 'x')),
    );
    const d = Array.from(
      { length: 8 },
      (
        (r) => () =>
          r.next()
      )(Rng.keyed(1, 'y')),
    );
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a).not.toEqual(d);
    for (const x of a) expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
  });

  it('draws below(m) uniformly in [0, m), including m = 1 and m beyond 2^21', () => {
    const rng = Rng.keyed(5, 'below');
    for (let i = 0; i < 100; i++) expect(rng.below(1)).toBe(0);
    for (const m of [3, 7, 1000, 3_000_001]) {
      let outside = 0;
      for (let i = 0; i < 2000; i++) {
        const x = rng.below(m);
        if (!(Number.isInteger(x) && x >= 0 && x < m)) outside++;
      }
      expect(outside, `m=${m}`).toBe(0);
    }
    const counts = new Array<number>(6).fill(0);
    const draws = 60_000;
    for (let i = 0; i < draws; i++) counts[rng.below(6)]!++;
    const sd = Math.sqrt((draws * (1 / 6) * 5) / 6);
    for (const count of counts) expect(Math.abs(count - draws / 6)).toBeLessThan(6 * sd);
  });

  it('counts heads with the mean and variance of Binomial(n, 1/2)', () => {
    const rng = Rng.keyed(9, 'heads');
    expect(rng.heads(0)).toBe(0);
    for (const n of [1, 31, 32, 33, 100]) {
      const draws = 20_000;
      let sum = 0;
      let squares = 0;
      let outside = 0;
      for (let i = 0; i < draws; i++) {
        const h = rng.heads(n);
        if (h < 0 || h > n || !Number.isInteger(h)) outside++;
        sum += h;
        squares += h * h;
      }
      expect(outside).toBe(0);
      const mean = sum / draws;
      const variance = squares / draws - mean * mean;
      expect(Math.abs(mean - n / 2)).toBeLessThan(6 * Math.sqrt(n / 4 / draws));
      expect(variance / (n / 4)).toBeGreaterThan(0.9);
      expect(variance / (n / 4)).toBeLessThan(1.1);
    }
  });

  it('draws floats in [0, 1)', () => {
    const rng = Rng.keyed(0, 'float');
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = rng.float();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.02);
  });
});

describe('Rng.fillBelow', () => {
  it('draws exactly what as many below(m) calls would, and leaves the stream at the same place', () => {
    for (const m of [1, 2, 7, 1000, 123_457, 3_000_001]) {
      const one = Rng.keyed(4, 'fill', m);
      const many = Rng.keyed(4, 'fill', m);
      const expected = Int32Array.from({ length: 777 }, () => one.below(m));
      const out = new Int32Array(777);
      many.fillBelow(out, m);
      expect(Array.from(out)).toEqual(Array.from(expected));
      expect(many.next()).toBe(one.next());
    }
  });
});
