import { Rational } from '../exact/rational.js';
import { symbolsOf, type Expr } from './expression-tree.js';
import { evaluateFloat, evaluateSurd } from './evaluate.js';
import type { Surd } from './surd.js';

/**
 * Whether two expressions are the same function of their symbols, decided by
 * evaluating both at the same fixed points.
 */
/**
 * Awkward rationals to bind symbols to. Two different rational functions of
 * bounded degree agree at a random point only by accident; using several
 * fixed points keeps verdicts deterministic, which a reward function needs.
 */
const POINTS: readonly Rational[] = (
  [
    [7n, 3n],
    [11n, 5n],
    [13n, 17n],
    [19n, 7n],
    [23n, 13n],
    [29n, 11n],
    [31n, 19n],
    [37n, 23n],
    [41n, 29n],
    [43n, 31n],
    [47n, 37n],
    [53n, 41n],
    [59n, 43n],
    [61n, 47n],
    [67n, 53n],
    [71n, 59n],
  ] as const
).map(([n, d]) => Rational.of(n, d));

export const POINTS_NEEDED = 3;
const POINTS_TRIED = 6;

function closeEnough(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;
}

/** The values bound to each symbol at the `point`-th point: rationals for the exact pass, doubles (π and e real) for floating point. */
function environments(symbols: readonly string[], point: number): { exactEnv: Map<string, Rational>; floatEnv: Map<string, number> } {
  const exactEnv = new Map<string, Rational>();
  const floatEnv = new Map<string, number>();
  symbols.forEach((name, index) => {
    const value = POINTS[(point * 5 + index) % POINTS.length]!;
    exactEnv.set(name, value);
    floatEnv.set(name, name === 'pi' ? Math.PI : name === 'e' ? Math.E : value.toNumber());
  });
  return { exactEnv, floatEnv };
}

export type ExpressionMatch = 'symbolic' | 'numeric' | 'different' | 'undecided';

/**
 * Compares two expressions by evaluating both at the same points: exactly
 * where Surd can hold the values (a disagreement there is final), in floating
 * point with a relative 1e-9 where it cannot. `pi` and `e` are bound to
 * rationals like any other symbol in the exact pass, which is sound because
 * they are transcendental, and to their real values in floating point.
 */
export function compareExpressions(a: Expr, b: Expr): ExpressionMatch {
  const symbols = [...symbolsOf(b, symbolsOf(a))].sort();
  if (symbols.includes('inf')) return 'undecided';
  let agreed = 0;
  let exactly = true;
  for (let point = 0; point < POINTS_TRIED && agreed < POINTS_NEEDED; point++) {
    const { exactEnv, floatEnv } = environments(symbols, point);
    const exactA = evaluateSurd(a, exactEnv);
    const exactB = exactA === null ? null : evaluateSurd(b, exactEnv);
    if (exactA !== null && exactB !== null) {
      if (!exactA.equals(exactB)) return 'different';
      agreed++;
      if (symbols.length === 0) return 'symbolic'; // one point decides a constant
      continue;
    }
    const floatA = evaluateFloat(a, floatEnv);
    const floatB = evaluateFloat(b, floatEnv);
    if (!Number.isFinite(floatA) || !Number.isFinite(floatB)) continue; // outside the domain here; try another point
    if (!closeEnough(floatA, floatB)) return 'different';
    exactly = false;
    agreed++;
    if (symbols.length === 0 || (symbols.length <= 2 && symbols.every((s) => s === 'pi' || s === 'e'))) {
      // Floating point does not depend on the point when pi and e are the only symbols.
      return 'numeric';
    }
  }
  if (agreed < POINTS_NEEDED) return 'undecided';
  return exactly ? 'symbolic' : 'numeric';
}

/** The real value of an expression whose only symbols are pi and e, for the rounding tolerance. */
export function constantValue(expr: Expr): number | null {
  for (const name of symbolsOf(expr)) if (name !== 'pi' && name !== 'e') return null;
  const value = evaluateFloat(
    expr,
    new Map([
      ['pi', Math.PI],
      ['e', Math.E],
    ]),
  );
  return Number.isFinite(value) ? value : null;
}

/**
 * Whether `a` is a constant multiple c·b of `b` at every point tried (c the
 * same at each, exactly where Surd holds both), and the sign of c. What makes
 * `2x - y + 1 = 0` the same relation as `y = 2x + 1`. Null when they are not
 * proportional or too few points could be evaluated.
 */
export function proportional(a: Expr, b: Expr): { readonly sign: -1 | 1 } | null {
  const symbols = [...symbolsOf(b, symbolsOf(a))].sort();
  if (symbols.includes('inf')) return null;
  let exactRatio: Surd | null = null;
  let ratio = Number.NaN;
  let agreed = 0;
  for (let point = 0; point < POINTS_TRIED && agreed < POINTS_NEEDED; point++) {
    const { exactEnv, floatEnv } = environments(symbols, point);
    const exactA = evaluateSurd(a, exactEnv);
    const exactB = exactA === null ? null : evaluateSurd(b, exactEnv);
    if (exactA !== null && exactB !== null) {
      if (exactB.isZero()) {
        if (!exactA.isZero()) return null;
        continue;
      }
      const inverse = exactB.inverse();
      const quotient = inverse === null ? null : exactA.mul(inverse);
      if (quotient !== null) {
        if (exactRatio !== null && !exactRatio.equals(quotient)) return null;
        if (exactRatio === null && !Number.isNaN(ratio) && !closeEnough(ratio, quotient.toNumber())) return null;
        exactRatio ??= quotient;
        ratio = quotient.toNumber();
        agreed++;
        if (symbols.length === 0) break;
        continue;
      }
    }
    const floatA = evaluateFloat(a, floatEnv);
    const floatB = evaluateFloat(b, floatEnv);
    if (!Number.isFinite(floatA) || !Number.isFinite(floatB)) continue;
    if (Math.abs(floatB) < 1e-12) {
      if (Math.abs(floatA) >= 1e-12) return null;
      continue;
    }
    const quotient = floatA / floatB;
    if (!Number.isNaN(ratio) && !closeEnough(ratio, quotient)) return null;
    ratio = quotient;
    agreed++;
    if (symbols.length === 0) break;
  }
  if (agreed === 0 || (symbols.length > 0 && agreed < POINTS_NEEDED) || ratio === 0) return null;
  return { sign: ratio < 0 ? -1 : 1 };
}
