/**
 * Generation speed, from the built package (`npm run build` first):
 *
 *   node --expose-gc --import tsx bench/generate.ts [--sets 2000] [--sets-all 170] [--rounds 3]
 *       [--jobs N] [--reasoning-gym CHECKOUT] [--peer-items 20000] [--stream-sets 300]
 *
 * Everything is measured in one run, so that the ratios it prints compare
 * like with like on a shared machine:
 *
 * 1. start-up: `reasonforge generate --seed 1 --sets 1 --out F`, wall seconds;
 * 2. the peer, when given a checkout of github.com/open-thought/reasoning-gym
 *    (or RF_REASONING_GYM): its gsm_symbolic building, json.dumps-ing and
 *    writing --peer-items items (bench/peers/reasoning_gym_gsm_symbolic.py);
 * then for `--variants base` (--sets) and `--variants all` (--sets-all):
 * 3. one process, end to end: `reasonforge generate --jobs 1 --out F`, items
 *    per second (wall, and per CPU second of the child);
 * 4. the floor: JSON.stringify plus writing the same records (made
 *    beforehand, in memory), in 1 MiB writes as the CLI does, and the ratios
 *    of 3 to the floor and to the peer; the schema guard (assertValidRecord)
 *    timed alone on the same records, as a share of 3's CPU per record;
 * 5. `--jobs N` (default: the cores) against `--jobs 1`, runs alternating,
 *    with each thread's CPU time and the peak RSS (bench/support/thread-cpu.ts),
 *    and against the machine's ceiling: N independent `--jobs 1` runs at once;
 * 6. random access: shard n-1/n against shard 0/n and 1/n, in process (the
 *    time of a shard must not grow with its index);
 * 7. the live heap while streaming a long run (needs --expose-gc).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { GENERATED_VARIANTS, GenerationPlan, generateRecords, loadLibrary, type GeneratedVariant, type ProblemRecord } from '../dist/index.js';
import { assertValidRecord } from '../dist/records/validate-record.js';
import { ceilingOf, runTogether, type CeilingRun } from './support/ceiling.js';
import { runThreaded, type ThreadedRun } from './support/thread-cpu.js';

const { values } = parseArgs({
  options: {
    sets: { type: 'string', default: '2000' },
    'sets-all': { type: 'string', default: '170' },
    rounds: { type: 'string', default: '3' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    'reasoning-gym': { type: 'string', default: process.env['RF_REASONING_GYM'] },
    'peer-items': { type: 'string', default: '20000' },
    'stream-sets': { type: 'string', default: '300' },
  },
});
const sets = Number(values.sets);
const setsAll = Number(values['sets-all']);
const rounds = Number(values.rounds);
const jobs = Number(values.jobs);
const BIN = fileURLToPath(new URL('../bin/reasonforge.js', import.meta.url));
const PEER = fileURLToPath(new URL('peers/reasoning_gym_gsm_symbolic.py', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rf-bench-generate-'));
const library = loadLibrary();

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: readonly number[], unit = '/s') => `${fmt(median(xs))}${unit} (${fmt(Math.min(...xs))} – ${fmt(Math.max(...xs))})`;
const seconds = (xs: readonly number[]) => `${median(xs).toFixed(2)} s (${Math.min(...xs).toFixed(2)} – ${Math.max(...xs).toFixed(2)})`;

/** CPU seconds used by this process's finished children: /proc/self/stat's cutime and cstime (Linux; NaN elsewhere). */
function childrenCpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Runs a command to completion; its wall and CPU seconds. */
function timed(command: string, args: readonly string[]): { wall: number; cpu: number; stdout: string } {
  const cpu = childrenCpu();
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return { wall, cpu: childrenCpu() - cpu, stdout: result.stdout };
}

function cli(args: readonly string[]): { wall: number; cpu: number; records: number } {
  const out = join(dir, 'cli.jsonl');
  const run = timed(process.execPath, [BIN, 'generate', ...args, '--out', out, '--force']);
  const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8')) as { counts: { records: number } };
  return { ...run, records: manifest.counts.records };
}

