import { describe, expect, it } from 'vitest';
import { orderProblem, pickOrder, reorderUnsupported, validOrders } from '../../src/variants/reorder.js';
import { loadLibrary } from '../../src/template/load.js';
import type { CompiledTemplate } from '../../src/template/compiled.js';
import { compileFullFixture, fullFixtureSpec } from '../support/spec.js';

const premise = (text: string, follows?: number[]) => ({ text, ...(follows && { follows }) });

describe('reorder', () => {
  it('lists every order but the written one when premises stand alone', () => {
    const t = compileFullFixture();
    expect(validOrders(t)).toEqual([[1, 0]]);
    expect(orderProblem(t, [0, 1])).toBe('the order is the written order');
    expect(orderProblem(t, [1, 1])).toMatch(/not a permutation/);
  });

  it('keeps a premise after those it follows', () => {
    const t = compileFullFixture({
      premises: [fullFixtureSpec().premises[0], { ...premise('During the party, the guests drank {drunk} litres of the punch.', [0]), opens: true }],
    });
    expect(validOrders(t)).toEqual([]);
    expect(orderProblem(t, [1, 0])).toBe('premise 1 must follow premise 0');
    expect(reorderUnsupported(t)).toMatch(/no other order/);
  });

  it('opens only with a premise that can open the problem', () => {
    const t = compileFullFixture({
      premises: [
        premise('{host} poured {jugs} jugs of punch into a big bowl, each jug holding {litres} litres.'),
        premise('During the party, the guests drank {drunk} litres of the punch.'),
      ],
    });
    expect(orderProblem(t, [1, 0])).toBe('premise 1 cannot open the problem (it has no "opens")');
    expect(reorderUnsupported(t)).toMatch(/no other order/);
  });

  it('never puts a pronoun before its person is named', () => {
    const t = compileFullFixture({
      premises: [
        premise('{host} poured {jugs} jugs of punch into a big bowl.'),
        { ...premise('Each jug {host.subj} used held {litres} litres.'), opens: true },
        { ...premise('The guests drank {drunk} litres of the punch.'), opens: true },
      ],
      reverse: [],
    });
    const orders = validOrders(t);
    expect(orders).toEqual([
      [0, 2, 1],
      [2, 0, 1],
    ]);
    expect(orderProblem(t, [1, 0, 2])).toBe('premise 1 refers to host by pronoun before host is named');
    const random = () => 0.99;
    expect(orders).toContainEqual(pickOrder(t, random));
  });

  it('lists exactly the orders orderProblem accepts, in lexicographic order, for every library template', () => {
    const permutations = (items: readonly number[]): number[][] =>
      items.length === 0 ? [[]] : items.flatMap((first, k) => permutations(items.filter((_, j) => j !== k)).map((rest) => [first, ...rest]));
    const accepted = (t: CompiledTemplate) =>
      permutations(Array.from({ length: t.premises.length }, (_, i) => i)).filter((order) => orderProblem(t, order) === null);
    const withFollows = compileFullFixture({
      premises: [
        premise('{host} poured {jugs} jugs of punch into a big bowl.'),
        { ...premise('Each jug held {litres} litres.', [0]), opens: true },
        { ...premise('The guests drank {drunk} litres of the punch.'), opens: true },
      ],
      reverse: [],
    });
    for (const t of [withFollows, ...loadLibrary().templates]) expect(validOrders(t), t.id).toEqual(accepted(t));
  });
});
