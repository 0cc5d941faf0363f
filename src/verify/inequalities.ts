import { Rational } from '../exact/rational.js';
import type { IntervalSetAnswer, RelationOp } from './answer-types.js';
import { evaluateSurd } from './evaluate.js';
import { infinitySign, symbolsOf, type Expr } from './expression-tree.js';
import { above, approximate, asEndpoint, below, complement, intersect, mirror, normalize, point, union, type EndpointValue } from './intervals.js';
import { targetName, type RangeParser } from './names.js';
import { isSymbol } from './tokens.js';

/**
 * Inequalities in one variable read as the sets they describe: `x < 3` is
 * (−∞, 3), `-2 \le x \le 7` is [−2, 7], `x \ne 3` is ℝ without 3,
 * `1 \le |z| \le 3/2` is [−3/2, −1] ∪ [1, 3/2], and `-x > -1` or `2x + 1 > 5`
 * (linear, with exact rational coefficients) are solved for the variable.
 * Anything else is left to relations.ts.
 */

type Form =
  | { readonly k: 'plain'; readonly name: string }
  | { readonly k: 'abs'; readonly name: string }
  | { readonly k: 'linear'; readonly name: string; readonly slope: Rational; readonly offset: Rational };

const FLIPPED: Readonly<Record<RelationOp, RelationOp>> = { '<': '>', '>': '<', '≤': '≥', '≥': '≤', '=': '=', '≠': '≠' };

function direction(op: RelationOp): 1 | -1 | 0 {
  return op === '<' || op === '≤' ? 1 : op === '>' || op === '≥' ? -1 : 0;
}

export function inequalityIntervals(p: RangeParser, sides: ReadonlyArray<[number, number]>, ops: readonly RelationOp[]): IntervalSetAnswer | null {
  if (ops.length === 0 || ops.length > 2) return null;
  if (ops.length === 2 && (direction(ops[0]!) === 0 || direction(ops[0]!) !== direction(ops[1]!))) return null;
  const ends: Array<EndpointValue | null> = sides.map(([start, end]) => {
    const side = p.parse(start, end);
    return side === null ? null : asEndpoint(side);
  });
  const variables = ends.flatMap((end, index) => (end === null ? [index] : []));
  if (variables.length !== 1) return null;
  const at = variables[0]!;
  if (ops.length === 2 && at !== 1) return null;
  const form = formOf(p, sides[at]!);
  if (form === null) return null;
  let parts = [below({ kind: 'expression', expr: { k: 'var', name: 'inf' } }, false)];
  for (let k = 0; k < ops.length; k++) {
    // Each sign relates the variable side to a constant: X op c, or c op X flipped.
    const variableLeft = k === at;
    let op = variableLeft ? ops[k]! : FLIPPED[ops[k]!];
    let bound = ends[variableLeft ? k + 1 : k]!;
    if (form.k === 'linear') {
      bound = solveLinear(bound, form.slope, form.offset);
      if (form.slope.sign() < 0) op = FLIPPED[op];
    }
    const constraint = op === '≠' ? complement([point(bound)]) : [halfLine(op, bound)];
    parts = intersect(parts, constraint) ?? [];
  }
  if (form.k === 'abs') {
    const nonNegative = intersect(parts, [above(zero(), true)]) ?? [];
    parts = union(nonNegative, mirror(nonNegative)) ?? [];
  }
  const normalized = normalize(parts);
  return normalized === null ? null : { kind: 'intervals', variable: form.name, parts: normalized };
}

function zero(): EndpointValue {
  return { kind: 'number', value: Rational.ZERO, places: null, percent: false, significant: 0, grouped: false, source: '0' };
}

function halfLine(op: RelationOp, bound: EndpointValue): ReturnType<typeof below> {
  return direction(op) > 0 ? below(bound, op === '≤') : above(bound, op === '≥');
}

/** What the variable side is: a name, the absolute value of a name, or a linear function of one variable. */
function formOf(p: RangeParser, [start, end]: [number, number]): Form | null {
  const tokens = p.tokens;
  const name = targetName(tokens, start, end);
  if (name !== null && !name.includes('|')) return { k: 'plain', name };
  if (end - start >= 3 && isSymbol(tokens[start], '|') && isSymbol(tokens[end - 1], '|')) {
    const inner = targetName(tokens, start + 1, end - 1);
    if (inner !== null && !inner.includes('|')) return { k: 'abs', name: inner };
  }
  const expr = p.expression(start, end);
  return expr === null ? null : linearForm(expr);
}

const PROBES: readonly Rational[] = [Rational.ZERO, Rational.ONE, Rational.of(2n), Rational.of(7n, 3n)];

/** a·v + b with rational a ≠ 0 and b, checked exactly at four points, or null. */
function linearForm(expr: Expr): Form | null {
  const symbols = [...symbolsOf(expr)];
  if (symbols.length !== 1 || symbols[0] === 'pi' || symbols[0] === 'e' || symbols[0] === 'inf') return null;
  const name = symbols[0]!;
  const values: Rational[] = [];
  for (const probe of PROBES) {
    const value = evaluateSurd(expr, new Map([[name, probe]]))?.rational() ?? null;
    if (value === null) return null;
    values.push(value);
  }
  const [f0, f1, f2, f73] = values as [Rational, Rational, Rational, Rational];
  const slope = f1.sub(f0);
  if (slope.sign() === 0 || !f2.sub(f1).equals(slope) || !f73.equals(f0.add(slope.mul(PROBES[3]!)))) return null;
  return { k: 'linear', name, slope, offset: f0 };
}

/** The bound on v from a bound c on a·v + b: (c − b)/a, exact for numbers. */
function solveLinear(bound: EndpointValue, slope: Rational, offset: Rational): EndpointValue {
  if (slope.equals(Rational.ONE) && offset.sign() === 0) return bound;
  if (bound.kind === 'number') {
    const value = bound.value.sub(offset).div(slope);
    return { kind: 'number', value, places: null, percent: false, significant: 0, grouped: false, source: value.toFractionString() };
  }
  const sign = infinitySign(bound.expr);
  if (sign !== 0 || !Number.isFinite(approximate(bound))) {
    return slope.sign() > 0 ? bound : { kind: 'expression', expr: sign > 0 ? { k: 'neg', a: bound.expr } : bound.expr.k === 'neg' ? bound.expr.a : bound.expr };
  }
  const shifted: Expr = { k: 'bin', op: '-', a: bound.expr, b: { k: 'num', value: offset } };
  return { kind: 'expression', expr: { k: 'bin', op: '/', a: shifted, b: { k: 'num', value: slope } } };
}
