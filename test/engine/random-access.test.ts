import { describe, expect, it } from 'vitest';
import { laneOf, TemplateSampler } from '../../src/engine/sampler.js';
import { loadLibrary } from '../../src/template/load.js';

const library = loadLibrary();

/** Candidate draws a fresh sampler checks to make the test base items of shard i/n of a run of `sets` sets. */
function shardWork(index: number, count: number, sets: number): number {
  let candidates = 0;
  for (const template of library.templates) {
    const sampler = new TemplateSampler(template, 3);
    for (let set = Math.floor((sets * index) / count); set < Math.floor((sets * (index + 1)) / count); set++) sampler.nth(laneOf('test', 'base'), set);
    candidates += sampler.stats.candidates;
  }
  return candidates;
}

describe('random access to a lane', () => {
  it('makes a late shard check no more draws than an early one: the work of shard i/n does not grow with i', () => {
    const [first, second, last] = [0, 1, 7].map((index) => shardWork(index, 8, 2000));
    // Shards after the first also check block 0 (64 items) and part of one block: a constant, not a share of the run.
    // Drawing items in order, as lanes once did, shard 7/8 checked about 8 times the draws of shard 0/8.
    expect(last).toBeLessThanOrEqual(1.1 * second!);
    expect(last).toBeLessThanOrEqual(1.6 * first!);
  });
});
