import { Rational } from '../exact/rational.js';
import { symbolsOf, type Expr } from './expression.js';
import { Surd } from './surd.js';

/**
 * Evaluating answer expressions: exactly over the rationals for plain
 * arithmetic, exactly over Surd (rationals with square roots) at chosen
 * points for expressions with symbols, and in floating point as the last
 * resort for functions Surd cannot hold (sin, log, cube roots).
 */

const HUNDREDTH = Rational.of(1n, 100n);
const MAX_EXPONENT = 1000;
const MAX_BITS = 20_000;

function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  if (n <= 0xffffffffn) return n === 0n ? 0 : 32 - Math.clz32(Number(n));
  return n.toString(16).length * 4;
}

function tooBig(value: Rational): boolean {
  return bitLength(value.num) > MAX_BITS || bitLength(value.den) > MAX_BITS;
}

/** The exact value of an expression without symbols or functions, or null (division by zero, too large). */
export function evaluateRational(expr: Expr): Rational | null {
  switch (expr.k) {
    case 'num':
      return expr.value;
    case 'neg': {
      const a = evaluateRational(expr.a);
      return a === null ? null : a.neg();
    }
    case 'pct': {
      const a = evaluateRational(expr.a);
      return a === null ? null : a.mul(HUNDREDTH);
    }
    case 'bin': {
      const a = evaluateRational(expr.a);
      if (a === null) return null;
      const b = evaluateRational(expr.b);
      if (b === null) return null;
      let result: Rational;
      switch (expr.op) {
        case '+':
          result = a.add(b);
          break;
        case '-':
          result = a.sub(b);
          break;
        case '*':
          result = a.mul(b);
          break;
        case '/':
          if (b.num === 0n) return null;
          result = a.div(b);
          break;
        case '^': {
          if (b.den !== 1n || b.num > BigInt(MAX_EXPONENT) || b.num < -BigInt(MAX_EXPONENT)) return null;
          const n = Number(b.num);
          if (a.num === 0n && n < 0) return null;
          if (Math.max(bitLength(a.num), bitLength(a.den)) * Math.abs(n) > MAX_BITS) return null;
          result = a.pow(n);
          break;
        }
      }
      return tooBig(result) ? null : result;
    }
    default:
      return null;
  }
}

/** Exact value in Surd with each symbol bound to a rational, or null when Surd cannot hold it. */
export function evaluateSurd(expr: Expr, env: ReadonlyMap<string, Rational>): Surd | null {
  switch (expr.k) {
    case 'num':
      return Surd.of(expr.value);
    case 'var': {
      const value = env.get(expr.name);
      return value === undefined ? null : Surd.of(value);
    }
    case 'neg': {
      const a = evaluateSurd(expr.a, env);
      return a === null ? null : a.neg();
    }
    case 'pct': {
      const a = evaluateSurd(expr.a, env);
      return a === null ? null : a.mul(Surd.of(HUNDREDTH));
    }
    case 'bin': {
      const a = evaluateSurd(expr.a, env);
      if (a === null) return null;
      if (expr.op === '^') return power(a, expr.b, env);
      const b = evaluateSurd(expr.b, env);
      if (b === null) return null;
      switch (expr.op) {
        case '+':
          return a.add(b);
        case '-':
          return a.sub(b);
        case '*':
          return a.mul(b);
        case '/': {
          const inverse = b.inverse();
          return inverse === null ? null : a.mul(inverse);
        }
      }
      return null;
    }
    case 'call':
      return callSurd(expr.fn, expr.args, env);
  }
}

function power(base: Surd, exponentExpr: Expr, env: ReadonlyMap<string, Rational>): Surd | null {
  const exponentSurd = evaluateSurd(exponentExpr, env);
  const exponent = exponentSurd?.rational() ?? null;
  if (exponent === null) return null;
  if (exponent.den === 1n) return exponent.num > 256n || exponent.num < -256n ? null : base.pow(Number(exponent.num));
  if (exponent.den === 2n) {
    // x^(k/2) = (√x)^k, for a rational x ≥ 0
    const rational = base.rational();
    const root = rational === null ? null : Surd.sqrt(rational);
    return root === null || exponent.num > 256n || exponent.num < -256n ? null : root.pow(Number(exponent.num));
  }
  return null;
}

