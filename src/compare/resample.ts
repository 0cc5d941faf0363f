import { POISSON_MIN_UNITS } from '../score/bootstrap.js';
import { poisson } from '../score/poisson.js';
import type { Rng } from '../score/rng.js';

/**
 * Bootstrap resamples of items as weights on their profiles, for statistics
 * that are not a mean of one column (a crossover k depends on a whole curve
 * of differences, so every k must see the same resample). Items with the
 * same values (a profile) are interchangeable, so a resample is a weight per
 * profile: score's bootstrap scheme, made joint across columns. Groups of
 * POISSON_MIN_UNITS items or more use the Poisson bootstrap (a profile of m
 * items gets one Poisson(m) draw, the sum of their Poisson(1) weights);
 * smaller ones draw items with replacement.
 */
export function forEachResample(profileOfItem: Int32Array, profiles: number, resamples: number, rng: Rng, visit: (weights: Float64Array) => void): void {
  const items = profileOfItem.length;
  if (items === 0) return;
  const weights = new Float64Array(profiles);
  if (items >= POISSON_MIN_UNITS) {
    const sizes = new Int32Array(profiles);
    for (const p of profileOfItem) sizes[p]!++;
    for (let b = 0; b < resamples; b++) {
      let total = 0;
      // A resample without any item (chance e^-items) carries no statistic: draw again.
      while (total === 0) {
        for (let p = 0; p < profiles; p++) total += weights[p] = poisson(sizes[p]!, rng);
      }
      visit(weights);
    }
    return;
  }
  const picks = new Int32Array(items);
  for (let b = 0; b < resamples; b++) {
    weights.fill(0);
    rng.fillBelow(picks, items);
    for (const pick of picks) weights[profileOfItem[pick]!]!++;
    visit(weights);
  }
}

/**
 * Items grouped by equal keys: the profile of each item, and one item per
 * profile to read the profile's values from.
 */
export function profilesOf(items: number, keyOf: (item: number) => string): { profileOfItem: Int32Array; representative: Int32Array } {
  const index = new Map<string, number>();
  const representative: number[] = [];
  const profileOfItem = new Int32Array(items);
  for (let i = 0; i < items; i++) {
    const key = keyOf(i);
    let p = index.get(key);
    if (p === undefined) {
      p = representative.length;
      index.set(key, p);
      representative.push(i);
    }
    profileOfItem[i] = p;
  }
  return { profileOfItem, representative: Int32Array.from(representative) };
}
