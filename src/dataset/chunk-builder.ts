import type { JsonlChunk } from './jsonl-chunks.js';

/**
 * Joins pieces of JSONL into chunks of at most `capacity` bytes (a single
 * larger piece makes a chunk of its own), each in a buffer of its own: a
 * piece's memory can be reused as soon as it is appended.
 */
export class ChunkBuilder {
  private readonly capacity: number;
  private buffer: Buffer;
  size = 0;
  records = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.buffer = Buffer.allocUnsafeSlow(capacity);
  }

  /** Whether `length` more bytes fit in this chunk. */
  fits(length: number): boolean {
    return this.size + length <= this.capacity;
  }

  append(bytes: Uint8Array, records: number): void {
    if (this.size + bytes.length > this.buffer.length) {
      const larger = Buffer.allocUnsafeSlow(this.size + bytes.length);
      this.buffer.copy(larger, 0, 0, this.size);
      this.buffer = larger;
    }
    this.buffer.set(bytes, this.size);
    this.size += bytes.length;
    this.records += records;
  }

  /** The chunk so far; the next one starts empty. */
  take(): JsonlChunk {
    const chunk = { data: this.buffer.subarray(0, this.size), records: this.records };
    this.buffer = Buffer.allocUnsafeSlow(this.capacity);
    this.size = 0;
    this.records = 0;
    return chunk;
  }
}
