import { clauseText, variantShape } from '../engine/shape.js';
import type { CompiledTemplate, SolutionLine } from '../template/compiled.js';
import type { ProblemRecord } from '../records/problem.js';
import type { CompiledText } from '../template/text.js';
import { composeVariant } from '../variants/compose.js';

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
const COUNTING_ADJECTIVES = [
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

/** Every text of a template, by identity, with the JSON pointer of where it is written. */
function pointersOf(template: CompiledTemplate): Map<CompiledText, string> {
  const texts = new Map<CompiledText, string>();
  const add = (text: CompiledText, pointer: string) => {
    if (!texts.has(text)) texts.set(text, pointer);
  };
  template.premises.forEach((premise, i) => {
    add(premise.text, `/premises/${i}`);
    premise.paraphrases.forEach((text, k) => add(text, `/premises/${i}/paraphrases/${k}`));
  });
  add(template.question, '/question');
  template.questionParaphrases.forEach((text, k) => add(text, `/question/paraphrases/${k}`));
  template.solution.forEach((line, j) => add(line.text, `/solution/${j}/text`));
  template.distractors.forEach((d, i) => add(d.text, `/distractors/${i}/text`));
  template.extensions.forEach((e, i) => {
    add(e.text, `/extensions/${i}/text`);
    if (e.question !== undefined) add(e.question, `/extensions/${i}/question`);
    e.solution.forEach((line, j) => add(line.text, `/extensions/${i}/solution/${j}/text`));
  });
  template.reverse.forEach((r, i) => {
    r.premises.forEach((text, k) => add(text, `/reverse/${i}/premises/${k}`));
    add(r.given, `/reverse/${i}/given`);
    add(r.question, `/reverse/${i}/question`);
    r.solution.forEach((line, j) => add(line.text, `/reverse/${i}/solution/${j}/text`));
  });
  return texts;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Filters that show a number with its own word or sign ("1 bag", "1st", "once", "25%"), so they cannot make a slip. */
const SELF_WORDED = /\|(noun|count|percent|ordinal|times|hm|mcm|kgg|clock|weekday|month)\b/;

/**
 * The written form in `text` that can show the slip: a number placeholder
 * (or a solution line's `{=}`) directly before the slip's noun, or before an
 * entity's field that may render as it ("{n} {food.plural}").
 */
function sitesIn(template: CompiledTemplate, text: CompiledText, slip: PluralSlip): string[] {
  const entities = new Set(template.slots.filter((s) => s.kind === 'entity').map((s) => s.name));
  const site = new RegExp(
    String.raw`\{([^{}]+)\}\s+(?:(?:${COUNTING_ADJECTIVES.join('|')})\s+)?(?:${escapeRegExp(slip.noun)}\b|\{([a-z][a-z0-9_]*)\.[A-Za-z]+\})`,
    'g',
  );
  const sites: string[] = [];
  for (const match of text.source.matchAll(site)) {
    const body = match[1]!;
    const name = /^[a-z][a-z0-9_]*/.exec(body)?.[0];
    const number = body === '=' || (name !== undefined && !entities.has(name) && !body.includes('.') && !SELF_WORDED.test(body));
    if (number && (match[2] === undefined || entities.has(match[2]))) sites.push(match[0]);
  }
  return sites;
}

/** A slip in a record, with the template text that showed it where it can be told. */
export interface LocatedSlip extends PluralSlip {
  /** `"{=} pounds" at /reverse/0/solution/2/text`, or empty when no text of the record shows the noun after a placeholder. */
  readonly sources: readonly string[];
}

/** The template texts a record was composed from: those of its question, and its solution lines in order. */
function textsOfRecord(template: CompiledTemplate, record: ProblemRecord): { question: CompiledText[]; lines: readonly SolutionLine[] } | null {
  const kind = record.variant.kind;
  if (kind === 'base' || kind === 'names' || kind === 'numbers' || kind === 'noop' || kind === 'p1' || kind === 'p2') {
    const shape = variantShape(template, kind);
    const inserted = (record.variant.inserted ?? []).flatMap((clause) => clauseText(template, clause) ?? []);
    return { question: [...template.premises.map((p) => p.text), ...inserted, shape.question], lines: shape.lines };
  }
  const composition = composeVariant(template, record.variant);
  if (typeof composition === 'string') return null;
  return { question: [...composition.premises, ...(composition.given ? [composition.given.text] : []), composition.question], lines: composition.lines ?? [] };
}

/**
 * The slips in a generated record's question and solution, each traced to
 * the texts of its template that the record was composed from: a solution
 * line to its own text, the question to the texts whose placeholder before
 * the noun is bound to 1 in the record (or not bound, as {answer} is).
 */
export function recordSlips(template: CompiledTemplate, record: ProblemRecord): LocatedSlip[] {
  const questionSlips = pluralAfterOne(record.question);
  const lineSlips = record.solution.split('\n').map((line) => pluralAfterOne(line));
  if (questionSlips.length === 0 && lineSlips.every((s) => s.length === 0)) return [];
  const texts = textsOfRecord(template, record);
  const pointers = pointersOf(template);
  const boundToOne = (site: string) => {
    const name = /^\{([a-z][a-z0-9_]*)/.exec(site)?.[1];
    const value = name === undefined ? undefined : record.bindings[name];
    return value === undefined || String(value) === '1';
  };
  const locate = (slip: PluralSlip, candidates: readonly CompiledText[], onlyOnes: boolean): LocatedSlip => ({
    ...slip,
    sources: candidates.flatMap((text) =>
      sitesIn(template, text, slip)
        .filter((site) => !onlyOnes || boundToOne(site))
        .map((site) => `"${site}" at ${pointers.get(text) ?? 'an unknown text'}`),
    ),
  });
  return [
    ...questionSlips.map((slip) => locate(slip, texts?.question ?? [], true)),
    ...lineSlips.flatMap((slips, k) => {
      const line = texts?.lines[k];
      return slips.map((slip) => locate(slip, line === undefined ? [] : [line.text], false));
    }),
  ];
}

/**
 * Lint's report of the slips in sampled records: one warning per template
 * text that showed one, with the phrases, how many records and the first
 * record's id.
 */
export class PluralSlipTally {
  private readonly bySource = new Map<string, { phrases: Set<string>; records: number; first: string }>();

  add(template: CompiledTemplate, record: ProblemRecord): void {
    const keys = new Map<string, Set<string>>();
    for (const slip of recordSlips(template, record)) {
      const key = slip.sources.length === 0 ? `"${slip.phrase}"` : slip.sources.join(' or ');
      keys.set(key, (keys.get(key) ?? new Set()).add(slip.phrase));
    }
    for (const [key, phrases] of keys) {
      const entry = this.bySource.get(key);
      if (entry === undefined) this.bySource.set(key, { phrases, records: 1, first: record.id });
      else {
        entry.records++;
        for (const phrase of phrases) entry.phrases.add(phrase);
      }
    }
  }

  get count(): number {
    return this.bySource.size;
  }

  warnings(): string[] {
    return [...this.bySource].map(
      ([source, { phrases, records, first }]) =>
        `${source} shows ${[...phrases].map((p) => `"${p}"`).join(', ')} in ${records} record(s), first ${first}: a number that can be 1 before a plural; ` +
        'write {n|noun:box:boxes} or {n|count:item}, put the unit before the number, or keep the value at 2 or more',
    );
  }
}
