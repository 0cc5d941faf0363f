/**
 * Every judged sample of a run, in columns of typed arrays: a million samples
 * take about 25 MB and no per-sample object, and the outputs themselves are
 * not kept (only a 64-bit hash, to find duplicated lines). Samples stay in
 * the order they were read, which is the sample order maj@k's tie rule uses.
 */
export const CORRECT = 1;
export const STEPS_VALID = 2;
export const NO_ANSWER = 4;

export interface SampleLocation {
  readonly file: number;
  readonly line: number;
  /** The sample's place in its line's list of outputs (0 for a one-output line). */
  readonly sample: number;
}

export class SampleStore {
  size = 0;
  item = new Int32Array(1024);
  flags = new Uint8Array(1024);
  /** Index into `answers`, or -1 when no answer was extracted. */
  answer = new Int32Array(1024);
  hashA = new Uint32Array(1024);
  hashB = new Uint32Array(1024);
  line = new Int32Array(1024);
  file = new Uint16Array(1024);
  sample = new Uint32Array(1024);

  /** Distinct extracted answers, interned: most items share a few short answers. */
  readonly answers: string[] = [];
  private readonly answerIndex = new Map<string, number>();

  add(item: number, flags: number, extracted: string | null, output: string, at: SampleLocation): void {
    const [a, b] = hash64(output);
    this.addJudged(item, flags, extracted, a, b, at);
  }

  /** add() for a sample whose output was fingerprinted (hash64) where it was judged, perhaps in another thread. */
  addJudged(item: number, flags: number, extracted: string | null, hashA: number, hashB: number, at: SampleLocation): void {
    if (this.size === this.item.length) this.grow();
    const i = this.size++;
    this.item[i] = item;
    this.flags[i] = flags;
    this.answer[i] = extracted === null ? -1 : this.intern(extracted);
    this.hashA[i] = hashA;
    this.hashB[i] = hashB;
    this.line[i] = at.line;
    this.file[i] = at.file;
    this.sample[i] = at.sample;
  }

  private intern(text: string): number {
    let id = this.answerIndex.get(text);
    if (id === undefined) {
      id = this.answers.length;
      this.answers.push(text);
      this.answerIndex.set(text, id);
    }
    return id;
  }

  private grow(): void {
    const size = this.item.length * 2;
    const grow = <T extends Int32Array | Uint8Array | Uint32Array | Uint16Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.item = grow(this.item, (n) => new Int32Array(n));
    this.flags = grow(this.flags, (n) => new Uint8Array(n));
    this.answer = grow(this.answer, (n) => new Int32Array(n));
    this.hashA = grow(this.hashA, (n) => new Uint32Array(n));
    this.hashB = grow(this.hashB, (n) => new Uint32Array(n));
    this.line = grow(this.line, (n) => new Int32Array(n));
    this.file = grow(this.file, (n) => new Uint16Array(n));
    this.sample = grow(this.sample, (n) => new Uint32Array(n));
  }

  /**
   * Sample indices grouped by item, each group in read order: a stable
   * counting sort. `start[i]..start[i+1]` indexes `order` for item i.
   */
  byItem(items: number): { start: Int32Array; order: Int32Array } {
    const start = new Int32Array(items + 1);
    for (let s = 0; s < this.size; s++) start[this.item[s]! + 1]!++;
    for (let i = 0; i < items; i++) start[i + 1]! += start[i]!;
    const next = start.slice(0, items);
    const order = new Int32Array(this.size);
    for (let s = 0; s < this.size; s++) order[next[this.item[s]!]!++] = s;
    return { start, order };
  }
}

/** Two independent 32-bit FNV-1a lanes over the UTF-16 code units: a 64-bit fingerprint of an output. */
export function hash64(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x2f723a1d);
  }
  // The lanes differ only in constants; a final avalanche separates their weak bits.
  b ^= b >>> 15;
  b = Math.imul(b, 0x2c1b3c6d);
  b ^= b >>> 12;
  return [a >>> 0, b >>> 0];
}
