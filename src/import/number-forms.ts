/**
 * Which kind of non-integer number a question states: what splits GSM-Plus's
 * "integer-decimal-fraction conversion" items into our decimal and fraction
 * variants. Reads numbers as written, never as meaning: `2.5` is a decimal,
 * `3/4` and `1 1/2` are fractions, and so are fraction words ("half", "two
 * thirds", "a quarter").
 */
export type NumberForm = 'decimal' | 'fraction';

const FRACTION = /(?<![\d/.])\d+\s*\/\s*\d+(?![\d/])/g;
const DECIMAL = /(?<![\d.])\d*\.\d+(?!\d|\.\d)/g;
const FRACTION_WORDS = /\b(half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|twelfths?|hundredths?)\b/gi;

/** Every decimal and fraction the text states, as written (lower case for words). */
export function statedForms(text: string): { decimal: string[]; fraction: string[] } {
  const fraction = [...text.matchAll(FRACTION)].map((m) => m[0].replace(/\s+/g, ''));
  const withoutFractions = text.replace(FRACTION, ' ');
  const decimal = [...withoutFractions.matchAll(DECIMAL)].map((m) => m[0]);
  fraction.push(...[...text.matchAll(FRACTION_WORDS)].map((m) => m[0].toLowerCase()));
  return { decimal, fraction };
}

/** What is in `after` and not in `before`, counting repeats. */
function added(after: readonly string[], before: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const item of before) left.set(item, (left.get(item) ?? 0) + 1);
  return after.filter((item) => {
    const n = left.get(item) ?? 0;
    if (n === 0) return true;
    left.set(item, n - 1);
    return false;
  });
}

/**
 * The form a converted question introduces: fraction when it states a
 * fraction its seed did not, else decimal when it states a new decimal. When
 * it introduces neither (a conversion the text does not show), the forms it
 * states at all decide; `stated: false` says the text shows none.
 */
export function convertedForm(question: string, seed: string): { form: NumberForm; stated: boolean } {
  const now = statedForms(question);
  const then = statedForms(seed);
  if (added(now.fraction, then.fraction).length > 0) return { form: 'fraction', stated: true };
  if (added(now.decimal, then.decimal).length > 0) return { form: 'decimal', stated: true };
  if (now.fraction.length > 0) return { form: 'fraction', stated: true };
  if (now.decimal.length > 0) return { form: 'decimal', stated: true };
  return { form: 'decimal', stated: false };
}
