import { hashString } from '../engine/hash.js';

/**
 * The random stream behind every resampling in scoring: bootstrap draws,
 * sign flips and maj@k subsets. Statistics need tens of millions of draws, so
 * this is a small 32-bit generator (Chris Doty-Humphrey's sfc32 design) run on
 * integers, not seedrandom's float-returning streams. Each stream is keyed by
 * (seed, labels) through a hash, so a group's interval does not depend on
 * which groups were computed before it, and neighbouring seeds are unrelated.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    // The first outputs of a freshly seeded sfc32 are still correlated with the seed.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** The stream for `seed` and a path of labels, e.g. (7, 'bootstrap', 'by_variant', 'noop'). */
  static keyed(seed: number, ...labels: readonly (string | number)[]): Rng {
    const key = `${seed}\u0000${labels.join('\u0000')}`;
    return new Rng(hashString(key, 0x9e3779b9), hashString(key, 0x85ebca6b), hashString(key, 0xc2b2ae35), hashString(key, 0x27d4eb2f));
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /**
   * A uniform integer in [0, m), without modulo bias: Lemire's multiply-and-
   * reject. For m below 2^21 the 32x21-bit product is exact in a double, so
   * the low word can be inspected; larger ranges (never needed for item
   * counts here) fall back to a 53-bit float, whose bias is below 2^-30.
   */
  below(m: number): number {
    if (m <= 0x200000) {
      for (;;) {
        const product = this.next() * m;
        const high = Math.floor(product * 2.3283064365386963e-10);
        const low = product - high * 4294967296;
        if (low >= m || low >= 4294967296 % m) return high;
      }
    }
    return Math.floor(this.float() * m);
  }

  /**
   * Fills `out` with uniform integers in [0, m), exactly as that many calls
   * of below(m) would (same values, same stream position), but with the
   * generator's state in local variables: the bootstrap's inner loop draws a
   * billion indices in a large run, and this is several times faster.
   */
  fillBelow(out: Int32Array, m: number): void {
    if (m > 0x200000) {
      for (let i = 0; i < out.length; i++) out[i] = this.below(m);
      return;
    }
    let { a, b, c, d } = this;
    const reject = 4294967296 % m;
    for (let i = 0; i < out.length;) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      const product = (t >>> 0) * m;
      const high = Math.floor(product * 2.3283064365386963e-10);
      const low = product - high * 4294967296;
      if (low >= m || low >= reject) out[i++] = high;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  float(): number {
    return ((this.next() >>> 5) * 67108864 + (this.next() >>> 6)) / 9007199254740992;
  }

  /**
   * The number of heads in `count` fair coin flips: Binomial(count, 1/2),
   * exactly, as the popcount of random words. A sign-flip permutation test
   * needs only this per distinct |difference|, so a permutation costs count/32
   * draws instead of count.
   */
  heads(count: number): number {
    let total = 0;
    let left = count;
    while (left >= 32) {
      total += popcount(this.next());
      left -= 32;
    }
    if (left > 0) total += popcount(this.next() >>> (32 - left));
    return total;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
