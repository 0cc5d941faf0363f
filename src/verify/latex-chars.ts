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
  return before === '^' || before === '_' || before === ')' || isDigit(before) || isLetter(before) || before === '*' || before === '/' || before === '+' || before === '-';
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
