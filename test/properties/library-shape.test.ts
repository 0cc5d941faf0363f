import { describe, expect, it } from 'vitest';
import { laneOf, TemplateSampler, type Lane } from '../../src/engine/sampler.js';
import { ReasonforgeError } from '../../src/errors.js';
import type { CompiledTemplate } from '../../src/template/compiled.js';
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

/**
 * `--sets 7000` must work for every template, seed, split and variant, so every
 * lane must hold 7,000 items: with every variant that is about 10.8 million
 * records from one seed and split. A lane holds about a quarter of the domain times
 * the acceptance rate, give or take about a hundred items from seed to seed and
 * lane to lane; 2,000 draws estimate that within about 2% (one standard error).
 * A floor of 7,700 per lane is therefore several standard errors above 7,000
 * whatever the seed.
 */
const SETS_PROMISED = 7000;
const ESTIMATE_FLOOR = 7700;
const ESTIMATE_DRAWS = 2000;
/** Fewer draws settle templates far above the floor: at 500 draws the estimate's standard error is under 5%. */
const SCREEN_DRAWS = 500;
const SCREEN_CLEAR = 2 * ESTIMATE_FLOOR;
/**
 * Templates this close to the floor also have every lane counted at two seeds
 * (the README's and one that used to fail). Reaching item 6,999 of a lane under
 * about twice that size reads the whole lane, so the count is paid only here.
 */
const EXACT_BELOW = 8400;
const EXACT_SEEDS = [202, 5];
const LANES: readonly Lane[] = [laneOf('test', 'base'), laneOf('test', 'numbers'), laneOf('train', 'base'), laneOf('train', 'numbers')];

/**
 * Items per lane, estimated as a quarter of the domain times the acceptance of
 * consecutive test base draws (drawn one by one: a jump to a deep item would
 * check only the blocks it reads).
 */
function estimatedLaneCapacity(template: CompiledTemplate): number {
  const sampler = new TemplateSampler(template, 202);
  const lane = laneOf('test', 'base');
  const estimate = () => (template.domainSize / 4) * (sampler.stats.accepted / sampler.stats.candidates);
  try {
    for (let j = 0; j < SCREEN_DRAWS; j++) sampler.nth(lane, j);
    if (estimate() >= SCREEN_CLEAR) return estimate();
    for (let j = SCREEN_DRAWS; j < ESTIMATE_DRAWS; j++) sampler.nth(lane, j);
  } catch (error) {
    // A lane this small has been read whole: the acceptance is exact.
    if (!(error instanceof ReasonforgeError && error.kind === 'template-exhausted')) throw error;
  }
  return estimate();
}

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

  it('holds 7,000 distinct items in every lane of every template, whatever the seed, so --sets 7000 works', () => {
    const thin: string[] = [];
    const short: string[] = [];
    for (const template of library.templates) {
      const estimate = estimatedLaneCapacity(template);
      if (estimate < ESTIMATE_FLOOR) thin.push(`${template.id}: about ${Math.round(estimate)} items per lane`);
      if (estimate >= EXACT_BELOW) continue;
      for (const seed of EXACT_SEEDS) {
        const sampler = new TemplateSampler(template, seed);
        for (const lane of LANES) {
          try {
            sampler.nth(lane, SETS_PROMISED - 1);
          } catch (error) {
            short.push(`${template.id}, seed ${seed}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      }
    }
    expect(thin).toEqual([]);
    expect(short).toEqual([]);
    // About 20 s of CPU on an idle 2-core machine; a loaded one can take several times that.
  }, 300_000);

  it.skipIf(!gsm8k.present)(titleNeeding("has base answers and solution steps distributed as GSM8K's test set's", gsm8k), () => {
    const reference = readGsm8kShape(gsm8k.path);
    expect(ksDistance(stats.answers, reference.answers)).toBeLessThanOrEqual(0.06);
    expect(ksDistance(stats.steps, reference.steps)).toBeLessThanOrEqual(0.12);
  });
});
