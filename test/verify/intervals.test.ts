import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../src/verify/answer.js';
import type { Interval } from '../../src/verify/answer-types.js';
import { equivalent, normalizeAnswer, verify } from '../../src/verify/index.js';
import { complement, difference, intersect, intervalsOf, mirror, normalize, union } from '../../src/verify/intervals.js';
import { runs } from '../support/runs.js';

/** The parts of an interval-notation answer, as the parser reads them. */
function parts(text: string): Interval[] {
  const answer = parseAnswer(text);
  const found = intervalsOf(answer);
  if (found === null) throw new Error(`not a set of reals: ${text}`);
  return [...found];
}

/** Parts printed in interval notation, for readable expectations. */
function renderParts(intervals: readonly Interval[]): string {
  if (intervals.length === 0) return '∅';
  return intervals
    .map((i) => {
      const low = normalizeAnswer(endText(i.low.value));
      const high = normalizeAnswer(endText(i.high.value));
      return i.low.closed && i.high.closed && low === high ? `{${low}}` : `${i.low.closed ? '[' : '('}${low}, ${high}${i.high.closed ? ']' : ')'}`;
    })
    .join(' ∪ ');
}

function endText(value: Interval['low']['value']): string {
  return value.kind === 'number'
    ? value.value.toFractionString()
    : normalizeAnswer(value.kind === 'expression' && value.expr.k === 'var' ? value.expr.name : value.expr.k === 'neg' ? '-inf' : '?');
}

describe('interval algebra', () => {
  it('normalises: sorts, drops empty parts, merges overlapping and touching-closed parts', () => {
    expect(renderParts(normalize(parts('(3, 5) \\cup [0, 1]'))!)).toBe('[0, 1] ∪ (3, 5)');
    expect(renderParts(normalize(parts('[0, 3] \\cup [3, 5]'))!)).toBe('[0, 5]');
    expect(renderParts(normalize(parts('[0, 3) \\cup (3, 5]'))!)).toBe('[0, 3) ∪ (3, 5]');
    expect(renderParts(normalize(parts('[0, 3) \\cup [3, 5]'))!)).toBe('[0, 5]');
    expect(renderParts(normalize(parts('[0, 4] \\cup (1, 2)'))!)).toBe('[0, 4]');
    expect(renderParts(normalize(parts('[2, 2) \\cup (7, 9)'))!)).toBe('(7, 9)');
  });

  it('takes complements, unions, intersections, differences and reflections', () => {
    expect(renderParts(complement(normalize(parts('[0, 1) \\cup (2, 3]'))!))).toBe('(-inf, 0) ∪ [1, 2] ∪ (3, inf)');
    expect(renderParts(union(parts('[0, 2)'), parts('(1, 4]'))!)).toBe('[0, 4]');
    expect(renderParts(intersect(parts('[0, 2)'), parts('(1, 4]'))!)).toBe('(1, 2)');
    expect(renderParts(intersect(parts('[0, 1]'), parts('[1, 2]'))!)).toBe('{1}');
    expect(renderParts(intersect(parts('[0, 1)'), parts('(1, 2]'))!)).toBe('∅');
    expect(renderParts(difference(parts('[0, 5]'), parts('\\{3\\}'))!)).toBe('[0, 3) ∪ (3, 5]');
    expect(renderParts(normalize(mirror(parts('[1, 2)')))!)).toBe('(-2, -1]');
  });

  it('refuses to order ends that are not constants', () => {
    expect(
      normalize([
        {
          low: { value: { kind: 'expression', expr: { k: 'var', name: 'a' } }, closed: true },
          high: { value: { kind: 'expression', expr: { k: 'var', name: 'b' } }, closed: true },
        },
      ]),
    ).toBeNull();
    expect(parseAnswer('[a, b)')).toMatchObject({ kind: 'tuple' });
  });
});

