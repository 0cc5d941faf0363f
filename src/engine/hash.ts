/**
 * Small, fast, well-mixed integer hashing for seeding. Not cryptographic:
 * these only have to make neighbouring seeds, sets and candidates unrelated.
 */

/** 32-bit FNV-1a of a string's UTF-16 code units, finished with an avalanche. */
export function hashString(text: string, salt = 0): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return avalanche(h);
}

/** The murmur3 finaliser: every input bit affects every output bit. */
export function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes a tuple of 32-bit integers into one, order-sensitively. */
export function mix(a: number, b: number, c = 0, d = 0): number {
  let h = avalanche(a ^ 0x9e3779b9);
  h = avalanche(h ^ Math.imul(b ^ 0x7f4a7c15, 0x2545f491));
  h = avalanche(h ^ Math.imul(c ^ 0x3c6ef372, 0x6c8e9cf5));
  return avalanche(h ^ Math.imul(d ^ 0xdaa66d2b, 0x9e3779b1));
}

/** A uniform integer in [0, size) from a 32-bit hash. The bias is below size / 2^32. */
export function below(hash: number, size: number): number {
  return Math.floor((hash / 4294967296) * size);
}

/** Splits a non-negative integer below 2^53 into two 32-bit words. */
export function low32(value: number): number {
  return (value % 4294967296) >>> 0;
}

export function high32(value: number): number {
  return Math.floor(value / 4294967296) >>> 0;
}
