import { describe, expect, it } from 'vitest';
import { criticalAnalysis, needlessRemovableMarks } from '../../src/variants/critical.js';
import { compileFullFixture, fullFixtureSpec } from '../support/spec.js';

const variables = fullFixtureSpec().variables as Record<string, Record<string, unknown>>;

describe('critical premises, decided from the template', () => {
  it('finds each premise that alone states a number the answer needs', () => {
    expect(criticalAnalysis(compileFullFixture()).options).toEqual([
      { premise: 0, missing: ['jugs', 'litres'] },
      { premise: 1, missing: ['drunk'] },
    ]);
  });

  it('does not count a number the question or another premise also states', () => {
    const t = compileFullFixture({
      question: {
        text: 'Of the {jugs} jugs of punch, how many litres were left in the bowl?',
        paraphrases: ['How many litres of the {jugs} jugs of punch remained?'],
      },
    });
    expect(criticalAnalysis(t).options).toEqual([
      { premise: 0, missing: ['litres'] },
      { premise: 1, missing: ['drunk'] },
    ]);
  });

  it('refuses a premise whose number another sentence gives away through a derived value, or that has no about', () => {
    const leaky = compileFullFixture({
      question: { text: 'The bowl held {total} litres at first. How many litres were left?', paraphrases: ['How many of the {total} litres remained?'] },
      reverse: [],
    });
    expect(criticalAnalysis(leaky).options).toEqual([{ premise: 1, missing: ['drunk'] }]);
    const nameless = compileFullFixture({ variables: { ...variables, drunk: { int: [1, 20] } } });
    expect(criticalAnalysis(nameless).options).toEqual([{ premise: 0, missing: ['jugs', 'litres'] }]);
  });

  it('refuses a premise whose removal leaves a pronoun before its person is named', () => {
    const t = compileFullFixture({
      premises: [
        { text: '{host} poured {jugs} jugs of punch into a big bowl, each jug holding {litres} litres.' },
        { text: 'At the party, {host.poss} guests drank {drunk} litres of the punch.' },
      ],
    });
    const analysis = criticalAnalysis(t);
    expect(analysis.options).toEqual([{ premise: 1, missing: ['drunk'] }]);
  });

  it('refuses a premise that another premise follows, since that one refers back to it', () => {
    const spec = fullFixtureSpec();
    const [first, second] = spec.premises as unknown as Record<string, unknown>[];
    const t = compileFullFixture({
      premises: [first, { ...second, text: 'During the party, the guests drank {drunk} litres of that punch.', follows: [0], opens: false }],
    });
    const analysis = criticalAnalysis(t);
    expect(analysis.options).toEqual([{ premise: 1, missing: ['drunk'] }]);
  });

  it('never removes a premise marked "removable": false, whose absence a reader would fill with a default', () => {
    const [first, second] = fullFixtureSpec().premises as unknown as Record<string, unknown>[];
    const t = compileFullFixture({ premises: [first, { ...second, removable: false }] });
    const analysis = criticalAnalysis(t);
    expect(analysis.options).toEqual([{ premise: 0, missing: ['jugs', 'litres'] }]);
    expect(analysis.withheld).toEqual([1]);
    expect(needlessRemovableMarks(t)).toEqual([]);
    const none = compileFullFixture({
      premises: [
        { ...first, removable: false },
        { ...second, removable: false },
      ],
    });
    expect(criticalAnalysis(none).options).toEqual([]);
    expect(criticalAnalysis(none).reason).toMatch(/premise 0: marked "removable": false.*premise 1: marked "removable": false/);
  });

  it('points out a "removable": false mark on a premise the critical variant would not remove anyway', () => {
    const t = compileFullFixture({
      premises: [
        { text: '{host} poured {jugs} jugs of punch into a big bowl, each jug holding {litres} litres.', removable: false },
        { text: 'At the party, {host.poss} guests drank {drunk} litres of the punch.' },
      ],
    });
    expect(criticalAnalysis(t).options).toEqual([{ premise: 1, missing: ['drunk'] }]);
    expect(needlessRemovableMarks(t)).toEqual([0]);
  });
});
