import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POISSON_MIN_UNITS } from '../../src/score/bootstrap.js';
import { gsmPlusFigures } from '../../src/score/pair-figures.js';
import { bootstrapRatio } from '../../src/score/ratio-bootstrap.js';
import { Rng } from '../../src/score/rng.js';
import { verifierJudge } from '../../src/score/verifier-judge.js';
import { runs } from '../support/runs.js';

const sum = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0);

/** The plain joint bootstrap of a ratio: m draws with replacement from the same stream. */
function naiveRatio(top: Float64Array, bottom: Float64Array, resamples: number, rng: Rng): number[] {
  const units = top.length;
  const out: number[] = [];
  const picks = new Int32Array(units);
  for (let b = 0; b < resamples; b++) {
    for (;;) {
      rng.fillBelow(picks, units);
      let t = 0;
      let d = 0;
      for (const p of picks) {
        t += top[p]!;
        d += bottom[p]!;
      }
      if (d !== 0) {
        out.push(t / d);
        break;
      }
    }
  }
  return out.sort((a, b) => a - b);
}

const unitsArb = (min: number, max: number) =>
  fc
    .integer({ min, max })
    .chain((units) =>
      fc.tuple(
        fc.array(fc.constantFrom(0, 0.25, 0.5, 1), { minLength: units, maxLength: units }),
        fc.array(fc.constantFrom(0.25, 0.5, 0.75, 1), { minLength: units, maxLength: units }),
      ),
    );

describe('bootstrapRatio', () => {
  it('below POISSON_MIN_UNITS: the interval of the plain joint bootstrap drawn from the same stream', () => {
    fc.assert(
      fc.property(unitsArb(2, POISSON_MIN_UNITS - 1), fc.nat(), ([top, bottom], seed) => {
        const t = Float64Array.from(top);
        const d = Float64Array.from(bottom);
        const interval = bootstrapRatio(t, d, 200, Rng.keyed(seed, 'r'))!;
        const replicates = naiveRatio(t, d, 200, Rng.keyed(seed, 'r'));
        const q = (p: number) => {
          const h = (replicates.length - 1) * p;
          const lo = Math.floor(h);
          return replicates[lo]! + (h - lo) * (replicates[Math.min(lo + 1, replicates.length - 1)]! - replicates[lo]!);
        };
        expect(interval.low).toBeCloseTo(q(0.025), 12);
        expect(interval.high).toBeCloseTo(q(0.975), 12);
      }),
      { numRuns: runs(40, 400) },
    );
  });

  it('from POISSON_MIN_UNITS up: brackets the ratio and narrows as units grow', () => {
    const widths: number[] = [];
    for (const units of [POISSON_MIN_UNITS, 800, 6400]) {
      const data = Rng.keyed(units, 'data');
      const bottom = Float64Array.from({ length: units }, () => (data.float() < 0.8 ? 1 : 0));
      const top = Float64Array.from(bottom, (b) => (b === 1 && data.float() < 0.6 ? 1 : 0));
      const interval = bootstrapRatio(top, bottom, 1000, Rng.keyed(1, 'ratio', units))!;
      const ratio = sum(top) / sum(bottom);
      expect(interval.low).toBeLessThan(ratio);
      expect(interval.high).toBeGreaterThan(ratio);
      widths.push(interval.high - interval.low);
    }
    // The interval shrinks like 1 / sqrt(units): 16 times the units, about a quarter of the width.
    expect(widths[2]! / widths[1]!).toBeGreaterThan(0.15);
    expect(widths[2]! / widths[1]!).toBeLessThan(0.4);
  });

  it('gives nothing without resamples or units, or when the denominator is always zero', () => {
    expect(bootstrapRatio(Float64Array.of(1), Float64Array.of(1), 0, Rng.keyed(0))).toBeNull();
    expect(bootstrapRatio(new Float64Array(0), new Float64Array(0), 100, Rng.keyed(0))).toBeNull();
    expect(bootstrapRatio(Float64Array.of(1, 0), Float64Array.of(0, 0), 100, Rng.keyed(0))).toBeNull();
  });
});

describe('gsmPlusFigures', () => {
  it('PDR is 1 - variant / base accuracy and ASP the share of pairs solved on both sides, as in GSM-Plus', () => {
    // One sample per item: four pairs (base right, variant right) = (1,1), (1,0), (0,1), (1,1).
    const base = Float64Array.of(1, 1, 0, 1);
    const variant = Float64Array.of(1, 0, 1, 1);
    const { pdr, asp } = gsmPlusFigures(base, variant, { resamples: 0, seed: 0, key: ['t'] });
    expect(pdr).toEqual({ estimate: 1 - 3 / 3, ci_low: null, ci_high: null });
    expect(asp).toEqual({ estimate: 2 / 4, ci_low: null, ci_high: null });
  });

  it('has no PDR when no base item is solved, and brackets both estimates with intervals', () => {
    expect(gsmPlusFigures(Float64Array.of(0, 0), Float64Array.of(1, 0), { resamples: 100, seed: 0, key: ['t'] }).pdr).toBeNull();
    const data = Rng.keyed(5, 'pairs');
    const base = Float64Array.from({ length: 300 }, () => Math.floor(data.float() * 5) / 4);
    const variant = Float64Array.from(base, (b) => Math.max(0, b - Math.floor(data.float() * 3) / 4));
    const { pdr, asp } = gsmPlusFigures(base, variant, { resamples: 500, seed: 2, key: ['t'] });
    expect(pdr!.estimate).toBeCloseTo(1 - sum(variant) / sum(base), 12);
    expect(pdr!.estimate).toBeGreaterThan(0);
    for (const figure of [pdr!, asp]) {
      expect(figure.ci_low!).toBeLessThan(figure.estimate);
      expect(figure.ci_high!).toBeGreaterThan(figure.estimate);
    }
  });
});

describe('critical items in scoring', () => {
  it('are judged right when the model says the question cannot be answered, and wrong when it gives a number', () => {
    const judge = verifierJudge();
    expect(judge.judge('Without the number of red cars, this cannot be determined.', 'unanswerable').correct).toBe(true);
    expect(judge.judge('There is not enough information to know.', 'unanswerable').correct).toBe(true);
    expect(judge.judge('They have 23 yellow cars.\n#### 23', 'unanswerable').correct).toBe(false);
  });
});
