import { PieceMaker, piecesOf, type GenerationPlan, type Piece } from '../engine/generate.js';
import { writeLine } from '../io/utf8-lines.js';

/**
 * The JSONL of the pieces of some templates (columns) of a plan, in record
 * order: what one thread of `generate --jobs N` makes. Each template's
 * sampler starts at the plan's first set and reads forward, as in a
 * one-thread run, so a template's records (and its errors) are the same
 * whichever thread owns it.
 */
export function* columnPieces(
  plan: GenerationPlan,
  owned: (column: number) => boolean,
): Generator<{ readonly piece: Piece; readonly lines: readonly string[] }> {
  const maker = new PieceMaker(plan);
  for (const piece of piecesOf(plan)) {
    if (!owned(piece.column)) continue;
    const lines: string[] = [];
    for (const record of maker.records(piece)) lines.push(JSON.stringify(record));
    yield { piece, lines };
  }
}

/** What one fill of a slot holds: the byte offset where each piece ends, and, for a piece too big for the slot, its own bytes instead. */
export interface SlotFill {
  readonly ends: readonly number[];
  readonly bytes?: Uint8Array;
}

/**
 * Writes `lines`, each followed by a newline, into `buffer` from byte `at`:
 * where they end, or -1 if they do not all fit (then what was written is
 * garbage the next piece overwrites). Line by line, not joined first (see
 * Utf8Lines).
 */
function writeLines(buffer: Buffer, at: number, lines: readonly string[]): number {
  for (const line of lines) {
    at = writeLine(buffer, at, line);
    if (at < 0) return -1;
  }
  return at;
}

/** `lines` in bytes of their own, which can be moved to another thread. */
function ownBytes(lines: readonly string[]): Uint8Array {
  const bytes = Buffer.allocUnsafeSlow(lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0));
  writeLines(bytes, 0, lines);
  return bytes;
}

/**
 * `columnPieces` encoded into slots of memory the writer can read (a worker
 * fills a slot of shared memory per request, so nothing is allocated or
 * moved per batch). If a piece fails, the pieces before it are handed over
 * first, and the error is thrown by the next `fill`: the writer reports it
 * once it has written everything before that piece.
 */
export class PieceEncoder {
  private readonly pieces: Iterator<{ readonly lines: readonly string[] }>;
  /** A piece that did not fit in the last slot. */
  private held: readonly string[] | null = null;
  private failure: { readonly error: unknown } | null = null;

  constructor(plan: GenerationPlan, owned: (column: number) => boolean) {
    this.pieces = columnPieces(plan, owned);
  }

  /** Fills `slot` with whole pieces, as many as fit; null once every piece is out. */
  fill(slot: Uint8Array): SlotFill | null {
    const buffer = Buffer.from(slot.buffer, slot.byteOffset, slot.byteLength);
    const ends: number[] = [];
    let size = 0;
    for (;;) {
      const lines = this.held ?? this.next();
      this.held = null;
      if (lines === null) break;
      const end = writeLines(buffer, size, lines);
      if (end < 0) {
        if (ends.length > 0) {
          this.held = lines;
          break;
        }
        const bytes = ownBytes(lines);
        return { ends: [bytes.length], bytes };
      }
      size = end;
      ends.push(size);
    }
    if (ends.length > 0) return { ends };
    if (this.failure !== null) throw this.failure.error;
    return null;
  }

  private next(): readonly string[] | null {
    if (this.failure !== null) return null;
    try {
      const next = this.pieces.next();
      return next.done === true ? null : next.value.lines;
    } catch (error) {
      this.failure = { error };
      return null;
    }
  }
}
