import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completionArb, canonicalAnswerArb, equivalentAnswerArb, wrongAnswerArb } from '../../src/arbitraries/index.js';
import { checkAnnotations, checkSteps, compareAnswers, extractAnswer, normalizeAnswer, verify, type Verdict } from '../../src/verify/index.js';
import { FULL, measure, runs } from '../support/runs.js';

/**
 * The hard limits of the issue: any string in, a verdict out, never an
 * exception, never a hang. Every generated input is verified under an
 * explicit per-call time bound.
 */
const PER_CALL_MS = 50;

function isVerdict(value: Verdict): boolean {
  return (
    typeof value.correct === 'boolean' &&
    (value.extracted === null || typeof value.extracted === 'string') &&
    (value.strategy === null || typeof value.strategy === 'string') &&
    typeof value.reason === 'string' &&
    value.reason !== 'internal-error'
  );
}

/** Fragments that reach the interesting paths: markers, LaTeX, unbalanced braces, numbers, claims. */
const FRAGMENTS = [
  '\\boxed{',
  '\\fbox{',
  '}',
  '{',
  '\\frac{',
  '}{',
  '\\dfrac',
  '\\sqrt{',
  '\\sqrt[3]{',
  '\\left(',
  '\\right)',
  '\\text{',
  '^{',
  '_',
  '####',
  ' ',
  '\n',
  'The answer is ',
  'final answer is',
  'Answer:',
  'A:',
  'cannot be determined',
  'not enough information',
  '$',
  '\\$',
  '\\%',
  '%',
  '{,}',
  '1,234',
  '0.5',
  '-',
  '−',
  '2 1/2',
  '1e5',
  '10^10^10^10',
  '3 x 4 = 12',
  '<<3*4=12>>',
  '<<',
  '>>',
  '=',
  '≈',
  '(',
  ')',
  '[',
  ']',
  '\\{',
  '\\}',
  '\\pi',
  'x',
  'π',
  '√',
  '×',
  '÷',
  '.',
  ',',
  '7',
  '9'.repeat(40),
  'apples',
  // the competition forms: sets of reals, relations, matrices, several answers, math mode
  '\\cup',
  '\\cap',
  '\\setminus',
  '\\le',
  '\\ge',
  '<',
  '>',
  '\\ne',
  '\\in',
  '\\infty',
  '-\\infty',
  '\\mathbb{R}',
  '\\emptyset',
  '\\begin{pmatrix}',
  '\\end{pmatrix}',
  '\\begin{array}{cc}',
  '&',
  '\\\\',
  '\\pm',
  ':',
  ';',
  ' and ',
  ' or ',
  '|',
  '!',
  '^\\circ',
  '\\sin^2',
  '\\log_2',
  'f(',
  'x_1',
  'y',
  'k = ',
  '$$',
  '\\[',
  '\\]',
  '\\(',
  '\\)',
  '\\boxed{1} and \\boxed{2}',
  '2pq',
];
const fragmentSoup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fragmentSoup,
);

describe('totality under generated input', () => {
  it(`verify returns a verdict within ${PER_CALL_MS} ms for every input (${FULL ? '100,000' : '3,000'} runs)`, () => {
    let slowest = 0;
    fc.assert(
      fc.property(anyText, fc.oneof(anyText, canonicalAnswerArb()), fc.boolean(), (output, expected, strict) => {
        const { value: verdict, ms: elapsed } = measure(() => verify(output, expected, { strict }), PER_CALL_MS);
        if (!isVerdict(verdict)) throw new Error(`malformed verdict ${JSON.stringify(verdict)}`);
        slowest = Math.max(slowest, elapsed);
        if (elapsed > PER_CALL_MS) throw new Error(`verify took ${elapsed.toFixed(1)} ms`);
      }),
      { numRuns: runs(3000, 100_000) },
    );
    expect(slowest).toBeLessThanOrEqual(PER_CALL_MS);
  });

  it(`checkSteps, extractAnswer, equivalent and the annotation checker return within ${PER_CALL_MS} ms (${FULL ? '100,000' : '2,000'} runs)`, () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const steps = measure(() => checkSteps(a, { steps: [{ value: '12' }, { value: '7/3' }] }), PER_CALL_MS);
        const extracted = measure(() => extractAnswer(a), PER_CALL_MS);
        const match = measure(() => compareAnswers(a, b), PER_CALL_MS);
        const annotations = measure(() => checkAnnotations(a), PER_CALL_MS);
        const normalized = normalizeAnswer(a);
        const elapsed = Math.max(steps.ms, extracted.ms, match.ms, annotations.ms);
        if (typeof steps.value.valid !== 'boolean' || steps.value.claims < 0) throw new Error('malformed step check');
        const found = extracted.value;
        if (found !== null && a.slice(found.start, found.end) !== found.raw) throw new Error('bad span');
        if (typeof match.value.equivalent !== 'boolean' || !Array.isArray(annotations.value) || typeof normalized !== 'string') throw new Error('malformed');
        if (elapsed > PER_CALL_MS) throw new Error(`took ${elapsed.toFixed(1)} ms`);
      }),
      { numRuns: runs(2000, 100_000) },
    );
  });

  it('verifies whole synthetic completions within the bound', () => {
    const item = canonicalAnswerArb().map((answer) => ({
      answer,
      steps: [
        { expr: '16 - 3 - 4', value: '9' },
        { expr: '9 * 2', value: '18' },
      ],
    }));
    fc.assert(
      fc.property(
        item.chain((i) =>
          fc
            .tuple(fc.constant(i), fc.boolean(), fc.boolean())
            .chain(([it, correct, validSteps]) => fc.tuple(fc.constant(it), completionArb(it, { correct, validSteps }))),
        ),
        ([it, text]) => {
          expect(measure(() => verify(text, it.answer), PER_CALL_MS).ms).toBeLessThan(PER_CALL_MS);
          expect(measure(() => checkSteps(text, it), PER_CALL_MS).ms).toBeLessThan(PER_CALL_MS);
        },
      ),
      { numRuns: runs(500, 10_000) },
    );
  });
});

describe('verdicts on generated answers', () => {
  it('accepts every equivalent answer and rejects every near miss', () => {
    fc.assert(
      fc.property(
        canonicalAnswerArb().chain((value) => fc.tuple(fc.constant(value), equivalentAnswerArb(value), wrongAnswerArb(value))),
        ([value, right, wrong]) => {
          expect(verify(right, value).correct).toBe(true);
          expect(verify(wrong, value).correct).toBe(false);
        },
      ),
      { numRuns: runs(2000, 50_000) },
    );
  });
});
