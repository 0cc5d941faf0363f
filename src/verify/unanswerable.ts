/**
 * The `unanswerable` answer of critical-thinking items (a necessary premise
 * was removed). A model gets it right by saying so, in words: these are the
 * phrases we accept. They are matched case-insensitively, with typographic
 * apostrophes read as plain ones, as whole phrases (never single words such
 * as "unknown", which solutions use for the quantity they are solving for).
 */
export const UNANSWERABLE_PHRASES: readonly string[] = [
  'unanswerable',
  'not answerable',
  'cannot be answered',
  "can't be answered",
  'can not be answered',
  'cannot answer',
  "can't answer",
  'cannot be determined',
  "can't be determined",
  'can not be determined',
  'could not be determined',
  'cannot determine',
  "can't determine",
  'can not determine',
  'cannot be calculated',
  "can't be calculated",
  'cannot be computed',
  "can't be computed",
  'cannot calculate',
  "can't calculate",
  'not enough information',
  'not enough info',
  'not enough data',
  'not enough details',
  'insufficient information',
  'insufficient data',
  'information is insufficient',
  'information is not sufficient',
  'not sufficient information',
  'missing information',
  'information is missing',
  'lacks the information',
  'lack of information',
  'not possible to determine',
  'impossible to determine',
  'no way to determine',
  'not possible to answer',
  'impossible to answer',
  'not possible to calculate',
  'impossible to calculate',
  'undeterminable',
  'indeterminable',
  'not determinable',
  'does not provide enough',
  "doesn't provide enough",
  'does not give enough',
  "doesn't give enough",
];

/** Every phrase contains one of these (a test checks it), so a text with none of them has no phrase. */
export const PHRASE_KEYWORDS: readonly string[] = ['answer', 'determin', 'calculat', 'comput', 'enough', 'sufficient', 'missing', 'lack'];

/** Whole answers that mean unanswerable on their own, though they are too short to search for in prose. */
const SHORT_FORMS: ReadonlySet<string> = new Set(['n/a', 'na', 'unknown', 'undetermined', 'indeterminate', 'none of the above']);

export interface PhraseMatch {
  readonly start: number;
  readonly end: number;
  readonly phrase: string;
}

/** Lower-cases and turns ’ into ' without changing any offset. */
function fold(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('\u2019') ? lower.replaceAll('\u2019', "'") : lower;
}

/**
 * The last unanswerable phrase in `text`, by where it ends. Linear: one
 * lastIndexOf per phrase.
 */
export function findUnanswerablePhrase(text: string, folded: string = fold(text)): PhraseMatch | null {
  // Most texts contain none of the phrases' key words; eight searches rule out forty-seven.
  if (!PHRASE_KEYWORDS.some((keyword) => folded.includes(keyword))) return null;
  let best: PhraseMatch | null = null;
  for (const phrase of UNANSWERABLE_PHRASES) {
    const at = folded.lastIndexOf(phrase);
    if (at >= 0 && (best === null || at + phrase.length > best.end)) best = { start: at, end: at + phrase.length, phrase };
  }
  return best;
}

/** Whether an extracted answer says the question cannot be answered. */
export function isUnanswerableAnswer(text: string): boolean {
  const folded = fold(text).trim();
  if (SHORT_FORMS.has(folded)) return true;
  return findUnanswerablePhrase(text, folded) !== null;
}

export { fold as foldForPhrases };
