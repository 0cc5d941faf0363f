/**
 * Scoring throughput on one core, from the built library (run `npm run build` first):
 *   npx tsx bench/score.ts [--items 125000] [--samples 8] [--k 1,2,4,8] [--bootstrap 1000] [--keep DIR [--reuse]]
 *       [--jobs N] [--rounds 2]
 * --keep DIR keeps the generated inputs in DIR; --reuse scores the inputs
 * already there without generating them (then the peak memory printed is
 * scoring's alone).
 *
 * Generates a dataset of all six variants with the built-in templates, writes
 * `samples` synthetic completions per item (test/score/completions.ts: four
 * answer styles, right and wrong answers, slipped steps, outputs without an
 * answer), then times `reasonforge score`'s pipeline phase by phase with the
 * real verifier: reading the dataset, reading and judging every prediction
 * line, per-item estimators, every grouping with its bootstrap intervals and
 * paired tests, and writing metrics.json. The floor line is the cost of
 * only reading and JSON-parsing the prediction lines. Last, the whole
 * `reasonforge score` command with --jobs 1 against --jobs N (default: the
 * cores), alternating, checking that metrics.json is the same bytes.
 */
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GenerationPlan, generateRecords, loadLibrary, type ProblemRecord } from '../dist/index.js';
import { loadDataset } from '../dist/score/dataset.js';
import { lineBatches } from '../dist/io/line-batches.js';
import { scoreItems } from '../dist/score/item-scores.js';
import { readPredictions } from '../dist/score/read-predictions.js';
import { aggregate } from '../dist/score/aggregate.js';
import { buildMetrics, formatMetrics } from '../dist/score/score.js';
import { sha256File } from '../dist/io/file-digest.js';
import { topicsOf } from '../dist/score/topics.js';
import { verifierJudge } from '../dist/score/verifier-judge.js';
import { completionFor, type Outcome } from '../test/score/completions.js';
import { ceilingOf, runTogether, type CeilingRun } from './support/ceiling.js';
import { runThreaded, type ThreadedRun } from './support/thread-cpu.js';
import { lcg } from '../test/score/support.js';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '125000' },
    samples: { type: 'string', default: '8' },
    k: { type: 'string', default: '1,2,4,8' },
    bootstrap: { type: 'string', default: '1000' },
    permutations: { type: 'string', default: '10000' },
    keep: { type: 'string' },
    reuse: { type: 'boolean' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    rounds: { type: 'string', default: '2' },
  },
});
const items = Number(values.items);
const samples = Number(values.samples);
const ks = values.k.split(',').map(Number);
const bootstrap = Number(values.bootstrap);
const permutations = Number(values.permutations);
const jobs = Number(values.jobs);
const rounds = Number(values.rounds);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'rf-bench-score-'));
mkdirSync(dir, { recursive: true });

const library = loadLibrary();
const VARIANTS = ['base', 'names', 'numbers', 'noop', 'p1', 'p2'] as const;
/** Accuracy per variant in the range the robustness papers report. */
const SKILL: Record<string, number> = { base: 0.82, names: 0.8, numbers: 0.74, noop: 0.58, p1: 0.66, p2: 0.5 };

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

