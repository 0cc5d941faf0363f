import { describe, expect, it } from 'vitest';
import { crossover, type CrossoverInput } from '../../src/compare/crossover.js';
import { passCurve } from '../../src/compare/curve.js';
import { profilesOf } from '../../src/compare/resample.js';
import { Rng } from '../../src/score/rng.js';

/**
 * Items as (cA, cB) counts of right samples out of n: the crossover of the
 * mean pass@k curves, checked against a scan written here from the
 * definition (every k, exact curves), and its bootstrap interval's behaviour.
 */
function input(items: readonly (readonly [number, number])[], n: number, kMax = n): CrossoverInput {
  const { profileOfItem, representative } = profilesOf(items.length, (i) => items[i]!.join(','));
  return {
    a: Array.from(representative, (i) => passCurve(n, items[i]![0], kMax)),
    b: Array.from(representative, (i) => passCurve(n, items[i]![1], kMax)),
    profileOfItem,
    positions: Array.from({ length: kMax }, (_, i) => i + 1),
    kOf: (p) => p,
    searched: 'every-k',
  };
}

/** The definition: the first k at which the model behind at k = 1 is ahead. */
function scan(items: readonly (readonly [number, number])[], n: number, kMax = n): number | null {
  const mean = (k: number, side: 0 | 1) => items.reduce((s, item) => s + passCurve(n, item[side], k)[k]!, 0) / items.length;
  const leaderB = mean(1, 1) > mean(1, 0);
  for (let k = 1; k <= kMax; k++) {
    const d = mean(k, 1) - mean(k, 0);
    if (leaderB ? d < -1e-12 : d > 1e-12) return k;
  }
  return null;
}

const options = (resamples: number) => ({ resamples, confidence: 0.95, rng: () => Rng.keyed(3, 'test') });

// A: sure on 60 easy items, hopeless on 40 hard ones; B: 10% right on everything.
const rlAndBase = [...Array.from({ length: 60 }, () => [58, 6] as const), ...Array.from({ length: 40 }, () => [0, 6] as const)];

describe('crossover', () => {
  it('finds the k at which the diverse model overtakes, as a scan of every k does', () => {
    const x = crossover(input(rlAndBase, 64), options(0));
    expect(x.leader).toBe('a');
    expect(x.k).toBe(scan(rlAndBase, 64));
    expect(x.k).toBeGreaterThan(1);
    expect(x.crossings).toEqual([x.k]);
    expect(x.interval).toBeNull();
  });

  it('gives an interval around it from the bootstrap, found by bisection between powers of two', () => {
    const x = crossover(input(rlAndBase, 64), options(300));
    expect(x.interval!.resamples).toBe(300);
    expect(x.interval!.low!).toBeLessThanOrEqual(x.k!);
    expect(x.interval!.high!).toBeGreaterThanOrEqual(x.k!);
    expect(x.interval!.with_crossover).toBe(300);
    expect(crossover(input(rlAndBase, 64), options(300))).toEqual(x);
  });

  it('says "no crossover" when the leader stays ahead, and counts resamples that cross anyway', () => {
    const ahead = Array.from({ length: 80 }, (_, i) => [(i % 8) + 4, i % 8] as const);
    const x = crossover(input(ahead, 16), options(200));
    expect(x).toMatchObject({ leader: 'a', k: null, crossings: [], k_max: 16 });
    expect(x.interval).toMatchObject({ low: null, high: null, with_crossover: 0 });
  });

  it('ends the interval beyond K when some resamples never cross', () => {
    // A solves 20 of 42 items always (47.6%); B one sample in 8 of each, so pass@4 = 50%: a crossover
    // at the last k that many resamples, with a few more of A's items, do not have.
    const items = [...Array.from({ length: 20 }, () => [8, 1] as const), ...Array.from({ length: 22 }, () => [0, 1] as const)];
    const x = crossover(input(items, 8, 4), options(400));
    expect(x.k).toBe(4);
    expect(scan(items, 8, 4)).toBe(4);
    expect(x.interval!.high).toBeNull();
    expect(x.interval!.with_crossover).toBeLessThan(400);
  });

  it('lists every change of order when the curves cross back', () => {
    // Constructed curves: B ahead at k = 1 and 2, behind at 3 and 4, ahead again from 5.
    const a = [Float64Array.of(0, 0.5, 0.6, 0.7, 0.8, 0.8, 0.8)];
    const b = [Float64Array.of(0, 0.6, 0.65, 0.65, 0.7, 0.9, 0.95)];
    const x = crossover({ a, b, profileOfItem: Int32Array.of(0, 0, 0), positions: [1, 2, 3, 4, 5, 6], kOf: (p) => p, searched: 'every-k' }, options(0));
    expect(x).toMatchObject({ leader: 'b', k: 3, crossings: [3, 5] });
  });

  it('on a grid, answers only with k of the grid', () => {
    const ks = [1, 2, 4, 8];
    const a = [Float64Array.of(0.5, 0.6, 0.62, 0.63)];
    const b = [Float64Array.of(0.3, 0.5, 0.7, 0.9)];
    const x = crossover({ a, b, profileOfItem: new Int32Array(60), positions: [0, 1, 2, 3], kOf: (p) => ks[p]!, searched: 'grid' }, options(50));
    expect(x).toMatchObject({ leader: 'a', k: 4, k_max: 8, searched: 'grid' });
    expect(x.interval).toMatchObject({ low: 4, high: 4 });
  });

  it('has no leader when the curves are the same', () => {
    const same = Array.from({ length: 10 }, (_, i) => [i, i] as const);
    expect(crossover(input(same, 10), options(20))).toMatchObject({ leader: null, k: null, interval: null });
  });
});
