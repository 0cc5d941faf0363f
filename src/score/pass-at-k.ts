/**
 * The unbiased pass@k estimator of Chen et al. (2021): with n samples of
 * which c are correct, the chance that a random k-subset holds at least one
 * correct sample, 1 - C(n-c, k) / C(n, k).
 *
 * The binomials overflow a double long before n reaches the hundreds, so the
 * ratio is evaluated as the product prod_{i=n-c+1}^{n} (1 - k/i), whose
 * factors are all in [0, 1): no overflow, and no cancellation between huge
 * numbers. Defined only for 0 <= c <= n and 1 <= k <= n.
 */
export function passAtK(n: number, c: number, k: number): number {
  if (!(Number.isInteger(n) && Number.isInteger(c) && Number.isInteger(k)) || c < 0 || c > n || k < 1 || k > n) {
    throw new RangeError(`pass@k needs integers 0 <= c <= n and 1 <= k <= n, got n=${n} c=${c} k=${k}`);
  }
  // Fewer wrong samples than k: every k-subset holds a correct one.
  if (n - c < k) return 1;
  let allWrong = 1;
  for (let i = n - c + 1; i <= n; i++) allWrong *= 1 - k / i;
  return 1 - allWrong;
}
