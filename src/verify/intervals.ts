import type { Bound, ExpressionAnswer, Interval, IntervalSetAnswer, NumberAnswer, ParsedAnswer } from './answer-types.js';
import { compareExpressions, constantValue } from './expression-compare.js';
import { infinitySign, INFINITY, type Expr } from './expression-tree.js';

/**
 * Sets of real numbers written as unions of intervals, and the little algebra
 * they need: sorting and merging into a canonical form, complement, union,
 * intersection, difference and reflection (for |x|). Ends are exact values;
 * their doubles only order them, and two ends are merged only when they are
 * equal exactly (or as expressions, at every point tried).
 */
export type EndpointValue = NumberAnswer | ExpressionAnswer;

const POSITIVE_INFINITY: ExpressionAnswer = { kind: 'expression', expr: INFINITY };
const NEGATIVE_INFINITY: ExpressionAnswer = { kind: 'expression', expr: { k: 'neg', a: INFINITY } };

/** Whether an answer can be the end of an interval: a number, or a constant expression such as √2, π/2 or −∞. */
export function asEndpoint(answer: ParsedAnswer): EndpointValue | null {
  if (answer.kind !== 'number' && answer.kind !== 'expression') return null;
  return Number.isNaN(approximate(answer)) ? null : answer;
}

/** The real value of an end, for ordering only: ±Infinity, a finite double, or NaN when it is not a constant. */
export function approximate(value: EndpointValue): number {
  if (value.kind === 'number') return value.percent ? Number.NaN : value.value.toNumber();
  const sign = infinitySign(value.expr);
  if (sign !== 0) return sign * Number.POSITIVE_INFINITY;
  return constantValue(value.expr) ?? Number.NaN;
}

/** The interval a bracketed pair denotes, `[0, 1)` or `(-\infty, 2]`, or null. */
export function intervalOfPair(open: string, close: string, items: readonly ParsedAnswer[]): Interval | null {
  if (items.length !== 2 || (open !== '(' && open !== '[') || (close !== ')' && close !== ']')) return null;
  const low = asEndpoint(items[0]!);
  const high = asEndpoint(items[1]!);
  if (low === null || high === null || approximate(low) > approximate(high)) return null;
  return { low: { value: low, closed: open === '[' }, high: { value: high, closed: close === ']' } };
}

/** The one-point interval {value}. */
export function point(value: EndpointValue): Interval {
  return { low: { value, closed: true }, high: { value, closed: true } };
}

/** The intervals an answer denotes when read as a set of reals, or null. */
export function intervalsOf(answer: ParsedAnswer): readonly Interval[] | null {
  switch (answer.kind) {
    case 'intervals':
      return answer.parts;
    case 'tuple': {
      if (answer.open !== '') {
        const interval = intervalOfPair(answer.open, answer.close, answer.items);
        return interval === null ? null : [interval];
      }
      return pointsOf(answer.items);
    }
    case 'set':
      return pointsOf(answer.items);
    default:
      return null;
  }
}

function pointsOf(items: readonly ParsedAnswer[]): Interval[] | null {
  const points: Interval[] = [];
  for (const item of items) {
    const value = asEndpoint(item);
    if (value === null || !Number.isFinite(approximate(value))) return null;
    points.push(point(value));
  }
  return points;
}

interface Ranked {
  readonly interval: Interval;
  readonly low: number;
  readonly high: number;
}

function rank(interval: Interval): Ranked | null {
  const low = approximate(interval.low.value);
  const high = approximate(interval.high.value);
  return Number.isNaN(low) || Number.isNaN(high) ? null : { interval, low, high };
}

/** Whether two ends are the same real number: exactly, or as expressions at every point tried. */
export function sameEnd(a: EndpointValue, b: EndpointValue): boolean {
  const x = approximate(a);
  const y = approximate(b);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return x === y;
  if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x))) return false;
  if (a.kind === 'number' && b.kind === 'number') return a.value.equals(b.value);
  const result = compareExpressions(exprOf(a), exprOf(b));
  return result === 'symbolic' || result === 'numeric';
}

function exprOf(value: EndpointValue): Expr {
  return value.kind === 'expression' ? value.expr : { k: 'num', value: value.value };
}

function isEmpty(r: Ranked): boolean {
  if (r.low > r.high) return true;
  return r.low === r.high && sameEnd(r.interval.low.value, r.interval.high.value) && !(r.interval.low.closed && r.interval.high.closed);
}

/**
 * The canonical form: no empty parts, sorted by their lower ends, and no two
 * parts that overlap or touch at a closed end. Null when an end is not a
 * constant (the set cannot be ordered).
 */
