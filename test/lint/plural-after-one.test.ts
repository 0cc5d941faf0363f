import { describe, expect, it } from 'vitest';
import { generateOne } from '../../src/engine/generate.js';
import { lintTemplate } from '../../src/lint/lint-template.js';
import { pluralAfterOne, recordSlips } from '../../src/lint/plural-after-one.js';
import { compileFixture, compileFullFixture } from '../support/spec.js';

const phrases = (text: string) => pluralAfterOne(text).map((s) => s.phrase);

describe('pluralAfterOne', () => {
  it.each([
    ['Kai packed 1 boxes.', '1 boxes'],
    ['The truck must make 1 more trips.', '1 more trips'],
    ['So 6 / 6 = <<6/6=1>>1 pounds.', '1 pounds'],
    ['The gap is 4 - 3 = 1 points.', '1 points'],
    ['There were 1 people at the stall.', '1 people'],
    ['She bought one chairs.', 'one chairs'],
    ['He went around 1 times.', '1 times'],
  ])('finds the slip in %j', (text, phrase) => {
    expect(phrases(text)).toEqual([phrase]);
  });

  it.each([
    'Kai packed 21 boxes and 11 crates.',
    'Kai packed 1 box.',
    'The pool lost 1.5 litres, then 1.0 litres.',
    'The ratio has 2 + 1 parts, and each trip carried 31 - 1 visitors.',
    'She paid with $1 coins and €1 notes.',
    'He took 1 bus, 1 glass, 1 series of lessons and 1 species of fern.',
    'Each one costs 3 dollars; no one knows.',
    'Box 1 holds 5 apples and day 1 has 3 hours of rain.',
    'It took 1 1/2 hours and 1 of the boxes was lost.',
    'The rope is 1 cm thick, and 1/2 litres is split.',
    'It was 1 kilogram and one more lap.',
  ])('says nothing of %j', (text) => {
    expect(phrases(text)).toEqual([]);
  });
});

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
});
