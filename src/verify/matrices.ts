import type { MatrixAnswer, ParsedAnswer } from './answer-types.js';
import { MATRIX_CELL, MATRIX_CLOSE, MATRIX_OPEN, MATRIX_ROW } from './latex-chars.js';
import type { RangeParser } from './names.js';
import { matchingClose, rangesBetween, topLevel } from './token-scan.js';
import { isSymbol, type Token } from './tokens.js';

/**
 * Matrices and vectors written with `pmatrix`, `bmatrix`, `vmatrix` and the
 * like (and `array` inside `\left( \right)`): latexToPlain marks the grid,
 * and here it becomes rows of cells, each an answer of its own. Two matrices
 * are equal cell by cell under the usual comparison; a single row or column
 * also equals a bracketed tuple of the same entries.
 */
function isMarker(text: string): (token: Token) => boolean {
  return (token) => token.t === 'sym' && token.text === text;
}

/** The matrix tokens[from, to) hold: undefined when they are not one matrix environment, null when it cannot be read. */
export function parseMatrix(p: RangeParser, from: number, to: number): MatrixAnswer | null | undefined {
  const tokens = p.tokens;
  if (!isSymbol(tokens[from], MATRIX_OPEN) || matchingClose(tokens, from, to) !== to - 1 || !isSymbol(tokens[to - 1], MATRIX_CLOSE)) return undefined;
  const rowRanges = rangesBetween(topLevel(tokens, from + 1, to - 1, isMarker(MATRIX_ROW)), from + 1, to - 1);
  // A trailing \\ before \end{pmatrix} leaves an empty last row.
  const lastRow = rowRanges[rowRanges.length - 1]!;
  if (rowRanges.length > 1 && lastRow[0] >= lastRow[1]) rowRanges.pop();
  const rows: ParsedAnswer[][] = [];
  for (const [start, end] of rowRanges) {
    const row: ParsedAnswer[] = [];
    for (const [cellStart, cellEnd] of rangesBetween(topLevel(tokens, start, end, isMarker(MATRIX_CELL)), start, end)) {
      const cell = p.parse(cellStart, cellEnd);
      if (cell === null) return null;
      row.push(cell);
    }
    if (rows.length > 0 && row.length !== rows[0]!.length) return null;
    rows.push(row);
  }
  return { kind: 'matrix', rows };
}

type Same = (a: ParsedAnswer, b: ParsedAnswer) => boolean;

export function compareMatrices(a: MatrixAnswer, b: MatrixAnswer, same: Same): boolean {
  if (a.rows.length !== b.rows.length) return false;
  for (let r = 0; r < a.rows.length; r++) {
    const left = a.rows[r]!;
    const right = b.rows[r]!;
    if (left.length !== right.length) return false;
    for (let c = 0; c < left.length; c++) if (!same(left[c]!, right[c]!)) return false;
  }
  return true;
}

/** The entries of a single row or column, in order; null for a matrix with both dimensions above one. */
export function vectorEntries(matrix: MatrixAnswer): readonly ParsedAnswer[] | null {
  if (matrix.rows.length === 1) return matrix.rows[0]!;
  if (matrix.rows.every((row) => row.length === 1)) return matrix.rows.map((row) => row[0]!);
  return null;
}
