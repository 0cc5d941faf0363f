import type { Rational } from '../exact/rational.js';
import type { Expr } from './expression-tree.js';

/**
 * An answer as a value: what `parseAnswer` makes of the text a model or a
 * dataset gives, after normalisation (LaTeX, separators, currency, units,
 * percent words, `x =`, trailing punctuation).
 */
export type ParsedAnswer =
  | NumberAnswer
  | ExpressionAnswer
  | TupleAnswer
  | SetAnswer
  | IntervalSetAnswer
  | RelationAnswer
  | AssignmentsAnswer
  | MatrixAnswer
  | { readonly kind: 'unanswerable' }
  | TextAnswer;

export interface NumberAnswer {
  readonly kind: 'number';
  /** The value as written: for `25%` this is 25, and `percent` is true. */
  readonly value: Rational;
  /** Decimals shown (`0.50` → 2), or null for fractions and computed values, which show none. */
  readonly places: number | null;
  readonly percent: boolean;
  /** Significant digits shown, when written as one decimal literal (0 otherwise). */
  readonly significant: number;
  /** Written with thousands separators, so `1,234` might have been the pair (1, 234). */
  readonly grouped: boolean;
  /** The normalised text it was read from, for the rare re-reading without thousands separators. */
  readonly source: string;
}

export interface ExpressionAnswer {
  readonly kind: 'expression';
  readonly expr: Expr;
}

export interface TupleAnswer {
  readonly kind: 'tuple';
  /** '' for a bare list such as `2, 3`, which compares in any order. */
  readonly open: '(' | '[' | '';
  readonly close: ')' | ']' | '';
  readonly items: readonly ParsedAnswer[];
}

export interface SetAnswer {
  readonly kind: 'set';
  readonly items: readonly ParsedAnswer[];
}

/** One end of an interval: a constant value (a number, or an expression such as `\sqrt{2}` or `-\infty`). */
export interface Bound {
  readonly value: NumberAnswer | ExpressionAnswer;
  readonly closed: boolean;
}

export interface Interval {
  readonly low: Bound;
  readonly high: Bound;
}

/**
 * A set of real numbers as a union of intervals: interval notation
 * (`[0, 1)`, `(-\infty, 2] \cup (3, 5)`), or an inequality read as the set
 * it describes (`x < 3`, `-2 \le x \le 7`, `1 \le |z| \le 3/2`). The parts are
 * kept as written; comparison sorts and merges them. A point is an interval
 * whose ends are equal and closed.
 */
export interface IntervalSetAnswer {
  readonly kind: 'intervals';
  /** The variable an inequality or `x \in` names, or null for bare interval notation. */
  readonly variable: string | null;
  readonly parts: readonly Interval[];
}

export type RelationOp = '=' | '<' | '≤' | '>' | '≥' | '≠';

/**
 * An equation or inequality that is not a value and not an interval:
 * `y = 2x + 1`, `2x - y + 1 = 0`, `x + y < 3`, `f(2) < f(1) < f(4)`.
 */
export interface RelationAnswer {
  readonly kind: 'relation';
  readonly sides: readonly Expr[];
  /** ops[k] stands between sides[k] and sides[k + 1]. */
  readonly ops: readonly RelationOp[];
  /** When the first side names something (`y`, `f(x)`, `x_1`): its name; the equation then gives its value. */
  readonly target: string | null;
}

/** Named values, `k = 45, n = 2`: equal to the same names with equal values, in any order. */
export interface AssignmentsAnswer {
  readonly kind: 'assignments';
  readonly names: readonly string[];
  readonly values: readonly ParsedAnswer[];
}

/** `pmatrix`, `bmatrix`, `vmatrix` and friends: rows of cells, compared cell by cell. */
export interface MatrixAnswer {
  readonly kind: 'matrix';
  readonly rows: ReadonlyArray<readonly ParsedAnswer[]>;
}

export interface TextAnswer {
  readonly kind: 'text';
  readonly text: string;
  /** Too long to keep; never equal to anything. */
  readonly truncated: boolean;
}

export interface ParseAnswerOptions {
  /** Read `1,234` as a number (default). False reads it as the pair 1, 234. */
  readonly thousands?: boolean;
  /**
   * Read a comma that cannot separate thousands as a decimal comma: `1,22` is
   * 1.22 and `0,111` is 0.111, while `1,222` stays 1222. Default false, as
   * `1,22` is more often the pair (1, 22).
   */
  readonly decimalComma?: boolean;
}
