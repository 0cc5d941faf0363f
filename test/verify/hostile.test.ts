import { describe, expect, it } from 'vitest';
import { checkSteps, compareAnswers, parseAnswer, verify, type Verdict } from '../../src/verify/index.js';
import { measure } from '../support/runs.js';

/**
 * The hard limits of the issue on the worst inputs we could think of: a
 * megabyte of noise, braces, digits, claims or markers; nesting a thousand
 * deep; towers of powers. Each call gets an explicit time bound.
 */
function isVerdict(value: Verdict): boolean {
  return typeof value.correct === 'boolean' && typeof value.reason === 'string' && value.reason !== 'internal-error';
}

/** Deterministic noise: the same megabyte on every run. */
function noise(length: number, alphabet?: string): string {
  let state = 0x9e3779b9;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out += alphabet === undefined ? String.fromCharCode(state >>> 16) : alphabet[state % alphabet.length];
  }
  return out;
}

const MB = 1 << 20;
/** An explicit bound for one call on a megabyte of hostile text (typically 20-300 ms here), with room for a slow CI machine. */
const MEGABYTE_MS = 2000;
/** The bound for a text: linear time means a fixed cost per megabyte (the million-cell matrix is two). */
const boundFor = (text: string): number => MEGABYTE_MS * Math.max(1, text.length / MB);

const HOSTILE: ReadonlyArray<[string, () => string]> = [
  ['the empty string', () => ''],
  ['a megabyte of binary noise', () => noise(MB)],
  ['a megabyte of digits and operators', () => noise(MB, '0123456789+-*/=. ,%x()')],
  [
    'a megabyte of LaTeX fragments',
    () =>
      noise(MB / 8, 'abc')
        .replace(/a/g, '\\frac{')
        .replace(/b/g, '}{')
        .replace(/c/g, '\\boxed{'),
  ],
  ['a megabyte of open braces', () => '{'.repeat(MB)],
  ['a megabyte of close braces', () => '}'.repeat(MB)],
  ['a hundred thousand unclosed boxes', () => '\\boxed{'.repeat(100_000)],
  ['a tower of powers', () => '10^10^10^10'],
  ['a boxed tower of powers', () => '\\boxed{10^{10^{10^{10}}}}'],
  ['a \\frac nested a thousand deep', () => `\\boxed{${'\\frac{'.repeat(1000)}1${'}{2}'.repeat(1000)}}`],
  ['an empty \\frac{}{} nested a thousand deep', () => `The answer is $${'\\frac{'.repeat(1000)}${'}{}'.repeat(1000)}$`],
  ['a megabyte of nested empty fractions', () => `\\boxed{${'\\frac{'.repeat(MB / 8)}${'}{}'.repeat(MB / 8)}}`],
  ['a \\sqrt nested a thousand deep', () => `\\boxed{${'\\sqrt{'.repeat(1000)}2${'}'.repeat(1000)}}`],
  ['parentheses nested a hundred thousand deep', () => `\\boxed{${'('.repeat(100_000)}1${')'.repeat(100_000)}}`],
  ['a long exponent chain in a box', () => `\\boxed{${'2^'.repeat(5000)}2}`],
  ['a huge power of a sum of roots', () => '\\boxed{(1+\\sqrt{2}+\\sqrt{3}+\\sqrt{5}+\\sqrt{7}+\\sqrt{11})^{200}}'],
  ['a megabyte-long number', () => '9'.repeat(MB)],
  ['a megabyte of claims', () => '1 + 1 = 3. '.repeat(MB / 11)],
  ['a megabyte of annotations', () => '<<1+1=2>>'.repeat(MB / 9)],
  ['a megabyte of unclosed annotations', () => '<<'.repeat(MB / 2)],
  ['a megabyte of answer phrases', () => 'The answer is '.repeat(MB / 14)],
  ['a megabyte of GSM8K markers', () => '#### '.repeat(MB / 5)],
  ['a megabyte of minus signs', () => `${'-'.repeat(MB)}5`],
  ['a megabyte of prose', () => 'She has some apples and gives a few away. '.repeat(MB / 42)],
  // the competition forms
  ['a matrix of a million cells', () => `\\boxed{\\begin{pmatrix}${Array.from({ length: 1000 }, () => '1&'.repeat(999) + '1').join('\\\\')}\\end{pmatrix}}`],
  [
    'a megabyte of matrix markers',
    () =>
      noise(MB / 4, 'abcd')
        .replace(/a/g, '\\begin{pmatrix}')
        .replace(/b/g, '&')
        .replace(/c/g, '\\\\')
        .replace(/d/g, '\\end{pmatrix}'),
  ],
  ['intervals nested a thousand deep', () => `\\boxed{${'[('.repeat(500)}0, 1${')]'.repeat(500)}}`],
  ['a union of a thousand intervals', () => `\\boxed{${Array.from({ length: 1000 }, (_, i) => `[${i}, ${i}.5)`).join(' \\cup ')}}`],
  ['an inequality chain of a thousand signs', () => `\\boxed{${'1 < x \\le '.repeat(1000)}2}`],
  ['a thousand boxes in a row', () => Array.from({ length: 1000 }, (_, i) => `\\boxed{${i}}`).join(' and ')],
  ['a thousand boxed equations', () => Array.from({ length: 1000 }, (_, i) => `\\boxed{x_{${i}} = ${i}}`).join(', ')],
  ['a megabyte of dollar signs', () => '$'.repeat(MB)],
  ['a megabyte of math delimiters', () => noise(MB, '$\\()[]1x ,')],
  ['a thousand plus-minus signs', () => `\\boxed{${'1 \\pm '.repeat(1000)}1}`],
  ['an equation chain of ten thousand sides', () => `\\boxed{${'x = '.repeat(10_000)}1}`],
];

