/**
 * `reasonforge compare` at the sizes the issue names, from the built library
 * (run `npm run build` first):
 *   npx tsx bench/compare.ts [--items 10000] [--samples 2048] [--bootstrap 1000] [--permutations 10000]
 *
 * Two synthetic models on `items` items (half base, half noop), `samples`
 * samples per item each, right counts drawn per item: "rl" sure of 60% of
 * the items and lost on the rest, "base" right 30% of the time everywhere.
 * Times:
 * - every pass@k curve up to K = samples, one per distinct (n, c) (src/compare/curve.ts);
 * - the peer in the same run: score's passAtK evaluated afresh at every k for
 *   the same curves (on a subset, since it is far slower), as a ratio;
 * - compareModels end to end: curves, CIs and sign-flip tests at every
 *   reported k for pass@k, CoT-pass@k and maj@k, overall and per variant,
 *   crossovers over every k with their bootstrap, drops and coverage.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { compareModels, CurveCache, type ComparedModel, type ComparisonInput } from '../dist/compare/index.js';
import { passAtK } from '../dist/index.js';
import { lcg } from '../test/score/support.js';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    samples: { type: 'string', default: '2048' },
    bootstrap: { type: 'string', default: '1000' },
    permutations: { type: 'string', default: '10000' },
  },
});
const items = Number(values.items);
const n = Number(values.samples);
const random = lcg(7);

function binomial(trials: number, p: number): number {
  let right = 0;
  for (let i = 0; i < trials; i++) if (random() < p) right++;
  return right;
}

const ids = Array.from({ length: items }, (_, i) => `t${i % 500}:test:1:${Math.floor(i / 1000)}:${i % 2 === 0 ? 'base' : 'noop'}`);
const itemRows = ids.map((id) => ({ id, variant: id.endsWith('noop') ? 'noop' : 'base', baseId: id.replace(/:noop$/, ':base') }));
const majKs: number[] = [];
for (let k = 1; k <= Math.min(n, 1024); k *= 2) majKs.push(k);

function model(label: string, chance: (i: number) => number): ComparedModel {
  const c = Int32Array.from(ids, (_, i) => binomial(n, chance(i)));
  const counts = new Int32Array(items).fill(n);
  const maj = majKs.map((k) => Float64Array.from(c, (right) => (right / n > 0.5 ? 1 - 0.5 ** k : (right / n) ** k)));
  const run = {
    file: `${label}.json`,
    metrics: { inputs: { predictions: [] }, coverage: { samples: n * items }, items: [] },
  } as unknown as ComparedModel['runs'][number];
  return { label, runs: [run], n: counts, c, cCot: Int32Array.from(c, (right) => Math.floor(right * 0.9)), majKs, maj };
}

const started = process.hrtime.bigint();
// Item difficulty varies, so right counts (and the per-item differences the tests flip) are diverse: the costly case.
const ease = Float64Array.from(ids, () => random());
const rl = model('rl', (i) => (ease[i]! < 0.4 ? 0 : (0.5 + ease[i]! / 2) * (i % 2 === 0 ? 1 : 0.8)));
const base = model('base', (i) => (0.05 + 0.5 * ease[i]!) * (i % 2 === 0 ? 1 : 0.9));
const made = Number(process.hrtime.bigint() - started) / 1e9;

// Curves: every distinct (n, c) of both models, up to K = n.
let t = process.hrtime.bigint();
const cache = new CurveCache(n);
for (const m of [rl, base]) for (let i = 0; i < items; i++) cache.curve(m.n[i]!, m.c[i]!);
const curveSeconds = Number(process.hrtime.bigint() - t) / 1e9;

// The peer, at the sizes whatever the input: n = 2,048 and every k up to 1,024, for 64 right
// counts spread over 0..n, by score's passAtK afresh at each k and by one curve each; fastest of 5.
const PEER_N = 2048;
const PEER_K = 1024;
const peerCounts = Array.from({ length: 64 }, (_, j) => Math.round((j * PEER_N) / 63));
let sink = 0;
const fastest = (work: () => void) => {
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint();
    work();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return best;
};
const peerSeconds = fastest(() => {
  for (const c of peerCounts) for (let k = 1; k <= PEER_K; k++) sink += passAtK(PEER_N, c, k);
});
const oursSeconds = fastest(() => {
  const fresh = new CurveCache(PEER_K);
  for (const c of peerCounts) sink += fresh.curve(PEER_N, c)[PEER_K]!;
});

const input: ComparisonInput = { dataset: { file: 'synthetic', sha256: '0'.repeat(64), items }, items: itemRows, models: [rl, base] };
t = process.hrtime.bigint();
const cpu = process.cpuUsage();
const comparison = compareModels(input, { bootstrap: Number(values.bootstrap), permutations: Number(values.permutations), seed: 0, confidence: 0.95 });
const compareSeconds = Number(process.hrtime.bigint() - t) / 1e9;
const compareCpu = process.cpuUsage(cpu);
const compareCpuSeconds = (compareCpu.user + compareCpu.system) / 1e6;
const x = comparison.overall.pass_at_k.pairs[0]!.crossover;

console.log(
  `machine: ${cpus().length} x ${cpus()[0]?.model ?? '?'}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}`,
);
console.log(
  `${items.toLocaleString('en-US')} items x 2 models x ${n.toLocaleString('en-US')} samples (inputs made in ${made.toFixed(1)} s); K = ${comparison.overall.k_max}`,
);
console.log(`pass@k curves, k = 1..${n}: ${cache.size.toLocaleString('en-US')} distinct (n, c) in ${curveSeconds.toFixed(3)} s`);
console.log(
  `n = ${PEER_N}, k = 1..${PEER_K}, ${peerCounts.length} right counts: score's passAtK at each k ${(peerSeconds * 1000).toFixed(1)} ms, one curve each ${(oursSeconds * 1000).toFixed(2)} ms (${(peerSeconds / oursSeconds).toFixed(0)}x; fastest of 5)`,
);
console.log(
  `compareModels (bootstrap ${values.bootstrap}, permutations ${values.permutations}, ks ${comparison.overall.pass_at_k.ks.join(',')}): ${compareSeconds.toFixed(1)} s wall, ${compareCpuSeconds.toFixed(1)} s CPU`,
);
console.log(
  `crossover: ${x.k} (interval ${x.interval?.low} to ${x.interval?.high ?? 'beyond'}), searched every k up to ${x.k_max}; checksum ${sink.toFixed(3)}`,
);
