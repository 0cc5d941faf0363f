import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runConstraints, runChecks, runDerived } from '../../src/engine/checks.js';
import * as N from '../../src/exact/num.js';
import type { Env } from '../../src/expr/types.js';
import { loadLibrary } from '../../src/template/load.js';
import { compileFixture } from '../support/spec.js';

describe('checkOrder', () => {
  it('tests each constraint right after the last derived value it reads, and one on drawn numbers alone first', () => {
    const t = compileFixture({
      derived: { total: 'bags * per_bag', half: 'total / 2' },
      constraints: ['isInteger(half)', 'lost < total', 'bags != per_bag'],
    });
    const names = t.coreChecks.map(({ slot, check }) => (slot >= 0 ? t.slots.find((s) => s.index === slot)!.name : check.expr.source));
    expect(names).toEqual(['bags != per_bag', 'total', 'lost < total', 'half', 'isInteger(half)']);
  });

  it('passes exactly the draws, core and clause, that computing every derived value and then testing every constraint passes, for every library template', () => {
    const templates = loadLibrary().templates;
    fc.assert(
      fc.property(fc.nat({ max: templates.length - 1 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (which, at) => {
        const t = templates[which]!;
        const env: Env = new Array<N.Num>(t.envSize).fill(0);
        let rest = Math.floor(at * t.domainSize);
        for (const v of t.domain) {
          env[v.slot] = v.domain.valueAt(rest % v.domain.size);
          rest = Math.floor(rest / v.domain.size);
        }
        const inOrder = env.slice();
        const passes = runChecks(t.coreChecks, env) === undefined;
        expect(passes).toBe((runDerived(t.derived, inOrder) ?? runConstraints(t.constraints, inOrder)) === undefined);
        // A passing draw has every derived value computed.
        if (!passes) return;
        expect(t.derived.map((d) => N.canonical(env[d.slot] as N.Num))).toEqual(t.derived.map((d) => N.canonical(inOrder[d.slot] as N.Num)));
        // Each clause's numbers, drawn on top of the passing core draw, pass its checks in either order alike.
        for (const { sampling } of [...t.distractors, ...t.extensions]) {
          for (const v of sampling.vars) env[v.slot] = v.domain.valueAt(Math.floor(at * v.domain.size));
          const clauseInOrder = env.slice();
          const clausePasses = runChecks(sampling.checks, env) === undefined;
          expect(clausePasses, `${t.id}, clause ${sampling.id}`).toBe(
            (runDerived(sampling.derived, clauseInOrder) ?? runConstraints(sampling.constraints, clauseInOrder)) === undefined,
          );
        }
      }),
      { numRuns: 3000 },
    );
  });
});
