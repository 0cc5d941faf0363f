import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as N from '../../src/exact/num.js';
import { DIGITS } from '../../src/variants/digits.js';
import { isRejection } from '../../src/engine/checks.js';
import type { Env } from '../../src/expr/types.js';
import { DECIMAL, FRACTION } from '../../src/variants/parts.js';
import { searchRewrite, type RewriteRule } from '../../src/variants/rewrite.js';
import { TemplateSampler } from '../../src/engine/sampler.js';
import { supportedVariants } from '../../src/engine/variants.js';
import { loadLibrary } from '../../src/template/load.js';
import { compileFullFixture, fullFixtureSpec } from '../support/spec.js';

const template = compileFullFixture();
const jugs = template.stated.find((s) => s.name === 'jugs')!;
const litres = template.stated.find((s) => s.name === 'litres')!;
const hash = fc.integer({ min: 0, max: 2 ** 32 - 1 });

describe('the digits rewrite', () => {
  it('adds exactly `append` digits and can be read back, so distinct values never grow into one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), hash, (base, h) => {
        const grown = DIGITS.rewrite(jugs, base, h);
        expect(N.canonical(grown).length).toBe(String(base).length + 1);
        expect(N.equals(N.floor(N.div(grown, 10)), base)).toBe(true);
        expect(DIGITS.isRewrite(jugs, base, grown)).toBe(true);
        expect(DIGITS.isRewrite(jugs, base + 1, grown)).toBe(false);
      }),
    );
  });

  it('needs at least half of the stated numbers to grow, and says so', () => {
    expect(DIGITS.unsupported(template)).toBeNull();
    const variables = fullFixtureSpec().variables as Record<string, object>;
    const oneGrows = compileFullFixture({ variables: { ...variables, drunk: { int: [1, 20], about: 'how much the guests drank' } } });
    expect(DIGITS.unsupported(oneGrows)).toBe('only 1 of the 3 stated numbers may grow, and the digits variant changes at least half of them');
  });
});

describe('the decimal and fraction rewrites', () => {
  it('keep the whole part and add one of the allowed parts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), hash, (base, h) => {
        for (const rule of [DECIMAL, FRACTION]) {
          const value = rule.rewrite(litres, base, h);
          expect(N.equals(N.floor(value), base)).toBe(true);
          expect(N.isInteger(value)).toBe(false);
          expect(rule.isRewrite(litres, base, value)).toBe(true);
        }
      }),
    );
    expect(DECIMAL.isRewrite(litres, 2, N.numFrom('2.75'))).toBe(false);
    expect(FRACTION.isRewrite(litres, 2, N.numFrom('7/3'))).toBe(true);
  });

  it('show fractions as mixed numbers', () => {
    const formats = FRACTION.formats(template, [litres])!;
    expect(formats.get(litres.slot)).toEqual({ kind: 'mixed' });
    expect(DECIMAL.formats(template, [litres])).toBeUndefined();
  });
});

describe('the rewrite search', () => {
  it('checks each distinct rewrite once: a search with one possible rewrite that fails does not try it 64 times', () => {
    const variables = fullFixtureSpec().variables as Record<string, Record<string, unknown>>;
    const oneWay = compileFullFixture({
      variables: {
        ...variables,
        litres: { int: [1, 4], about: 'how much each jug held' },
        drunk: { int: [1, 20], about: 'how much the guests drank', perturb: { digits: { append: 1 }, fraction: { parts: ['1/2'] } } },
      },
      constraints: ['drunk < total', 'isInteger(drunk)'],
    });
    let checks = 0;
    const counted = {
      ...oneWay,
      coreChecks: oneWay.coreChecks.map(({ slot, check }) =>
        slot >= 0 ? { slot, check } : { slot, check: { ...check, expr: { ...check.expr, evaluate: (env: Env) => (checks++, check.expr.evaluate(env)) } } },
      ),
    };
    const env: Env = new Array<N.Num>(oneWay.envSize).fill(0);
    for (const [name, value] of [
      ['jugs', 3],
      ['litres', 2],
      ['drunk', 5],
    ] as const)
      env[oneWay.stated.find((s) => s.name === name)!.slot] = value;

    const outcome = searchRewrite(FRACTION, counted, env, 12345);

    expect(isRejection(outcome) && outcome.reason).toMatch(/found no rewrite in 64 tries .*isInteger\(drunk\)/);
    // drunk + 1/2 is the only rewrite: its constraints are checked for it once (up to the one that fails), not 64 times.
    expect(checks).toBeGreaterThan(0);
    expect(checks).toBeLessThanOrEqual(oneWay.constraints.length);
  });

  it('stops trying once every possible rewrite has failed, with the very outcome and reason of all 64 tries, on every library template', () => {
    const library = loadLibrary().templates;
    // The same rule without the bound: every try is made.
    const unbounded = (rule: RewriteRule): RewriteRule => ({ ...rule, distinctRewrites: () => Infinity });
    let refused = 0;
    for (const t of library) {
      const rules = [DIGITS, DECIMAL, FRACTION].filter((rule) => (supportedVariants(t) as readonly string[]).includes(rule.variant));
      const sampler = new TemplateSampler(t, 7);
      for (let set = 0; set < 6; set++) {
        const env = sampler.nth(0, set).env;
        for (const rule of rules) {
          for (const stream of [set, 0x9e3779b9 ^ set]) {
            const fast = searchRewrite(rule, t, env, stream);
            const slow = searchRewrite(unbounded(rule), t, env, stream);
            if (isRejection(fast)) refused++;
            expect(fast, `${t.id} ${rule.variant}`).toEqual(slow);
          }
        }
      }
    }
    // Searches that fail are the ones the bound cuts short: the property saw some.
    expect(refused).toBeGreaterThan(0);
  });

  it('counts at least as many distinct rewrites as a draw can get', () => {
    const library = loadLibrary().templates;
    for (const t of library.slice(0, 40)) {
      const env = new TemplateSampler(t, 3).nth(0, 0).env;
      for (const rule of [DIGITS, DECIMAL, FRACTION]) {
        if (!(supportedVariants(t) as readonly string[]).includes(rule.variant)) continue;
        const rewritable = rule.rewritable(t);
        const seen = new Set<string>();
        for (let stream = 0; stream < 400; stream++) {
          let counter = 0;
          const random = (k: number) => Math.floor((((stream * 2654435761 + counter++ * 40503) >>> 0) / 4294967296) * k);
          const changed = rule.pick(rewritable, random);
          seen.add(
            rewritable
              .map((s) =>
                changed.includes(s) ? N.canonical(rule.rewrite(s, env[s.slot] as N.Num, (stream * 97 + s.slot * 7919 + counter++ * 31337) >>> 0)) : '-',
              )
              .join(','),
          );
        }
        expect(seen.size, `${t.id} ${rule.variant}`).toBeLessThanOrEqual(rule.distinctRewrites(rule.rewritable(t)));
      }
    }
    // Only drunk may become a fraction, with one part: one possible rewrite.
    const variables = fullFixtureSpec().variables as Record<string, Record<string, unknown>>;
    const oneWay = compileFullFixture({
      variables: {
        ...variables,
        litres: { int: [1, 4], about: 'how much each jug held' },
        drunk: { int: [1, 20], about: 'how much the guests drank', perturb: { fraction: { parts: ['1/2'] } } },
      },
    });
    expect(FRACTION.distinctRewrites(FRACTION.rewritable(oneWay))).toBe(1);
  });
});
