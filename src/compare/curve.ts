/**
 * pass@k for every k from 1 to K at once. With n samples of which c are
 * right, the chance that k samples drawn without replacement are all wrong
 * is C(n-c, k) / C(n, k), and going from k to k+1 multiplies it by
 * (n-c-k) / (n-k): one multiplication per k, each factor in [0, 1], so
 * nothing overflows and no huge numbers cancel. A whole curve up to
 * K = 1,024 costs 1,024 multiplications, where evaluating the product form
 * of src/score's passAtK afresh at each k would cost up to c of them per k.
 * Items share (n, c) pairs (at most n + 1 of them for one n), so curves are
 * kept per pair and computed once.
 */
export function passCurve(n: number, c: number, kMax: number): Float64Array {
  if (!(Number.isInteger(n) && Number.isInteger(c) && Number.isInteger(kMax)) || c < 0 || c > n || kMax < 0 || kMax > n) {
    throw new RangeError(`pass@k curve needs integers 0 <= c <= n and 0 <= K <= n, got n=${n} c=${c} K=${kMax}`);
  }
  const curve = new Float64Array(kMax + 1);
  let allWrong = 1;
  for (let k = 1; k <= kMax; k++) {
    // Going from k - 1 to k samples: the k-th draw is wrong with chance (n - c - (k - 1)) / (n - (k - 1)).
    allWrong *= Math.max(0, n - c - k + 1) / (n - k + 1);
    curve[k] = 1 - allWrong;
  }
  return curve;
}

/** Curves by (n, c), each computed once up to the same K. */
export class CurveCache {
  private readonly curves = new Map<number, Float64Array>();

  constructor(readonly kMax: number) {}

  curve(n: number, c: number): Float64Array {
    // n and c are below 2^26 for any real run: one number keys the pair.
    const key = n * 67_108_864 + c;
    let curve = this.curves.get(key);
    if (curve === undefined) {
      // No item is ever read beyond its own n: a group's K is at most its fewest samples.
      curve = passCurve(n, c, Math.min(n, this.kMax));
      this.curves.set(key, curve);
    }
    return curve;
  }

  get size(): number {
    return this.curves.size;
  }
}
