import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../src/verify/answer.js';
import { equivalent, normalizeAnswer } from '../../src/verify/index.js';

describe('inequalities read as sets', () => {
  it.each([
    ['x < 3', 'x ∈ (-inf, 3)'],
    ['x \\le 3', 'x ∈ (-inf, 3]'],
    ['3 < x', 'x ∈ (3, inf)'],
    ['x \\geq -1', 'x ∈ [-1, inf)'],
    ['-2 \\le x \\le 7', 'x ∈ [-2, 7]'],
    ['7 > x > -2', 'x ∈ (-2, 7)'],
    ['0 < \\theta < \\pi', 'theta ∈ (0, pi)'],
    ['x \\neq 3', 'x ∈ (-inf, 3) ∪ (3, inf)'],
    ['x != 3', 'x ∈ (-inf, 3) ∪ (3, inf)'],
    ['x >= 4', 'x ∈ [4, inf)'],
    ['|x| < 2', 'x ∈ (-2, 2)'],
    ['|x| \\ge 2', 'x ∈ (-inf, -2] ∪ [2, inf)'],
    ['1 \\le |z| \\le 3/2', 'z ∈ [-3/2, -1] ∪ [1, 3/2]'],
    ['|t| > -1', 't ∈ (-inf, inf)'],
    ['|t| < 0', 't ∈ ∅'],
    ['-x > -1', 'x ∈ (-inf, 1)'],
    ['2x + 1 > 5', 'x ∈ (2, inf)'],
    ['-3 \\le 2y - 1 < 5', 'y ∈ [-1, 3)'],
    ['a_1 > 0', 'a_1 ∈ (0, inf)'],
    ['x < -1 \\text{ or } x > 2', 'x ∈ (-inf, -1) ∪ (2, inf)'],
    ['x > -1 \\text{ and } x < 2', 'x ∈ (-1, 2)'],
  ])('%s is %s', (text, set) => {
    expect(normalizeAnswer(text)).toBe(set);
  });

  it('leaves what is not one variable against constants as a relation', () => {
    expect(parseAnswer('x + y < 3')).toMatchObject({ kind: 'relation', ops: ['<'] });
    expect(parseAnswer('x^2 < 4')).toMatchObject({ kind: 'relation' });
    expect(parseAnswer('1 < x < y')).toMatchObject({ kind: 'relation', ops: ['<', '<'] });
    expect(parseAnswer('1 < x > 2')).toMatchObject({ kind: 'relation' });
  });

  it('matches the same set however it is written, and nothing else', () => {
    expect(equivalent('x > 6', '(6, \\infty)')).toBe(true);
    expect(equivalent('x \\ge 6', '(6, \\infty)')).toBe(false);
    expect(equivalent('3x - 1 < 5', 'x < 2')).toBe(true);
    expect(equivalent('3x - 1 < 5', 'x > 2')).toBe(false);
    expect(equivalent('k \\ge 3', 'n \\ge 3')).toBe(false);
    expect(equivalent('|y| \\le 4', '-4 \\le y \\le 4')).toBe(true);
  });
});
