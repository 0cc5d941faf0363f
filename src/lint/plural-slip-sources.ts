import { clauseText, isClauseVariant, variantShape } from '../engine/shape.js';
import type { ProblemRecord } from '../records/problem.js';
import type { CompiledTemplate, SolutionLine } from '../template/compiled.js';
import type { CompiledText } from '../template/text.js';
import { composeVariant } from '../variants/compose.js';
import { COUNTING_ADJECTIVES, pluralAfterOne, type PluralSlip } from './plural-after-one.js';

/**
 * Where a "1 boxes" came from: the template texts a record was composed
 * from, narrowed to the placeholder before the noun, so that lint names the
 * text to mend rather than only the record that showed it.
 */

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
 * (or a solution line's bare `{=}`) directly before the slip's noun, or before an
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
    // A calculation is a site when bare, `{=}`; `{=|noun:pound:pounds}` and `{=|count:cur}` word their own result.
    const calculation = body.startsWith('=');
    const number = calculation ? !SELF_WORDED.test(body) : name !== undefined && !entities.has(name) && !body.includes('.') && !SELF_WORDED.test(body);
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
  if (isClauseVariant(kind)) {
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
        'write {n|noun:box:boxes} or {n|count:item} (in a solution line, {=|noun:box:boxes} or {=|count:item}), or keep the value at 2 or more',
    );
  }
}
