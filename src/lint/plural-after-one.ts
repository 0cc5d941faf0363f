/**
 * "1 boxes", "1 more trips", "one chairs": a number that came out as 1
 * directly before an English plural noun. The check reads rendered text, so
 * it sees what a reader sees whatever placeholder or step produced the
 * number; `slipSources` then points back at the template text responsible.
 *
 * It errs towards silence: a word counts as plural only if it ends in s (and
 * is not one of the singular words below) or is one of a few irregular
 * plurals. Decimals ("1.0 litres", "1.5 hours") take a plural in English and
 * are not flagged, nor is a 1 inside arithmetic ("2 + 1 parts"), after a
 * currency sign ("$1 coins"), or after a word that makes "one" a pronoun
 * ("each one plays").
 */

/** Words between the number and the noun that still leave the noun counted by it: "1 more trips". */
export const COUNTING_ADJECTIVES = [
  'more',
  'fewer',
  'extra',
  'additional',
  'other',
  'further',
  'full',
  'whole',
  'complete',
  'entire',
  'empty',
  'spare',
  'separate',
  'identical',
  'equal',
  'new',
  'return',
  'round',
];

/** Words ending in s that are singular (or not nouns), so "1 bus" and "1 glass" are right. Words ending in ss are singular anyway. */
const SINGULAR_IN_S = new Set([
  'bus',
  'gas',
  'lens',
  'news',
  'series',
  'species',
  'means',
  'crossroads',
  'headquarters',
  'customs',
  'plus',
  'minus',
  'bonus',
  'campus',
  'cactus',
  'census',
  'chorus',
  'circus',
  'virus',
  'focus',
  'status',
  'surplus',
  'canvas',
  'atlas',
  'iris',
  'tennis',
  'basis',
  'axis',
  'crisis',
  'analysis',
  'thesis',
  'mathematics',
  'maths',
  'physics',
  'athletics',
  'gymnastics',
  'economics',
  'christmas',
  'always',
  'perhaps',
  'towards',
  'afterwards',
  'besides',
  'whereas',
  'thus',
  'this',
  'his',
  'its',
  'us',
  'as',
  'yes',
  // Verbs a numbered label can take ("Box 1 holds 5 apples"); plural nouns of the same spelling are rare after a count.
  'is',
  'was',
  'has',
  'does',
  'goes',
  'equals',
  'makes',
  'costs',
  'takes',
  'holds',
  'weighs',
  'lasts',
  'remains',
  'stays',
  'needs',
  'gets',
  'comes',
]);

/** Plurals that do not end in s. */
const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'feet', 'teeth', 'geese', 'mice', 'oxen', 'dice']);

/** Words before "one" that make it a pronoun or part of a phrase, not a count: "each one plays", "the one Cyrus runs". */
const ONE_AS_PRONOUN = new Set([
  'each',
  'every',
  'no',
  'any',
  'some',
  'which',
  'this',
  'that',
  'the',
  'a',
  'another',
  'only',
  'last',
  'first',
  'next',
  'other',
]);

function isPluralNoun(word: string): boolean {
  if (IRREGULAR_PLURALS.has(word)) return true;
  if (word.length < 3 || !word.endsWith('s')) return false;
  return !word.endsWith('ss') && !word.endsWith('ous') && !SINGULAR_IN_S.has(word);
}

/**
 * A 1 or "one" standing alone (not part of a longer number, a decimal, a
 * fraction or a word, not after a currency sign), an optional counting
 * adjective, and the lowercase word it counts.
 */
const ONE_BEFORE_WORD = new RegExp(String.raw`(?<![\w.,/$£€¥#%-])(1|[Oo]ne)\s+(?:(${COUNTING_ADJECTIVES.join('|')})\s+)?([a-z]+)\b`, 'g');

/** Text before a 1 that makes it part of a calculation: "2 + 1 parts" counts the parts with 2 + 1 (but "= 1 parts" is a result). */
const AFTER_OPERATOR = /[-+*/×÷]\s*$/;

export interface PluralSlip {
  /** What the reader sees: "1 more trips". */
  readonly phrase: string;
  readonly noun: string;
}

/** Every place in `text` where 1 (or "one") counts a plural noun. */
export function pluralAfterOne(text: string): PluralSlip[] {
  const slips: PluralSlip[] = [];
  for (const match of text.matchAll(ONE_BEFORE_WORD)) {
    const [, one = '', adjective, noun = ''] = match;
    if (!isPluralNoun(noun)) continue;
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    if (AFTER_OPERATOR.test(before)) continue;
    if (one !== '1' && ONE_AS_PRONOUN.has(/([A-Za-z]+)\s*$/.exec(before)?.[1]?.toLowerCase() ?? '')) continue;
    slips.push({ phrase: [one, adjective, noun].filter((w) => w !== undefined).join(' '), noun });
  }
  return slips;
}
