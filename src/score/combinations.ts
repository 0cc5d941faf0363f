/** C(n, k) as a double; exact while the result stays below 2^53, which is all it is used for. */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  const r = Math.min(k, n - k);
  let value = 1;
  for (let i = 1; i <= r; i++) value = (value * (n - r + i)) / i;
  return Math.round(value);
}

/**
 * Calls `visit` with every k-subset of 0..n-1, as ascending indices in a
 * reused array, in lexicographic order. The array is only valid during the
 * call.
 */
export function forEachSubset(n: number, k: number, visit: (subset: Int32Array) => void): void {
  if (k < 0 || k > n) return;
  const subset = new Int32Array(k);
  for (let i = 0; i < k; i++) subset[i] = i;
  for (;;) {
    visit(subset);
    // Find the rightmost index that can still move right, move it, reset the rest after it.
    let i = k - 1;
    while (i >= 0 && subset[i]! === n - k + i) i--;
    if (i < 0) return;
    subset[i]!++;
    for (let j = i + 1; j < k; j++) subset[j] = subset[j - 1]! + 1;
  }
}

/**
 * Fills `out` (length k) with a uniformly random k-subset of 0..n-1, sorted
 * ascending, by a partial Fisher-Yates shuffle of `scratch` (length n, any
 * contents: it is reset here).
 */
export function randomSubset(n: number, out: Int32Array, scratch: Int32Array, below: (m: number) => number): void {
  const k = out.length;
  for (let i = 0; i < n; i++) scratch[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + below(n - i);
    const picked = scratch[j]!;
    scratch[j] = scratch[i]!;
    scratch[i] = picked;
    out[i] = picked;
  }
  out.sort();
}
