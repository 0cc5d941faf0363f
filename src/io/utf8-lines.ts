/**
 * Lines encoded to UTF-8 one by one into a scratch buffer, handed out as
 * chunks of whole lines that live until more lines are added. Joining lines into one string and encoding that is
 * several times slower: the joined string must first be flattened, and a
 * single non-ASCII character anywhere in it makes it all a two-byte string,
 * slow to encode, where a line on its own that is plain ASCII is copied
 * straight.
 */
export class Utf8Lines {
  private scratch: Buffer;
  private used = 0;

  constructor(capacity = 1 << 16) {
    this.scratch = Buffer.allocUnsafe(capacity);
  }

  /** Bytes held since the last take. */
  get size(): number {
    return this.used;
  }

  /** Appends `line` and a "\n". */
  add(line: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8 (a surrogate pair takes 4 for its two).
    const room = 3 * line.length + 1;
    if (this.used + room > this.scratch.length) this.grow(this.used + room);
    this.used += this.scratch.write(line, this.used);
    this.scratch[this.used++] = 0x0a;
  }

  /**
   * The lines added since the last take, valid until the next `add`: the
   * scratch is reused, so a reader that keeps the bytes copies them (a copy
   * per chunk, made and dropped, was garbage the writer had no need of).
   */
  take(): Uint8Array {
    const chunk = this.scratch.subarray(0, this.used);
    this.used = 0;
    return chunk;
  }

  private grow(needed: number): void {
    const larger = Buffer.allocUnsafe(Math.max(needed, 2 * this.scratch.length));
    this.scratch.copy(larger, 0, 0, this.used);
    this.scratch = larger;
  }
}
