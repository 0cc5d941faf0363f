import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalAnswerArb, equivalentAnswerArb } from '../../src/arbitraries/index.js';
import { compareAnswers, equivalent, type EquivalenceOptions } from '../../src/verify/equivalent.js';
import { runs } from '../support/runs.js';

describe('equivalent: exact values', () => {
  it.each([
    ['1/2', '0.5'],
    ['\\frac{1}{2}', '1/2'],
    ['0.50', '\\dfrac{2}{4}'],
    ['2 1/2', '5/2'],
    ['2\\frac{1}{2}', '2.5'],
    ['$1,234', '1234'],
    ['1 234', '1234'],
    ['1.5e3', '1500'],
    ['-3', '−3'],
    ['18 dollars', '18'],
    ['x = 5', '5'],
    ['16.0', '16'],
    ['0.1 + 0.2', '0.3'],
  ])('%j equals %j', (a, b) => {
    expect(compareAnswers(a, b)).toEqual({ equivalent: true, reason: 'exact' });
  });

  it.each([
    ['1/3', '0.3333'],
    ['18', '19'],
    ['-5', '5'],
    ['12.5', '125'],
    ['(1, 2)', '(2, 1)'],
    ['Tuesday', 'Monday'],
    ['5', 'unanswerable'],
    ['', '0'],
  ])('%j differs from %j', (a, b) => {
    expect(equivalent(a, b)).toBe(false);
  });
});

describe('equivalent: the rounding tolerance', () => {
  // The candidate comes first, the reference second.
  it.each([
    ['0.33', '1/3', true, 'rounded'],
    ['0.333', '1/3', true, 'rounded'],
    ['0.3', '1/3', false, 'different-value'], // one decimal is too coarse by default
    ['0.34', '1/3', false, 'different-value'], // rounded the wrong way
    ['0.67', '2/3', true, 'rounded'],
    ['0.66', '2/3', false, 'different-value'], // truncated, not rounded
    ['2.33', '7/3', true, 'rounded'],
    ['14.67', '44/3', true, 'rounded'],
    ['14.666666666666666', '44/3', true, 'float'], // a printed double
    ['0.30000000000000004', '0.3', true, 'float'],
    ['13', '12.5', false, 'different-value'], // 12.5 has an exact form; rounding is not accepted
    ['12.50001', '12.5', false, 'different-value'],
    ['1/3', '0.33', false, 'different-value'], // the reference is not rounded for the candidate
    ['2.83', '2\\sqrt{2}', true, 'rounded'],
    ['3.14', '\\pi', true, 'rounded'],
    ['3.15', '\\pi', false, 'different-value'],
  ] as const)('%j against %j: %s', (candidate, reference, same, reason) => {
    expect(compareAnswers(candidate, reference)).toMatchObject({ equivalent: same, reason });
  });

  it('takes the minimum number of decimals from the options', () => {
    expect(equivalent('0.3', '1/3', { minRoundedPlaces: 1 })).toBe(true);
    expect(equivalent('0.33', '1/3', { minRoundedPlaces: 3 })).toBe(false);
  });

  it('accepts nothing but the exact value under tolerance "exact"', () => {
    expect(equivalent('0.33', '1/3', { tolerance: 'exact' })).toBe(false);
    expect(equivalent('14.666666666666666', '44/3', { tolerance: 'exact' })).toBe(false);
    expect(equivalent('1/3', '2/6', { tolerance: 'exact' })).toBe(true);
  });

  it('applies an explicit absolute or relative tolerance', () => {
    const options: EquivalenceOptions = { tolerance: { relative: 0.01 } };
    expect(compareAnswers('101', '100', options)).toMatchObject({ equivalent: true, reason: 'tolerance' });
    expect(equivalent('102', '100', options)).toBe(false);
    expect(equivalent('0.31', '0.3', { tolerance: { absolute: 0.01 } })).toBe(true);
  });
});

describe('equivalent: percent', () => {
  it('reads % both ways by default', () => {
    expect(compareAnswers('25%', '25')).toMatchObject({ equivalent: true, percent: 'label' });
    expect(compareAnswers('25%', '0.25')).toMatchObject({ equivalent: true, percent: 'value' });
    expect(compareAnswers('0.25', '25%')).toMatchObject({ equivalent: true, percent: 'value' });
    expect(equivalent('25%', '25\\%')).toBe(true);
    expect(equivalent('25 percent', '0.25')).toBe(true);
  });

  it('reads % one way when told', () => {
    expect(equivalent('25%', '25', { percent: 'label' })).toBe(true);
    expect(equivalent('25%', '0.25', { percent: 'label' })).toBe(false);
    expect(equivalent('25%', '0.25', { percent: 'value' })).toBe(true);
    expect(equivalent('25%', '25', { percent: 'value' })).toBe(false);
  });

  it('compares % on both sides as written', () => {
    expect(equivalent('25%', '0.25%')).toBe(false);
    expect(equivalent('50%', '50.0%')).toBe(true);
    // a percent of a fraction is a value: 100/3 % is 1/3, which 33.33% rounds
    expect(compareAnswers('33.33%', '\\frac{100}{3}\\%')).toMatchObject({ equivalent: true, reason: 'rounded', percent: 'value' });
  });
});

