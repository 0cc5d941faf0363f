import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../src/verify/answer.js';
import { equivalent, normalizeAnswer } from '../../src/verify/index.js';
import { runs } from '../support/runs.js';

const grid = (rows: readonly (readonly string[])[], env = 'pmatrix'): string =>
  `\\begin{${env}}${rows.map((row) => row.join(' & ')).join(' \\\\ ')}\\end{${env}}`;

describe('matrices', () => {
  it('reads rows and cells, and a trailing row break', () => {
    expect(
      parseAnswer(
        grid([
          ['1', '2'],
          ['3', '4'],
        ]),
      ),
    ).toMatchObject({
      kind: 'matrix',
      rows: [
        [{ kind: 'number' }, { kind: 'number' }],
        [{}, {}],
      ],
    });
    expect(normalizeAnswer('\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\\\ \\end{bmatrix}')).toBe('\\begin{pmatrix}1 & 2 \\\\ 3 & 4\\end{pmatrix}');
    expect(normalizeAnswer('\\left(\\begin{array}{cc} 1 & 2 \\end{array}\\right)')).toBe('\\begin{pmatrix}1 & 2\\end{pmatrix}');
  });

  it('refuses rows of different lengths', () => {
    expect(parseAnswer(grid([['1', '2'], ['3']]))).toMatchObject({ kind: 'text' });
  });

  it('compares cell by cell, with the usual rules inside each cell', () => {
    expect(
      equivalent(
        grid(
          [
            ['0.5', '0'],
            ['0', '\\sqrt{8}/2'],
          ],
          'bmatrix',
        ),
        grid([
          ['\\frac{1}{2}', '0'],
          ['0', '\\sqrt{2}'],
        ]),
      ),
    ).toBe(true);
    expect(equivalent(grid([['0.33'], ['0.67']]), grid([['\\frac13'], ['\\frac23']]))).toBe(true);
    expect(
      equivalent(
        grid([
          ['1', '2'],
          ['3', '4'],
        ]),
        grid([
          ['1', '3'],
          ['2', '4'],
        ]),
      ),
    ).toBe(false);
    expect(equivalent(grid([['1', '2']]), grid([['1'], ['2']]))).toBe(false);
    expect(
      equivalent(
        grid(
          [
            ['1', '5'],
            ['2', '7'],
          ],
          'vmatrix',
        ),
        grid(
          [
            ['1', '5'],
            ['2', '7'],
          ],
          'vmatrix',
        ),
      ),
    ).toBe(true);
  });

  it('equates a row or column vector with a bracketed tuple of its entries', () => {
    expect(equivalent('(4, -2, 1)', grid([['4'], ['-2'], ['1']]))).toBe(true);
    expect(equivalent(grid([['4'], ['-2'], ['1']]), '(4, -2, 1)')).toBe(true);
    expect(equivalent('4, -2, 1', grid([['4'], ['-2'], ['1']]))).toBe(false);
    expect(equivalent('(4, 1, -2)', grid([['4'], ['-2'], ['1']]))).toBe(false);
  });

  it('accepts any matrix in another environment and rejects it with one cell changed', () => {
    const cell = fc.integer({ min: -9, max: 9 }).map(String);
    const matrix = fc.integer({ min: 1, max: 4 }).chain((n) => fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(matrix, fc.nat(), fc.nat(), (rows, r, c) => {
        expect(equivalent(grid(rows, 'bmatrix'), grid(rows))).toBe(true);
        const row = r % rows.length;
        const column = c % rows[0]!.length;
        const changed = rows.map((cells, i) => cells.map((value, j) => (i === row && j === column ? String(Number(value) + 1) : value)));
        expect(equivalent(grid(changed, 'bmatrix'), grid(rows))).toBe(false);
      }),
      { numRuns: runs(200, 3000) },
    );
  });
});
