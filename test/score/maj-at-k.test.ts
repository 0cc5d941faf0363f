import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerClasses } from '../../src/score/answer-classes.js';
import { binomial } from '../../src/score/combinations.js';
import { majAtK, type MajSampling, type Votes } from '../../src/score/maj-at-k.js';
import { Rng } from '../../src/score/rng.js';
import { runs } from '../support/runs.js';

/**
 * An independent reference: every k-subset as a bitmask, the vote counted
 * with a Map in subset order, ties to the class seen first (the documented
 * rule), abstentions ignored, no vote at all = wrong.
 */
function bruteForce(votes: readonly number[], classCorrect: readonly number[], k: number): number {
  const n = votes.length;
  let right = 0;
  let total = 0;
  for (let mask = 0; mask < 1 << n; mask++) {
    let size = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) size++;
    if (size !== k) continue;
    total++;
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      if (!(mask & (1 << i)) || votes[i]! < 0) continue;
      counts.set(votes[i]!, (counts.get(votes[i]!) ?? 0) + 1);
    }
    let best = -1;
    let bestCount = 0;
    for (const [cls, count] of counts) {
      if (count > bestCount) {
        best = cls;
        bestCount = count;
      }
    }
    if (best >= 0 && classCorrect[best] === 1) right++;
  }
  return right / total;
}

/** Votes with classes numbered by first appearance, as answerClasses makes them. */
const votesArb = fc
  .record({ n: fc.integer({ min: 1, max: 9 }), classes: fc.integer({ min: 1, max: 4 }) })
  .chain(({ n, classes }) =>
    fc.record({
      raw: fc.array(fc.integer({ min: -1, max: classes - 1 }), { minLength: n, maxLength: n }),
      correct: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: classes, maxLength: classes }),
    }),
  )
  .map(({ raw, correct }) => {
    const renumber = new Map<number, number>();
    const votes = raw.map((v) => {
      if (v < 0) return -1;
      if (!renumber.has(v)) renumber.set(v, renumber.size);
      return renumber.get(v)!;
    });
    const classCorrect = [...renumber.entries()].sort((a, b) => a[1] - b[1]).map(([original]) => correct[original]!);
    return { votes, classCorrect };
  });

const exact: MajSampling = { exactLimit: Infinity, subsets: 0, rng: () => Rng.keyed(0) };
const asVotes = (v: { votes: number[]; classCorrect: number[] }): Votes => ({ votes: Int32Array.from(v.votes), classCorrect: Uint8Array.from(v.classCorrect) });

describe('majAtK', () => {
  it('equals brute-force enumeration of every k-subset', () => {
    fc.assert(
      fc.property(votesArb, fc.integer({ min: 1, max: 9 }), (v, kRaw) => {
        const k = Math.min(kRaw, v.votes.length);
        const result = majAtK(asVotes(v), k, exact);
        expect(result.exact).toBe(true);
        expect(result.value).toBeCloseTo(bruteForce(v.votes, v.classCorrect, k), 12);
      }),
      { numRuns: runs(500, 20_000) },
    );
  });

  it('breaks a tie in favour of the class that appears first, so the order of samples decides it', () => {
    // Two samples, two classes, one vote each: the first sample's answer wins.
    expect(majAtK(asVotes({ votes: [0, 1], classCorrect: [1, 0] }), 2, exact).value).toBe(1);
    expect(majAtK(asVotes({ votes: [0, 1], classCorrect: [0, 1] }), 2, exact).value).toBe(0);
    // Abstentions do not vote: one answer against none wins alone.
    expect(majAtK(asVotes({ votes: [-1, 0], classCorrect: [1] }), 2, exact).value).toBe(1);
    // Nobody answered: wrong.
    expect(majAtK(asVotes({ votes: [-1, -1], classCorrect: [] }), 2, exact).value).toBe(0);
  });

  it('averages seeded random subsets when there are too many: reproducible, and close to the exact value', () => {
    fc.assert(
      fc.property(
        votesArb.filter((v) => v.votes.length >= 6),
        fc.nat(),
        (v, seed) => {
          const k = 3;
          const sampling: MajSampling = { exactLimit: 0, subsets: 4000, rng: () => Rng.keyed(seed, 'maj') };
          const first = majAtK(asVotes(v), k, sampling);
          const again = majAtK(asVotes(v), k, sampling);
          expect(again).toEqual(first);
          const truth = bruteForce(v.votes, v.classCorrect, k);
          // Closed forms may answer exactly even when sampling is allowed.
          if (!first.exact) expect(Math.abs(first.value - truth)).toBeLessThan(5 * Math.sqrt(0.25 / 4000) + 1e-12);
          else expect(first.value).toBeCloseTo(truth, 12);
        },
      ),
      { numRuns: runs(40, 400) },
    );
  });

  it('enumerates exactly up to the limit and samples beyond it', () => {
    const v = asVotes({ votes: [0, 1, 1, 0, 2, 1, 0, 2], classCorrect: [1, 0, 0] });
    const limit = binomial(8, 4);
    expect(majAtK(v, 4, { exactLimit: limit, subsets: 100, rng: () => Rng.keyed(1) }).exact).toBe(true);
    expect(majAtK(v, 4, { exactLimit: limit - 1, subsets: 100, rng: () => Rng.keyed(1) }).exact).toBe(false);
  });
});

describe('answerClasses', () => {
  const texts = ['18', '18.0', '1/2', '0.5', '7'];
  // A stand-in equivalence: same number, reading `p/q` as a fraction.
  const value = (text: string) => {
    const [p, q] = text.split('/');
    return Number(p) / (q === undefined ? 1 : Number(q));
  };
  const same = (a: string, b: string) => value(a) === value(b);

  it('merges equivalent answers into one class, numbered by first appearance, and keeps abstentions out', () => {
    const answers = Int32Array.from([2, 0, -1, 1, 3, 4, 0]);
    const correct = Uint8Array.from([0, 1, 0, 1, 0, 0, 1]);
    const votes = answerClasses(answers, correct, (i) => texts[i]!, same);
    expect(Array.from(votes.votes)).toEqual([0, 1, -1, 1, 0, 2, 1]);
    // Class 0 is '1/2' (first sample wrong), class 1 is 18 (right), class 2 is 7.
    expect(Array.from(votes.classCorrect)).toEqual([0, 1, 0]);
  });

  it('asks the equivalence both ways, because a rounding tolerance is one-sided', () => {
    const oneWay = (a: string, b: string) => a === '0.33' && b === '1/3';
    const votes = answerClasses(Int32Array.from([0, 1]), Uint8Array.from([1, 1]), (i) => ['1/3', '0.33'][i]!, oneWay);
    expect(Array.from(votes.votes)).toEqual([0, 0]);
  });
});
