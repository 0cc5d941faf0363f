/**
 * Whether a text says that a number is rounded: `rounded`, `round up`, `to the
 * nearest`, `about`, `approximately`, `≈`. An annotation may claim a rounded
 * value only where the solution (or the question it answers) says so;
 * otherwise `<<10/3=3.33>>` is as wrong as `<<10/3=3.5>>`.
 */
const ROUNDING_WORDS = /\b(round(s|ed|ing)?|nearest|approx(\.|imately|imate)?|about|roughly|almost|nearly)\b|≈|~/i;

export function statesRounding(text: string): boolean {
  return ROUNDING_WORDS.test(text);
}

/** The line of `text` that contains offset `at`. */
export function lineAt(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  return text.slice(start, end < 0 ? text.length : end);
}
