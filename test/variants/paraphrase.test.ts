import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimumRewrites, paraphraseTexts, paraphraseUnsupported, pickRewrites } from '../../src/variants/paraphrase.js';
import { compileFullFixture, fullFixtureSpec } from '../support/spec.js';

const t = compileFullFixture();

describe('paraphrase', () => {
  it('rewrites at least half of the sentences, each once, with an alternative that exists', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 20, maxLength: 20 }), (draws) => {
        let k = 0;
        const rewrites = pickRewrites(t, () => draws[k++ % draws.length]!);
        expect(rewrites.length).toBeGreaterThanOrEqual(minimumRewrites(t));
        expect(typeof paraphraseTexts(t, rewrites)).toBe('object');
      }),
    );
  });

  it('refuses too few rewrites, a sentence rewritten twice, an alternative that does not exist', () => {
    expect(minimumRewrites(t)).toBe(2);
    expect(paraphraseTexts(t, [{ part: 'question', alternative: 0 }])).toBe('a paraphrase rewrites at least 2 of the 3 sentences, not 1');
    expect(
      paraphraseTexts(t, [
        { part: 'premise', index: 0, alternative: 0 },
        { part: 'premise', index: 0, alternative: 0 },
      ]),
    ).toBe('premise 0 is rewritten twice');
    expect(
      paraphraseTexts(t, [
        { part: 'premise', index: 0, alternative: 3 },
        { part: 'question', alternative: 0 },
      ]),
    ).toBe('premise 0 has no alternative 3');
  });

  it('needs an alternative for every premise and for the question', () => {
    expect(paraphraseUnsupported(t)).toBeNull();
    expect(paraphraseUnsupported(compileFullFixture({ question: 'How many litres of punch were left in the bowl?' }))).toBe('the question has no paraphrase');
    const [first, second] = fullFixtureSpec().premises;
    expect(paraphraseUnsupported(compileFullFixture({ premises: [first, { text: (second as { text: string }).text }] }))).toBe('premise 1 has no paraphrase');
  });
});
