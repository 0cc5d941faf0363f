import { parseAnswer } from './answer.js';
import type { EquivalenceOptions, Match } from './match.js';
import type { ParsedAnswer } from './answer-types.js';
import { compareAssignments, compareCollections, inOrder } from './compare-collections.js';
import { compareExpressions } from './expression-compare.js';
import type { Expr } from './expression-tree.js';
import { renderExpression } from './expression-render.js';
import { asEndpoint, compareIntervalSets, intervalsOf, point } from './intervals.js';
import { compareMatrices, vectorEntries } from './matrices.js';
import { compareRelations, valueSide } from './relations.js';
import { compareNumbers, constantToRoundedReference, roundedToConstant } from './tolerance.js';
import { answerOf, answerOfCached } from './expected.js';
import { Rational } from '../exact/rational.js';

/**
 * Equivalence of two answers. The first argument is the candidate (what the
 * model said), the second the reference. Everything is symmetric except the
 * rounding tolerance, which accepts a candidate that is the reference rounded,
 * and the other way round only under the option `reference: 'rounded'`.
 */
export type { EquivalenceOptions, Match, MatchReason, ReferenceForm } from './match.js';

const HUNDRED = Rational.of(100n);
/** Parts inside parts inside parts: deeper comparisons are refused, so hostile nesting costs nothing. */
const MAX_DEPTH = 16;

/** Whether `candidate` is an acceptable answer when `reference` is right. Total: never throws. */
export function equivalent(candidate: string, reference: string, options: EquivalenceOptions = {}): boolean {
  return compareAnswers(candidate, reference, options).equivalent;
}

/** Like equivalent, with the reason. */
export function compareAnswers(candidate: string, reference: string, options: EquivalenceOptions = {}): Match {
  try {
    const a = answerOf(typeof candidate === 'string' ? candidate : String(candidate), options);
    const b = answerOfCached(typeof reference === 'string' ? reference : String(reference), { decimalComma: options.decimalComma === true, math: true });
    return compareParsed(a, b, options);
  } catch {
    return { equivalent: false, reason: 'different-kind' };
  }
}

const DIFFERENT_KIND: Match = { equivalent: false, reason: 'different-kind' };
const DIFFERENT_VALUE: Match = { equivalent: false, reason: 'different-value' };

/** Compares two parsed answers: the candidate first, the reference second. */
export function compareParsed(a: ParsedAnswer, b: ParsedAnswer, options: EquivalenceOptions = {}, depth = 0): Match {
  if (a.kind === 'number' && b.kind === 'number') return compareNumbers(a, b, options);
  if (depth > MAX_DEPTH) return DIFFERENT_KIND;
  const same = (x: ParsedAnswer, y: ParsedAnswer): boolean => compareParsed(x, y, options, depth + 1).equivalent;
  if (a.kind === 'unanswerable' || b.kind === 'unanswerable') {
    return a.kind === b.kind ? { equivalent: true, reason: 'unanswerable' } : DIFFERENT_KIND;
  }
  // `1,234` against a pair: the comma was a separator between two items after all.
  if (a.kind === 'number' && a.grouped && (b.kind === 'tuple' || b.kind === 'set')) {
    return compareParsed(parseAnswer(a.source, { thousands: false }), b, options, depth + 1);
  }
  if (b.kind === 'number' && b.grouped && (a.kind === 'tuple' || a.kind === 'set')) {
    return compareParsed(a, parseAnswer(b.source, { thousands: false }), options, depth + 1);
  }
  if (a.kind === 'relation' || b.kind === 'relation') return compareRelationWith(a, b, options, depth);
  if (a.kind === 'assignments' || b.kind === 'assignments') return compareAssignments(a, b, same);
  if (a.kind === 'intervals' || b.kind === 'intervals') return compareSets(a, b, same);
  if (a.kind === 'matrix' || b.kind === 'matrix') return compareMatrixWith(a, b, same);
  if ((a.kind === 'tuple' || a.kind === 'set') && (b.kind === 'tuple' || b.kind === 'set')) return compareCollections(a, b, same);
  if (a.kind === 'text' || b.kind === 'text') {
    if (a.kind !== 'text' || b.kind !== 'text') return DIFFERENT_KIND;
    if (a.truncated || b.truncated) return DIFFERENT_VALUE;
    return a.text.toLowerCase() === b.text.toLowerCase() ? { equivalent: true, reason: 'text' } : DIFFERENT_VALUE;
  }
  const exprA = asExpression(a);
  const exprB = asExpression(b);
  if (exprA === null || exprB === null) return DIFFERENT_KIND;
  // A decimal against an irrational constant such as 2√2 or π/2: the rounding tolerance.
  if (a.kind === 'number' && b.kind === 'expression') {
    const rounded = roundedToConstant(a, b.expr, options);
    if (rounded !== null) return rounded;
  }
  if (a.kind === 'expression' && b.kind === 'number') {
    const rounded = constantToRoundedReference(a.expr, b, options);
    if (rounded !== null) return rounded;
  }
  const result = compareExpressions(exprA, exprB);
  if (result === 'symbolic' || result === 'numeric') return { equivalent: true, reason: result };
  // Neither exact nor floating-point evaluation could decide (infinity, a huge power): same text or nothing.
  if (result === 'undecided' && renderExpression(exprA) === renderExpression(exprB)) return { equivalent: true, reason: 'text' };
  return DIFFERENT_VALUE;
}

