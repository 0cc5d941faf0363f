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
    let end = writeLine(this.scratch, this.used, line);
    if (end < 0) {
      this.grow(this.used + 3 * line.length + 1);
      end = writeLine(this.scratch, this.used, line);
    }
    this.used = end;
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

/**
 * Writes `line` and a "\n" as UTF-8 into `buffer` from byte `at`: where they
 * end, or -1 if they do not fit (then the bytes from `at` on are garbage).
 */
export function writeLine(buffer: Buffer, at: number, line: string): number {
  // A UTF-16 code unit takes at most 3 bytes of UTF-8 (a surrogate pair takes 4 for its two): only a line that might not fit is measured.
  if (at + 3 * line.length + 1 > buffer.length && at + Buffer.byteLength(line) + 1 > buffer.length) return -1;
  const end = at + buffer.write(line, at);
  buffer[end] = 0x0a;
  return end + 1;
}
