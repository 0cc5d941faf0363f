import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mix } from '../../src/engine/hash.js';
import { BLOCK_ITEMS, LaneLayout, type LaneSource } from '../../src/engine/lane.js';
import { runs } from '../support/runs.js';

/**
 * A lane whose draws pass with a probability that may change along it: a
 * high rate at the start makes block 0 short and every later block short of
 * passing draws, which is what exercises debts.
 */
function lane(length: number, key: number, rate: (position: number) => number): LaneSource<number> & { checked: number } {
  const source = {
    length,
    checked: 0,
    draw(position: number): number | undefined {
      if (position < 0 || position >= length) throw new RangeError(`position ${position} outside the lane`);
      source.checked++;
      return (mix(key, position) >>> 0) / 2 ** 32 < rate(position) ? position : undefined;
    },
  };
  return source;
}

function passing(source: LaneSource<number>): number[] {
  const all: number[] = [];
  for (let p = 0; p < source.length; p++) if (source.draw(p) !== undefined) all.push(p);
  return all;
}

/** Items 0, 1, ... of a fresh layout until it has no more, and the count it then reports. */
function stream(source: LaneSource<number>): { items: number[]; available: number } {
  const layout = new LaneLayout(source);
  const items: number[] = [];
  for (;;) {
    const found = layout.at(items.length);
    if (!('item' in found)) return { items, available: found.available };
    items.push(found.item);
  }
}

const lanes = fc.record({
  length: fc.integer({ min: 0, max: 6000 }),
  key: fc.integer(),
  start: fc.double({ min: 0.02, max: 1, noNaN: true }),
  later: fc.double({ min: 0.02, max: 1, noNaN: true }),
  turn: fc.integer({ min: 0, max: 3000 }),
});

describe('LaneLayout', () => {
  it('hands out passing draws only, each at most once, and says how many items there are where they stop', () => {
    fc.assert(
      fc.property(lanes, ({ length, key, start, later, turn }) => {
        const rate = (p: number) => (p < turn ? start : later);
        const { items, available } = stream(lane(length, key, rate));
        expect(available).toBe(items.length);
        expect(new Set(items).size).toBe(items.length);
        const all = new Set(passing(lane(length, key, rate)));
        expect(items.filter((p) => !all.has(p))).toEqual([]);
      }),
      { numRuns: runs(40, 400) },
    );
  });

  it('holds every passing draw of a lane whose rate does not change along it: the capacity of "the j-th passing draw"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8000 }), fc.integer(), fc.double({ min: 0.02, max: 1, noNaN: true }), (length, key, rate) => {
        const { items } = stream(lane(length, key, () => rate));
        expect([...items].sort((a, b) => a - b)).toEqual(passing(lane(length, key, () => rate)));
      }),
      { numRuns: runs(40, 400) },
    );
  });

  it('gives item j the same whether it is asked for alone, after others, or streamed', () => {
    fc.assert(
      fc.property(lanes, fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), ({ length, key, start, later, turn }, picks) => {
        const rate = (p: number) => (p < turn ? start : later);
        const { items } = stream(lane(length, key, rate));
        if (items.length === 0) return;
        const shared = new LaneLayout(lane(length, key, rate));
        for (const pick of picks) {
          const j = pick % items.length;
          expect(new LaneLayout(lane(length, key, rate)).at(j)).toEqual({ item: items[j] });
          expect(shared.at(j)).toEqual({ item: items[j] });
        }
      }),
      { numRuns: runs(40, 400) },
    );
  });

  it('reaches an item of a whole block by checking block 0 and at most one block, however deep it is', () => {
    const length = 400_000;
    const source = lane(length, 7, () => 0.3);
    const layout = new LaneLayout(source);
    layout.at(BLOCK_ITEMS - 1);
    const first = source.checked;
    // Item 64 opens block 1; blocks are twice block 0 long, and this lane has 774 of them.
    for (const j of [BLOCK_ITEMS, 50 * BLOCK_ITEMS + 17, 700 * BLOCK_ITEMS + 63]) {
      const fresh = lane(length, 7, () => 0.3);
      new LaneLayout(fresh).at(j);
      expect(fresh.checked).toBeLessThanOrEqual(first + 2 * first);
    }
  });

  it("pays short blocks from the spares after them, and at the lane's end from the spares no debt took", () => {
    // Block 0 passes everything, so blocks are 128 draws long; at 53% a block holds 68 on average and often fewer than 64.
    const rate = (p: number) => (p < BLOCK_ITEMS ? 1 : 0.53);
    const { items } = stream(lane(20_000, 3, rate));
    expect(new Set(items).size).toBe(items.length);
    expect([...items].sort((a, b) => a - b)).toEqual(passing(lane(20_000, 3, rate)));
  });

  it('says how many items a lane holds when asked for one more, even one with no passing draw', () => {
    expect(stream(lane(0, 1, () => 1))).toEqual({ items: [], available: 0 });
    expect(stream(lane(500, 1, () => 0)).available).toBe(0);
    const { items, available } = stream(lane(5000, 9, () => 0.5));
    expect(available).toBe(items.length);
    expect(new LaneLayout(lane(5000, 9, () => 0.5)).at(available + 10)).toEqual({ available });
  });
});
