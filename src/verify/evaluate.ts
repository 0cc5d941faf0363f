import { Rational } from '../exact/rational.js';
import type { Expr } from './expression-tree.js';
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
    case 'call': {
      const a = evaluateRational(expr.args[0]!);
      if (a === null) return null;
      if (expr.fn === 'factorial') return factorial(a);
      const b = expr.fn === 'binom' ? evaluateRational(expr.args[1]!) : null;
      return b === null ? null : binomial(a, b);
    }
    default:
      return null;
  }
}

const MAX_FACTORIAL = 300;

/** C(n, k) for whole numbers 0 ≤ k ≤ n ≤ 300, or null. */
function binomial(n: Rational, k: Rational): Rational | null {
  if (n.den !== 1n || k.den !== 1n || k.num < 0n || n.num < k.num || n.num > BigInt(MAX_FACTORIAL)) return null;
  let result = 1n;
  for (let i = 1n; i <= k.num; i++) result = (result * (n.num - k.num + i)) / i;
  return Rational.of(result);
}

/** n! for a whole number n up to 300 (about 2,000 bits), or null. */
function factorial(n: Rational): Rational | null {
  if (n.den !== 1n || n.num < 0n || n.num > BigInt(MAX_FACTORIAL)) return null;
  let product = 1n;
  for (let k = 2n; k <= n.num; k++) product *= k;
  return Rational.of(product);
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
    case 'factorial':
    case 'binom': {
      const a = first.rational();
      const b = fn === 'binom' ? (second?.rational() ?? null) : null;
      const value = a === null ? null : fn === 'factorial' ? factorial(a) : b === null ? null : binomial(a, b);
      return value === null ? null : Surd.of(value);
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
  ['sqrt', Math.sqrt],
  ['abs', Math.abs],
  ['sin', Math.sin],
  ['cos', Math.cos],
  ['tan', Math.tan],
  ['cot', (x: number) => 1 / Math.tan(x)],
  ['sec', (x: number) => 1 / Math.cos(x)],
  ['csc', (x: number) => 1 / Math.sin(x)],
  ['arcsin', Math.asin],
  ['arccos', Math.acos],
  ['arctan', Math.atan],
  ['sinh', Math.sinh],
  ['cosh', Math.cosh],
  ['tanh', Math.tanh],
  ['log', Math.log],
  ['ln', Math.log],
  ['exp', Math.exp],
  ['factorial', floatFactorial],
]);

function floatFactorial(n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > 170) return Number.NaN;
  let product = 1;
  for (let k = 2; k <= n; k++) product *= k;
  return product;
}

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
      if (expr.fn === 'binom') {
        const n = evaluateFloat(expr.args[0]!, env);
        const k = evaluateFloat(expr.args[1]!, env);
        return floatFactorial(n) / (floatFactorial(k) * floatFactorial(n - k));
      }
      const f = FLOAT_FUNCTIONS.get(expr.fn);
      return f === undefined ? Number.NaN : f(evaluateFloat(expr.args[0]!, env));
    }
  }
}
