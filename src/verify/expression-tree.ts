import type { Rational } from '../exact/rational.js';
import { GREEK } from './latex-tables.js';

/**
 * The syntax tree of math expressions in answers (`2*sqrt(2)`, `x^2 + 1`,
 * `3pi/4`), the names it knows, and walks over it. Walks use an explicit
 * stack, so a deep tree cannot overflow the call stack.
 */
export type Expr =
  | { readonly k: 'num'; readonly value: Rational }
  | { readonly k: 'var'; readonly name: string }
  | { readonly k: 'neg'; readonly a: Expr }
  | { readonly k: 'pct'; readonly a: Expr }
  | { readonly k: 'bin'; readonly op: '+' | '-' | '*' | '/' | '^'; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'call'; readonly fn: string; readonly args: readonly Expr[] };

/** Function names an answer may use; anything else with two or more letters is a word, not math. */
export const FUNCTION_NAMES: ReadonlySet<string> = new Set([
  'sqrt',
  'root',
  'abs',
  'sin',
  'cos',
  'tan',
  'cot',
  'sec',
  'csc',
  'arcsin',
  'arccos',
  'arctan',
  'sinh',
  'cosh',
  'tanh',
  'log',
  'ln',
  'exp',
  'factorial',
  'binom',
]);

/**
 * Named constants. `pi` and `e` are transcendental, which is what lets
 * equivalence treat them as free symbols. Only lower-case `e` is Euler's
 * number: `E` is a letter (a choice, a point).
 */
export const CONSTANT_NAMES: ReadonlySet<string> = new Set(['pi', 'e', 'inf', 'infinity']);

/** Multi-letter words the parser reads as variables: the Greek letters' names. */
export const VARIABLE_WORDS: ReadonlySet<string> = GREEK;

/** The infinity symbol, and whether an expression is +∞ or −∞ written plainly. */
export const INFINITY: Expr = { k: 'var', name: 'inf' };

export function infinitySign(expr: Expr): 1 | -1 | 0 {
  if (expr.k === 'var' && expr.name === 'inf') return 1;
  if (expr.k === 'neg' && expr.a.k === 'var' && expr.a.name === 'inf') return -1;
  return 0;
}

/** Free symbols, including the constants pi and e. */
export function symbolsOf(expr: Expr, into: Set<string> = new Set()): Set<string> {
  const stack: Expr[] = [expr];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.k) {
      case 'var':
        into.add(node.name);
        break;
      case 'neg':
      case 'pct':
        stack.push(node.a);
        break;
      case 'bin':
        stack.push(node.a, node.b);
        break;
      case 'call':
        stack.push(...node.args);
        break;
      case 'num':
        break;
    }
  }
  return into;
}

/** Whether the tree has a free symbol other than pi, e and ∞ (so it is not a constant). */
export function hasVariables(expr: Expr): boolean {
  for (const name of symbolsOf(expr)) if (name !== 'pi' && name !== 'e' && name !== 'inf') return true;
  return false;
}

/** Whether the tree is plain arithmetic: no symbol, and no function but the factorial and the binomial coefficient. */
export function isArithmetic(expr: Expr): boolean {
  const stack: Expr[] = [expr];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.k === 'var' || (node.k === 'call' && node.fn !== 'factorial' && node.fn !== 'binom')) return false;
    if (node.k === 'neg' || node.k === 'pct') stack.push(node.a);
    else if (node.k === 'bin') stack.push(node.a, node.b);
    else if (node.k === 'call') stack.push(...node.args);
  }
  return true;
}
