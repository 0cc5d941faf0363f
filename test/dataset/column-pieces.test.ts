import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnPieces, PieceEncoder } from '../../src/dataset/column-pieces.js';
import { GenerationPlan, generateRecords, piecesOf, type GenerateConfig } from '../../src/engine/generate.js';
import { GENERATED_VARIANTS } from '../../src/engine/variants.js';
import { loadLibrary } from '../../src/template/load.js';
import { compileFixture } from '../support/spec.js';
import { runs } from '../support/runs.js';

// Templates that cannot make some variants, so that columns differ in length.
const templates = [compileFixture(), ...loadLibrary().templates.slice(0, 4)];
const config = (overrides: Partial<GenerateConfig> = {}): GenerateConfig => ({
  seed: 8,
  sets: 3,
  split: 'test',
  variants: GENERATED_VARIANTS,
  templates,
  ...overrides,
});
const oneThread = (plan: GenerationPlan): string => [...generateRecords(plan)].map((r) => `${JSON.stringify(r)}\n`).join('');

/** A plan of any range of the run, with any variants, either split. */
const plans = fc
  .record({
    seed: fc.nat(1000),
    sets: fc.integer({ min: 1, max: 3 }),
    split: fc.constantFrom('test' as const, 'train' as const),
    variants: fc.subarray([...GENERATED_VARIANTS], { minLength: 1 }),
    a: fc.double({ min: 0, max: 1, noNaN: true }),
    b: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ a, b, ...rest }) => {
    const total = new GenerationPlan(config(rest)).total;
    const [start, end] = [Math.floor(Math.min(a, b) * total), Math.floor(Math.max(a, b) * total)];
    return new GenerationPlan(config({ ...rest, range: { start, end } }));
  });

describe('columnPieces', () => {
  it('puts the records of any range back together in order from any split of the templates among threads', () => {
    fc.assert(
      fc.property(plans, fc.array(fc.nat(3), { minLength: templates.length, maxLength: templates.length }), (plan, owners) => {
        const threads = [0, 1, 2, 3].map((thread) => columnPieces(plan, (column) => owners[column] === thread));
        let text = '';
        for (const piece of piecesOf(plan)) {
          const next = threads[owners[piece.column]!]!.next();
          if (next.done === true) throw new Error('a thread ran out of pieces');
          // Each thread's pieces come in record order: the one the writer needs next is the one it makes next.
          expect(next.value.piece).toEqual(piece);
          text += next.value.lines.map((line) => `${line}\n`).join('');
        }
        for (const thread of threads) expect(thread.next().done).toBe(true);
        expect(text).toBe(oneThread(plan));
      }),
      { numRuns: runs(15, 60) },
    );
  });

  it('gives each piece the variants of its template that fall within the range, and nothing outside it', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const pieces = [...piecesOf(plan)];
        expect(pieces.reduce((sum, piece) => sum + piece.variants.length, 0)).toBe(plan.end - plan.start);
        for (const piece of pieces) expect(piece.variants.length).toBeGreaterThan(0);
      }),
      { numRuns: runs(15, 60) },
    );
  });
});

describe('PieceEncoder', () => {
  /** The pieces an encoder hands over, slot by slot, each as its text. */
  const drain = (encoder: PieceEncoder, slotBytes: number): string[] => {
    const pieces: string[] = [];
    const slot = new Uint8Array(slotBytes);
    for (let filled = encoder.fill(slot); filled !== null; filled = encoder.fill(slot)) {
      const bytes = filled.bytes ?? slot;
      let from = 0;
      for (const end of filled.ends) {
        pieces.push(Buffer.from(bytes.subarray(from, end)).toString());
        from = end;
      }
      if (filled.bytes !== undefined) expect(filled.bytes.length).toBeGreaterThan(slotBytes);
    }
    return pieces;
  };

  it('fills slots with whole pieces, and gives a piece too big for a slot bytes of its own', () => {
    const plan = new GenerationPlan(config());
    const owned = (column: number) => column % 2 === 1;
    const expected = [...columnPieces(plan, owned)].map(({ lines }) => lines.map((line) => `${line}\n`).join(''));
    const sizes = expected.map((text) => Buffer.byteLength(text));
    // Smaller than any piece, between the sizes, larger than all of them.
    for (const slotBytes of [Math.min(...sizes) - 1, Math.max(...sizes) - 1, 2 * sizes.reduce((a, b) => a + b, 0)]) {
      expect(drain(new PieceEncoder(plan, owned), slotBytes)).toEqual(expected);
    }
  });

  it('hands over the pieces before a failing one, then the error', () => {
    // A template with few instances runs out within the run; the one before it in the plan does not.
    const small = compileFixture({
      id: 'fixture-small',
      variables: { kid: { pool: 'names' }, bags: { int: [2, 5] }, per_bag: { int: [3, 6] }, lost: { int: [1, 6] } },
    });
    const plan = new GenerationPlan(config({ sets: 60, variants: ['base'], templates: [templates[1]!, small] }));
    const before: string[] = [];
    const failure = (() => {
      try {
        for (const record of generateRecords(plan)) before.push(`${JSON.stringify(record)}\n`);
      } catch (error) {
        return error as Error;
      }
      throw new Error('the small template was meant to run out of instances');
    })();
    expect(failure.message).toMatch(/has only \d+ distinct test base instances/);
    const encoder = new PieceEncoder(plan, (column) => column === 1);
    const slot = new Uint8Array(1 << 20);
    const filled = encoder.fill(slot);
    if (filled === null) throw new Error('no pieces came before the error');
    const smallBefore = before.filter((line) => line.includes('"fixture-small"'));
    expect(Buffer.from(slot.subarray(0, filled.ends.at(-1))).toString()).toBe(smallBefore.join(''));
    expect(filled.ends.length).toBe(smallBefore.length);
    expect(() => encoder.fill(slot)).toThrow(failure.message);
    expect(() => encoder.fill(slot)).toThrow(failure.message);
  });
});
