import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapMeans, POISSON_MIN_UNITS, quantile, selectQuantile } from '../../src/score/bootstrap.js';
import { Rng } from '../../src/score/rng.js';
import { FULL, runs } from '../support/runs.js';

/** The plain bootstrap the profile trick must reproduce: the same draws, a mean per resample. */
function naive(columns: Float64Array[], resamples: number, rng: Rng): { low: number; high: number }[] {
  const units = columns[0]!.length;
  const replicates = columns.map(() => new Float64Array(resamples));
  for (let b = 0; b < resamples; b++) {
    const sums = columns.map(() => 0);
    for (let u = 0; u < units; u++) {
      const pick = rng.below(units);
      columns.forEach((col, c) => (sums[c]! += col[pick]!));
    }
    sums.forEach((s, c) => (replicates[c]![b] = s / units));
  }
  return replicates.map((r) => {
    r.sort();
    return { low: quantile(r, 0.025), high: quantile(r, 0.975) };
  });
}

const columnsArb = fc
  .integer({ min: 1, max: POISSON_MIN_UNITS - 1 })
  .chain((units) => fc.array(fc.array(fc.constantFrom(0, 0.125, 0.25, 0.5, 1, 1 / 3), { minLength: units, maxLength: units }), { minLength: 1, maxLength: 4 }));

describe('bootstrapMeans', () => {
  it('below POISSON_MIN_UNITS: gives the intervals of the plain per-unit bootstrap drawn from the same stream', () => {
    fc.assert(
      fc.property(columnsArb, fc.nat(), (raw, seed) => {
        const columns = raw.map((c) => Float64Array.from(c));
        const fast = bootstrapMeans(columns, 200, Rng.keyed(seed, 'b'));
        const slow = naive(columns, 200, Rng.keyed(seed, 'b'));
        fast.forEach((interval, c) => {
          expect(interval!.low).toBeCloseTo(slow[c]!.low, 12);
          expect(interval!.high).toBeCloseTo(slow[c]!.high, 12);
        });
      }),
      { numRuns: runs(60, 600) },
    );
  });

  it('from POISSON_MIN_UNITS up: agrees with the classic bootstrap to within Monte Carlo error', () => {
    for (const [units, tolerance] of [
      [POISSON_MIN_UNITS, 0.03],
      [400, 0.012],
      [3000, 0.004],
    ] as const) {
      const data = Rng.keyed(units, 'data');
      // Eighths, as pass@1 of items with 8 samples, and a second column of zeros and ones.
      const eighths = Float64Array.from({ length: units }, () => Math.floor(data.float() * 9) / 8);
      const binary = Float64Array.from({ length: units }, () => (data.float() < 0.3 ? 1 : 0));
      const poissonIntervals = bootstrapMeans([eighths, binary], 4000, Rng.keyed(1, 'poisson'));
      const classic = naive([eighths, binary], 4000, Rng.keyed(2, 'classic'));
      poissonIntervals.forEach((interval, c) => {
        expect(Math.abs(interval!.low - classic[c]!.low), `units=${units} column ${c} low`).toBeLessThan(tolerance);
        expect(Math.abs(interval!.high - classic[c]!.high), `units=${units} column ${c} high`).toBeLessThan(tolerance);
      });
    }
  });

  it('is reproducible for one seed and differs for another', () => {
    // Many distinct values, so that two seeds' percentiles cannot coincide by landing on one grid point.
    const column = Float64Array.from({ length: 300 }, (_, i) => ((i * 7919) % 1000) / 1000);
    const a = bootstrapMeans([column], 1000, Rng.keyed(42, 'x'));
    const b = bootstrapMeans([column], 1000, Rng.keyed(42, 'x'));
    const c = bootstrapMeans([column], 1000, Rng.keyed(43, 'x'));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('brackets the mean, and collapses to it when every unit is equal', () => {
    const column = Float64Array.from({ length: 500 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const [interval] = bootstrapMeans([column], 1000, Rng.keyed(1, 'x'));
    expect(interval!.low).toBeLessThan(0.25);
    expect(interval!.high).toBeGreaterThan(0.25);
    // The normal approximation: half-width about 1.96 * sqrt(p(1-p)/n) = 0.038.
    expect((interval!.high - interval!.low) / 2).toBeCloseTo(1.96 * Math.sqrt((0.25 * 0.75) / 500), 2);
    const [flat] = bootstrapMeans([new Float64Array(50).fill(0.5)], 100, Rng.keyed(1, 'x'));
    expect(flat).toEqual({ low: 0.5, high: 0.5 });
  });

  it('returns null intervals with no resamples or no units', () => {
    expect(bootstrapMeans([new Float64Array([1, 0])], 0, Rng.keyed(0))).toEqual([null]);
    expect(bootstrapMeans([new Float64Array(0)], 100, Rng.keyed(0))).toEqual([null]);
  });

  it.runIf(FULL)(`covers the true mean of Bernoulli(0.3) data about 95% of the time${FULL ? '' : ' (skipped: runs in npm run test:full only)'}`, () => {
    let covered = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const rng = Rng.keyed(t, 'data');
      const column = Float64Array.from({ length: 200 }, () => (rng.float() < 0.3 ? 1 : 0));
      const [interval] = bootstrapMeans([column], 1000, Rng.keyed(t, 'boot'));
      if (interval!.low <= 0.3 && 0.3 <= interval!.high) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.91);
    expect(covered / trials).toBeLessThan(0.985);
  });
});

describe('quantile', () => {
  it('interpolates between order statistics (type 7)', () => {
    const sorted = Float64Array.from([1, 2, 3, 4]);
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile(sorted, 1)).toBe(4);
    // h = 3 * 0.5 = 1.5: halfway between the 2nd and 3rd values.
    expect(quantile(sorted, 0.5)).toBe(2.5);
    // h = 3 * 0.25 = 0.75: three quarters of the way from 1 to 2.
    expect(quantile(sorted, 0.25)).toBe(1.75);
  });
});

describe('selectQuantile', () => {
  it('finds the same type-7 quantile as sorting, on any values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1, max: 1, noNaN: true })), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (raw, p) => {
          const sorted = Float64Array.from(raw).sort();
          expect(selectQuantile(Float64Array.from(raw), p)).toBeCloseTo(quantile(sorted, p), 12);
        },
      ),
      { numRuns: runs(500, 10_000) },
    );
  });
});
