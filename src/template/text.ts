import type * as N from '../exact/num.js';
import type { Entity, Env } from '../expr/types.js';
import { formatNumber, FILTERS, type NumberFormat } from './format.js';

/**
 * Template text with placeholders, compiled once into segments:
 *   {var}              a number in its variable's format, or an entity's name
 *   {var.field}        an entity's field: {food.plural}, {baker.subj}, {baker.Subj}
 *   {var|filter}       a number through a filter: money, frac, percent, words, ordinal, times
 *   {var|fixed:2}      a filter with an argument
 *   {var|count:item}   "3 apples" or "1 apple"
 *   {=}                (solution lines only) the line's calculation: `3 * 4 = <<3*4=12>>12`
 *   {=|noun:bag:bags}  the calculation and a noun that agrees with its result: `... = <<4-3=1>>1 bag`
 *   {=|count:item}     the calculation and an entity's name or plural: `... = <<2*3=6>>6 apples`
 *   {{ and }}          literal braces
 */
export type TextSymbol =
  | { readonly kind: 'num'; readonly slot: number; readonly format: NumberFormat }
  | { readonly kind: 'entity'; readonly slot: number; readonly fields: readonly string[] };

export type TextResolver = (name: string) => TextSymbol | undefined;

/** One {placeholder} as written: which variable, through which field or filter. */
export interface PlaceholderUse {
  readonly name: string;
  readonly field?: string;
  readonly filter?: string;
}

/**
 * Per-slot display formats that replace a number's own for one rendering:
 * how the fraction variant shows 2 1/2 where the base shows 2.
 */
export type FormatOverrides = ReadonlyMap<number, NumberFormat>;

/** What a solution line's `{=}` shows, and the value it computes, with which a noun after it agrees. */
export interface Calculation {
  readonly shown: string;
  readonly value: N.Num;
}

export interface CompiledText {
  readonly source: string;
  /** Variables the text mentions, in order of first mention. */
  readonly uses: readonly string[];
  readonly placeholders: readonly PlaceholderUse[];
  /** Slots of the numbers the text shows, for the difficulty's largest number. */
  readonly numericSlots: readonly number[];
  readonly calcCount: number;
  render(env: Env, calc?: Calculation, formats?: FormatOverrides): string;
}

export class TextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TextError';
  }
}

type Segment = string | ((env: Env, calc: Calculation | undefined, formats: FormatOverrides | undefined) => string);

export function compileText(source: string, resolve: TextResolver): CompiledText {
  const segments: Segment[] = [];
  const uses: string[] = [];
  const placeholders: PlaceholderUse[] = [];
  const numericSlots: number[] = [];
  let calcCount = 0;
  // Literal text is taken from the source a run at a time, between braces: appending it character by
  // character built a chain of string pieces per segment, megabytes for a library, which every rendering walked.
  let literal = '';
  let runStart = 0;
  const braces = /[{}]/g;
  for (let found = braces.exec(source); found !== null; found = braces.exec(source)) {
    const i = found.index;
    const ch = found[0];
    if (source[i + 1] === ch) {
      literal += source.slice(runStart, i + 1);
      runStart = braces.lastIndex = i + 2;
      continue;
    }
    if (ch === '}') throw new TextError(`unmatched "}" at character ${i} of "${source}"`);
    const close = source.indexOf('}', i);
    if (close < 0) throw new TextError(`unclosed "{" at character ${i} of "${source}"`);
    const body = source.slice(i + 1, close);
    literal += source.slice(runStart, i);
    if (literal !== '') segments.push(literal);
    literal = '';
    if (body === '=' || body.startsWith('=|')) {
      calcCount++;
      const calculation = compileCalculation(body, resolve);
      for (const name of calculation.uses) if (!uses.includes(name)) uses.push(name);
      segments.push(calculation.render);
    } else {
      const placeholder = compilePlaceholder(body, resolve);
      for (const name of placeholder.uses) if (!uses.includes(name)) uses.push(name);
      placeholders.push(placeholder.use);
      if (placeholder.numericSlot !== undefined) numericSlots.push(placeholder.numericSlot);
      segments.push(placeholder.render);
    }
    runStart = braces.lastIndex = close + 1;
  }
  literal += source.slice(runStart);
  if (literal !== '') segments.push(literal);

  const render = (env: Env, calc?: Calculation, formats?: FormatOverrides): string => {
    let out = '';
    for (const segment of segments) out += typeof segment === 'string' ? segment : segment(env, calc, formats);
    return out;
  };
  return { source, uses, placeholders, numericSlots, calcCount, render };
}

interface Placeholder {
  readonly uses: readonly string[];
  readonly use: PlaceholderUse;
  readonly numericSlot?: number;
  readonly render: (env: Env, calc: Calculation | undefined, formats: FormatOverrides | undefined) => string;
}

const PLACEHOLDER = /^([a-z][a-z0-9_]*)(?:\.([A-Za-z][A-Za-z0-9_]*))?(?:\|([a-z]+)(?::([a-z0-9_]+))?)?$/;
/** The singular and plural of `|noun:bag:bags`, after a variable or after a solution line's `=`. */
const NOUN_FORMS = String.raw`\|noun:([a-z][a-z -]*):([a-z][a-z -]*)$`;
const NOUN = new RegExp(String.raw`^([a-z][a-z0-9_]*)${NOUN_FORMS}`);

