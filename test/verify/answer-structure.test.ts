import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../src/verify/answer.js';
import { equivalent, normalizeAnswer } from '../../src/verify/index.js';

describe('the structure of an answer', () => {
  it.each([
    // lists: commas, semicolons, "and", "or", an Oxford comma
    ['1, 2', '1, 2'],
    ['1; 2; 3', '1, 2, 3'],
    ['6 \\text{ and } 8', '6, 8'],
    ['1, 2, and 3', '1, 2, 3'],
    ['x = 2 \\text{ or } x = 3', '2, 3'],
    // sets, tuples, the empty set
    ['\\{3, 1\\}', '{3, 1}'],
    ['\\emptyset', '{}'],
    ['\\{\\}', '{}'],
    ['(1; 2; 3)', '(1, 2, 3)'],
    // plus-minus, inside brackets too, and merged into the list around it
    ['1 \\pm \\sqrt{2}', '1 + sqrt(2), 1 - sqrt(2)'],
    ['\\frac{-3 \\pm \\sqrt{5}}{2}', '(-3 + sqrt(5))/2, (-3 - sqrt(5))/2'],
    ['\\{1 \\pm 2, 7\\}', '{3, -1, 7}'],
    // ratios and numerals with a base
    ['3:8', '3/8'],
    ['\\sqrt{2} : 2', 'sqrt(2)/2'],
    ['1021_4', '1021'],
    ['1021_{4}', '1021'],
    // unions of sets of reals
    ['\\{-1\\} \\cup [0, 7)', '{-1} ∪ [0, 7)'],
    ['[0, 5] \\setminus \\{3\\}', '[0, 3) ∪ (3, 5]'],
    ['[0, 5] \\cap (3, 9)', '(3, 5]'],
  ])('%s → %s', (text, normalised) => {
    expect(normalizeAnswer(text)).toBe(normalised);
  });

  it('reads each item of a list with its own unit or currency', () => {
    expect(normalizeAnswer('3 apples, 5 pears')).toBe('3, 5');
    expect(normalizeAnswer('\\$4 and \\$7')).toBe('4, 7');
  });

  it('falls back to the value alone when the structure leaves prose', () => {
    expect(normalizeAnswer('42 and that is all')).toBe('42');
    expect(parseAnswer('Alice and Bob')).toMatchObject({ kind: 'text', text: 'Alice and Bob' });
  });

  it('refuses a list with an empty item, and bounds nesting', () => {
    expect(parseAnswer('1,,2')).toMatchObject({ kind: 'text' });
    expect(parseAnswer(`${'('.repeat(40)}1, 2${')'.repeat(40)}`)).toMatchObject({ kind: 'text' });
  });

  it('compares several answers in any order, and bracketed ones in order', () => {
    expect(equivalent('3, -4', '-4, 3')).toBe(true);
    expect(equivalent('(3, -4)', '(-4, 3)')).toBe(false);
    expect(equivalent('\\{1, 1 + 2i, 1 - 2i\\}', '\\{1 \\pm 2i, 1\\}')).toBe(true);
  });
});
