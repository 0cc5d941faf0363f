import * as N from '../exact/num.js';
import { Rational } from '../exact/rational.js';

type Num = N.Num;

export interface FunctionSpec {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly returns: 'num' | 'bool';
  readonly apply: (args: readonly Num[]) => Num | boolean;
}

function integerArg(name: string, value: Num): number {
  if (typeof value !== 'number') throw new RangeError(`${name}() needs integers, got ${N.canonical(value)}`);
  return value;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function exactSqrt(value: Num): Num {
  const r = N.toRational(value);
  if (r.sign() < 0) throw new RangeError(`sqrt of a negative number (${r.toCanonical()})`);
  const top = bigSqrt(r.num);
  const bottom = bigSqrt(r.den);
  if (top * top !== r.num || bottom * bottom !== r.den) throw new RangeError(`sqrt(${r.toCanonical()}) is not rational`);
  return N.fromRational(Rational.of(top, bottom));
}

function bigSqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

/**
 * The whole function vocabulary of template expressions. Each is exact; none
 * can do anything but compute a number or a truth value from numbers.
 */
export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  abs: { minArgs: 1, maxArgs: 1, returns: 'num', apply: ([x]) => N.abs(x!) },
  floor: { minArgs: 1, maxArgs: 1, returns: 'num', apply: ([x]) => N.floor(x!) },
  ceil: { minArgs: 1, maxArgs: 1, returns: 'num', apply: ([x]) => N.ceil(x!) },
  round: {
    minArgs: 1,
    maxArgs: 2,
    returns: 'num',
    apply: ([x, places]) => N.round(x!, places === undefined ? 0 : integerArg('round', places)),
  },
  min: { minArgs: 1, maxArgs: Infinity, returns: 'num', apply: (xs) => xs.reduce((a, b) => (N.compare(a, b) <= 0 ? a : b)) },
  max: { minArgs: 1, maxArgs: Infinity, returns: 'num', apply: (xs) => xs.reduce((a, b) => (N.compare(a, b) >= 0 ? a : b)) },
  mod: { minArgs: 2, maxArgs: 2, returns: 'num', apply: ([a, b]) => N.mod(a!, b!) },
  gcd: { minArgs: 2, maxArgs: 2, returns: 'num', apply: ([a, b]) => gcd(integerArg('gcd', a!), integerArg('gcd', b!)) },
  lcm: {
    minArgs: 2,
    maxArgs: 2,
    returns: 'num',
    apply: ([a, b]) => {
      const x = integerArg('lcm', a!);
      const y = integerArg('lcm', b!);
      return x === 0 || y === 0 ? 0 : N.div(N.abs(N.mul(x, y)), gcd(x, y));
    },
  },
  sqrt: { minArgs: 1, maxArgs: 1, returns: 'num', apply: ([x]) => exactSqrt(x!) },
  isInteger: { minArgs: 1, maxArgs: 1, returns: 'bool', apply: ([x]) => N.isInteger(x!) },
  /** divides(a, b): a is a non-zero divisor of b with no remainder. */
  divides: {
    minArgs: 2,
    maxArgs: 2,
    returns: 'bool',
    apply: ([a, b]) => {
      if (typeof a === 'number' && typeof b === 'number') return a !== 0 && b % a === 0;
      return N.sign(a!) !== 0 && N.isInteger(N.div(b!, a!));
    },
  },
};
