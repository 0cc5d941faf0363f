import { describe, expect, it } from 'vitest';
import { PHRASE_KEYWORDS, UNANSWERABLE_PHRASES } from '../../src/verify/unanswerable.js';
import { verify } from '../../src/verify/verify.js';

describe('verify', () => {
  it('extracts, compares and says how', () => {
    expect(verify('So she makes $\\boxed{18}$ dollars.', '18')).toEqual({ correct: true, extracted: '18', strategy: 'boxed', reason: 'exact' });
    expect(verify('The answer is 19.', '18')).toEqual({ correct: false, extracted: '19', strategy: 'the-answer-is', reason: 'different-value' });
    expect(verify('#### 0.33', '1/3')).toEqual({ correct: true, extracted: '0.33', strategy: 'gsm8k', reason: 'rounded' });
    expect(verify('no idea', '18')).toEqual({ correct: false, extracted: null, strategy: null, reason: 'no-answer' });
  });

  it('passes its options to extraction and comparison', () => {
    expect(verify('She has 18 apples.', '18', { strict: true })).toMatchObject({ correct: false, reason: 'no-answer' });
    expect(verify('#### 0.33', '1/3', { tolerance: 'exact' }).correct).toBe(false);
    expect(verify('The answer is 25%.', '0.25', { percent: 'label' }).correct).toBe(false);
  });

  describe('unanswerable items', () => {
    it('accepts a stated answer that says so', () => {
      expect(verify('\\boxed{\\text{cannot be determined}}', 'unanswerable')).toMatchObject({ correct: true, strategy: 'boxed', reason: 'unanswerable' });
      expect(verify('The answer is: there is not enough information.', 'unanswerable')).toMatchObject({ correct: true, strategy: 'the-answer-is' });
    });

    it('accepts the phrase in prose when no marker gives an answer', () => {
      expect(verify('She has 3 apples, but we are not told how many pears. It cannot be determined.', 'unanswerable')).toEqual({
        correct: true,
        extracted: 'unanswerable',
        strategy: 'unanswerable-phrase',
        reason: 'unanswerable',
      });
      expect(verify('We don’t have enough info… the total can’t be determined', 'unanswerable').correct).toBe(true);
    });

    it('lets the last word win between a phrase and a number', () => {
      expect(verify('It cannot be determined directly, but working backwards it is 42', 'unanswerable')).toMatchObject({ correct: false, extracted: '42' });
      expect(verify('It cannot be determined directly, but working backwards it is 42', '42').correct).toBe(true);
    });

    it('prefers a marked answer over a phrase', () => {
      expect(verify('Not enough information is given, so assume 5. The answer is 10.', 'unanswerable')).toMatchObject({ correct: false, extracted: '10' });
    });

    it('does not take a number answer for unanswerable', () => {
      expect(verify('\\boxed{0}', 'unanswerable')).toMatchObject({ correct: false, reason: 'different-kind' });
      expect(verify('cannot be determined', '0')).toMatchObject({ correct: false, reason: 'different-kind' });
    });
  });

  it('is total for values that are not strings', () => {
    const loose = verify as unknown as (output: unknown, expected: unknown) => ReturnType<typeof verify>;
    expect(loose(undefined, '1')).toMatchObject({ correct: false, reason: 'no-answer' });
    expect(loose(null, null)).toMatchObject({ correct: false });
    expect(loose('#### 18', 18)).toMatchObject({ correct: true });
    expect(loose({ toString: () => '#### 3' }, '3')).toMatchObject({ correct: true });
  });
});

describe('unanswerable phrases', () => {
  it('each contains one of the key words the quick pre-check looks for', () => {
    for (const phrase of UNANSWERABLE_PHRASES) expect(PHRASE_KEYWORDS.some((keyword) => phrase.includes(keyword))).toBe(true);
  });
});
