import { OffsetMap } from './offsets.js';
import { UNICODE } from './latex-tables.js';

export interface PlainText {
  readonly text: string;
  /** Maps output offsets to input offsets (the output length to the input length); null unless asked for. */
  readonly offsets: OffsetMap | null;
}

/** The output of latexToPlain: pieces joined once at the end, and the offset map when asked for. */
export class Output {
  private pieces: string[] = [];
  private length = 0;
  private readonly offsets: OffsetMap | null;
  /** The last character written that is not a space: what a `{` looks back at. */
  lastNonSpace: string | undefined;

  constructor(withOffsets: boolean) {
    this.offsets = withOffsets ? new OffsetMap() : null;
  }

  private remember(piece: string): void {
    for (let k = piece.length - 1; k >= 0; k--) {
      if (piece[k] !== ' ') {
        this.lastNonSpace = piece[k];
        return;
      }
    }
  }

  /** A piece standing for the input at `from`. */
  emit(piece: string, from: number): void {
    if (piece.length === 0) return;
    // One character for one is recorded as a copy, so runs of them share a segment.
    this.offsets?.add(this.length, piece.length, from, piece.length === 1);
    this.pieces.push(piece);
    this.length += piece.length;
    this.remember(piece);
  }

  /** Input characters [from, to) copied unchanged. */
  copy(input: string, from: number, to: number): void {
    if (to <= from) return;
    this.offsets?.add(this.length, to - from, from, true);
    const piece = input.slice(from, to);
    this.pieces.push(piece);
    this.length += to - from;
    this.remember(piece);
  }

  /** The last `count` characters of output (fewer at the start), without joining everything. */
  tail(count: number): string {
    let result = '';
    for (let k = this.pieces.length - 1; k >= 0 && result.length < count; k--) {
      const piece = this.pieces[k]!;
      const wanted = count - result.length;
      result = (piece.length > wanted ? piece.slice(piece.length - wanted) : piece) + result;
    }
    return result;
  }

  finish(inputLength: number): PlainText {
    const text = this.pieces.join('');
    this.offsets?.close(this.length, inputLength);
    return { text, offsets: this.offsets };
  }
}

/** Non-ASCII characters that are rewritten; every other one is copied as it is. */
export const UNICODE_CODES: ReadonlySet<number> = new Set([...UNICODE.keys()].map((ch) => ch.charCodeAt(0)));

/** Characters latexToPlain treats specially: \ { } $ ~ & and the non-ASCII ones it rewrites. */
export function isSpecial(code: number): boolean {
  return code === 92 || code === 123 || code === 125 || code === 36 || code === 126 || code === 38 || (code > 127 && UNICODE_CODES.has(code));
}

/** Whether latexToPlain could change the text at all: the fast path for plain answers. */
