import { describe, expect, it } from 'vitest';
import type { ReasonforgeError } from '../../src/errors.js';
import * as N from '../../src/exact/num.js';
import { reasonforgeErrorOf } from '../support/errors.js';
import { compileFullFixture, fullFixtureSpec } from '../support/spec.js';

function failure(overrides: Parameters<typeof compileFullFixture>[0]): ReasonforgeError {
  return reasonforgeErrorOf(() => compileFullFixture(overrides));
}

const variables = fullFixtureSpec().variables as Record<string, Record<string, unknown>>;
const reverse = (fullFixtureSpec().reverse ?? [])[0]!;
const premises = fullFixtureSpec().premises;

describe('compileTemplate: what the seven variants need', () => {
  it('compiles stated numbers with their meaning and rewrites, premises with paraphrases and follows, and reversed problems', () => {
    const t = compileFullFixture();
    expect(t.stated.map((s) => s.name)).toEqual(['jugs', 'litres', 'drunk']);
    expect(t.stated.map((s) => s.digits?.append ?? null)).toEqual([1, null, 1]);
    expect(t.stated[1]!.decimal!.parts.map(N.canonical)).toEqual(['0.5', '0.25']);
    expect(t.stated[1]!.fraction!.format).toEqual({ kind: 'mixed' });
    expect(t.premises.map((p) => p.paraphrases.length)).toEqual([1, 1]);
    expect(t.questionParaphrases).toHaveLength(1);
    expect(t.reverse[0]!.unknown.name).toBe('drunk');
    expect(t.reverse[0]!.after).toBe(1);
    expect(t.dependsOn.get('left')).toEqual(new Set(['jugs', 'litres', 'drunk']));
    expect(t.envSize).toBe(t.slots.length + 1);
  });

  it.each([
    [
      { variables: { ...variables, jugs: { int: [2, 9], perturb: { digits: { append: 1, step: 3 } } } } },
      '/variables/jugs/perturb/digits/step',
      /must divide 10/,
    ],
    [{ variables: { ...variables, litres: { values: [1.5, 2], perturb: { decimal: { parts: ['0.5'] } } } } }, '/variables/litres/perturb/decimal', /not whole/],
    [
      { variables: { ...variables, litres: { values: [1.5, 2], perturb: { digits: { append: 1, step: 1 } } } } },
      '/variables/litres/perturb/digits/step',
      /may only scale it by 10/,
    ],
    [
      { variables: { ...variables, litres: { values: ['0.5', 2], perturb: { digits: { append: 1, step: 10 } } } } },
      '/variables/litres/perturb/digits',
      /can be below 1/,
    ],
    [
      { variables: { ...variables, drunk: { int: [1, 20], perturb: { fraction: { parts: ['3/2'] } } } } },
      '/variables/drunk/perturb/fraction/parts/0',
      /strictly between 0 and 1/,
    ],
    [
      { variables: { ...variables, drunk: { int: [1, 20], perturb: { decimal: { parts: ['1/3'] } } } } },
      '/variables/drunk/perturb/decimal/parts/0',
      /no exact decimal form/,
    ],
    [
      {
        variables: { ...variables, jugs: { int: [2, 9], perturb: { digits: { append: 1 } } } },
        premises: [{ text: '{host} poured {jugs|words} jugs of punch into a big bowl, each jug holding {litres} litres.' }, premises[1]],
      },
      '/variables/jugs/perturb/digits',
      /words filter/,
    ],
    [
      {
        premises: [
          { text: (premises[0] as { text: string }).text, paraphrases: ['{host} filled a big bowl with punch, {litres} litres at a time.'] },
          premises[1],
        ],
      },
      '/premises/0/paraphrases/0',
      /leaves out jugs/,
    ],
    [
      { premises: [premises[0], { text: 'During the party, the guests drank {drunk} litres of the punch.', follows: [1] }] },
      '/premises/1/follows',
      /only follow premises written before it/,
    ],
    [{ reverse: [{ ...reverse, unknown: 'total' }] }, '/reverse/0/unknown', /not a number the base problem draws/],
    [{ reverse: [{ ...reverse, premises: {} }] }, '/reverse/0/premises', /premise 1 states drunk/],
    [{ reverse: [{ ...reverse, given: 'Afterwards, some punch was left in the bowl.' }] }, '/reverse/0/given', /must state the base answer as \{answer\}/],
    [
      { reverse: [{ ...reverse, solution: [{ text: 'They drank {=} litres.', expr: 'drunk * 1' }] }] },
      '/reverse/0/solution/0/expr',
      /unknown variable "drunk"/,
    ],
    [
      { reverse: [{ ...reverse, solution: [{ text: 'They drank {=} litres.', expr: 'total - left' }] }] },
      '/reverse/0/solution/0/expr',
      /unknown variable "left"/,
    ],
    [
      {
        reverse: [{ ...reverse, premises: { '0': 'Some jugs of punch went into a big bowl.', '1': 'During the party, the guests drank some of the punch.' } }],
      },
      '/reverse/0',
      /no longer states jugs, litres/,
    ],
    [{ variables: { ...variables, answer: { int: [1, 3] } } }, '/variables/answer', /"answer" is reserved/],
  ])('refuses %j at %s', (overrides, pointer, message) => {
    const error = failure(overrides);
    expect(error.where.pointer).toBe(pointer);
    expect(error.message).toMatch(message);
  });
});
