import { describe, expect, it } from 'vitest';
import { generateOne } from '../../src/engine/generate.js';
import { lintTemplate } from '../../src/lint/lint-template.js';
import { recordSlips } from '../../src/lint/plural-slip-sources.js';
import { compileFixture, compileFullFixture, compileWordedPunch } from '../support/spec.js';

describe('the plural-after-one check in lint', () => {
  const boxes = (range: [number, number], count = '{bags} boxes') =>
    compileFixture({
      variables: { kid: { pool: 'names' }, bags: { int: range }, per_bag: { int: [3, 12] }, lost: { int: [1, 20] } },
      premises: [`{kid} has ${count} with {per_bag} marbles in each box.`, '{kid.Subj} loses {lost} of the marbles.'],
      // At least 2 marbles are left, so only the boxes can show a 1.
      constraints: ['lost < total - 1'],
    });
  const slipWarnings = (warnings: readonly string[]) => warnings.filter((w) => /shows "1 /.test(w));

  it('warns about a template that can render "1 boxes", naming the placeholder', () => {
    const warnings = slipWarnings(lintTemplate(boxes([1, 3]), { samples: 30 }).warnings);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^"\{bags\} boxes" at \/premises\/0 shows "1 boxes" in \d+ record\(s\), first fixture-marbles:test:0:\d+:/);
  });

  it('says nothing of one that cannot: the count starts at 2, or agrees with its number', () => {
    expect(slipWarnings(lintTemplate(boxes([2, 9]), { samples: 30 }).warnings)).toEqual([]);
    expect(slipWarnings(lintTemplate(boxes([1, 3], '{bags|noun:box:boxes}'), { samples: 30 }).warnings)).toEqual([]);
  });

  it("traces each slip to the text that showed it: a premise, a solution line, a reversed problem's given", () => {
    // In the punch fixture, a jug may hold 1 litre, the guests may drink 1 litre, and 1 litre may be left.
    const punch = compileFullFixture();
    const sources = (variant: 'base' | 'reverse') =>
      new Set(
        Array.from({ length: 80 }, (_, set) => recordSlips(punch, generateOne(punch, 1, 'test', set, variant)))
          .flat()
          .flatMap((s) => s.sources),
      );
    expect([...sources('base')].sort()).toEqual(['"{=} litres" at /solution/1/text', '"{drunk} litres" at /premises/1', '"{litres} litres" at /premises/0']);
    expect(sources('reverse')).toContain('"{answer} litres" at /reverse/0/given');
  });

  it('finds no slip in a solution line whose calculation words its own noun, {=|noun:litre:litres}', () => {
    const bare = compileFullFixture();
    const worded = compileWordedPunch();
    const lineSlips = (template: typeof bare) =>
      Array.from({ length: 80 }, (_, set) => recordSlips(template, generateOne(template, 1, 'test', set, 'base')))
        .flat()
        .filter((slip) => slip.sources.some((source) => source.includes('/solution/')));
    // The same draws: the bare {=} shows "1 litres" where the worded line shows "1 litre".
    expect(lineSlips(bare).length).toBeGreaterThan(0);
    expect(lineSlips(worded)).toEqual([]);
    expect(slipWarnings(lintTemplate(worded, { samples: 40 }).warnings).filter((w) => w.includes(' at /solution/'))).toEqual([]);
  });
});