console.log(`reasonforge generate bench: ${library.templates.length} templates, node ${process.version}`);
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, ${new Date().toISOString().slice(0, 10)}`,
);

// 1. Start-up.
const startupRuns = Array.from({ length: 2 * rounds + 1 }, () => cli(['--seed', '1', '--sets', '1', '--jobs', '1']));
// Whether V8 took the build's code cache for the CLI bundle (src/cli/start.ts): without it, start-up compiles everything.
const cacheProbe = spawnSync(
  process.execPath,
  [
    '--input-type=module',
    '-e',
    `import { loadCli } from ${JSON.stringify(new URL('../dist/cli/start.js', import.meta.url).href)}; process.stdout.write(String(loadCli().cacheUsed));`,
  ],
  {
    encoding: 'utf8',
  },
);
console.log(
  `start-up, generate --sets 1 --out (${startupRuns.length} runs): ${seconds(startupRuns.map((r) => r.wall))} wall, ${seconds(startupRuns.map((r) => r.cpu))} CPU; code cache ${cacheProbe.stdout === 'true' ? 'used' : 'NOT used'}; aim < 0.5 s wall`,
);

// 2-5, for --variants base and for --variants all (record sizes and work per record differ).
const checkout = values['reasoning-gym'];
const peerItems = Number(values['peer-items']);
type PeerRun = { items: number; bytes: number; cpu: number; wall: number };
const peer: PeerRun[] = [];
if (checkout === undefined) {
  console.log('peer: skipped; pass --reasoning-gym CHECKOUT (a clone of github.com/open-thought/reasoning-gym; needs only python3)');
} else {
  for (let round = 0; round < rounds; round++)
    peer.push(JSON.parse(timed('python3', [PEER, checkout, String(peerItems), join(dir, 'peer.jsonl')]).stdout) as PeerRun);
  console.log(
    `peer: reasoning-gym gsm_symbolic, ${fmt(peerItems)} items built, json.dumps-ed and written (${(peer[0]!.bytes / peerItems).toFixed(0)} bytes each), in process`,
  );
  console.log(`  ${spread(peer.map((p) => p.items / p.wall))} wall; ${spread(peer.map((p) => p.items / p.cpu))} per CPU second`);
}

/** CPU seconds (user and system) this process spends in `work`. */
function cpuSeconds(work: () => void): number {
  const started = process.cpuUsage();
  work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
}

/**
 * The floor: JSON.stringify and 1 MiB writes of records of the run's configuration, made beforehand; records per CPU second.
 * Also the schema guard every generated record passes (assertValidRecord), timed alone on the same records.
 */
function floorRate(variants: readonly GeneratedVariant[], setCount: number): { rate: number[]; guard: number[]; count: number } {
  const made: ProblemRecord[] = [];
  const cap = 60_000;
  for (const record of generateRecords(new GenerationPlan({ seed: 7, sets: setCount, split: 'test', variants, templates: library.templates }))) {
    made.push(record);
    if (made.length >= cap) break;
  }
  const rate = Array.from({ length: rounds }, () => {
    const seconds = cpuSeconds(() => {
      const fd = openSync(join(dir, 'floor.jsonl'), 'w');
      let chunk = '';
      for (const record of made) {
        chunk += `${JSON.stringify(record)}\n`;
        if (chunk.length >= 1 << 20) {
          writeSync(fd, chunk);
          chunk = '';
        }
      }
      writeSync(fd, chunk);
      closeSync(fd);
    });
    return made.length / seconds;
  });
  const guard = Array.from({ length: rounds }, () => made.length / cpuSeconds(() => made.forEach((record) => assertValidRecord(record))));
  return { rate, guard, count: made.length };
}

// Threads, alternating with one thread so that both see the same load. On a shared machine
// the wall-clock ratio understates what the threads give on an idle one, so the threads' own
// CPU times are sampled too: max(CPU / cores, busiest thread) is the run's wall time on an idle
// machine with perfect overlap, and its ratio the speed-up there. Each round also starts N
// independent --jobs 1 runs together: N times one run's wall over theirs is the most N threads
// could gain on this machine (bench/support/ceiling.ts).
async function threads(args: readonly string[], records: number): Promise<void> {
  const threaded = async (n: number) => {
    const out = join(dir, 'threads.jsonl');
    const run = await runThreaded(process.execPath, [BIN, 'generate', ...args, '--jobs', String(n), '--out', out, '--force']);
    return { ...run, bytes: readFileSync(out) };
  };
  const together = () =>
    runTogether(
      process.execPath,
      Array.from({ length: jobs }, (_, i) => [BIN, 'generate', ...args, '--jobs', '1', '--out', join(dir, `ceiling-${i}.jsonl`), '--force']),
    );
  const pairs: { one: ThreadedRun; many: ThreadedRun; ceiling: CeilingRun }[] = [];
  for (let round = 0; round < rounds; round++) {
    const one = await threaded(1);
    const many = await threaded(jobs);
    const ceiling = await together();
    if (!one.bytes.equals(many.bytes)) throw new Error(`--jobs ${jobs} wrote other bytes than --jobs 1`);
    pairs.push({ one, many, ceiling });
  }
  const ratio = (pick: (r: ThreadedRun) => number) => pairs.map((p) => pick(p.one) / pick(p.many));
  const range = (xs: number[], unit = 'x') => `${median(xs).toFixed(2)}${unit} (${Math.min(...xs).toFixed(2)} – ${Math.max(...xs).toFixed(2)})`;
  const ceilings = pairs.map((p) => ceilingOf(p.one.wall, p.ceiling));
  const shareOfCeiling = pairs.map((p, i) => p.one.wall / p.many.wall / ceilings[i]!);
  console.log(`  --jobs ${jobs} against --jobs 1, ${fmt(records)} records, ${rounds} alternating rounds, the same bytes:`);
  console.log(
    `    wall ${seconds(pairs.map((p) => p.many.wall))} against ${seconds(pairs.map((p) => p.one.wall))}: ${range(ratio((r) => r.wall))} (aim >= 1.8 on 2 cores)`,
  );
  console.log(
    `    the machine's ceiling: ${jobs} independent --jobs 1 runs at once took ${seconds(pairs.map((p) => p.ceiling.wall))}: ${range(ceilings)} one run's throughput; --jobs ${jobs} reaches ${range(shareOfCeiling, '')} of that`,
  );
  console.log(
    `    idle-machine bound ${seconds(pairs.map((p) => p.many.idleBound))} against ${seconds(pairs.map((p) => p.one.idleBound))}: ${range(ratio((r) => r.idleBound))}; CPU ${median(pairs.map((p) => p.many.total / p.one.total)).toFixed(2)}x of one thread's`,
  );
  console.log(
    `    busiest threads (CPU s): ${pairs[0]!.many.threads
      .slice(0, jobs + 1)
      .map((t) => t.toFixed(2))
      .join(', ')} against ${pairs[0]!.one.threads
      .slice(0, 2)
      .map((t) => t.toFixed(2))
      .join(', ')}`,
  );
  console.log(
    `    peak RSS (sampled): ${median(pairs.map((p) => p.many.peakRssMiB)).toFixed(0)} MiB against ${median(pairs.map((p) => p.one.peakRssMiB)).toFixed(0)} MiB`,
  );
}

