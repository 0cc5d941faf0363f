import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalAnswerArb,
  completionArb,
  equivalentAnswerArb,
  nearMisses,
  valueOf,
  wrongAnswerArb,
  type CompletionItem,
} from '../../src/arbitraries/index.js';
import { Rational } from '../../src/exact/rational.js';
import { checkSteps, verify } from '../../src/verify/index.js';
import { runs } from '../support/runs.js';

const valueAndItem = canonicalAnswerArb();

describe('canonicalAnswerArb', () => {
  it('gives canonical values: what Rational prints, or unanswerable', () => {
    fc.assert(
      fc.property(valueAndItem, (value) => {
        if (value === 'unanswerable') return;
        expect(Rational.parse(value)?.toCanonical()).toBe(value);
      }),
      { numRuns: runs(500, 5000) },
    );
  });
});

describe('equivalentAnswerArb and wrongAnswerArb against our verifier', () => {
  it('every equivalent form verifies, percent forms included under the default policy', () => {
    fc.assert(
      fc.property(
        valueAndItem.chain((v) => fc.tuple(fc.constant(v), equivalentAnswerArb(v, { percent: true }))),
        ([value, text]) => {
          expect(verify(text, value)).toMatchObject({ correct: true });
        },
      ),
      { numRuns: runs(2000, 50_000) },
    );
  });

  it('no near miss verifies, in strict or lenient extraction', () => {
    fc.assert(
      fc.property(
        valueAndItem.chain((v) => fc.tuple(fc.constant(v), wrongAnswerArb(v))),
        fc.boolean(),
        ([value, text], strict) => {
          expect(verify(text, value, { strict }).correct).toBe(false);
        },
      ),
      { numRuns: runs(2000, 50_000) },
    );
  });

  it('produces each kind of near miss, every one a different value', () => {
    const kinds = new Set<string>();
    for (const value of ['42', '12.5', '7/3', '-3', '1000', '0.25']) {
      const exact = valueOf(value)!;
      for (const miss of nearMisses(exact)) {
        kinds.add(miss.kind);
        expect(miss.value.equals(exact)).toBe(false);
      }
    }
    expect([...kinds].sort()).toEqual(['digit-swap', 'divided-by-ten', 'off-by-one', 'sign-flip', 'times-ten', 'wrong-rounding']);
  });

  it('writes a percentage the way a careful grader reads it: 25 as 25%, 0.25 as 25%, never 2500%', () => {
    const forms = (value: string): string[] => fc.sample(equivalentAnswerArb(value, { percent: true, wrap: false }), { numRuns: 400, seed: 7 });
    const percentOf = (value: string): Set<string> => new Set(forms(value).filter((text) => text.includes('%') || text.includes('percent')));
    expect(percentOf('25')).toEqual(new Set(['25%', '25\\%', '25 percent']));
    expect(percentOf('0.25')).toEqual(new Set(['25%', '25\\%', '25 percent']));
    expect(percentOf('1000')).toEqual(new Set(['1000%', '1000\\%', '1000 percent']));
  });

  it('refuses a value that is not canonical', () => {
    expect(() => equivalentAnswerArb('twelve')).toThrow(/canonical/);
  });
});

describe('completionArb', () => {
  const items: CompletionItem[] = [
    {
      answer: '18',
      steps: [
        { expr: '16 - 3 - 4', value: '9' },
        { expr: '9 * 2', value: '18' },
      ],
    },
    { answer: '12.5', steps: [{ text: 'Half of 25.', expr: '25 / 2', value: '12.5' }] },
    {
      answer: '7/3',
      steps: [
        { expr: '7 / 3', value: '7/3' },
        { expr: 'apples * 2', value: '4' },
      ],
    },
    { answer: '-3' },
    { answer: 'unanswerable', steps: [{ expr: '3 + 4', value: '7' }] },
  ];

  for (const correct of [true, false]) {
    for (const validSteps of [true, false]) {
      it(`ends ${correct ? 'right' : 'wrong'} with ${validSteps ? 'valid' : 'invalid'} steps, as the verifier and step checker see it`, () => {
        fc.assert(
          fc.property(
            fc.constantFrom(...items).chain((item) => fc.tuple(fc.constant(item), completionArb(item, { correct, validSteps }))),
            ([item, text]) => {
              expect(verify(text, item.answer).correct).toBe(correct);
              const steps = checkSteps(text);
              expect(steps.valid).toBe(validSteps);
              expect(steps.claims).toBeGreaterThan(0);
            },
          ),
          { numRuns: runs(300, 5000) },
        );
      });
    }
  }

  it('writes the item’s own steps, so their values appear', () => {
    const item = items[0]!;
    fc.assert(
      fc.property(completionArb(item, { correct: true }), (text) => {
        expect(checkSteps(text, item).referenceValuesFound).toMatchObject({ total: 2, found: 2 });
      }),
      { numRuns: runs(100, 1000) },
    );
  });
});

describe('the arbitraries find the bugs of a naive verifier', () => {
  /** The verifier many scripts start with: the last number in the text, compared as a string. */
  function naiveVerify(output: string, expected: string): boolean {
    let end = output.length;
    while (end > 0 && !/[0-9]/.test(output[end - 1]!)) end--;
    let start = end;
    while (start > 0 && /[0-9.]/.test(output[start - 1]!)) start--;
    return output.slice(start, end) === expected;
  }

  it('catches it rejecting right answers', () => {
    const result = fc.check(
      fc.property(
        valueAndItem.chain((v) => fc.tuple(fc.constant(v), equivalentAnswerArb(v))),
        ([value, text]) => naiveVerify(text, value),
      ),
      { numRuns: 200, seed: 42 },
    );
    expect(result.failed).toBe(true);
  });
});