function compilePlaceholder(body: string, resolve: TextResolver): Placeholder {
  const noun = NOUN.exec(body);
  if (noun !== null) return nounPlaceholder(body, noun[1]!, noun[2]!, noun[3]!, resolve);
  const match = PLACEHOLDER.exec(body);
  if (match === null) throw new TextError(`malformed placeholder {${body}}; write {var}, {var.field} or {var|filter}`);
  const [, name = '', field, filter, argument] = match;
  const symbol = resolve(name);
  if (symbol === undefined) throw new TextError(`{${body}} names an unknown variable "${name}"`);
  const slot = symbol.slot;

  if (symbol.kind === 'entity') {
    if (filter !== undefined) throw new TextError(`{${body}}: "${name}" is a name or word; filters apply to numbers`);
    const key = field ?? 'name';
    if (!symbol.fields.includes(key)) {
      throw new TextError(`{${body}}: not every entry of "${name}" has the field "${key}"; fields: ${symbol.fields.join(', ')}`);
    }
    return { uses: [name], use: { name, field: key }, render: (env) => (env[slot] as Entity).text[key]! };
  }

  if (field !== undefined) throw new TextError(`{${body}}: "${name}" is a number and has no field "${field}"`);
  if (filter === undefined) {
    const format = symbol.format;
    return { uses: [name], use: { name }, numericSlot: slot, render: (env, _calc, formats) => formatNumber(env[slot] as N.Num, formats?.get(slot) ?? format) };
  }
  if (filter === 'count') {
    const nounSlot = countedEntity(body, argument, resolve);
    const format = symbol.format;
    return {
      uses: [name, argument!],
      use: { name, filter },
      numericSlot: slot,
      render: (env, _calc, formats) => {
        const n = env[slot] as N.Num;
        const entity = env[nounSlot] as Entity;
        return `${formatNumber(n, formats?.get(slot) ?? format)} ${agreeing(n, entity.name, entity.text['plural']!)}`;
      },
    };
  }
  const apply = FILTERS[filter];
  if (apply === undefined) throw new TextError(`{${body}}: unknown filter "${filter}"; filters: ${[...Object.keys(FILTERS), 'count', 'noun'].join(', ')}`);
  const parsedArgument = argument === undefined ? undefined : Number(argument);
  if (argument !== undefined && !Number.isInteger(parsedArgument)) throw new TextError(`{${body}}: the filter argument must be a number`);
  return { uses: [name], use: { name, filter }, numericSlot: slot, render: (env) => apply(env[slot] as N.Num, parsedArgument) };
}

/** {n|noun:bag:bags}: the number with a noun that agrees with it, for units and things outside the pools. */
function nounPlaceholder(body: string, name: string, singular: string, plural: string, resolve: TextResolver): Placeholder {
  const symbol = resolve(name);
  if (symbol === undefined) throw new TextError(`{${body}} names an unknown variable "${name}"`);
  if (symbol.kind !== 'num') throw new TextError(`{${body}}: noun needs a number before it`);
  const { slot, format } = symbol;
  return {
    uses: [name],
    use: { name, filter: 'noun' },
    numericSlot: slot,
    render: (env, _calc, formats) => {
      const n = env[slot] as N.Num;
      return `${formatNumber(n, formats?.get(slot) ?? format)} ${agreeing(n, singular, plural)}`;
    },
  };
}

/** The noun a number takes: singular for exactly 1, plural otherwise (0 pounds, 1.5 pounds, 1/2 pounds). */
function agreeing(n: N.Num, singular: string, plural: string): string {
  return n === 1 ? singular : plural;
}

/** The slot of the entity `{n|count:item}` or `{=|count:item}` counts: one that has a plural. */
function countedEntity(body: string, argument: string | undefined, resolve: TextResolver): number {
  const noun = argument === undefined ? undefined : resolve(argument);
  if (noun === undefined || noun.kind !== 'entity' || !noun.fields.includes('plural')) {
    throw new TextError(`{${body}}: count needs an entity with a plural, as in {n|count:item}`);
  }
  return noun.slot;
}

const CALC_NOUN = new RegExp(`^=${NOUN_FORMS}`);
const CALC_COUNT = /^=\|count:([a-z][a-z0-9_]*)$/;

/**
 * A solution line's calculation, `{=}`, or the calculation with a noun that
 * agrees with the line's result, `{=|noun:pound:pounds}` or `{=|count:cur}`:
 * the same agreement as `{n|noun:...}` and `{n|count:...}`, for a value no
 * variable holds.
 */
function compileCalculation(body: string, resolve: TextResolver): Pick<Placeholder, 'uses' | 'render'> {
  const shown = (calc: Calculation | undefined): Calculation => {
    if (calc === undefined) throw new TextError(`{${body}} is only allowed in solution lines`);
    return calc;
  };
  if (body === '=') return { uses: [], render: (_env, calc) => shown(calc).shown };
  const noun = CALC_NOUN.exec(body);
  if (noun !== null) {
    const [, singular = '', plural = ''] = noun;
    return {
      uses: [],
      render: (_env, calc) => {
        const { shown: text, value } = shown(calc);
        return `${text} ${agreeing(value, singular, plural)}`;
      },
    };
  }
  const count = CALC_COUNT.exec(body);
  if (count !== null) {
    const name = count[1]!;
    const slot = countedEntity(body, name, resolve);
    return {
      uses: [name],
      render: (env, calc) => {
        const { shown: text, value } = shown(calc);
        const entity = env[slot] as Entity;
        return `${text} ${agreeing(value, entity.name, entity.text['plural']!)}`;
      },
    };
  }
  throw new TextError(`malformed placeholder {${body}}; a calculation is {=}, {=|noun:bag:bags} or {=|count:item}`);
}
