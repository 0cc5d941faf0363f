import { describe, expect, it } from 'vitest';
import { parseAnswer, parseMathAnswer, renderAnswer } from '../../src/verify/answer.js';
import { compareAnswers, equivalent, normalizeAnswer } from '../../src/verify/index.js';

describe('expressions', () => {
  it.each([
    ['\\sin^2 x', 'sin(x)^2'],
    ['\\sec^{2}(y)', 'sec(y)^2'],
    ['\\sin^{-1} x', 'arcsin(x)'],
    ['\\log_2 8', 'ln(8)/ln(2)'],
    ['\\log_{10}(x)', 'ln(x)/ln(10)'],
    ['\\sin 2x', 'sin(2*x)'],
    ['2 \\sin x \\cos x', '2*sin(x)*cos(x)'],
    ['x_1 + x_{2}', 'x_1 + x_2'],
    ['f(x+1)', 'f(x + 1)'],
    ['2f(3)', '2*f(3)'],
    ['3(x+1)', '3*(x + 1)'],
    ['\\theta^2', 'theta^2'],
    ['2pq', '2*p*q'],
    ['(p+q)^2 - 2pq', '(p + q)^2 - 2*p*q'],
    ['n! + 1', 'factorial(n) + 1'],
    ['\\frac{10!}{4!\\,6!}', '210'],
  ])('%s → %s', (text, normalised) => {
    expect(normalizeAnswer(text)).toBe(normalised);
  });

  it('proves trigonometric and logarithmic identities by evaluation', () => {
    expect(compareAnswers('\\tan^2 y + 1', '\\sec^2 y')).toMatchObject({ equivalent: true, reason: 'numeric' });
    expect(equivalent('\\cos^2 t - \\sin^2 t', '\\cos 2t')).toBe(true);
    expect(equivalent('\\ln 3 + 2\\ln 2', '\\ln 12')).toBe(true);
    expect(equivalent('\\tan^2 y', '\\sec^2 y')).toBe(false);
  });

  it('reads a final ! as a factorial in math mode, and as an exclamation in prose', () => {
    expect(renderAnswer(parseMathAnswer('5!'))).toBe('120');
    expect(normalizeAnswer('5!')).toBe('5');
  });

  it('keeps values of unknown functions apart', () => {
    expect(equivalent('f(1)', 'f(3)')).toBe(false);
    expect(equivalent('f(1) + f(1)', '2f(1)')).toBe(true);
  });

  it('reads a letter glued to a number as a unit only when it is one', () => {
    expect(parseAnswer('5km')).toMatchObject({ kind: 'number' });
    expect(parseAnswer('3rd')).toMatchObject({ kind: 'number' });
    expect(normalizeAnswer('E')).toBe('E');
    expect(equivalent('E', 'e')).toBe(false);
  });
});
