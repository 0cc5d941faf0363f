import { avalanche, mix } from './hash.js';

const ROUNDS = 6;

/**
 * A keyed bijection of [0, size): a balanced Feistel network over the smallest
 * even power of two that covers `size`, with cycle-walking to stay in range.
 * Walking i = 0, 1, 2, ... visits every value exactly once in an order that
 * looks random and depends on the key, which is how a template's instances
 * are drawn without replacement in constant memory.
 */
export class KeyedPermutation {
  readonly size: number;
  private readonly halfBits: number;
  private readonly halfSize: number;
  private readonly mask: number;
  private readonly keys: readonly number[];

  constructor(size: number, key: number) {
    if (!Number.isSafeInteger(size) || size < 1 || size > 2 ** 50) throw new RangeError(`permutation size ${size} is out of range`);
    this.size = size;
    const bits = Math.max(2, Math.ceil(Math.log2(size)));
    this.halfBits = Math.ceil(bits / 2);
    this.halfSize = 2 ** this.halfBits;
    this.mask = this.halfSize - 1;
    this.keys = Array.from({ length: ROUNDS }, (_, round) => mix(key, round, 0x51ed270b));
  }

  at(index: number): number {
    let x = index;
    do x = this.round(x);
    while (x >= this.size);
    return x;
  }

  private round(x: number): number {
    let left = Math.floor(x / this.halfSize);
    let right = x % this.halfSize;
    for (let r = 0; r < ROUNDS; r++) {
      const next = (left ^ (avalanche(Math.imul(right, 0x9e3779b1) ^ this.keys[r]!) & this.mask)) >>> 0;
      left = right;
      right = next;
    }
    return left * this.halfSize + right;
  }
}