function callSurd(fn: string, args: readonly Expr[], env: ReadonlyMap<string, Rational>): Surd | null {
  const values: Surd[] = [];
  for (const arg of args) {
    const value = evaluateSurd(arg, env);
    if (value === null) return null;
    values.push(value);
  }
  const [first, second] = values;
  if (first === undefined) return null;
  switch (fn) {
    case 'sqrt': {
      const rational = first.rational();
      return rational === null ? null : Surd.sqrt(rational);
    }
    case 'root': {
      // root(n, x): only square roots stay exact
      const index = first.rational();
      const radicand = second?.rational() ?? null;
      return index !== null && radicand !== null && index.equals(Rational.of(2n)) ? Surd.sqrt(radicand) : null;
    }
    case 'abs': {
      const rational = first.rational();
      if (rational !== null) return Surd.of(rational.abs());
      const approximate = first.toNumber();
      // The sign of a non-zero Surd is that of its double unless the double is tiny.
      if (!Number.isFinite(approximate) || Math.abs(approximate) < 1e-9) return null;
      return approximate < 0 ? first.neg() : first;
    }
    default:
      return null;
  }
}

const FLOAT_FUNCTIONS: ReadonlyMap<string, (x: number) => number> = new Map([
  ['sqrt', Math.sqrt], ['abs', Math.abs], ['sin', Math.sin], ['cos', Math.cos], ['tan', Math.tan],
  ['cot', (x: number) => 1 / Math.tan(x)], ['sec', (x: number) => 1 / Math.cos(x)], ['csc', (x: number) => 1 / Math.sin(x)],
  ['arcsin', Math.asin], ['arccos', Math.acos], ['arctan', Math.atan], ['sinh', Math.sinh], ['cosh', Math.cosh],
  ['tanh', Math.tanh], ['log', Math.log], ['ln', Math.log], ['exp', Math.exp],
]);

/** Floating-point value with each symbol bound to a double; NaN when undefined. */
export function evaluateFloat(expr: Expr, env: ReadonlyMap<string, number>): number {
  switch (expr.k) {
    case 'num':
      return expr.value.toNumber();
    case 'var':
      return env.get(expr.name) ?? Number.NaN;
    case 'neg':
      return -evaluateFloat(expr.a, env);
    case 'pct':
      return evaluateFloat(expr.a, env) / 100;
    case 'bin': {
      const a = evaluateFloat(expr.a, env);
      const b = evaluateFloat(expr.b, env);
      switch (expr.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return a / b;
        case '^':
          return a ** b;
      }
      return Number.NaN;
    }
    case 'call': {
      if (expr.fn === 'root') {
        const index = evaluateFloat(expr.args[0]!, env);
        const radicand = evaluateFloat(expr.args[1]!, env);
        // An odd root of a negative number is real.
        if (radicand < 0 && Number.isInteger(index) && index % 2 === 1) return -((-radicand) ** (1 / index));
        return radicand ** (1 / index);
      }
      const f = FLOAT_FUNCTIONS.get(expr.fn);
      return f === undefined ? Number.NaN : f(evaluateFloat(expr.args[0]!, env));
    }
  }
}

/**
 * Awkward rationals to bind symbols to. Two different rational functions of
 * bounded degree agree at a random point only by accident; using several
 * fixed points keeps verdicts deterministic, which a reward function needs.
 */
const POINTS: readonly Rational[] = (
  [
    [7n, 3n], [11n, 5n], [13n, 17n], [19n, 7n], [23n, 13n], [29n, 11n], [31n, 19n], [37n, 23n],
    [41n, 29n], [43n, 31n], [47n, 37n], [53n, 41n], [59n, 43n], [61n, 47n], [67n, 53n], [71n, 59n],
  ] as const
).map(([n, d]) => Rational.of(n, d));

export const POINTS_NEEDED = 3;
const POINTS_TRIED = 6;

function closeEnough(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;
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
    const exactEnv = new Map<string, Rational>();
    const floatEnv = new Map<string, number>();
    symbols.forEach((name, index) => {
      const value = POINTS[(point * 5 + index) % POINTS.length]!;
      exactEnv.set(name, value);
      floatEnv.set(name, name === 'pi' ? Math.PI : name === 'e' ? Math.E : value.toNumber());
    });
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
  const value = evaluateFloat(expr, new Map([['pi', Math.PI], ['e', Math.E]]));
  return Number.isFinite(value) ? value : null;
}
