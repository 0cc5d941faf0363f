import { describe, expect, it } from 'vitest';
import { TemplateSampler } from '../../src/engine/sampler.js';
import * as N from '../../src/exact/num.js';
import { loadLibrary } from '../../src/template/load.js';
import { compileFullFixture } from '../support/spec.js';

describe('solution lines that restate a derived value', () => {
  it('read its slot where that value is always computed first, and only there', () => {
    const t = compileFullFixture();
    const slot = (name: string) => t.derived.find((d) => d.name === name)!.slot;
    expect(t.solution.map((line) => line.valueSlot)).toEqual([slot('total'), slot('left')]);
    // The top-up line computes something no derived value holds.
    expect(t.extensions[0]!.solution.map((line) => line.valueSlot)).toEqual([undefined]);
    // A reversed problem is solved from its givens: it never reads the base's derived values, though "jugs * litres" is one.
    expect(t.reverse[0]!.solution.map((line) => line.valueSlot)).toEqual([undefined, undefined]);
  });

  it('give every library template the steps that evaluating each line afresh gives', () => {
    for (const template of loadLibrary().templates) {
      const sampler = new TemplateSampler(template, 77);
      for (let j = 0; j < 12; j++) {
        const item = sampler.nth(0, j);
        const afresh = template.solution.map((line) => N.canonical(line.expr.evaluate(item.env) as N.Num));
        expect(item.steps.map(N.canonical), `${template.id}, item ${j}`).toEqual(afresh);
      }
    }
  });
});