class Writer {
  private readonly fd: number;
  private chunk = '';
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  line(text: string): void {
    this.chunk += `${text}\n`;
    if (this.chunk.length > 1 << 20) this.flush();
  }
  flush(): void {
    writeSync(this.fd, this.chunk);
    this.chunk = '';
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const datasetFile = join(dir, 'dataset.jsonl');
const predictionsFile = join(dir, 'predictions.jsonl');
const reuse = values.reuse === true && existsSync(datasetFile) && existsSync(predictionsFile);
const outcomes: Record<Outcome, number> = { right: 0, 'right-bad-step': 0, wrong: 0, 'no-answer': 0 };
let bytes = reuse ? statSync(predictionsFile).size : 0;
if (!reuse) generateInputs();

/** 1. The dataset and 2. the predictions, not timed: `samples` passes over the items, as a sampler writes them. */
function generateInputs(): void {
  // Some templates cannot make every variant: plan a few more sets than needed and stop at `items`.
  const sets = Math.ceil((1.25 * items) / (library.templates.length * VARIANTS.length));
  const plan = new GenerationPlan({ seed: 1, sets, split: 'test', variants: [...VARIANTS], templates: library.templates });
  const records: ProblemRecord[] = [];
  const dataOut = new Writer(datasetFile);
  for (const record of generateRecords(plan)) {
    if (records.length === items) break;
    records.push(record);
    dataOut.line(JSON.stringify(record));
  }
  dataOut.close();
  if (records.length < items) throw new Error(`the library made only ${records.length} items`);
  const random = lcg(2024);
  const predOut = new Writer(predictionsFile);
  for (let s = 0; s < samples; s++) {
    for (const record of records) {
      const skill = SKILL[record.variant.kind] ?? 0.6;
      const draw = random();
      const outcome: Outcome = draw < skill * 0.88 ? 'right' : draw < skill ? 'right-bad-step' : draw < 0.97 ? 'wrong' : 'no-answer';
      outcomes[outcome]++;
      const line = JSON.stringify({ id: record.id, output: completionFor(record, outcome, random).text });
      bytes += line.length + 1;
      predOut.line(line);
    }
  }
  predOut.close();
}

const lines = items * samples;
console.log(
  `reasonforge score bench: ${items.toLocaleString('en-US')} items x ${samples} samples = ${lines.toLocaleString('en-US')} prediction lines (${(bytes / 1e6).toFixed(0)} MB), k = ${ks.join(',')}, ${bootstrap} bootstrap resamples, ${permutations} sign flips`,
);
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, ${new Date().toISOString().slice(0, 10)}`,
);
console.log(
  `templates: ${library.templates.length}; ${
    reuse
      ? `inputs reused from ${dir}`
      : `outcomes: ${Object.entries(outcomes)
          .map(([k, v]) => `${k} ${((100 * v) / lines).toFixed(1)}%`)
          .join(', ')}`
  }`,
);

// 3. The floor: reading and parsing the lines, nothing else.
let start = process.hrtime.bigint();
let parsed = 0;
for await (const { lines } of lineBatches(predictionsFile)) for (const text of lines) if (JSON.parse(text)) parsed++;
const floor = seconds(start);

// 4. The pipeline, phase by phase.
const judge = verifierJudge();
const cpuStart = process.cpuUsage();
const total = process.hrtime.bigint();
start = process.hrtime.bigint();
const dataset = await loadDataset(datasetFile);
const tLoad = seconds(start);
start = process.hrtime.bigint();
const { store, report } = await readPredictions([predictionsFile], dataset, judge);
const tRead = seconds(start);
start = process.hrtime.bigint();
const scores = scoreItems(dataset, store, judge, { ks, seed: 1, dropDuplicates: false, majExactLimit: 5000, majSubsets: 1000 });
const tItems = seconds(start);
start = process.hrtime.bigint();
const hashes = await Promise.all([datasetFile, predictionsFile].map(sha256File));
const tHash = seconds(start);
start = process.hrtime.bigint();
const groupings = aggregate(dataset, scores, { seed: 1, resamples: bootstrap, permutations, confidence: 0.95 }, topicsOf(library));
const metrics = buildMetrics(
  dataset,
  scores,
  report,
  { k: scores.ks, bootstrap, permutations, seed: 1, confidence: 0.95, maj_exact_limit: 5000, maj_subsets: 1000, duplicates: 'keep', lm_eval_filter: null },
  groupings,
  hashes,
);
const tAggregate = seconds(start);
start = process.hrtime.bigint();
const out = new Writer(join(dir, 'metrics.json'));
out.line(formatMetrics(metrics));
out.close();
const tWrite = seconds(start);
const tTotal = seconds(total);
const cpu = process.cpuUsage(cpuStart);

const rate = (n: number, t: number) => `${Math.round(n / t).toLocaleString('en-US')}/s`;
console.log(`floor: read+parse ${parsed.toLocaleString('en-US')} lines ${floor.toFixed(1)} s (${rate(parsed, floor)})`);
console.log(`load dataset       ${tLoad.toFixed(1).padStart(6)} s`);
console.log(`read+judge lines   ${tRead.toFixed(1).padStart(6)} s  (${rate(store.size, tRead)} samples, verify + checkSteps on right answers)`);
console.log(`per-item scores    ${tItems.toFixed(1).padStart(6)} s  (pass@k, maj@k over answer classes, CoT-pass@k)`);
console.log(`sha256 of inputs   ${tHash.toFixed(1).padStart(6)} s`);
console.log(
  `groupings + stats  ${tAggregate.toFixed(1).padStart(6)} s  (${Object.keys(metrics.by_template).length} templates, ${Object.keys(metrics.by_set).length} sets; bootstrap and sign-flip tests in every group)`,
);
console.log(`write metrics.json ${tWrite.toFixed(1).padStart(6)} s`);
console.log(
  `total              ${tTotal.toFixed(1).padStart(6)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s cpu, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB${reuse ? '' : ' (including generating the inputs; --reuse for scoring alone)'}`,
);
console.log(
  `result: pass@1 base ${(metrics.by_variant['base']!.pass_at_k['1']!.estimate * 100).toFixed(1)}%, noop drop ${(metrics.by_variant['noop']!.drop_vs_base!.estimate * 100).toFixed(1)} points, ${metrics.coverage.no_answer.toLocaleString('en-US')} samples without answer`,
);

// 5. The command, one thread against worker threads, runs alternating so that both see the same
// load, with each thread's CPU time: max(CPU / cores, busiest thread) is the wall time on an idle
// machine with perfect overlap (bench/support/thread-cpu.ts). Each round also starts N independent
// --jobs 1 commands together, the most N threads could gain on this machine (bench/support/ceiling.ts).
const BIN = fileURLToPath(new URL('../bin/reasonforge.js', import.meta.url));
const scoreArgs = (threads: number, out: string) => [
  BIN,
  'score',
  '--dataset',
  datasetFile,
  '--predictions',
  predictionsFile,
  '--out',
  out,
  '--force',
  '--quiet',
  '--k',
  ks.join(','),
  '--bootstrap',
  String(bootstrap),
  '--permutations',
  String(permutations),
  '--seed',
  '1',
  '--jobs',
  String(threads),
];
const command = async (threads: number) => {
  const out = join(dir, `metrics-${threads}.json`);
  const run = await runThreaded(process.execPath, scoreArgs(threads, out));
  return { ...run, metrics: readFileSync(out, 'utf8') };
};
const together = () =>
  runTogether(
    process.execPath,
    Array.from({ length: jobs }, (_, i) => scoreArgs(1, join(dir, `metrics-ceiling-${i}.json`))),
  );
const pairs: { one: Awaited<ReturnType<typeof command>>; many: Awaited<ReturnType<typeof command>>; ceiling: CeilingRun }[] = [];
for (let round = 0; round < rounds; round++) pairs.push({ one: await command(1), many: await command(jobs), ceiling: await together() });
const same = pairs.every((p) => p.many.metrics === pairs[0]!.one.metrics && p.one.metrics === pairs[0]!.one.metrics);
const secondsOf = (xs: number[]) => `${median(xs).toFixed(1)} s (${Math.min(...xs).toFixed(1)} – ${Math.max(...xs).toFixed(1)})`;
const ratioOf = (pick: (r: ThreadedRun) => number) => {
  const xs = pairs.map((p) => pick(p.one) / pick(p.many));
  return `${median(xs).toFixed(2)}x (${Math.min(...xs).toFixed(2)} – ${Math.max(...xs).toFixed(2)})`;
};
console.log(`score --jobs ${jobs} against --jobs 1 (${rounds} alternating pairs); metrics.json ${same ? 'the same bytes' : 'DIFFERS'} in every run`);
console.log(
  `  wall ${secondsOf(pairs.map((p) => p.many.wall))} against ${secondsOf(pairs.map((p) => p.one.wall))}: ${ratioOf((r) => r.wall)} (aim >= 1.8 on 2 cores)`,
);
const ceilings = pairs.map((p) => ceilingOf(p.one.wall, p.ceiling));
const rangeOf = (xs: number[], unit: string) => `${median(xs).toFixed(2)}${unit} (${Math.min(...xs).toFixed(2)} – ${Math.max(...xs).toFixed(2)})`;
console.log(
  `  the machine's ceiling: ${jobs} independent --jobs 1 commands at once took ${secondsOf(pairs.map((p) => p.ceiling.wall))}: ${rangeOf(ceilings, 'x')} one command's throughput; --jobs ${jobs} reaches ${rangeOf(
    pairs.map((p, i) => p.one.wall / p.many.wall / ceilings[i]!),
    '',
  )} of that`,
);
console.log(
  `  idle-machine bound ${secondsOf(pairs.map((p) => p.many.idleBound))} against ${secondsOf(pairs.map((p) => p.one.idleBound))}: ${ratioOf((r) => r.idleBound)}; CPU ${median(pairs.map((p) => p.many.total / p.one.total)).toFixed(2)}x of one thread's`,
);
console.log(
  `  busiest threads (CPU s): ${pairs[0]!.many.threads
    .slice(0, jobs + 1)
    .map((t) => t.toFixed(1))
    .join(', ')} against ${pairs[0]!.one.threads
    .slice(0, 2)
    .map((t) => t.toFixed(1))
    .join(', ')}`,
);
if (values.keep === undefined) rmSync(dir, { recursive: true, force: true });