describe('intervals as answers', () => {
  it.each([
    ['[0, 1)', '\\left[0, 1\\right)', true],
    ['[0, 1)', '[0, 1]', false],
    ['[0, 1)', '(0, 1)', false],
    ['(-\\infty, 2] \\cup (3, 5)', '(3,5)\\cup(-\\infty,2]', true],
    ['(-\\infty, 2] \\cup (3, 5)', 'x \\le 2 \\text{ or } 3 < x < 5', true],
    ['(-\\infty, 2] \\cup (3, 5)', '(-\\infty, 2) \\cup (3, 5)', false],
    ['(-\\infty, \\infty)', '\\mathbb{R}', true],
    ['(-\\infty, \\infty)', 'all real numbers', true],
    ['\\left(\\frac{1}{4}, \\frac{2}{3}\\right]', '(0.25, 0.67]', true],
    ['\\left(\\frac{1}{4}, \\frac{2}{3}\\right]', '(0.25, 0.66]', false],
    ['[\\sqrt{2}, \\pi)', '[1.41, 3.14)', true],
    ['x \\in [-2, 7]', '[-2, 7]', true],
    ['x \\in [-2, 7]', 'y \\in [-2, 7]', false],
    ['\\{1, 4\\}', 'x \\in \\{4, 1\\}', true],
    ['(1, 2)', '(1, 2)', true],
    ['(1, 2)', '1 < x < 2', true],
  ] as const)('%s against %s: %s', (reference, candidate, same) => {
    expect(equivalent(candidate, reference)).toBe(same);
    expect(verify(`The solution set is $\\boxed{${candidate}}$.`, reference).correct).toBe(same);
  });

  it('normalises an empty set of reals to the form it reads back as, so normalising twice changes nothing', () => {
    for (const empty of ['\\mathbb{R}\\cap\\emptyset', '[1, 2] \\cap [3, 4]', '\\emptyset', '\\varnothing']) {
      const once = normalizeAnswer(empty);
      expect(once, empty).toBe('{}');
      expect(normalizeAnswer(once)).toBe(once);
    }
    expect(normalizeAnswer(normalizeAnswer('x \\in \\emptyset'))).toBe(normalizeAnswer('x \\in \\emptyset'));
  });

  it('reads (a, b) as an ordered pair until it meets a set of reals', () => {
    expect(parseAnswer('(1, 2)')).toMatchObject({ kind: 'tuple', open: '(' });
    expect(parseAnswer('[1, 2)')).toMatchObject({ kind: 'intervals', variable: null });
    expect(parseAnswer('(-\\infty, 2)')).toMatchObject({ kind: 'intervals' });
    expect(equivalent('(2, 1)', '(1, 2)')).toBe(false);
  });
});

/** A random union of integer-ended intervals, written in interval notation and as inequalities, in any order. */
const intervalSetArb = fc
  .uniqueArray(fc.integer({ min: -20, max: 20 }), { minLength: 2, maxLength: 6 })
  .map((ends) => [...ends].sort((a, b) => a - b))
  .chain((ends) => {
    const pairs: Array<[number, number]> = [];
    for (let k = 0; k + 1 < ends.length; k += 2) pairs.push([ends[k]!, ends[k + 1]!]);
    return fc.tuple(fc.constant(pairs), fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: pairs.length, maxLength: pairs.length }));
  })
  .map(([pairs, closed]) => pairs.map(([low, high], k) => ({ low, high, lowClosed: closed[k]![0], highClosed: closed[k]![1] })));

type Part = { low: number; high: number; lowClosed: boolean; highClosed: boolean };
const notation = (p: Part): string => `${p.lowClosed ? '[' : '('}${p.low}, ${p.high}${p.highClosed ? ']' : ')'}`;
const inequality = (p: Part): string => `${p.low} ${p.lowClosed ? '\\le' : '<'} x ${p.highClosed ? '\\le' : '<'} ${p.high}`;

describe('sets of reals: properties', () => {
  it('accepts a union in any order and as inequalities; rejects it with one end moved or one bracket flipped', () => {
    fc.assert(
      fc.property(intervalSetArb, fc.nat(), fc.nat(), fc.boolean(), (set, shuffle, which, flipBracket) => {
        const reference = set.map(notation).join(' \\cup ');
        const rotated = [...set.slice(shuffle % set.length), ...set.slice(0, shuffle % set.length)];
        expect(equivalent(rotated.map(notation).join(' \\cup '), reference)).toBe(true);
        expect(equivalent(rotated.map(inequality).join(' \\text{ or } '), reference)).toBe(true);
        const index = which % set.length;
        const part = set[index]!;
        const changed: Part = flipBracket ? { ...part, lowClosed: !part.lowClosed } : { ...part, high: part.high + 0.5 };
        const wrong = set.map((p, k) => (k === index ? changed : p));
        expect(equivalent(wrong.map(notation).join(' \\cup '), reference)).toBe(false);
      }),
      { numRuns: runs(300, 5000) },
    );
  });
});
