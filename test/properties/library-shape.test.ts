import { describe, expect, it } from 'vitest';
import { laneOf, TemplateSampler } from '../../src/engine/sampler.js';
import { GENERATED_VARIANTS } from '../../src/engine/variants.js';
import { readGsm8kShape } from '../../src/lint/gsm8k-shape.js';
import { ksDistance } from '../../src/lint/ks.js';
import { libraryStats } from '../../src/lint/library.js';
import { loadLibrary } from '../../src/template/load.js';
import { sharedFile, titleNeeding } from '../support/shared-data.js';

/**
 * The library as a whole, against the shape it promises in the README: enough
 * templates and topics, every variant made almost everywhere, base items whose
 * answers and steps are distributed as GSM8K's test set's are.
 */
const library = loadLibrary();
const stats = libraryStats(library.templates, { sets: 300, seed: 202 });
const gsm8k = sharedFile('gsm8k', 'test.jsonl');

describe('the template library', () => {
  it('has at least 110 templates over at least 16 topics', () => {
    expect(stats.templates).toBeGreaterThanOrEqual(110);
    expect(stats.topics.size).toBeGreaterThanOrEqual(16);
  });

  it.each(GENERATED_VARIANTS.map((v) => [v]))('makes %s from at least 90% of its templates', (variant) => {
    const lacking = stats.lacking.get(variant) ?? [];
    expect(lacking.length, `templates lacking ${variant}: ${lacking.join(', ')}`).toBeLessThanOrEqual(Math.floor(0.1 * stats.templates));
  });

  it('answers in integers at least 97% of the time', () => {
    expect(stats.integerShare).toBeGreaterThanOrEqual(0.97);
  });

  it('shares a solution skeleton between at most 10% of its templates', () => {
    const sharing = [...stats.sharedSkeletons.values()].flat();
    expect(sharing.length, sharing.join(', ')).toBeLessThanOrEqual(Math.floor(0.1 * stats.templates));
  });

  it('draws 5,000 distinct test base items from every template, so --sets 5000 works', () => {
    const short: string[] = [];
    for (const template of library.templates) {
      // A sample of draws estimates the lane's size; only templates near the bound pay for the exact count.
      const sampler = new TemplateSampler(template, 202);
      sampler.nth(laneOf('test', 'base'), 199);
      const { candidates, accepted } = sampler.stats;
      if ((template.domainSize / 4) * (accepted / candidates) >= 3 * 5000) continue;
      try {
        sampler.nth(laneOf('test', 'base'), 4999);
      } catch (error) {
        short.push(`${template.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    expect(short).toEqual([]);
  });

  it.skipIf(!gsm8k.present)(titleNeeding("has base answers and solution steps distributed as GSM8K's test set's", gsm8k), () => {
    const reference = readGsm8kShape(gsm8k.path);
    expect(ksDistance(stats.answers, reference.answers)).toBeLessThanOrEqual(0.06);
    expect(ksDistance(stats.steps, reference.steps)).toBeLessThanOrEqual(0.12);
  });
});
