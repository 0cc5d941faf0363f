import { describe, expect, it } from 'vitest';
import type { ReasonforgeError } from '../../src/errors.js';
import * as N from '../../src/exact/num.js';
import { compileTemplate } from '../../src/template/compile.js';
import { makeEntity } from '../../src/template/pools.js';
import { reasonforgeErrorOf } from '../support/errors.js';
import { compileFixture, fixtureSpec, pools } from '../support/spec.js';

function failure(overrides: Parameters<typeof compileFixture>[0]): ReasonforgeError {
  return reasonforgeErrorOf(() => compileFixture(overrides));
}

describe('compileTemplate', () => {
  it('classifies variables by how they are sampled', () => {
    const t = compileFixture();
    const origin = Object.fromEntries(t.slots.map((s) => [s.name, s.origin]));
    expect(origin).toEqual({
      kid: 'cosmetic',
      bags: 'domain',
      per_bag: 'domain',
      lost: 'domain',
      total: 'derived',
      blue: 'clause',
      height: 'clause',
      found: 'clause',
    });
    expect(t.domainSize).toBe(8 * 10 * 20);
    expect(t.premises.map((p) => p.introduces)).toEqual([['kid', 'bags', 'per_bag'], ['lost']]);
  });

  it('takes answer ranges with decimals, exactly', () => {
    const t = compileFixture({ answer: { expr: 'total - lost', type: 'integer', range: [0.5, 99.5] } });
    expect(N.canonical(t.answer.min)).toBe('0.5');
    expect(N.canonical(t.answer.max)).toBe('99.5');
  });

  it('places clauses only after the premises that introduce what they mention', () => {
    const t = compileFixture();
    expect(t.distractors.map((d) => d.after)).toEqual([[0], [0, 1]]);
    expect(t.extensions[0]!.after).toEqual([1]);
  });

  it.each([
    [{ answer: { expr: 'total - lst', type: 'integer' } }, '/answer/expr', /unknown variable "lst"/],
    [{ constraints: ['lost + 1'] }, '/constraints/0', /must be a true\/false condition/],
    [{ derived: { total: 'bags * per_bag', spare: 'bags + 1' } }, '/derived/spare', /"spare" is never used/],
    [{ variables: { ...fixtureSpec().variables, colour: { words: ['red', 'blue'] } } }, '/variables/colour', /"colour" is never used/],
    [
      { variables: { ...fixtureSpec().variables, hidden: { int: [1, 5] } }, constraints: ['lost < total', 'hidden < 9'] },
      '/variables/hidden',
      /premises and question never state it/,
    ],
    [{ solution: [{ text: '{kid} has marbles.', expr: 'total - lost' }] }, '/solution/0/text', /exactly one \{=\}/],
    [{ solution: [{ text: 'So {=}.', expr: 'floor(total - lost)' }] }, '/solution/0/expr', /only \+ - \* \/ \^ and parentheses/],
    [{ solution: [{ text: 'So {=}.', expr: 'total' }] }, '/solution/0/expr', /computes nothing/],
    [
      { premises: ['{kid} has {bags} bags with {per_bag} marbles in each bag {=}.', '{kid.Subj} loses {lost}.'] },
      '/premises/0',
      /belongs in solution lines only/,
    ],
    [{ question: 'How many {marbles} does {kid} have?' }, '/question', /unknown variable "marbles"/],
    [{ question: 'How many does {kid.plural} have?' }, '/question', /field "plural"/],
    [{ question: 'How many does {kid} have {bags|round}?' }, '/question', /unknown filter "round"/],
    [{ variables: { ...fixtureSpec().variables, kid: { pool: 'nobody' } } }, '/variables/kid', /unknown pool "nobody"/],
    [{ variables: { ...fixtureSpec().variables, bags: { int: [9, 2] } } }, '/variables/bags', /is empty/],
    [{ variables: { ...fixtureSpec().variables, bags: { int: [2, 9], step: 2 } } }, '/variables/bags', /multiple of step/],
    [
      {
        distractors: [
          fixtureSpec().distractors[0],
          { id: 'early', text: '{kid} lost {early} before.', variables: { early: { int: [1, 2] } }, after: [0] },
          { id: 'late', text: 'Of the {lost} lost ones, {late} were red.', variables: { late: { int: [1, 2] } }, after: [0] },
        ],
      },
      '/distractors/2/after',
      /comes before premise 1/,
    ],
    [{ distractors: [fixtureSpec().distractors[0], { id: 'blue', text: 'A clause {x}.', variables: { x: { int: [1, 2] } } }] }, '/extensions/0/id', /.*/],
    [
      { distractors: [fixtureSpec().distractors[0], { id: 'uses', text: 'It has {found} of them.', variables: {} }] },
      '/distractors/1/text',
      /unknown variable "found"/,
    ],
    [{ answer: { expr: 'total - lost + blue', type: 'integer' } }, '/answer/expr', /unknown variable "blue"/],
    [
      {
        variables: { ...fixtureSpec().variables, per_bag: { int: [3, 12] }, lost: { int: [1, 20] }, bags: { int: [2, 9] }, shown: { int: [1, 3] } },
        distractors: [fixtureSpec().distractors[0], { id: 'x', text: 'Shown {shown}.', variables: {} }],
      },
      '/variables/shown',
      /only stated in the clause "x"/,
    ],
  ])('refuses %j at the pointer it names', (overrides, pointer, message) => {
    const error = failure(overrides as Parameters<typeof compileFixture>[0]);
    expect(error.kind).toBe('template-invalid');
    if (pointer === '/extensions/0/id') {
      // A clause id used twice is reported where the second one is.
      expect(error.message).toMatch(/clause id "blue" is already used/);
      return;
    }
    expect(error.where).toEqual({ file: 'fixture.json', pointer });
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`fixture.json#${pointer}: `)).toBe(true);
  });

  const customPools = new Map(pools);
  const weighed = ['plum', 'fig', 'pear', 'kiwi'].map((name, i) => makeEntity(name, { plural: `${name}s`, grams: 40 + 10 * i }));
  customPools.set('weighed', {
    id: 'weighed',
    file: 'weighed.json',
    entries: weighed,
    textFields: ['name', 'Name', 'plural', 'Plural'],
    numericFields: ['grams'],
  });
  customPools.set('tiny', { id: 'tiny', file: 'tiny.json', entries: weighed.slice(0, 3), textFields: ['name', 'Name'], numericFields: [] });
  const compileWith = (overrides: Parameters<typeof fixtureSpec>[0]) => () => compileTemplate(fixtureSpec(overrides), 'fixture.json', customPools);

  it("reads an entry's numeric field in arithmetic, making that variable part of the sampled domain", () => {
    const t = compileWith({
      variables: { ...fixtureSpec().variables, fruit: { pool: 'weighed' } },
      premises: ['{kid} has {bags} bags with {per_bag} {fruit.plural} in each bag.', '{kid.Subj} loses {lost} of the {fruit.plural}.'],
      constraints: ['lost < total', 'fruit.grams * total < 100000'],
    })();
    expect(t.slots.find((s) => s.name === 'fruit')!.origin).toBe('domain');
    expect(t.domainSize).toBe(8 * 10 * 20 * 4);
  });

  it('refuses a pool that serves both arithmetic and names', () => {
    expect(
      compileWith({
        variables: { ...fixtureSpec().variables, fruit: { pool: 'weighed' }, other: { pool: 'weighed' } },
        premises: ['{kid} has {bags} bags with {per_bag} {fruit.plural} in each bag.', '{kid.Subj} loses {lost} of the {other.plural}.'],
        constraints: ['lost < total', 'fruit.grams > 0'],
      }),
    ).toThrow(/serves both a variable the arithmetic reads and a name-only variable/);
  });

  it('refuses a pool too small for distinct draws and fresh names', () => {
    const run = compileWith({
      variables: { ...fixtureSpec().variables, a: { pool: 'tiny' }, b: { pool: 'tiny' } },
      premises: ['{kid} has {bags} bags with {per_bag} marbles in each bag, {a} and {b}.', '{kid.Subj} loses {lost} of the marbles.'],
    });
    expect(run).toThrow(/the pool "tiny" has 3 entries; this template needs at least 4/);
  });
});
