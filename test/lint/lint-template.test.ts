import { describe, expect, it } from 'vitest';
import { lintTemplate } from '../../src/lint/lint-template.js';
import { compileFullFixture, fullFixtureSpec } from '../support/spec.js';

describe('linting one template', () => {
  const [first, second] = fullFixtureSpec().premises as unknown as Record<string, unknown>[];
  const needless = /premise 0 is marked "removable": false, but the critical variant would not remove it anyway/;

  it('warns about a "removable": false mark on a premise the critical variant would not remove anyway', () => {
    const t = compileFullFixture({
      premises: [
        { ...first, removable: false },
        { ...second, text: 'During the party, the guests drank {drunk} litres of that punch.', follows: [0], opens: false },
      ],
    });
    expect(lintTemplate(t, { samples: 5 }).warnings.some((w) => needless.test(w))).toBe(true);
  });

  it('says nothing of a mark that withholds a premise the critical variant would remove', () => {
    const t = compileFullFixture({ premises: [{ ...first, removable: false }, second] });
    expect(lintTemplate(t, { samples: 5 }).warnings.some((w) => /removable/.test(w))).toBe(false);
  });
});
