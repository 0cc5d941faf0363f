import { describe, expect, it } from 'vitest';
import * as N from '../../src/exact/num.js';
import { compileExpression } from '../../src/expr/compile.js';
import { DISABLED_FUNCTIONS, restrictedMath } from '../../src/expr/restricted-mathjs.js';
import { ExprError, type Entity, type Env, type SymbolInfo } from '../../src/expr/types.js';

const apple: Entity = { name: 'apple', text: { plural: 'apples' }, numbers: { grams: 150 } };
const scope: Record<string, SymbolInfo> = {
  a: { slot: 0, kind: 'num' },
  b: { slot: 1, kind: 'num' },
  price: { slot: 2, kind: 'num' },
  item: { slot: 3, kind: 'entity', numericFields: ['grams'] },
};
const env: Env = [12, 5, N.numFrom('2.5'), apple];
const compile = (source: string) => compileExpression(source, (name) => scope[name]);
const value = (source: string) => {
  const result = compile(source).evaluate(env);
  return typeof result === 'boolean' ? result : N.canonical(result);
};

describe('compileExpression', () => {
  it.each([
    ['a * b', '60'],
    ['a / b', '2.4'],
    ['a / 7', '12/7'],
    ['0.1 + 0.2', '0.3'],
    ['price * 3', '7.5'],
    ['(a - b) ^ 2', '49'],
    ['a % b', '2'],
    ['-a + 1', '-11'],
    ['item.grams * 2', '300'],
    ['floor(a / b)', '2'],
    ['round(a / 8)', '2'],
    ['round(a / 7, 2)', '1.71'],
    ['min(a, b, 7)', '5'],
    ['max(a, b)', '12'],
    ['gcd(a, 8)', '4'],
    ['lcm(4, 6)', '12'],
    ['sqrt(a * 3)', '6'],
    ['abs(b - a)', '7'],
    ['a > b ? a - b : b - a', '7'],
    ['50%', '0.5'],
  ])('evaluates %s exactly to %s', (source, expected) => {
    expect(value(source)).toBe(expected);
  });

  it.each([
    ['a > b and not (b == 5)', false],
    ['b < a <= 12', true],
    ['divides(b, a)', false],
    ['divides(4, a)', true],
    ['isInteger(a / 4)', true],
    ['a != b or false', true],
  ])('evaluates the condition %s to %s', (source, expected) => {
    expect(value(source)).toBe(expected);
  });

  it('reports types, symbols, operation counts and whether an annotation can show it', () => {
    const expr = compile('(a + b) * price');
    expect(expr.type).toBe('num');
    expect([...expr.symbols].sort()).toEqual(['a', 'b', 'price']);
    expect(expr.operations).toBe(2);
    expect(expr.plainArithmetic).toBe(true);
    expect(compile('floor(a / b)').plainArithmetic).toBe(false);
    expect(compile('a > b').type).toBe('bool');
  });

  it('displays the expression with values in place, bracketing what would change its meaning', () => {
    expect(compile('(a + b) * price').display(env, true)).toBe('(12 + 5) * 2.5');
    expect(compile('(a + b) * price').display(env, false)).toBe('(12+5)*2.5');
    const withFraction = compileExpression('a / b', (name) => scope[name]);
    expect(withFraction.display([12, N.numFrom('1/3')], false)).toBe('12/(1/3)');
    expect(withFraction.display([12, -3], false)).toBe('12/(-3)');
  });

  it('throws a RangeError when a value is undefined, so a sampler can reject the draw', () => {
    expect(() => compile('a / (b - 5)').evaluate(env)).toThrow(RangeError);
    expect(() => compile('sqrt(b)').evaluate(env)).toThrow(RangeError);
    expect(() => compile('a ^ price').evaluate(env)).toThrow(RangeError);
  });

  it.each([
    ['import({}, {})', /function "import" is not allowed/],
    ['createUnit("foo")', /not allowed/],
    ['evaluate("1 + 1")', /not allowed/],
    ['parse("1")', /not allowed/],
    ['simplify("a + a")', /not allowed/],
    ['derivative("a^2", "a")', /not allowed/],
    ['f(x) = x ^ 2', /defining a function is not allowed/],
    ['a = 3', /assignment is not allowed/],
    ['a; b', /block/],
    ['[1, 2]', /array is not allowed/],
    ['{x: 1}', /object is not allowed/],
    ['"text"', /only numbers and true\/false/],
    ['5 cm', /implicit multiplication/],
    ['2a', /implicit multiplication/],
    ['unknown + 1', /unknown variable "unknown"/],
    ['item + 1', /"item" is a name or word, not a number; use one of its numeric fields: item.grams/],
    ['item.colour', /no numeric field "colour"/],
    ['a.grams', /is a number and has no field/],
    ['a + (b > 1)', /needs a number, not a condition/],
    ['not a', /needs a true\/false condition/],
    ['floor(a, b)', /takes 1 argument/],
    ['1 +', /cannot parse/],
  ])('refuses %s', (source, message) => {
    expect(() => compile(source)).toThrow(ExprError);
    expect(() => compile(source)).toThrow(message);
  });

  it('leaves no dangerous function callable on the mathjs instance itself', () => {
    for (const name of DISABLED_FUNCTIONS) {
      const fn = restrictedMath[name];
      if (typeof fn !== 'function') continue;
      expect(() => (fn as (...args: unknown[]) => unknown)('1 + 1'), name).toThrow(/is disabled/);
    }
    expect(restrictedMath['evaluate']).toBeTypeOf('function');
    expect(() => (restrictedMath['import'] as (o: object) => void)({ evil: () => 1 })).toThrow(/disabled/);
  });
});
