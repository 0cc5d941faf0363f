import { describe, expect, it } from 'vitest';
import { answerOf } from '../../src/verify/expected.js';
import { equivalent, verify } from '../../src/verify/index.js';

describe('the answer a reference stands for', () => {
  it('is the text itself when it reads as an answer', () => {
    expect(answerOf('\\frac{1}{2}')).toMatchObject({ kind: 'number' });
    expect(answerOf('Tuesday')).toMatchObject({ kind: 'text', text: 'Tuesday' });
    expect(answerOf('$[0, 1)$')).toMatchObject({ kind: 'intervals' });
  });

  it('is the extracted answer when the reference is a whole worked solution', () => {
    const solution = 'We add the parts: $3 + 4 = 7$. Doubling, we get $\\boxed{14}$ in all.';
    expect(answerOf(solution)).toMatchObject({ kind: 'number' });
    expect(verify('The total is \\boxed{14}.', solution).correct).toBe(true);
    expect(verify('The total is \\boxed{7}.', solution).correct).toBe(false);
    expect(verify('So \\boxed{[-2, 7]}.', 'so the solution, in interval notation, is \\[ \\boxed{[-2, 7]} \\]').correct).toBe(true);
    expect(verify('#### 18', 'She sells 16 - 3 - 4 = 9 eggs for 9 * 2 = 18 dollars.\n#### 18').correct).toBe(true);
  });

  it('applies to both sides of equivalent', () => {
    expect(equivalent('The answer is $\\boxed{5}$.', '5')).toBe(true);
    expect(equivalent('The answer is $\\boxed{6}$.', '5')).toBe(false);
  });

  it('leaves prose without a solution in it as text', () => {
    expect(answerOf('two words')).toMatchObject({ kind: 'text' });
    expect(verify('The answer is two words.', 'two words').correct).toBe(true);
  });
});
