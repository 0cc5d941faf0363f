/**
 * A map from positions in a rewritten text back to the text it came from,
 * stored as segments rather than one entry per character: a rewrite records
 * one segment per piece it writes, and a lookup is a binary search. Only the
 * few positions a caller reports are ever looked up.
 */
export class OffsetMap {
  /** Output start of each segment, increasing. */
  private readonly starts: number[] = [];
  /** Input offset of each segment's first character. */
  private readonly froms: number[] = [];
  /** 1 when the segment is copied text (offsets advance), 0 when it stands for one input position. */
  private readonly steps: number[] = [];
  private end = 0;

  /** Records `length` output characters starting at output offset `at`. */
  add(at: number, length: number, from: number, copied: boolean): void {
    if (length <= 0) return;
    this.starts.push(at);
    this.froms.push(from);
    this.steps.push(copied ? 1 : 0);
    this.end = at + length;
  }

  /** Closes the map: output offset `at` (the output length) maps to `inputLength`. */
  close(at: number, inputLength: number): void {
    this.starts.push(at);
    this.froms.push(inputLength);
    this.steps.push(0);
    this.end = at + 1;
  }

  /** The input offset of output offset `i`. */
  map(i: number): number {
    const starts = this.starts;
    if (starts.length === 0) return i;
    if (i >= this.end) i = this.end - 1;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= i) low = mid;
      else high = mid - 1;
    }
    const offset = Math.max(0, i - starts[low]!);
    return this.froms[low]! + offset * this.steps[low]!;
  }
}