function asExpression(answer: ParsedAnswer): Expr | null {
  if (answer.kind === 'expression') return answer.expr;
  if (answer.kind === 'number') {
    const value = answer.percent ? answer.value.div(HUNDRED) : answer.value;
    return { k: 'num', value };
  }
  return null;
}

/** Two relations by proportional sides; a relation such as `y = 2x + 1` against a value by its value side. */
function compareRelationWith(a: ParsedAnswer, b: ParsedAnswer, options: EquivalenceOptions, depth: number): Match {
  if (a.kind === 'relation' && b.kind === 'relation') return compareRelations(a, b) ? { equivalent: true, reason: 'relation' } : DIFFERENT_VALUE;
  const side = a.kind === 'relation' ? valueSide(a) : b.kind === 'relation' ? valueSide(b) : null;
  if (side === null) return DIFFERENT_KIND;
  return a.kind === 'relation' ? compareParsed(side, b, options, depth + 1) : compareParsed(a, side, options, depth + 1);
}

/** Sets of reals: interval notation, inequalities, and finite sets or single values as points. */
function compareSets(a: ParsedAnswer, b: ParsedAnswer, same: (x: ParsedAnswer, y: ParsedAnswer) => boolean): Match {
  const left = a.kind === 'intervals' ? a : partsOf(a);
  const right = b.kind === 'intervals' ? b : partsOf(b);
  if (left === null || right === null) return DIFFERENT_KIND;
  return compareIntervalSets(left, right, same) ? { equivalent: true, reason: 'intervals' } : DIFFERENT_VALUE;
}

function partsOf(answer: ParsedAnswer): ReturnType<typeof intervalsOf> {
  const end = asEndpoint(answer);
  return end !== null ? [point(end)] : intervalsOf(answer);
}

/** Matrices cell by cell; a row or column vector against a bracketed tuple entry by entry. */
function compareMatrixWith(a: ParsedAnswer, b: ParsedAnswer, same: (x: ParsedAnswer, y: ParsedAnswer) => boolean): Match {
  if (a.kind === 'matrix' && b.kind === 'matrix') return compareMatrices(a, b, same) ? { equivalent: true, reason: 'elementwise' } : DIFFERENT_VALUE;
  const matrix = a.kind === 'matrix' ? a : b.kind === 'matrix' ? b : null;
  const other = a.kind === 'matrix' ? b : a;
  const entries = matrix === null ? null : vectorEntries(matrix);
  if (entries === null || other.kind !== 'tuple' || other.open === '') return DIFFERENT_KIND;
  return a.kind === 'matrix' ? inOrder(entries, other.items, same) : inOrder(other.items, entries, same);
}
