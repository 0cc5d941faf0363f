import * as N from '../exact/num.js';
import { Rational } from '../exact/rational.js';
import type { Entity } from '../expr/types.js';
import { makeEntity, type Pool } from '../template/pools.js';

/**
 * The named lists that GSM-Symbolic templates sample from (`sample(names)`,
 * `sample(multi_times)`) but that the release does not define, mapped to
 * reasonforge's own pools or to short lists written here. Names come from
 * reasonforge's names pool, split by pronoun where a template asks for
 * female or male names, since its text then says "she" or "he".
 */
export type GsmPoolSource =
  | { readonly kind: 'pool'; readonly pool: string; readonly pronoun?: 'she' | 'he'; readonly field?: string }
  | { readonly kind: 'words'; readonly words: readonly string[] }
  /** A word shown in the text and the number it means: ("twice", 2). */
  | { readonly kind: 'pairs'; readonly pairs: readonly (readonly [string, string])[] };

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const COLORS = ['red', 'blue', 'green', 'yellow', 'purple', 'orange', 'white', 'black', 'pink', 'brown'];
const SPORTS = ['soccer', 'basketball', 'tennis', 'volleyball', 'swimming', 'cycling', 'hockey', 'baseball'];
const TIMES: (readonly [string, string])[] = [
  ['twice', '2'],
  ['three times', '3'],
  ['four times', '4'],
  ['five times', '5'],
  ['six times', '6'],
];
const MULTIPLES: (readonly [string, string])[] = [
  ['double', '2'],
  ['triple', '3'],
  ['quadruple', '4'],
];
const FRACTION_WORDS: (readonly [string, string])[] = [
  ['half', '1/2'],
  ['a third', '1/3'],
  ['a quarter', '1/4'],
  ['a fifth', '1/5'],
  ['two thirds', '2/3'],
  ['three quarters', '3/4'],
  ['two fifths', '2/5'],
];
const FRACTIONS = ['1/2', '1/3', '1/4', '1/5', '1/6', '1/8', '1/10', '2/3', '3/4', '3/5'].map((f) => [f, f] as const);
// Units a template writes with an "s" after them ("{unit}s"), so each is a word whose plural adds one.
const WEIGHTS_SMALL = ['ounce', 'gram'];
const WEIGHTS_MEDIUM = ['pound', 'kilogram'];
const WEIGHTS_LARGE = ['ton', 'tonne'];
const LENGTHS_SMALL = ['inch', 'centimeter'];
const LENGTHS_MEDIUM = ['yard', 'meter'];
const LENGTHS_LARGE = ['mile', 'kilometer'];
const DECIMALS: (readonly [string, string])[] = [
  ['0.5', '1/2'],
  ['0.25', '1/4'],
  ['0.75', '3/4'],
  ['0.2', '1/5'],
  ['0.1', '1/10'],
];

export const GSM_POOLS: Readonly<Record<string, GsmPoolSource>> = {
  names: { kind: 'pool', pool: 'names' },
  names_female: { kind: 'pool', pool: 'names', pronoun: 'she' },
  female_names: { kind: 'pool', pool: 'names', pronoun: 'she' },
  names_male: { kind: 'pool', pool: 'names', pronoun: 'he' },
  male_names: { kind: 'pool', pool: 'names', pronoun: 'he' },
  fruits: { kind: 'pool', pool: 'items/fruit' },
  vegetables: { kind: 'pool', pool: 'items/vegetables' },
  flowers: { kind: 'pool', pool: 'items/flowers' },
  toys: { kind: 'pool', pool: 'items/toys' },
  snacks: { kind: 'pool', pool: 'items/snacks' },
  cities: { kind: 'pool', pool: 'places/towns' },
  towns: { kind: 'pool', pool: 'places/towns' },
  stores: { kind: 'pool', pool: 'places/shops' },
  shops: { kind: 'pool', pool: 'places/shops' },
  currencies: { kind: 'pool', pool: 'currencies' },
  currencies_sym: { kind: 'pool', pool: 'currencies', field: 'symbol' },
  weekdays: { kind: 'words', words: WEEKDAYS },
  months: { kind: 'words', words: MONTHS },
  colors: { kind: 'words', words: COLORS },
  sports: { kind: 'words', words: SPORTS },
  weights_sm: { kind: 'words', words: WEIGHTS_SMALL },
  weights_med: { kind: 'words', words: WEIGHTS_MEDIUM },
  weights_lg: { kind: 'words', words: WEIGHTS_LARGE },
  length_sm: { kind: 'words', words: LENGTHS_SMALL },
  length_med: { kind: 'words', words: LENGTHS_MEDIUM },
  length_lg: { kind: 'words', words: LENGTHS_LARGE },
  multi_times: { kind: 'pairs', pairs: TIMES },
  multiple_ice: { kind: 'pairs', pairs: MULTIPLES },
  multiple: { kind: 'pairs', pairs: [...TIMES, ...MULTIPLES] },
  fraction_alnum: { kind: 'pairs', pairs: FRACTION_WORDS },
  fraction_alph: { kind: 'pairs', pairs: FRACTION_WORDS },
  fractions: { kind: 'pairs', pairs: FRACTIONS },
  fraction_nums: { kind: 'pairs', pairs: FRACTIONS },
  fraction_decimals: { kind: 'pairs', pairs: DECIMALS },
};