describe('equivalent: expressions', () => {
  it.each([
    ['2\\sqrt{2}', '\\sqrt{8}'],
    ['\\frac{1}{\\sqrt{2}}', '\\frac{\\sqrt{2}}{2}'],
    ['(1+\\sqrt{2})^2', '3 + 2\\sqrt{2}'],
    ['\\frac{1}{1+\\sqrt{2}}', '\\sqrt{2} - 1'],
    ['\\frac{1}{\\sqrt{2}+\\sqrt{3}}', '\\sqrt{3}-\\sqrt{2}'],
    ['\\sqrt{12}', '2\\sqrt{3}'],
    ['\\frac{\\pi}{2}', '0.5\\pi'],
    ['x^2 - 1', '(x-1)(x+1)'],
    ['\\frac{x^2-1}{x-1}', 'x + 1'],
    ['2x + 3y', '3y + 2x'],
    ['\\sqrt{4}', '2'],
    ['8^{1/2}', '2\\sqrt{2}'],
  ])('%j equals %j exactly', (a, b) => {
    expect(compareAnswers(a, b)).toMatchObject({ equivalent: true, reason: 'symbolic' });
  });

  it.each([
    ['\\sin(\\pi)', '0'],
    ['\\cos(0)', '1'],
    ['\\sqrt[3]{27}', '3'],
    ['\\ln(e^2)', '2'],
  ])('%j equals %j in floating point', (a, b) => {
    expect(compareAnswers(a, b)).toMatchObject({ equivalent: true, reason: 'numeric' });
  });

  it.each([
    ['2\\sqrt{2}', '\\sqrt{6}'],
    ['\\pi', '22/7'],
    ['x + 1', 'y + 1'],
    ['x^2', '2x'],
    ['\\sqrt{2}', '1.41421356'],
  ])('%j differs from %j', (a, b) => {
    expect(equivalent(a, b)).toBe(false);
  });

  it('falls back to the text when neither evaluation can decide', () => {
    expect(compareAnswers('10^{10^{10^{10}}}', '10^{10^{10^{10}}}')).toMatchObject({ equivalent: true, reason: 'text' });
    expect(equivalent('\\infty', '\\infty')).toBe(true);
  });
});

describe('equivalent: collections, unanswerable, text', () => {
  it.each([
    ['(1, 2)', '(1,2)', true],
    ['(1, 2)', '(2, 1)', false],
    ['(1, 2)', '[1, 2]', false],
    ['\\{1, 2\\}', '\\{2, 1\\}', true],
    ['2, 3', '3, 2', true],
    ['(\\frac{1}{2}, 3)', '(0.5, 3)', true],
    ['(1, 2)', '(1, 2, 3)', false],
    ['1,234', '(1, 234)', true], // a comma read as a separator, then as a pair
    ['\\{1, 2\\}', '(1, 2)', false],
    ['cannot be determined', 'unanswerable', true],
    ['Not enough information.', 'unanswerable', true],
    ['0', 'unanswerable', false],
    ['Tuesday', 'tuesday', true],
  ])('%j against %j: %s', (a, b, same) => {
    expect(equivalent(a, b)).toBe(same);
  });
});

describe('equivalent: properties', () => {
  it('accepts every surface form of a value', () => {
    fc.assert(
      fc.property(
        canonicalAnswerArb().chain((value) => fc.tuple(fc.constant(value), equivalentAnswerArb(value, { wrap: false, percent: true }))),
        ([value, form]) => {
          expect(equivalent(form, value)).toBe(true);
        },
      ),
      { numRuns: runs(1000, 20_000) },
    );
  });

  it('is symmetric under exact tolerance', () => {
    const forms = canonicalAnswerArb().chain((value) => equivalentAnswerArb(value, { wrap: false }));
    fc.assert(
      fc.property(forms, forms, (a, b) => {
        expect(equivalent(a, b, { tolerance: 'exact' })).toBe(equivalent(b, a, { tolerance: 'exact' }));
      }),
      { numRuns: runs(500, 10_000) },
    );
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(typeof equivalent(a, b)).toBe('boolean');
      }),
      { numRuns: runs(1000, 20_000) },
    );
  });
});
