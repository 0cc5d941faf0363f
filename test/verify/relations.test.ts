import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../src/verify/answer.js';
import { compareAnswers, equivalent, normalizeAnswer } from '../../src/verify/index.js';
import { targetName } from '../../src/verify/names.js';
import { tokenize } from '../../src/verify/tokens.js';
import { latexToPlain } from '../../src/verify/latex.js';

function nameOf(text: string): string | null {
  const tokens = tokenize(latexToPlain(text).text)!;
  return targetName(tokens, 0, tokens.length);
}

describe('names on the left of an equation', () => {
  it.each([
    ['x', 'x'],
    ['a_{37}', 'a_37'],
    ['f(x)', 'f(x)'],
    ['f(2)', 'f(2)'],
    ['|AB|', '|AB|'],
    ['(p, q)', '(p,q)'],
    ['\\frac{NO}{BO}', '((NO)/(BO))'],
    ['S_{ABC}:S', 'S_ABC:S'],
  ])('%s names %s', (text, name) => {
    expect(nameOf(text)).toBe(name);
  });

  it.each(['2x + z', 'x^2/4', '7', '\\sin x', '_x', 'a + b'])('%s names nothing', (text) => {
    expect(nameOf(text)).toBeNull();
  });
});

describe('equations as answers', () => {
  it('takes the value of a name: x = 5, (p, q) = (3, 2), x = 5 + 5 + 1 = 11', () => {
    expect(normalizeAnswer('x = 5')).toBe('5');
    expect(normalizeAnswer('(p, q) = (3, 2)')).toBe('(3, 2)');
    expect(normalizeAnswer('x = 5 + 5 + 1 = 11')).toBe('11');
    expect(normalizeAnswer('2 + 3 = 5')).toBe('5');
    expect(normalizeAnswer('|AB| = 4')).toBe('4');
  });

  it('keeps the exact side before ≈ when it is a constant', () => {
    expect(normalizeAnswer('x = \\frac{1}{3} \\approx 0.33')).toBe('1/3');
    expect(normalizeAnswer('x \\approx 0.33')).toBe('0.33');
    expect(normalizeAnswer('\\approx 3.14')).toBe('3.14');
  });

  it('keeps an equation with variables as a relation', () => {
    expect(parseAnswer('y = 2x + 1')).toMatchObject({ kind: 'relation', target: 'y', ops: ['='] });
    expect(parseAnswer('2x - y + 1 = 0')).toMatchObject({ kind: 'relation', target: null });
    expect(parseAnswer('2x = 10')).toMatchObject({ kind: 'relation', target: null });
  });

  it('equates relations whose sides differ by a constant factor, and keeps the direction of inequalities', () => {
    expect(compareAnswers('2x - y + 1 = 0', 'y = 2x + 1')).toMatchObject({ equivalent: true, reason: 'relation' });
    expect(equivalent('4x - 2y + 2 = 0', 'y = 2x + 1')).toBe(true);
    expect(equivalent('y = 2x - 1', 'y = 2x + 1')).toBe(false);
    expect(equivalent('x^2 + y^2 = 4', '2x^2 + 2y^2 = 8')).toBe(true);
    expect(equivalent('x + y < 3', '3 > y + x')).toBe(true);
    expect(equivalent('x + y < 3', '-x - y < -3')).toBe(false);
    expect(equivalent('x + y < 3', 'x + y \\le 3')).toBe(false);
  });

  it('compares an equation that names something with a bare value by its value side', () => {
    expect(equivalent('2x + 1', 'y = 2x + 1')).toBe(true);
    expect(equivalent('y = 2x + 1', '2x + 1')).toBe(true);
    expect(equivalent('11a + c', '7 = 11a + c')).toBe(false);
    expect(equivalent('1', '2x + z = 1')).toBe(false);
  });
});

describe('named values', () => {
  it('keeps names when every item of a list has a different one', () => {
    expect(parseAnswer('k = 45, n = 2')).toMatchObject({ kind: 'assignments', names: ['k', 'n'] });
    expect(parseAnswer('x = 2, x = 3')).toMatchObject({ kind: 'tuple', open: '' });
    expect(parseAnswer('a = 4, -8, -10')).toMatchObject({ kind: 'tuple', open: '' });
  });

  it('matches by name, or in order against unnamed values', () => {
    expect(equivalent('n = 2, k = 45', 'k = 45, n = 2')).toBe(true);
    expect(equivalent('n = 45, k = 2', 'k = 45, n = 2')).toBe(false);
    expect(equivalent('45, 2', 'k = 45, n = 2')).toBe(true);
    expect(equivalent('2, 45', 'k = 45, n = 2')).toBe(false);
    expect(equivalent('m = 45, n = 2', 'k = 45, n = 2')).toBe(false);
    expect(equivalent('(5, 2), (7, 2)', 'p = 5, q = 2; p = 7, q = 2')).toBe(true);
  });
});
