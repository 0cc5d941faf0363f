import type { ParsedAnswer, RelationAnswer, RelationOp } from './answer-types.js';
import { proportional } from './expression-compare.js';
import { hasVariables, type Expr } from './expression-tree.js';
import { inequalityIntervals } from './inequalities.js';
import { intervalsOf, normalize } from './intervals.js';
import { rangesBetween, topLevel } from './token-scan.js';
import { targetName, type Named, type RangeParser } from './names.js';
import { isSymbol, type Token } from './tokens.js';

export type { Named, RangeParser } from './names.js';

/**
 * Equations, inequalities and `x \in S` in answers. An equation whose first
 * side names something (`x`, `f(x)`, `|AB|`, `(p, q)`, `a_{37}`) and whose
 * value side is a constant is that value (`x = 5` is 5; `(p, q) = (3, 2)` is
 * (3, 2)), and keeps the name for lists such as `k = 45, n = 2`. A chain of
 * constants is its last side (`2 + 3 = 5`), or with ≈ the exact side before
 * the first ≈ (`1/3 ≈ 0.33` is 1/3). Inequalities in one variable are the
 * sets they describe (see inequalities.ts); anything else is a relation,
 * equal to another when one side-difference is a constant multiple of the other.
 */
const SIGNS: ReadonlySet<string> = new Set(['=', '≈', '<', '>', '≤', '≥', '≠', '∈']);
const MAX_SIGNS = 8;

function isSign(token: Token): boolean {
  return token.t === 'sym' && SIGNS.has(token.text);
}

/** Whether an answer is a constant: no symbol but π, e and ∞ anywhere in it. */
export function isConstant(answer: ParsedAnswer): boolean {
  switch (answer.kind) {
    case 'number':
    case 'intervals':
      return true;
    case 'expression':
      return !hasVariables(answer.expr);
    case 'tuple':
    case 'set':
      return answer.items.every(isConstant);
    case 'assignments':
      return answer.values.every(isConstant);
    case 'matrix':
      return answer.rows.every((row) => row.every(isConstant));
    default:
      return false;
  }
}

/**
 * The answer tokens[from, to) give when a relation sign stands outside every
 * bracket: undefined when none does, null when the relation cannot be read.
 */
export function parseRelation(p: RangeParser, from: number, to: number): Named | null | undefined {
  const tokens = p.tokens;
  // "= 5", "≈ 3.14": a sign with nothing before it only introduces the answer
  while (from < to && (isSymbol(tokens[from], '=') || isSymbol(tokens[from], '≈'))) from++;
  const cuts = topLevel(tokens, from, to, isSign);
  if (cuts.length === 0) return undefined;
  if (cuts.length > MAX_SIGNS) return null;
  const signs = cuts.map((k) => (tokens[k] as { text: string }).text);
  const sides = rangesBetween(cuts, from, to);
  if (sides.some(([start, end]) => start >= end)) return null;
  if (signs.includes('∈')) return signs.length === 1 ? membership(p, sides[0]!, sides[1]!) : null;
  if (signs.every((sign) => sign === '=' || sign === '≈')) return equation(p, sides, signs);
  if (signs.some((sign) => sign === '=' || sign === '≈')) return null;
  return inequality(p, sides, signs as RelationOp[]);
}

/** `x \in [-2, 7]`: the set, named; a bracketed pair after ∈ is an interval. */
function membership(p: RangeParser, left: [number, number], right: [number, number]): Named | null {
  const name = targetName(p.tokens, left[0], left[1]);
  const set = p.parse(right[0], right[1]);
  if (set === null) return null;
  const written = name === null ? null : intervalsOf(set);
  const parts = written === null ? null : normalize(written);
  if (parts !== null && name !== null) return { answer: { kind: 'intervals', variable: name, parts }, name: null };
  return { answer: set, name: null };
}

