import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equivalentAnswerArb, canonicalAnswerArb } from '../../src/arbitraries/index.js';
import { normalizeAnswer, parseAnswer } from '../../src/verify/answer.js';
import { runs } from '../support/runs.js';

describe('normalizeAnswer', () => {
  it.each([
    // plain numbers keep the decimals they show
    ['18', '18'],
    ['-3', '-3'],
    ['12.50', '12.50'],
    ['4.', '4'],
    ['**42**', '42'],
    // separators
    ['1,234', '1234'],
    ['1,234,567.89', '1234567.89'],
    ['1 234 567', '1234567'],
    ['1\u2009234', '1234'],
    ['1{,}234', '1234'],
    ['1\\,234', '1234'],
    // currency, units, prefixes
    ['$1,234.50', '1234.50'],
    ['\\$5', '5'],
    ['-$5', '-5'],
    ['USD 40', '40'],
    ['Rs. 50', '50'],
    ['18 dollars', '18'],
    ['$18.00 per day', '18.00'],
    ['5 m', '5'],
    ['3 hours and 20 minutes', '3, 20'], // "and" joins two answers, each with its unit
    ['about 12 apples', '12'],
    ['a total of 40', '40'],
    ['42 I hope this helps', '42'],
    // percent
    ['50%', '50%'],
    ['50\\%', '50%'],
    ['12.5 percent', '12.5%'],
    ['12.5 per cent', '12.5%'],
    // signs
    ['−5', '-5'],
    ['\u20135', '-5'],
    // fractions and mixed numbers
    ['1/2', '1/2'],
    ['\\frac{2}{4}', '1/2'],
    ['\\dfrac{6}{4}', '3/2'],
    ['\\tfrac12', '1/2'],
    ['-\\frac{7}{3}', '-7/3'],
    ['2 1/2', '5/2'],
    ['2\\frac{1}{2}', '5/2'],
    ['12 \\frac{3}{5}', '63/5'],
    ['1 \\frac{1}{10}', '11/10'],
    ['12\\,\\frac{3}{5}', '63/5'],
    ['-2 \\dfrac{1}{2}', '-5/2'],
    ['-2 1/2', '-5/2'],
    // a whole number before a fraction that is not proper multiplies: 2π/3, 21/2
    ['2\\frac{\\pi}{3}', '2*(pi/3)'],
    ['3\\frac{7}{2}', '21/2'],
    ['3 \\frac{x}{2}', '3*(x/2)'],
    // scientific notation
    ['1.5e3', '1500'],
    ['2.5E-2', '0.025'],
    ['1.2 \\times 10^{3}', '1200'],
    // equations and approximations
    ['x = 5', '5'],
    ['x=\\frac{1}{2}', '1/2'],
    ['2 + 3 = 5', '5'],
    ['\\approx 3.14', '3.14'],
    // expressions
    ['2\\sqrt{2}', '2*sqrt(2)'],
    ['\\frac{\\pi}{2}', 'pi/2'],
    ['x^2+1', 'x^2 + 1'],
    ['\\sqrt[3]{x}', 'root(3, x)'],
    ['\\left(\\frac{1}{2}\\right)', '1/2'],
    // collections
    ['(1, 2)', '(1, 2)'],
    ['[1, 2)', '[1, 2)'],
    ['\\{3, 1\\}', '{3, 1}'],
    ['1,23', '1, 23'],
    ['x = 1, y = 2', 'x = 1, y = 2'],
    ['x = 1, x = 2', '1, 2'],
    // unanswerable and text
    ['cannot be determined', 'unanswerable'],
    ['\\text{Not enough information}', 'unanswerable'],
    ['N/A', 'unanswerable'],
    ['Tuesday', 'Tuesday'],
    ['  two   words ', 'two words'],
  ])('%j → %j', (input, output) => {
    expect(normalizeAnswer(input)).toBe(output);
  });

  it('keeps track of what was written, not only the value', () => {
    const answer = parseAnswer('0.50%');
    expect(answer).toMatchObject({ kind: 'number', places: 2, percent: true });
    expect(parseAnswer('1,234')).toMatchObject({ kind: 'number', grouped: true });
    expect(parseAnswer('1,234', { thousands: false })).toMatchObject({ kind: 'tuple' });
    expect(parseAnswer('14.666666666666666')).toMatchObject({ kind: 'number', significant: 17 });
  });

  it('gives results that serialise: JSON.stringify never meets a BigInt', () => {
    for (const text of ['\\frac{1}{3}', '12.50%', 'x^2 + 1', '(1, 2)', '\\{3, 4\\}', '2\\sqrt{2}', 'unanswerable', 'Tuesday']) {
      const json = JSON.stringify(parseAnswer(text));
      expect(typeof json).toBe('string');
    }
    expect(JSON.parse(JSON.stringify(parseAnswer('\\frac{2}{6}')))).toMatchObject({ kind: 'number', value: '1/3' });
  });

  it('keeps very long answers as truncated text, unparsed', () => {
    const answer = parseAnswer('1+'.repeat(5000) + '1');
    expect(answer).toMatchObject({ kind: 'text', truncated: true });
  });

  it('is idempotent: normalising a normalised answer changes nothing', () => {
    const forms = canonicalAnswerArb().chain((value) => equivalentAnswerArb(value, { wrap: false, percent: true }));
    const latexSoup = fc
      .array(
        fc.constantFrom(
          '\\&',
          '\\{',
          '\\}',
          '{',
          '}',
          '~',
          '$',
          '\\$',
          '\\text{',
          '\\frac{',
          '}{',
          '\\sqrt',
          '^',
          '_',
          '\\,',
          '\\%',
          '&',
          '\\\\',
          '1',
          '2',
          ' ',
          'x',
          '=',
          ',',
          '(',
          ')',
          '−',
          '×',
          // the competition forms: relations, sets of reals, matrices, lists, ±, ratios, factorials
          '<',
          '\\le',
          '\\ne',
          '\\in',
          '\\cup',
          '\\cap',
          '[',
          ']',
          '\\infty',
          '\\pm',
          ':',
          ' and ',
          ' or ',
          ';',
          '|',
          '!',
          'y',
          '_',
          '\\begin{pmatrix}',
          '\\end{pmatrix}',
          '\\mathbb{R}',
          '\\emptyset',
          '^\\circ',
          '\\sin',
          '\\log_',
        ),
        { maxLength: 20 },
      )
      .map((parts) => parts.join(''));
    const anything = fc.oneof(
      forms,
      latexSoup,
      fc.string({ maxLength: 40 }),
      fc.string({ unit: fc.constantFrom(...'0123456789.,/-+*^()x% \\{}$&~<=>|;:!'), maxLength: 30 }),
    );
    fc.assert(
      fc.property(anything, (text) => {
        const once = normalizeAnswer(text);
        expect(normalizeAnswer(once)).toBe(once);
      }),
      { numRuns: runs(1000, 20_000) },
    );
  });
});
