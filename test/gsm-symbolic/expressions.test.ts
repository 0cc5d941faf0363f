import { describe, expect, it } from 'vitest';
import * as N from '../../src/exact/num.js';
import { compileExpression } from '../../src/expr/compile.js';
import { emitExpression, type SymbolKind } from '../../src/gsm-symbolic/emit.js';
import { Untranslatable } from '../../src/gsm-symbolic/errors.js';
import { parsePython } from '../../src/gsm-symbolic/parse.js';

const symbols = new Map<string, SymbolKind>([
  ['a', { kind: 'num', name: 'a' }],
  ['b', { kind: 'num', name: 'b' }],
  ['mult', { kind: 'pair', name: 'mult' }],
  ['name', { kind: 'text', name: 'name' }],
]);
const translate = (source: string) => emitExpression(parsePython(source, 'test'), symbols, 'test').text;

/** Evaluates our translation exactly, with a and b bound: the meaning must be Python's. */
function evaluate(source: string, a: number | string, b: number | string): string {
  const env = [N.numFrom(a), N.numFrom(b)];
  const compiled = compileExpression(translate(source), (n) => (n === 'a' ? { slot: 0, kind: 'num' } : n === 'b' ? { slot: 1, kind: 'num' } : undefined));
  const value = compiled.evaluate(env);
  return typeof value === 'boolean' ? String(value) : N.canonical(value);
}

describe('the Python-like parser and our translation', () => {
  it('keeps Python precedence and writes only the parentheses mathjs needs', () => {
    expect(translate('a + b * 2')).toBe('a + b * 2');
    expect(translate('(a + b) * 2')).toBe('(a + b) * 2');
    expect(translate('a - (b - 1)')).toBe('a - (b - 1)');
    expect(translate('-a ** 2')).toBe('-a ^ 2');
    expect(translate('(-a) ** 2')).toBe('(-a) ^ 2');
    expect(translate('a ** b ** 2')).toBe('a ^ (b ^ 2)');
    expect(translate('a / b / 2')).toBe('a / b / 2');
    expect(translate('a / (b / 2)')).toBe('a / (b / 2)');
    expect(translate('not a == b and a > 1 or b < 0')).toBe('not (a == b) and a > 1 or b < 0');
    expect(translate('1 < a <= b')).toBe('1 < a <= b');
    expect(translate('a if a > b else b')).toBe('a > b ? a : b');
  });
  it('translates Python operators and functions with their Python meaning, exactly', () => {
    expect(evaluate('a // b', 7, 2)).toBe('3');
    expect(evaluate('a // b', -7, 2)).toBe('-4');
    expect(evaluate('a % b', -7, 3)).toBe('2');
    expect(evaluate('a ** b', 2, 10)).toBe('1024');
    expect(evaluate('-a ** 2', 3, 0)).toBe('-9');
    expect(evaluate('int(a / b)', -7, 2)).toBe('-3');
    expect(evaluate('int(a / b)', 7, 2)).toBe('3');
    expect(evaluate('round(a / b)', 5, 2)).toBe('2');
    expect(evaluate('round(a / b)', 7, 2)).toBe('4');
    expect(evaluate('round(a / b)', 8, 3)).toBe('3');
    expect(evaluate('round(a, 1)', '0.25', 0)).toBe('0.2');
    expect(evaluate('round(a, 1)', '0.35', 0)).toBe('0.4');
    expect(evaluate('Fraction(a, b)', 1, 3)).toBe('1/3');
    expect(evaluate('a / b', 1, 10)).toBe('0.1');
    expect(evaluate('is_int(a / b)', 9, 3)).toBe('true');
    expect(evaluate('is_int(a / b)', 9, 4)).toBe('false');
    expect(evaluate('divides(a, b)', 12, 4)).toBe('true');
    expect(evaluate('divides(a, b)', 4, 12)).toBe('false');
    expect(evaluate('abs(a - b) + max(a, b) + min(a, b, 0)', 2, 5)).toBe('8');
    expect(evaluate('a if a > b else b', 2, 5)).toBe('5');
  });
  it('reads a pairs-list entry as its number', () => {
    expect(translate('mult * a')).toBe('mult.value * a');
    expect(translate('mult[1] + 1')).toBe('mult.value + 1');
  });
  it('names the construct it cannot translate', () => {
    const construct = (source: string) => {
      try {
        translate(source);
        return 'translated';
      } catch (error) {
        if (error instanceof Untranslatable) return error.construct;
        throw error;
      }
    };
    expect(construct('len(a)')).toBe('len(...)');
    expect(construct('name * 2')).toBe('the word variable "name" used in arithmetic');
    expect(construct('a in b')).toBe('"in" comparisons');
    expect(construct('lambda: 1')).toBe('"lambda"');
    expect(construct('a[1:2]')).toBe('slicing inside an expression');
    expect(construct('a.real')).toBe('the attribute ".real"');
    expect(construct('unknown + 1')).toBe('the unknown name "unknown"');
    expect(construct('a +')).toBe('an expression that ends too early');
    expect(construct('__import__("os")')).toBe('__import__(...)');
  });
});
