/**
 * Generation throughput on one core, from the built library (run `npm run build` first):
 *   npx tsx bench/generate.ts [--sets N] [--rounds R]
 * Prints items per second for base-only and for all six variants, and the floor
 * for the same records: JSON.stringify alone, and stringify plus writing the
 * bytes to a file.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GenerationPlan, generateRecords, loadLibrary, type GeneratedVariant, type ProblemRecord } from '../dist/index.js';

const { values } = parseArgs({ options: { sets: { type: 'string', default: '400' }, rounds: { type: 'string', default: '5' } } });
const sets = Number(values.sets);
const rounds = Number(values.rounds);
const library = loadLibrary();

function time<T>(run: () => T): { seconds: number; result: T } {
  const start = process.hrtime.bigint();
  const result = run();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result };
}

function measure(label: string, variants: GeneratedVariant[]): void {
  const records: ProblemRecord[] = [];
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const plan = new GenerationPlan({ seed: 1000 + round, sets, split: 'test', variants, templates: library.templates });
    records.length = 0;
    const { seconds } = time(() => {
      for (const record of generateRecords(plan)) records.push(record);
    });
    rates.push(records.length / seconds);
  }
  const stringify = time(() => records.map((r) => JSON.stringify(r)));
  const path = join(tmpdir(), `reasonforge-bench-${process.pid}.jsonl`);
  const write = time(() => {
    const fd = openSync(path, 'w');
    let chunk = '';
    for (const record of records) {
      chunk += `${JSON.stringify(record)}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
    closeSync(fd);
  });
  rmSync(path, { force: true });
  const generateThenWrite = records.length / (records.length / median(rates) + write.seconds);
  console.log(
    `${label.padEnd(14)} ${String(records.length).padStart(8)} records/round  generate ${fmt(median(rates))}/s (min ${fmt(Math.min(...rates))}, max ${fmt(Math.max(...rates))})  ` +
      `generate+stringify+write ${fmt(generateThenWrite)}/s  floor: stringify ${fmt(records.length / stringify.seconds)}/s, stringify+write ${fmt(records.length / write.seconds)}/s`,
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function fmt(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

console.log(`reasonforge generate bench: ${library.templates.length} templates, ${sets} sets, ${rounds} rounds, node ${process.version}`);
measure('base', ['base']);
measure('all 6 variants', ['base', 'names', 'numbers', 'noop', 'p1', 'p2']);