for (const [name, variants, setCount] of [
  ['base', ['base'], sets],
  ['all', GENERATED_VARIANTS, setsAll],
] as const) {
  const args = ['--seed', '7', '--sets', String(setCount), '--variants', name];
  const single = Array.from({ length: rounds }, () => cli([...args, '--jobs', '1']));
  const records = single[0]!.records;
  const singleWall = single.map((r) => r.records / r.wall);
  const singleCpu = single.map((r) => r.records / r.cpu);
  console.log(
    `--variants ${name}, one process: generate ${args.join(' ')} --jobs 1 --out F, ${fmt(records)} records (${(statSync(join(dir, 'cli.jsonl')).size / records).toFixed(0)} bytes each)`,
  );
  console.log(`  ${spread(singleWall)} wall; ${spread(singleCpu)} per CPU second`);
  const floor = floorRate(variants, setCount);
  console.log(`  floor: JSON.stringify + write of the first ${fmt(floor.count)} of these records, made beforehand: ${spread(floor.rate)} per CPU second`);
  console.log(`  one process / floor: ${(median(singleCpu) / median(floor.rate)).toFixed(2)} per CPU second (aim >= 0.5)`);
  console.log(
    `  schema guard alone on the same records: ${spread(floor.guard)} per CPU second, ${((100 * median(singleCpu)) / median(floor.guard)).toFixed(1)}% of a generated record's CPU (aim <= 10%)`,
  );
  if (peer.length > 0) {
    const peerCpu = median(peer.map((p) => p.items / p.cpu));
    const peerWall = median(peer.map((p) => p.items / p.wall));
    console.log(
      `  one process / peer: ${(median(singleCpu) / peerCpu).toFixed(2)} items per CPU second, ${(median(singleWall) / peerWall).toFixed(2)} wall (aim >= 2)`,
    );
    // Items are not the same size: ours carry the worked solution, steps and bindings, so bytes are the like-for-like rate.
    const ourBytes = statSync(join(dir, 'cli.jsonl')).size / records;
    const peerBytes = median(peer.map((p) => p.bytes / p.items));
    console.log(
      `  one process / peer: ${((median(singleCpu) * ourBytes) / (peerCpu * peerBytes)).toFixed(2)} bytes per CPU second (${(ourBytes / peerBytes).toFixed(2)}x the bytes per item; aim >= 1)`,
    );
  }
  await threads(args, records);
}

