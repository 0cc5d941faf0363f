import { describe, expect, it } from 'vitest';
import { equivalent, normalizeAnswer } from '../../src/verify/index.js';
import { tokenize } from '../../src/verify/tokens.js';

const texts = (text: string, decimalComma = false): string[] => tokenize(text, { decimalComma })!.map((t) => (t.t === 'num' ? t.value.toCanonical() : t.text));

describe('tokenize', () => {
  it('reads <=, >= and != as one sign, but not the factorial in 5!=120', () => {
    expect(texts('x <= 3')).toEqual(['x', '≤', '3']);
    expect(texts('x >= 3')).toEqual(['x', '≥', '3']);
    expect(texts('x != 3')).toEqual(['x', '≠', '3']);
    expect(texts('5!=120')).toEqual(['5', '!', '=', '120']);
  });

  it('reads a decimal comma only when asked, and never where it separates thousands', () => {
    expect(texts('1,22')).toEqual(['1', ',', '22']);
    expect(texts('1,22', true)).toEqual(['1.22']);
    expect(texts('0,111', true)).toEqual(['0.111']);
    expect(texts('1000,5', true)).toEqual(['1000.5']);
    expect(texts('1,222', true)).toEqual(['1222']);
  });

  it('passes the option through normalisation and equivalence', () => {
    expect(normalizeAnswer('1,22', { decimalComma: true })).toBe('1.22');
    expect(equivalent('1,22', '1.22')).toBe(false);
    expect(equivalent('1,22', '1.22', { decimalComma: true })).toBe(true);
    expect(equivalent('1,222', '1.222', { decimalComma: true })).toBe(false);
  });
});
