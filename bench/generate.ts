/**
 * Generation throughput on one core, from the built library (`npm run build` first):
 *
 *   npx tsx bench/generate.ts [--sets N] [--rounds R] [--stream-sets M]
 *
 * For base-only and for all six variants it prints, per round, records per
 * CPU second for generation alone (records streamed and dropped, each validated
 * against the schema as the generator always does) and for generation plus
 * JSON.stringify plus writing to a file; and, on the same records, the floor:
 * JSON.stringify alone, and stringify plus writing. Last, it streams a long
 * run and samples the resident memory, to show that it does not grow with the
 * number of records (run under node --expose-gc for that part:
 *   node --expose-gc --import tsx bench/generate.ts).
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GenerationPlan, generateRecords, loadLibrary, type GeneratedVariant, type ProblemRecord } from '../dist/index.js';

const { values } = parseArgs({
  options: { sets: { type: 'string', default: '400' }, rounds: { type: 'string', default: '5' }, 'stream-sets': { type: 'string', default: '2000' } },
});
const sets = Number(values.sets);
const rounds = Number(values.rounds);
const library = loadLibrary();
const path = join(tmpdir(), `reasonforge-bench-${process.pid}.jsonl`);

/**
 * CPU seconds (user + system) of this process while `run` runs. The aim is
 * a rate on one core, and on a shared machine wall time also counts the
 * moments another tenant had the core; the wall rate is printed beside it.
 */
function seconds(run: () => void): number {
  const wallStart = process.hrtime.bigint();
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  lastWall = Number(process.hrtime.bigint() - wallStart) / 1e9;
  return (used.user + used.system) / 1e6;
}
let lastWall = 0;

function plan(variants: GeneratedVariant[], seed: number, count = sets): GenerationPlan {
  return new GenerationPlan({ seed, sets: count, split: 'test', variants, templates: library.templates });
}

/** Writes lines in 1 MiB chunks, as the CLI does. */
function writeAll(lines: Iterable<string>): void {
  const fd = openSync(path, 'w');
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

function* serialised(records: Iterable<ProblemRecord>): Generator<string> {
  for (const record of records) yield `${JSON.stringify(record)}\n`;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
const range = (xs: number[]) => `${fmt(median(xs))}/s (min ${fmt(Math.min(...xs))}, max ${fmt(Math.max(...xs))})`;

function measure(label: string, variants: GeneratedVariant[]): void {
  const generate: number[] = [];
  const generateWall: number[] = [];
  const endToEnd: number[] = [];
  let count = 0;
  for (let round = 0; round < rounds; round++) {
    let n = 0;
    const t = seconds(() => {
      for (const _record of generateRecords(plan(variants, 1000 + round))) n++;
    });
    generate.push(n / t);
    generateWall.push(n / lastWall);
    endToEnd.push(n / seconds(() => writeAll(serialised(generateRecords(plan(variants, 2000 + round))))));
    count = n;
  }
  const records = [...generateRecords(plan(variants, 3000))];
  const stringify = records.length / seconds(() => {
    for (const record of records) JSON.stringify(record);
  });
  const write = records.length / seconds(() => writeAll(serialised(records)));
  console.log(`${label}: ${fmt(count)} records a round, ${rounds} rounds`);
  console.log(`  generate (validated, streamed):        ${range(generate)} per CPU second; ${fmt(median(generateWall))}/s wall`);
  console.log(`  generate + JSON.stringify + write:     ${range(endToEnd)}`);
  console.log(`  floor, same records: JSON.stringify ${fmt(stringify)}/s; stringify + write ${fmt(write)}/s`);
}

/** Live heap after a full collection at every 50,000 records: flat if nothing is retained (needs --expose-gc). */
function memory(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) {
    console.log('memory: skipped; run with node --expose-gc --import tsx bench/generate.ts to measure it');
    return;
  }
  const streamSets = Number(values['stream-sets']);
  const marks: number[] = [];
  let n = 0;
  gc();
  const before = process.memoryUsage().heapUsed;
  for (const _record of generateRecords(plan(['base', 'names', 'numbers', 'noop', 'p1', 'p2'], 4000, streamSets))) {
    if (++n % 50_000 === 0) {
      gc();
      marks.push(process.memoryUsage().heapUsed);
    }
  }
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)}`;
  console.log(`memory: stream of ${fmt(n)} records (all variants, ${streamSets} sets); live heap after GC ${mb(before)} MiB before, then at each 50k records: ${marks.map(mb).join(', ')} MiB`);
}

console.log(`reasonforge generate bench: ${library.templates.length} templates, ${sets} sets a round, node ${process.version}`);
measure('base', ['base']);
measure('all six variants', ['base', 'names', 'numbers', 'noop', 'p1', 'p2']);
memory();
rmSync(path, { force: true });
