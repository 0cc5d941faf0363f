import { describe, expect, it } from 'vitest';
import { forEachResample, profilesOf } from '../../src/compare/resample.js';
import { Rng } from '../../src/score/rng.js';

describe('profilesOf', () => {
  it('groups equal items and keeps one of each', () => {
    const keys = ['a', 'b', 'a', 'c', 'b'];
    const { profileOfItem, representative } = profilesOf(keys.length, (i) => keys[i]!);
    expect([...profileOfItem]).toEqual([0, 1, 0, 2, 1]);
    expect([...representative]).toEqual([0, 1, 3]);
  });
});

describe('forEachResample', () => {
  it('draws small groups with replacement: the weights count items and sum to their number', () => {
    const profileOfItem = Int32Array.of(0, 0, 1, 2, 2, 2);
    const seen: number[][] = [];
    forEachResample(profileOfItem, 3, 200, Rng.keyed(1, 't'), (w) => seen.push([...w]));
    expect(seen).toHaveLength(200);
    expect(seen.every((w) => w.reduce((a, b) => a + b, 0) === 6 && w.every(Number.isInteger))).toBe(true);
    // Each item is drawn with chance 1/6 per draw: profile 2 (three items) averages 3.
    expect(seen.reduce((a, w) => a + w[2]!, 0) / 200).toBeGreaterThan(2.5);
    expect(seen.reduce((a, w) => a + w[2]!, 0) / 200).toBeLessThan(3.5);
  });

  it('gives larger groups one Poisson draw per profile, with the profile’s size as its mean', () => {
    const profileOfItem = Int32Array.from({ length: 100 }, (_, i) => (i < 80 ? 0 : 1));
    let sum0 = 0;
    let sum1 = 0;
    let integers = true;
    forEachResample(profileOfItem, 2, 2000, Rng.keyed(2, 't'), (w) => {
      sum0 += w[0]!;
      sum1 += w[1]!;
      integers &&= Number.isInteger(w[0]) && Number.isInteger(w[1]);
    });
    expect(integers).toBe(true);
    // Means 80 and 20, each within five standard errors (sqrt(80 / 2000) = 0.2, sqrt(20 / 2000) = 0.1).
    expect(Math.abs(sum0 / 2000 - 80)).toBeLessThan(1);
    expect(Math.abs(sum1 / 2000 - 20)).toBeLessThan(0.5);
  });

  it('does nothing without items', () => {
    let calls = 0;
    forEachResample(new Int32Array(0), 0, 10, Rng.keyed(0, 't'), () => calls++);
    expect(calls).toBe(0);
  });
});