export function normalize(parts: readonly Interval[]): Interval[] | null {
  const ranked: Ranked[] = [];
  for (const part of parts) {
    const r = rank(part);
    if (r === null) return null;
    if (!isEmpty(r)) ranked.push(r);
  }
  ranked.sort((a, b) => a.low - b.low || Number(b.interval.low.closed) - Number(a.interval.low.closed));
  const merged: Ranked[] = [];
  for (const next of ranked) {
    const last = merged[merged.length - 1];
    if (last === undefined) {
      merged.push(next);
      continue;
    }
    const touching = next.low === last.high && sameEnd(next.interval.low.value, last.interval.high.value);
    if (next.low < last.high || (touching && (next.interval.low.closed || last.interval.high.closed))) {
      const sameHigh = next.high === last.high && sameEnd(next.interval.high.value, last.interval.high.value);
      const high: Bound =
        next.high > last.high
          ? next.interval.high
          : sameHigh
            ? { value: last.interval.high.value, closed: last.interval.high.closed || next.interval.high.closed }
            : last.interval.high;
      const sameLow = next.low === last.low && sameEnd(next.interval.low.value, last.interval.low.value);
      const low: Bound = sameLow ? { value: last.interval.low.value, closed: last.interval.low.closed || next.interval.low.closed } : last.interval.low;
      merged[merged.length - 1] = { interval: { low, high }, low: last.low, high: Math.max(last.high, next.high) };
    } else merged.push(next);
  }
  return merged.map((r) => r.interval);
}

/** The reals not in the (normalised) set. */
export function complement(parts: readonly Interval[]): Interval[] {
  const gaps: Interval[] = [];
  let from: Bound = { value: NEGATIVE_INFINITY, closed: false };
  for (const part of parts) {
    gaps.push({ low: from, high: { value: part.low.value, closed: !part.low.closed } });
    from = { value: part.high.value, closed: !part.high.closed };
  }
  gaps.push({ low: from, high: { value: POSITIVE_INFINITY, closed: false } });
  return normalize(gaps) ?? [];
}

export function union(a: readonly Interval[], b: readonly Interval[]): Interval[] | null {
  return normalize([...a, ...b]);
}

export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] | null {
  const left = normalize(a);
  const right = normalize(b);
  if (left === null || right === null) return null;
  return normalize(complement(normalize([...complement(left), ...complement(right)]) ?? []));
}

export function difference(a: readonly Interval[], b: readonly Interval[]): Interval[] | null {
  const right = normalize(b);
  return right === null ? null : intersect(a, complement(right));
}

/** {−x : x in the set}: what |x| needs. */
export function mirror(parts: readonly Interval[]): Interval[] {
  return parts.map((part) => ({
    low: { value: negate(part.high.value), closed: part.high.closed },
    high: { value: negate(part.low.value), closed: part.low.closed },
  }));
}

export function negate(value: EndpointValue): EndpointValue {
  if (value.kind === 'number') return { ...value, value: value.value.neg() };
  const expr = value.expr;
  return { kind: 'expression', expr: expr.k === 'neg' ? expr.a : { k: 'neg', a: expr } };
}

/** The whole real line and the half-lines, for inequalities. */
export function below(value: EndpointValue, closed: boolean): Interval {
  return { low: { value: NEGATIVE_INFINITY, closed: false }, high: { value, closed } };
}

export function above(value: EndpointValue, closed: boolean): Interval {
  return { low: { value, closed }, high: { value: POSITIVE_INFINITY, closed: false } };
}

/**
 * Whether two sets of reals are equal: the same parts once normalised, with
 * the same open and closed ends, and ends equal under `sameValue` (which may
 * allow a rounded candidate). Variables, when both name one, must agree.
 */
export function compareIntervalSets(
  a: IntervalSetAnswer | readonly Interval[],
  b: IntervalSetAnswer | readonly Interval[],
  sameValue: (candidate: EndpointValue, reference: EndpointValue) => boolean,
): boolean {
  const variableA = 'kind' in a ? a.variable : null;
  const variableB = 'kind' in b ? b.variable : null;
  if (variableA !== null && variableB !== null && variableA !== variableB) return false;
  const left = normalize('kind' in a ? a.parts : a);
  const right = normalize('kind' in b ? b.parts : b);
  if (left === null || right === null || left.length !== right.length) return false;
  for (let k = 0; k < left.length; k++) {
    const x = left[k]!;
    const y = right[k]!;
    if (x.low.closed !== y.low.closed || x.high.closed !== y.high.closed) return false;
    if (!sameValue(x.low.value, y.low.value) || !sameValue(x.high.value, y.high.value)) return false;
  }
  return true;
}
