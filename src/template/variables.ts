import * as N from '../exact/num.js';
import { Rational } from '../exact/rational.js';
import type { Value } from '../expr/types.js';
import { PLAIN, type NumberFormat } from './format.js';
import { wordsPool, type Pool } from './pools.js';
import type { ExactNumber, VariableSpec } from './spec.js';

/**
 * A variable's possible values as a finite, indexable list: value k of n. The
 * sampler draws indices, never values, which is what lets a keyed permutation
 * enumerate a template's instances without repeats.
 */
export interface Domain {
  readonly size: number;
  readonly kind: 'num' | 'entity';
  valueAt(index: number): Value;
  /** Numbers: how the text shows them. */
  readonly format: NumberFormat;
  /** Entities: the pool they come from, for draws without replacement. */
  readonly pool?: Pool;
  /** Numbers: what the digits, decimal and fraction rewrites ask of every value, known without listing them. */
  readonly numbers?: NumberRange;
}

export interface NumberRange {
  readonly smallest: number;
  /** Every value is a whole number. */
  readonly whole: boolean;
}

function rangeOf(values: readonly N.Num[]): NumberRange {
  let smallest = Infinity;
  for (const value of values) smallest = Math.min(smallest, N.toNumber(value));
  return { smallest, whole: values.every((v) => N.isInteger(v)) };
}

export class VariableError extends Error {}

function exact(value: ExactNumber, what: string): Rational {
  const parsed = typeof value === 'number' ? Rational.fromNumber(value) : Rational.parse(value);
  if (parsed === null) throw new VariableError(`${what} "${value}" is not an exact number`);
  return parsed;
}

const MAX_VALUES = 1_000_000;

export function domainOf(spec: VariableSpec, pools: ReadonlyMap<string, Pool>, file: string, name: string): Domain {
  if ('int' in spec) {
    const [min, max] = spec.int;
    const step = spec.step ?? 1;
    if (min > max) throw new VariableError(`int range [${min}, ${max}] is empty`);
    if ((max - min) % step !== 0) throw new VariableError(`int range [${min}, ${max}] does not end on a multiple of step ${step} from ${min}`);
    const size = (max - min) / step + 1;
    if (size > MAX_VALUES) throw new VariableError(`int range has ${size} values; at most ${MAX_VALUES}`);
    // Values run up from min in equal steps: whole when min is and, past the first, the step too.
    const numbers = { smallest: min, whole: Number.isInteger(min) && (size === 1 || Number.isInteger(step)) };
    return { size, kind: 'num', format: PLAIN, numbers, valueAt: (k) => min + k * step };
  }
  if ('decimal' in spec) {
    const min = exact(spec.decimal[0], 'decimal minimum');
    const max = exact(spec.decimal[1], 'decimal maximum');
    const step = exact(spec.step, 'decimal step');
    if (step.sign() <= 0) throw new VariableError('the decimal step must be positive');
    const exactPlaces = step.decimalPlaces();
    if (exactPlaces === null || exactPlaces === 0)
      throw new VariableError(`the decimal step ${step.toCanonical()} must be a terminating decimal below 1, such as 0.25`);
    // "0.10" as a string means two places, though its value needs only one.
    const places = Math.max(exactPlaces, writtenPlaces(spec.step));
    const span = max.sub(min).div(step);
    if (span.sign() < 0 || !span.isInteger())
      throw new VariableError(`decimal range [${min.toString()}, ${max.toString()}] is not a whole number of steps of ${step.toString()}`);
    const size = Number(span.num) + 1;
    if (size > MAX_VALUES) throw new VariableError(`decimal range has ${size} values; at most ${MAX_VALUES}`);
    const values: N.Num[] = [];
    for (let k = 0; k < size; k++) values.push(N.fromRational(min.add(step.mul(Rational.of(k)))));
    return { size, kind: 'num', format: { kind: 'fixed', places }, numbers: rangeOf(values), valueAt: (k) => values[k]! };
  }
  if ('values' in spec) {
    const values = spec.values.map((v) => N.fromRational(exact(v, 'value')));
    // Written as fractions, shown as fractions: "1/2 of the cake", not "0.5 of the cake".
    const format: NumberFormat = spec.values.some((v) => typeof v === 'string' && v.includes('/')) ? { kind: 'fraction' } : PLAIN;
    return { size: values.length, kind: 'num', format, numbers: rangeOf(values), valueAt: (k) => values[k]! };
  }
  if ('pool' in spec) {
    const pool = pools.get(spec.pool);
    if (pool === undefined) throw new VariableError(`unknown pool "${spec.pool}"; pools: ${[...pools.keys()].join(', ')}`);
    return { size: pool.entries.length, kind: 'entity', format: PLAIN, pool, valueAt: (k) => pool.entries[k]! };
  }
  const pool = wordsPool(`${file}#${name}`, file, spec.words);
  return { size: pool.entries.length, kind: 'entity', format: PLAIN, pool, valueAt: (k) => pool.entries[k]! };
}

function writtenPlaces(value: ExactNumber): number {
  if (typeof value !== 'string') return 0;
  const point = value.indexOf('.');
  return point < 0 ? 0 : value.length - point - 1;
}
