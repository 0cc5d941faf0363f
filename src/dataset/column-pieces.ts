import { PieceMaker, piecesOf, type GenerationPlan, type Piece } from '../engine/generate.js';

/**
 * The JSONL of the pieces of some templates (columns) of a plan, in record
 * order: what one thread of `generate --jobs N` makes. Each template's
 * sampler starts at the plan's first set and reads forward, as in a
 * one-thread run, so a template's records (and its errors) are the same
 * whichever thread owns it.
 */
export function* columnPieces(plan: GenerationPlan, owned: (column: number) => boolean): Generator<{ readonly piece: Piece; readonly text: string }> {
  const maker = new PieceMaker(plan);
  for (const piece of piecesOf(plan)) {
    if (!owned(piece.column)) continue;
    let text = '';
    for (const record of maker.records(piece)) text += `${JSON.stringify(record)}\n`;
    yield { piece, text };
  }
}

/** What one fill of a slot holds: the byte offset where each piece ends, and, for a piece too big for the slot, its own bytes instead. */
export interface SlotFill {
  readonly ends: readonly number[];
  readonly bytes?: Uint8Array;
}

const encoder = new TextEncoder();

/**
 * `columnPieces` encoded into slots of memory the writer can read (a worker
 * fills a slot of shared memory per request, so nothing is allocated or
 * moved per batch). If a piece fails, the pieces before it are handed over
 * first, and the error is thrown by the next `fill`: the writer reports it
 * once it has written everything before that piece.
 */
export class PieceEncoder {
  private readonly pieces: Iterator<{ readonly text: string }>;
  /** A piece that did not fit in the last slot. */
  private held: string | null = null;
  private failure: { readonly error: unknown } | null = null;

  constructor(plan: GenerationPlan, owned: (column: number) => boolean) {
    this.pieces = columnPieces(plan, owned);
  }

  /** Fills `slot` with whole pieces, as many as fit; null once every piece is out. */
  fill(slot: Uint8Array): SlotFill | null {
    const ends: number[] = [];
    let size = 0;
    for (;;) {
      const text = this.held ?? this.next();
      this.held = null;
      if (text === null) break;
      const { read, written } = encoder.encodeInto(text, slot.subarray(size));
      if (read < text.length) {
        if (ends.length > 0) {
          this.held = text;
          break;
        }
        const bytes = encoder.encode(text);
        return { ends: [bytes.length], bytes };
      }
      size += written;
      ends.push(size);
    }
    if (ends.length > 0) return { ends };
    if (this.failure !== null) throw this.failure.error;
    return null;
  }

  private next(): string | null {
    if (this.failure !== null) return null;
    try {
      const next = this.pieces.next();
      return next.done === true ? null : next.value.text;
    } catch (error) {
      this.failure = { error };
      return null;
    }
  }
}