function equation(p: RangeParser, sides: ReadonlyArray<[number, number]>, signs: readonly string[]): Named | null {
  const tokens = p.tokens;
  const first = sides[0]!;
  const last = sides[sides.length - 1]!;
  const name = targetName(tokens, first[0], first[1]);
  // With ≈, the exact side before the first ≈ is the answer (x = 1/3 ≈ 0.33), if it is a constant.
  let value: ParsedAnswer | null = null;
  let valueIndex = sides.length - 1;
  const approximation = signs.indexOf('≈');
  if (approximation >= (name === null ? 0 : 1)) {
    const [start, end] = sides[approximation]!;
    const exact = p.parse(start, end);
    if (exact !== null && isConstant(exact)) {
      value = exact;
      valueIndex = approximation;
    }
  }
  value ??= p.parse(last[0], last[1]);
  if (value === null) return null;
  if (isConstant(value)) {
    if (name !== null) return { answer: value, name };
    let constant = true;
    for (let k = 0; k < sides.length && constant; k++) {
      if (k === valueIndex) continue;
      const side = p.parse(sides[k]![0], sides[k]![1]);
      constant = side !== null && isConstant(side);
    }
    if (constant) return { answer: value, name: null };
  }
  const kept = name === null ? sides : [first, last];
  const exprs: Expr[] = [];
  for (const [start, end] of kept) {
    const expr = p.expression(start, end);
    if (expr === null) return null;
    exprs.push(expr);
  }
  const relation: RelationAnswer = { kind: 'relation', sides: exprs, ops: exprs.slice(1).map(() => '='), target: name };
  return { answer: relation, name };
}

function inequality(p: RangeParser, sides: ReadonlyArray<[number, number]>, ops: readonly RelationOp[]): Named | null {
  const intervals = inequalityIntervals(p, sides, ops);
  if (intervals !== null) return { answer: intervals, name: null };
  const exprs: Expr[] = [];
  for (const [start, end] of sides) {
    const expr = p.expression(start, end);
    if (expr === null) return null;
    exprs.push(expr);
  }
  return { answer: { kind: 'relation', sides: exprs, ops, target: null }, name: null };
}

type Constraint = { readonly difference: Expr; readonly kind: '=' | '<' | '≤' | '≠' };

function minus(a: Expr, b: Expr): Expr {
  return { k: 'bin', op: '-', a, b };
}

/** Each sign of a chain as "difference kind 0": a < b is a − b < 0, a ≥ b is b − a ≤ 0. */
function constraints(relation: RelationAnswer): Constraint[] {
  return relation.ops.map((op, k) => {
    const left = relation.sides[k]!;
    const right = relation.sides[k + 1]!;
    switch (op) {
      case '>':
        return { difference: minus(right, left), kind: '<' };
      case '≥':
        return { difference: minus(right, left), kind: '≤' };
      default:
        return { difference: minus(left, right), kind: op };
    }
  });
}

function sameConstraint(a: Constraint, b: Constraint): boolean {
  if (a.kind !== b.kind) return false;
  const factor = proportional(a.difference, b.difference);
  // an inequality survives only a positive factor; an equation any non-zero one
  return factor !== null && (factor.sign > 0 || a.kind === '=' || a.kind === '≠');
}

/** Whether two relations say the same: each sign's side difference a constant multiple of the other's, in order or reversed. */
export function compareRelations(a: RelationAnswer, b: RelationAnswer): boolean {
  const left = constraints(a);
  const right = constraints(b);
  if (left.length !== right.length) return false;
  if (left.every((constraint, k) => sameConstraint(constraint, right[k]!))) return true;
  return left.length > 1 && left.every((constraint, k) => sameConstraint(constraint, right[right.length - 1 - k]!));
}

/** `y = 2x + 1` compared with a bare value: the value side, when the first side only names something. */
export function valueSide(relation: RelationAnswer): ParsedAnswer | null {
  if (relation.target === null || relation.ops.length !== 1 || relation.ops[0] !== '=') return null;
  return { kind: 'expression', expr: relation.sides[1]! };
}
