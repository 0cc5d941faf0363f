import type { Rng } from '../score/rng.js';
import { forEachResample } from './resample.js';

/**
 * Where one model's curve overtakes the other's. With D(k) = B(k) - A(k),
 * averaged over items, the leader is the model ahead at the smallest k where
 * the two differ, and the crossover k is the smallest k at which the other
 * model is strictly ahead: "the base model overtakes the RL model at k = 37".
 * Curves can cross more than once; every change of order is listed.
 *
 * The interval comes from the bootstrap over items: each resample reweights
 * the items (as profiles), recomputes the whole difference curve and finds
 * its crossover, with the leader fixed to the point estimate's (a resample
 * in which the other model already leads at k = 1 crosses at 1). Resamples
 * without a crossover count as beyond the last k, so an interval can end in
 * "beyond k = K". For curves known at every k (pass@k, CoT-pass@k) a
 * resample's crossover is found on the powers of two and then, inside the
 * first octave where the order has turned, by bisection: exact unless the
 * curves cross back and forth within one octave.
 */
export interface Crossover {
  readonly leader: 'a' | 'b' | null;
  /** null: the other model never leads, up to k_max (or the curves are identical). */
  readonly k: number | null;
  /** Every k at which the order changes, in the point estimate (the first 20). */
  readonly crossings: readonly number[];
  readonly k_max: number;
  /** 'every-k': all k from 1 to k_max; 'grid': only the k where the curves are known (maj@k). */
  readonly searched: 'every-k' | 'grid';
  /** null with no resamples; low or high null means beyond k_max. */
  readonly interval: { readonly low: number | null; readonly high: number | null; readonly resamples: number; readonly with_crossover: number } | null;
}

export interface CrossoverInput {
  /** Per profile, each model's curve, indexed by position (k itself for every-k curves; the grid's index otherwise). */
  readonly a: readonly Float64Array[];
  readonly b: readonly Float64Array[];
  readonly profileOfItem: Int32Array;
  /** Candidate positions, ascending, and the k each stands for. */
  readonly positions: readonly number[];
  readonly kOf: (position: number) => number;
  readonly searched: 'every-k' | 'grid';
}

export interface CrossoverOptions {
  readonly resamples: number;
  readonly confidence: number;
  readonly rng: () => Rng;
}

const MAX_CROSSINGS = 20;

export function crossover(input: CrossoverInput, options: CrossoverOptions): Crossover {
  const profiles = input.a.length;
  const sizes = new Float64Array(profiles);
  for (const p of input.profileOfItem) sizes[p]!++;
  const items = input.profileOfItem.length;
  const sumAt = (weights: Float64Array, position: number) => {
    let sum = 0;
    for (let p = 0; p < profiles; p++) {
      const w = weights[p]!;
      if (w !== 0) sum += w * (input.b[p]![position]! - input.a[p]![position]!);
    }
    return sum;
  };
  // Differences below this are rounding, not a lead (curves are sums of differences of shares).
  const tie = (total: number) => 1e-12 * Math.max(1, total);
  const kMax = input.kOf(input.positions[input.positions.length - 1] ?? 0);

  // The point estimate: every candidate position, in order.
  let leaderSign = 0;
  let current = 0;
  let first: number | null = null;
  const crossings: number[] = [];
  for (const position of input.positions) {
    const sum = sumAt(sizes, position);
    const sign = Math.abs(sum) <= tie(items) ? 0 : Math.sign(sum);
    if (sign === 0) continue;
    if (leaderSign === 0) leaderSign = sign;
    if (current !== 0 && sign !== current && crossings.length < MAX_CROSSINGS) crossings.push(input.kOf(position));
    if (first === null && sign === -leaderSign) first = input.kOf(position);
    current = sign;
  }
  const leader = leaderSign > 0 ? 'b' : leaderSign < 0 ? 'a' : null;
  if (leader === null || options.resamples <= 0 || items === 0) {
    return { leader, k: first, crossings, k_max: kMax, searched: input.searched, interval: null };
  }

  // Resamples: the coarse grid first, then bisection inside the first octave that turned.
  const coarse = input.searched === 'every-k' ? powersOfTwoAndLast(input.positions) : [...input.positions];
  const found: number[] = [];
  forEachResample(input.profileOfItem, profiles, options.resamples, options.rng(), (weights) => {
    let total = 0;
    for (const w of weights) total += w;
    const reversed = (position: number) => leaderSign * sumAt(weights, position) < -tie(total);
    let before: number | null = null;
    for (const position of coarse) {
      if (reversed(position)) {
        let hi = position;
        if (input.searched === 'every-k' && before !== null) {
          let lo = before;
          while (hi - lo > 1) {
            const mid = (lo + hi) >>> 1;
            if (reversed(mid)) hi = mid;
            else lo = mid;
          }
        }
        found.push(input.kOf(hi));
        return;
      }
      before = position;
    }
    found.push(Infinity);
  });
  found.sort((x, y) => x - y);
  const alpha = (1 - options.confidence) / 2;
  const at = (index: number) => {
    const value = found[Math.min(found.length - 1, Math.max(0, index))]!;
    return Number.isFinite(value) ? value : null;
  };
  return {
    leader,
    k: first,
    crossings,
    k_max: kMax,
    searched: input.searched,
    interval: {
      low: at(Math.floor(alpha * (found.length - 1))),
      high: at(Math.ceil((1 - alpha) * (found.length - 1))),
      resamples: found.length,
      with_crossover: found.filter(Number.isFinite).length,
    },
  };
}

/** 1, 2, 4, ... up to the last candidate, and the last itself. */
function powersOfTwoAndLast(positions: readonly number[]): number[] {
  const last = positions[positions.length - 1]!;
  const grid: number[] = [];
  for (let k = 1; k < last; k *= 2) grid.push(k);
  grid.push(last);
  return grid;
}
