import { describe, expect, it } from 'vitest';
import { libraryStats, skeletonOf } from '../../src/lint/library.js';
import { compileFixture, compileFullFixture } from '../support/spec.js';

describe('skeletonOf', () => {
  it('keeps the operators of each solution line in order and drops the numbers and names', () => {
    expect(skeletonOf(compileFixture())).toBe('* | -');
  });
});

describe('libraryStats', () => {
  const marbles = compileFixture();
  const punch = compileFullFixture();

  it('counts the base items of every set of every template, with their steps and answers', () => {
    const stats = libraryStats([marbles, punch], { sets: 20, seed: 5 });
    expect(stats.templates).toBe(2);
    expect(stats.answers).toHaveLength(40);
    expect(stats.steps).toHaveLength(40);
    expect(stats.steps.slice(0, 20).every((s) => s === 2)).toBe(true);
    // The marbles answer is bags * per_bag - lost with bags <= 9 and per_bag <= 12.
    expect(stats.answers.slice(0, 20).every((a) => Number.isInteger(a) && a >= 0 && a < 108)).toBe(true);
    expect(stats.integerShare).toBe(stats.answers.filter(Number.isInteger).length / 40);
  });

  it('lists the variants a template cannot make, and the skeletons templates share', () => {
    const stats = libraryStats([marbles, punch, compileFixture({ id: 'fixture-marbles-twin' })], { sets: 2, seed: 1 });
    expect(stats.lacking.get('digits')).toContain('fixture-marbles');
    expect(stats.lacking.get('digits')).not.toContain('fixture-punch');
    expect(stats.lacking.get('base')).toEqual([]);
    expect(stats.sharedSkeletons.get('* | -')).toEqual(expect.arrayContaining(['fixture-marbles', 'fixture-marbles-twin']));
  });
});