// 6. Random access: the last of n shards against the first and the second, the same number of records each.
{
  const n = 8;
  const shardCpu = (index: number) => {
    const plan = new GenerationPlan({ seed: 3, sets, split: 'test', variants: ['base'], templates: library.templates, shard: { index, count: n } });
    return cpuSeconds(() => {
      for (const _record of generateRecords(plan));
    });
  };
  // Warmed up, then alternating, so that the JIT and the weather favour none.
  const indices = [0, 1, n - 1];
  for (const index of indices) shardCpu(index);
  const cpu = new Map<number, number[]>(indices.map((index) => [index, []]));
  for (let round = 0; round < rounds; round++) for (const index of indices) cpu.get(index)!.push(shardCpu(index));
  const at = (index: number) => median(cpu.get(index)!);
  console.log(
    `random access: shard ${n - 1}/${n} takes ${at(n - 1).toFixed(2)} s CPU, shard 0/${n} ${at(0).toFixed(2)} s, shard 1/${n} ${at(1).toFixed(2)} s: ${(at(n - 1) / at(0)).toFixed(2)} and ${(at(n - 1) / at(1)).toFixed(2)} (aim: no growth with the index)`,
  );
}

// 7. Memory while streaming.
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) {
  console.log('memory: skipped; run with node --expose-gc --import tsx bench/generate.ts to measure it');
} else {
  const streamSets = Number(values['stream-sets']);
  const marks: number[] = [];
  let n = 0;
  gc();
  const before = process.memoryUsage().heapUsed;
  for (const _record of generateRecords(
    new GenerationPlan({ seed: 4, sets: streamSets, split: 'test', variants: GENERATED_VARIANTS, templates: library.templates }),
  )) {
    if (++n % 50_000 === 0) {
      gc();
      marks.push(process.memoryUsage().heapUsed);
    }
  }
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log(
    `memory: stream of ${fmt(n)} records (all variants, ${streamSets} sets); live heap after GC ${mb(before)} MiB before, then at each 50k records: ${marks.map(mb).join(', ')} MiB`,
  );
}
rmSync(dir, { recursive: true, force: true });