/** An entry of a pairs list: its word as name and text, its number as the numeric field `value`. */
export function pairEntity(word: string, value: string): Entity {
  const base = makeEntity(word, {});
  const exact = Rational.parse(value);
  if (exact === null) throw new Error(`not an exact number: ${value}`);
  return { ...base, numbers: { value: N.fromRational(exact) } };
}

/**
 * The reasonforge pool a GSM-Symbolic list becomes, built once per library of
 * pools: an existing pool as it is, a pronoun-filtered copy of names, or a
 * pool made from a word or pairs list. Returns null for an unknown list name.
 */
export function gsmPool(name: string, pools: ReadonlyMap<string, Pool>): { pool: Pool; field?: string; numeric: boolean } | null {
  const source = GSM_POOLS[name];
  if (source === undefined) return null;
  return poolOf(`gsm-symbolic/${name.replaceAll('_', '-')}`, source, pools);
}

/** A pool for a list source under the given id (see gsmPool); null when it names a pool the library lacks. */
export function poolOf(id: string, source: GsmPoolSource, pools: ReadonlyMap<string, Pool>): { pool: Pool; field?: string; numeric: boolean } | null {
  switch (source.kind) {
    case 'pool': {
      const base = pools.get(source.pool);
      if (base === undefined) return null;
      if (source.pronoun === undefined) return { pool: base, ...(source.field !== undefined && { field: source.field }), numeric: false };
      const entries = base.entries.filter((e) => e.text['subj'] === source.pronoun);
      return { pool: { ...base, id, entries }, numeric: false };
    }
    case 'words':
      return {
        pool: { id, file: '(built in)', entries: [...new Set(source.words)].map((w) => makeEntity(w, {})), textFields: ['name', 'Name'], numericFields: [] },
        numeric: false,
      };
    case 'pairs':
      return {
        pool: { id, file: '(built in)', entries: source.pairs.map(([w, v]) => pairEntity(w, v)), textFields: ['name', 'Name'], numericFields: ['value'] },
        numeric: true,
      };
  }
}

/**
 * Runs of `length` neighbours of a cyclic list (`sample_sequential(weekdays,
 * 3)`: Friday, Saturday, Sunday), one entry per starting place, whose text
 * fields `at1`, `at2`, ... are the run's members in order.
 */
export function runsPool(id: string, words: readonly string[], length: number): Pool {
  const fields = Array.from({ length }, (_, k) => `at${k + 1}`);
  const entries = words.map((_, start) => {
    const run = fields.map((__, k) => words[(start + k) % words.length]!);
    return makeEntity(run.join(', '), Object.fromEntries(fields.map((f, k) => [f, run[k]!])));
  });
  return {
    id,
    file: '(built in)',
    entries,
    textFields: ['name', 'Name', ...fields, ...fields.map((f) => f[0]!.toUpperCase() + f.slice(1))],
    numericFields: [],
  };
}

/** The words of a named list of words or pairs (the word of each pair), or null. */
export function wordsOf(name: string, pools: ReadonlyMap<string, Pool>): readonly string[] | null {
  const source = GSM_POOLS[name];
  if (source === undefined) return null;
  if (source.kind === 'words') return source.words;
  if (source.kind === 'pairs') return source.pairs.map(([word]) => word);
  return pools.get(source.pool)?.entries.map((e) => e.name) ?? null;
}
