import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MATRIX_CELL, MATRIX_CLOSE, MATRIX_OPEN, MATRIX_ROW } from '../../src/verify/latex-chars.js';
import { latexToPlain, MIXED_PLUS, needsLatexRewrite } from '../../src/verify/latex.js';
import { measure, runs } from '../support/runs.js';

const plain = (text: string): string => latexToPlain(text).text;

describe('latexToPlain', () => {
  it.each([
    ['\\frac{1}{2}', '((1)/(2))'],
    ['\\dfrac{3}{4}', '((3)/(4))'],
    ['\\tfrac12', '((1)/(2))'],
    ['\\frac{\\frac{1}{2}}{3}', '((((1)/(2)))/(3))'],
    ['\\sqrt{8}', 'sqrt(8)'],
    ['\\sqrt[3]{27}', 'root(3,27)'],
    ['\\sqrt2', 'sqrt(2)'],
    ['3 \\cdot 4', '3 * 4'],
    ['3 \\times 4', '3 * 4'],
    ['12 \\div 3', '12 / 3'],
    ['x^{2}', 'x^(2)'],
    ['\\left( 1 \\right)', '( 1 )'],
    ['\\left. x \\right|', ' x |'],
    ['\\text{apples}', ' apples '],
    ['\\mathrm{cm}', ' cm '],
    ['2\\pi', '2 pi '],
    ['50\\%', '50%'],
    ['\\$5', '5'],
    ['$5$', '5'],
    ['\\(5\\)', '5'],
    ['1{,}234', '1,234'],
    ['1\\,234', '1 234'],
    ['\\{1, 2\\}', '{1, 2}'],
    ['−3 × 4 ÷ 2', '-3 * 4 / 2'],
    ['\\boxed{42}', ' 42 '],
    ['\\begin{align}1\\end{align}', ' 1 '],
    ['\\begin{pmatrix}1 & 2 \\\\ 3 & 4\\end{pmatrix}', `${MATRIX_OPEN}1 ${MATRIX_CELL} 2 ${MATRIX_ROW} 3 ${MATRIX_CELL} 4${MATRIX_CLOSE}`],
    ['\\left[\\begin{array}{cc}1 & 2\\end{array}\\right]', `[${MATRIX_OPEN}1 ${MATRIX_CELL} 2${MATRIX_CLOSE}]`],
    ['a & b \\\\ c', 'a   b   c'],
    ['11,\\! 111', '11,111'],
    ['\\mathbb{R}', '(-inf, inf)'],
    ['x \\in A \\cup B', 'x ∈ A ∪ B'],
    ['\\theta', ' theta '],
    ['\\unknown{3}', '\\unknown(3)'],
    ['{1, 2}', '{1, 2}'],
    ['x = {1, 2}', 'x = {1, 2}'],
  ])('%s → %s', (input, output) => {
    expect(plain(input)).toBe(output);
  });

  it('marks a whole number directly before a fraction as a mixed number', () => {
    expect(plain('2\\frac{1}{2}')).toBe(`2${MIXED_PLUS}((1)/(2))`);
    expect(plain('x^2\\frac{1}{2}')).toBe('x^2((1)/(2))');
  });

  it('survives unbalanced braces', () => {
    expect(plain('\\frac{1}{2')).toBe('((1)/(2');
    expect(plain('}}}5')).toBe('}}}5');
    expect(plain('\\frac')).toBe('\\frac');
  });

  it('handles a \\frac nested a hundred thousand deep without recursion', () => {
    const deep = '\\frac{'.repeat(100_000) + '1' + '}{2}'.repeat(100_000);
    const { value: out, ms } = measure(() => plain(deep), 2000);
    expect(ms).toBeLessThan(2000);
    expect(out.startsWith('((((')).toBe(true);
  });

  it('maps every output position back to an input position in order', () => {
    const latexish = fc
      .array(fc.constantFrom('\\frac{', '}{', '}', '{', '3', '4', ' ', '\\times', '\\sqrt', '$', '\\%', 'x', '^{', '\\text{', 'ab', '−', '\\,', '<<', '\\pi'), {
        maxLength: 30,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(latexish, (input) => {
        const { text, offsets } = latexToPlain(input, { offsets: true });
        expect(offsets).not.toBeNull();
        let previous = 0;
        for (let i = 0; i <= text.length; i++) {
          const at = offsets!.map(i);
          expect(at).toBeGreaterThanOrEqual(previous);
          expect(at).toBeLessThanOrEqual(input.length);
          previous = at;
        }
        expect(offsets!.map(text.length)).toBe(input.length);
      }),
      { numRuns: runs(300, 5000) },
    );
  });

  it('copies text without LaTeX unchanged, and says when it would', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abc 0123456789+-*/().,=%') }), (text) => {
        expect(needsLatexRewrite(text)).toBe(false);
        expect(plain(text)).toBe(text);
      }),
      { numRuns: runs(200, 2000) },
    );
  });
});
