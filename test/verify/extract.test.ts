import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractAnswer, type ExtractionStrategy } from '../../src/verify/extract.js';
import { runs } from '../support/runs.js';

describe('extractAnswer', () => {
  it.each<[string, string, ExtractionStrategy]>([
    ['Janet sells 9 eggs.\n#### 18', '18', 'gsm8k'],
    ['#### 1,234', '1234', 'gsm8k'],
    ['So the total is $\\boxed{18}$ dollars.', '18', 'boxed'],
    ['\\boxed{\\frac{1}{2}}', '1/2', 'boxed'],
    ['\\fbox{7}', '7', 'boxed'],
    ['\\boxed 5 is it', '5', 'boxed'],
    ['first \\boxed{3}, then \\boxed{\\dfrac{\\sqrt{2}}{2}}', 'sqrt(2)/2', 'boxed'],
    ['The final answer is $42$. I hope it is correct.', '42', 'final-answer'],
    ['Final Answer: 12.50', '12.50', 'final-answer'],
    ['Therefore, the answer is 25%.', '25%', 'the-answer-is'],
    ['The answer is that she has 18 apples left.', '18', 'the-answer-is'],
    ['So the answer would be -3.', '-3', 'the-answer-is'],
    ['The answer is 5 + 3 = 8.', '8', 'the-answer-is'],
    ['The answer is (1, 2), clearly.', '(1, 2)', 'the-answer-is'],
    ['**Answer:** 7', '7', 'answer-colon'],
    ['answer: 1 234', '1234', 'answer-colon'],
    ['Q: how many?\nA: 12', '12', 'a-colon'],
    ['She has 3 apples and buys 4, so 7 in all.', '7', 'last-number'],
    ['It costs -$5 now', '-5', 'last-number'],
    ['the ratio is \\frac{7}{3}', '7/3', 'last-number'],
    ['a half is 1/2', '1/2', 'last-number'],
    ['she paid $1,234.50', '1234.50', 'last-number'],
    ['prices rose by 12%', '12%', 'last-number'],
  ])('%j → %j by %s', (text, value, strategy) => {
    const found = extractAnswer(text);
    expect(found).toMatchObject({ value, strategy });
    expect(found?.raw).toBe(text.slice(found!.start, found!.end));
  });

  it('applies the rules in priority order, whatever their order in the text', () => {
    expect(extractAnswer('#### 5\nThe answer is 6. \\boxed{7}')?.value).toBe('5');
    expect(extractAnswer('\\boxed{7}\nThe final answer is 6.')?.value).toBe('7');
    expect(extractAnswer('The answer is 6.\nFinal answer: 8')?.value).toBe('8');
    expect(extractAnswer('Answer: 9. The answer is 6.')?.value).toBe('6');
  });

  it('reads several boxes that make one answer as one list', () => {
    expect(extractAnswer('The roots are $\\boxed{-4}$ and $\\boxed{3}$.')).toMatchObject({ value: '-4, 3', strategy: 'boxed' });
    expect(extractAnswer('$\\boxed{k = 45}$ and $\\boxed{n = 2}$')).toMatchObject({ value: 'k = 45, n = 2' });
  });

  it('falls back on the last math span, read as a whole, before the last number', () => {
    expect(extractAnswer('Thus the area is $2\\sqrt{3}$.')).toMatchObject({ value: '2*sqrt(3)', strategy: 'last-math' });
    expect(extractAnswer('The point is \\[ \\left(1, \\frac{\\pi}{2}\\right) \\]')).toMatchObject({ value: '(1, pi/2)', strategy: 'last-math' });
    expect(extractAnswer('The values are $1$, $2$ and $3$.')).toMatchObject({ value: '1, 2, 3', strategy: 'last-math' });
    // a number after the span wins; a span without a digit or a command is no answer
    expect(extractAnswer('Let $x$ be the count; then $x = 4$, so 12 in all.')).toMatchObject({ value: '12', strategy: 'last-number' });
    expect(extractAnswer('It has 3 sides, like $x$.')).toMatchObject({ value: '3', strategy: 'last-number' });
    expect(extractAnswer('Thus the area is $2\\sqrt{3}$.', { strict: true })).toBeNull();
  });

  it('joins math spans after a marker: "the answer is $1$ and $2$"', () => {
    expect(extractAnswer('The answer is $1$ and $2$.')).toMatchObject({ value: '1, 2', strategy: 'the-answer-is' });
  });

  it('skips digits inside a word in the last-number fallback', () => {
    expect(extractAnswer('Item B12C is 7 metres long, see ZX9Q')).toMatchObject({ value: '7' });
  });

  it('takes the last occurrence of a rule', () => {
    expect(extractAnswer('\\boxed{1} and later \\boxed{2}')?.value).toBe('2');
    expect(extractAnswer('The answer is 3. Wait, the answer is 4.')?.value).toBe('4');
  });

  it('skips markdown headings that look like GSM8K answer lines', () => {
    expect(extractAnswer('#### Step 1\nwe add\n#### Step 2\n\\boxed{9}')).toMatchObject({ value: '9', strategy: 'boxed' });
  });

  it('skips an unclosed box and keeps looking', () => {
    expect(extractAnswer('The answer is 4. \\boxed{5')).toMatchObject({ value: '4', strategy: 'the-answer-is' });
  });

  it('keeps a worded answer after a marker, ahead of the last number', () => {
    expect(extractAnswer('In 3 days it is Tuesday. The answer is Tuesday.')).toMatchObject({ value: 'Tuesday', strategy: 'the-answer-is' });
    expect(extractAnswer('The answer is: not enough information.')).toMatchObject({ value: 'unanswerable' });
  });

  it('does not guess in strict mode', () => {
    expect(extractAnswer('She has 3 apples and buys 4.', { strict: true })).toBeNull();
    expect(extractAnswer('She has 3 apples and buys 4.')?.value).toBe('4');
    expect(extractAnswer('The answer is 4.', { strict: true })?.value).toBe('4');
  });

  it('finds nothing in text without an answer', () => {
    for (const text of ['', 'no numbers here', '\\boxed{}', '####', 'Answer:']) expect(extractAnswer(text)).toBeNull();
  });

  it('reports a span that holds the raw answer, for any text', () => {
    const text = fc
      .array(
        fc.constantFrom('The answer is ', '\\boxed{', '}', '#### ', 'Answer: ', '\nA: ', '12', '3.5', '1,234', ' apples', '$', '.', ' ', '\\frac{1}{2}', 'x'),
        { maxLength: 25 },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), (input) => {
        const found = extractAnswer(input);
        if (found === null) return;
        expect(found.start).toBeGreaterThanOrEqual(0);
        expect(found.end).toBeLessThanOrEqual(input.length);
        expect(input.slice(found.start, found.end)).toBe(found.raw);
      }),
      { numRuns: runs(1000, 20_000) },
    );
  });
});