describe('hostile input', () => {
  it.each(HOSTILE)('handles %s quickly', (_name, make) => {
    const text = make();
    const bound = boundFor(text);
    const verdict = measure(() => verify(text, '12'), bound);
    const steps = measure(() => checkSteps(text, { steps: [{ value: '12' }] }), bound);
    const reverse = measure(() => verify('#### 12', text), bound);
    const itself = measure(() => verify(text, text), bound);
    const match = compareAnswers(text.slice(0, 10_000), text.slice(0, 10_000));
    expect(isVerdict(verdict.value) && isVerdict(reverse.value) && isVerdict(itself.value)).toBe(true);
    expect(typeof steps.value.valid).toBe('boolean');
    expect(typeof match.equivalent).toBe('boolean');
    expect(JSON.stringify(parseAnswer(text.slice(0, 4000))).length).toBeGreaterThan(0);
    expect(Math.max(verdict.ms, steps.ms, reverse.ms, itself.ms)).toBeLessThan(bound);
  });

  it('keeps wrong answers wrong and right answers right in hostile surroundings', () => {
    const noisy = noise(100_000);
    expect(verify(`${noisy}\n#### 12`, '12').correct).toBe(true);
    expect(verify(`${noisy}\n\\boxed{13}`, '12').correct).toBe(false);
    expect(verify(`${noisy}\n\\boxed{[0, 1) \\cup (2, 3]}`, '(2, 3] \\cup [0, 1)').correct).toBe(true);
    expect(verify(`${noisy}\n\\boxed{\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}}`, '\\begin{bmatrix} 1 & 2 \\\\ 3 & 5 \\end{bmatrix}').correct).toBe(
      false,
    );
  });

  it('reads a thousand boxes as one answer only up to its cap, and compares a big matrix cell by cell within the caps', () => {
    const boxes = Array.from({ length: 1000 }, (_, i) => `\\boxed{${i}}`).join(', ');
    // the group is capped at 16 boxes: the last sixteen, 984 to 999
    expect(verify(boxes, Array.from({ length: 16 }, (_, i) => 984 + i).join(', ')).correct).toBe(true);
    const matrix = (n: number, last: string): string =>
      `\\begin{pmatrix}${Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => (r === n - 1 && c === n - 1 ? last : '1')).join(' & ')).join(' \\\\ ')}\\end{pmatrix}`;
    expect(verify(`\\boxed{${matrix(15, '2')}}`, matrix(15, '2')).correct).toBe(true);
    expect(verify(`\\boxed{${matrix(15, '2')}}`, matrix(15, '3')).correct).toBe(false);
  });
});
