import type { Rng } from './rng.js';

/**
 * Poisson(λ) draws for integer λ, by table lookup: the Poisson bootstrap
 * draws one Poisson(n) count per distinct unit profile and resample, always
 * with the same few λ (the profiles' sizes), so each λ's distribution is
 * tabulated once (over λ ± 12 standard deviations and then some, outside of
 * which the mass is below 1e-30) and a draw is one uniform and a guided
 * search. Resolution: the uniform has 32 bits.
 */
interface Table {
  readonly low: number;
  readonly cdf: Float64Array;
  readonly guide: Int32Array;
}

const tables = new Map<number, Table>();
const TABLE_CACHE = 4096;

export function poisson(lambda: number, rng: Rng): number {
  let table = tables.get(lambda);
  if (table === undefined) {
    if (tables.size >= TABLE_CACHE) tables.clear();
    table = tabulate(lambda);
    tables.set(lambda, table);
  }
  const u = rng.next() * 2.3283064365386963e-10;
  const { cdf, guide } = table;
  let i = guide[Math.floor(u * guide.length)]!;
  while (cdf[i]! <= u) i++;
  return table.low + i;
}

function tabulate(lambda: number): Table {
  if (!(Number.isInteger(lambda) && lambda >= 0)) throw new RangeError(`poisson: λ must be a non-negative integer, got ${lambda}`);
  if (lambda === 0) return { low: 0, cdf: Float64Array.of(1), guide: Int32Array.of(0) };
  const spread = 12 * Math.sqrt(lambda);
  const low = Math.max(0, Math.floor(lambda - spread - 12));
  const high = Math.ceil(lambda + spread + 30);
  const cdf = new Float64Array(high - low + 1);
  const logLambda = Math.log(lambda);
  let total = 0;
  for (let k = low; k <= high; k++) {
    total += Math.exp(k * logLambda - lambda - logFactorial(k));
    cdf[k - low] = total;
  }
  // The truncated tails hold less than 1e-30; renormalise so the last entry is exactly 1.
  for (let i = 0; i < cdf.length; i++) cdf[i]! /= total;
  cdf[cdf.length - 1] = 1;
  const guide = new Int32Array(cdf.length);
  let i = 0;
  for (let j = 0; j < guide.length; j++) {
    while (cdf[i]! <= j / guide.length) i++;
    guide[j] = i;
  }
  return { low, cdf, guide };
}

const SMALL = 1024;
const smallLogFactorials = (() => {
  const table = new Float64Array(SMALL);
  for (let k = 2; k < SMALL; k++) table[k] = table[k - 1]! + Math.log(k);
  return table;
})();

/** ln k!: summed logs below 1024, Stirling's series above (relative error below 1e-16 there). */
export function logFactorial(k: number): number {
  if (k < SMALL) return smallLogFactorials[k]!;
  const inv = 1 / k;
  const inv2 = inv * inv;
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}
