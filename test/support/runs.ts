/** Property runs: a quick default for `npm test`, many more under RF_FULL=1 (`npm run test:full`). */
export const FULL = process.env['RF_FULL'] === '1';

export function runs(quick: number, full: number): number {
  return FULL ? full : quick;
}

/**
 * Calls `call` and reports how long it took, in milliseconds. The verifier is
 * deterministic, so when a call overruns `bound` it is timed again, up to
 * three runs in all, and the fastest counts: one slow run on a shared machine
 * is a garbage collection or another process, not the verifier's cost.
 */
export function measure<T>(call: () => T, bound: number): { value: T; ms: number } {
  let started = performance.now();
  const value = call();
  let best = performance.now() - started;
  for (let attempt = 1; attempt < 3 && best > bound; attempt++) {
    started = performance.now();
    call();
    best = Math.min(best, performance.now() - started);
  }
  return { value, ms: best };
}
