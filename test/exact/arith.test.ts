import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateArithmetic, tryEvaluateArithmetic } from '../../src/exact/arith.js';
import { Rational } from '../../src/exact/rational.js';
import { measure, runs } from '../support/runs.js';

const value = (text: string): string | null => evaluateArithmetic(text)?.toCanonical() ?? null;

describe('evaluateArithmetic', () => {
  it.each([
    ['16 - 3 - 4', '9'],
    ['9 * 2', '18'],
    ['80000+50000', '130000'],
    ['80,000 + 50,000', '130000'],
    ['1,234,567.5 * 2', '2469135'],
    ['3 × (4 + 2)', '18'],
    ['3 x 4', '12'],
    ['3x4', '12'],
    ['12 ÷ 5', '2.4'],
    ['−7 / 2', '-3.5'],
    ['2^10', '1024'],
    ['2**10', '1024'],
    ['2^3^2', '512'],
    ['-2^2', '-4'],
    ['(-2)^2', '4'],
    ['2^-2', '0.25'],
    ['25% * 80', '20'],
    ['50%', '0.5'],
    ['.5 + .25', '0.75'],
    ['1/3 + 1/6', '0.5'],
    ['10/3', '10/3'],
    ['2(3 + 4)', '14'],
    ['[2 + 3] * 4', '20'],
    ['$5 * 3', '15'],
    ['1.5e3 + 1', '1501'],
    ['---5', '-5'],
    ['0.1 + 0.2', '0.3'],
    ['  7  ', '7'],
    ['5.', '5'],
  ])('%s = %s', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('counts operators, so a bare number can be told from a computation', () => {
    const bare = tryEvaluateArithmetic('-12.5');
    const computed = tryEvaluateArithmetic('3 * 4 - 1');
    expect(bare.ok && bare.operators).toBe(0);
    expect(computed.ok && computed.operators).toBe(2);
  });

  it('reads % as a label when asked', () => {
    expect(evaluateArithmetic('80%', { percent: 'ignore' })?.toCanonical()).toBe('80');
    const result = tryEvaluateArithmetic('100 - 20%');
    expect(result.ok && result.percent).toBe(true);
  });

  it('reads a comma as a thousands separator only in groups of three, and only when allowed', () => {
    expect(value('1,23')).toBeNull();
    expect(value('1,2345')).toBeNull();
    expect(value('1234,567')).toBeNull();
    expect(evaluateArithmetic('1,234', { thousands: false })).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['3 +', 'syntax'],
    ['(3 + 4', 'syntax'],
    ['3 4', 'syntax'],
    ['x', 'syntax'],
    ['2x + 1', 'syntax'],
    ['sqrt(4)', 'syntax'],
    ['1 / 0', 'division-by-zero'],
    ['0^-1', 'division-by-zero'],
    ['4^(1/2)', 'fractional-exponent'],
    ['10^10^10^10', 'too-large'],
    ['2^100000', 'too-large'],
    ['1e999999', 'too-large'],
    ['9'.repeat(300), 'too-many-digits'],
  ])('refuses %j with %s', (text, error) => {
    const result = tryEvaluateArithmetic(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe(error);
  });

  it('caps nesting depth instead of recursing without bound', () => {
    const deep = `${'('.repeat(10_000)}1${')'.repeat(10_000)}`;
    const result = tryEvaluateArithmetic(deep, { maxLength: 100_000 });
    expect(result.ok === false && result.error).toBe('too-deep');
    const powers = Array.from({ length: 5000 }, () => '2').join('^');
    expect(tryEvaluateArithmetic(powers, { maxLength: 100_000 })).toMatchObject({ ok: false, error: 'too-deep' });
  });

  it('refuses text over the length cap without reading it', () => {
    expect(tryEvaluateArithmetic('1+'.repeat(10_000) + '1')).toMatchObject({ ok: false, error: 'too-long' });
  });

  it('stops a product whose value outgrows the bit cap', () => {
    const factor = '9'.repeat(150);
    const product = Array.from({ length: 60 }, () => factor).join(' * ');
    expect(tryEvaluateArithmetic(product)).toMatchObject({ ok: false, error: 'too-large' });
  });

  it('never throws and answers quickly, whatever the text', () => {
    const soup = fc
      .array(fc.constantFrom('1', '9', '0', '.', ',', '+', '-', '*', '/', '^', '(', ')', '%', 'x', ' ', 'e', '$', '×', '÷', '−', '[', ']', '**'), {
        maxLength: 60,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), soup), (text) => {
        const { value: result, ms } = measure(() => tryEvaluateArithmetic(text), 50);
        if (typeof result.ok !== 'boolean') throw new Error('malformed result');
        if (ms > 50) throw new Error(`took ${ms.toFixed(1)} ms`);
      }),
      { numRuns: runs(2000, 100_000) },
    );
  });
});

/** Random arithmetic trees, printed as text and evaluated independently with Rational. */
type Tree = { n: number } | { op: '+' | '-' | '*' | '/'; a: Tree; b: Tree } | { neg: Tree };

const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: 0, max: 10_000 }).map((n) => ({ n })),
    fc.record({ op: fc.constantFrom('+', '-', '*', '/'), a: tie('tree'), b: tie('tree') }) as fc.Arbitrary<Tree>,
    tie('tree').map((t) => ({ neg: t })),
  ),
})).tree;

function print(tree: Tree): string {
  if ('n' in tree) return String(tree.n);
  if ('neg' in tree) return `-(${print(tree.neg)})`;
  const symbol = { '+': ' + ', '-': ' - ', '*': ' × ', '/': ' / ' }[tree.op];
  return `(${print(tree.a)}${symbol}${print(tree.b)})`;
}

function exact(tree: Tree): Rational | null {
  if ('n' in tree) return Rational.of(tree.n);
  if ('neg' in tree) return exact(tree.neg)?.neg() ?? null;
  const a = exact(tree.a);
  const b = exact(tree.b);
  if (a === null || b === null) return null;
  switch (tree.op) {
    case '+':
      return a.add(b);
    case '-':
      return a.sub(b);
    case '*':
      return a.mul(b);
    case '/':
      return b.num === 0n ? null : a.div(b);
  }
}

describe('evaluateArithmetic on generated expressions', () => {
  it('agrees with exact Rational evaluation of the same tree', () => {
    fc.assert(
      fc.property(treeArb, (tree) => {
        const expected = exact(tree);
        const result = tryEvaluateArithmetic(print(tree));
        if (expected === null) expect(result).toMatchObject({ ok: false, error: 'division-by-zero' });
        else expect(result.ok && result.value.equals(expected)).toBe(true);
      }),
      { numRuns: runs(500, 20_000) },
    );
  });
});
