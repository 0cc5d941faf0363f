import { isSpecial } from './latex-output.js';

/**
 * Character classes and look-behind tests shared by the LaTeX rewriter's
 * pass and its command handlers.
 */
export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Whether a `{` after this character groups (x^{2}, 2{3}) or opens a set ({1, 2}, x = {1}). */
export function isGroupingContext(before: string | undefined): boolean {
  return (
    before === '^' ||
    before === '_' ||
    before === ')' ||
    isDigit(before) ||
    isLetter(before) ||
    before === '*' ||
    before === '/' ||
    before === '+' ||
    before === '-'
  );
}

/**
 * True when the text ends in an integer that stands on its own (not an
 * exponent, decimal or name), perhaps followed by spaces: `12 \frac{3}{5}` is
 * written with a space as often as without.
 */
export function endsWithWholeNumber(text: string): boolean {
  let k = text.length - 1;
  while (k >= 0 && text[k] === ' ') k--;
  if (!isDigit(text[k])) return false;
  while (k >= 0 && isDigit(text[k])) k--;
  const before = text[k];
  return before === undefined || !(isLetter(before) || before === '^' || before === '_' || before === '.' || before === ',' || before === ')');
}

/**
 * Markers for the grid of a matrix environment, which plain text has no
 * characters for. They come from private-use code points, so text that
 * contains them literally at worst reads as a malformed matrix.
 */
export const MATRIX_OPEN = '\uE000';
export const MATRIX_CLOSE = '\uE001';
export const MATRIX_CELL = '\uE002';
export const MATRIX_ROW = '\uE003';

/** Marks the digits of `\overline{..}` after a decimal as repeating: `0.1\overline{6}` → `0.1` + this + `6`. */
export const REPEATING = '\uE004';

/**
 * A character written between a whole number and the `\frac` after it
 * (`2\frac{1}{2}`, `12 \frac{3}{5}`). The answer parser reads it as "plus,
 * forming a mixed number" when the fraction is a proper fraction of whole
 * numbers (two and a half), and as nothing otherwise (`2\frac{\pi}{3}` is
 * 2π/3). U+2064 INVISIBLE PLUS is meant for exactly this.
 */
export const MIXED_PLUS = '\u2064';

/** Whether latexToPlain could change the text at all: the fast path for plain answers. */
export function needsLatexRewrite(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isSpecial(text.charCodeAt(i))) return true;
  return false;
}
