/**
 * Verifications per second, on one core, on realistic GSM-style completions.
 *
 *   npx tsx bench/verify.ts            (RF_SHARED_DATA=/path/to/shared/data to choose the data)
 *
 * The corpus mixes three sources:
 * - real model output: 1,319 ToRA-70B completions on GSM8K (program, output, boxed answer);
 * - chain-of-thought prose: the 1,319 GSM8K gold solutions, their "#### N" line turned into "The answer is N.";
 * - synthetic completions from completionArb (right and wrong answers, right and wrong steps), built from
 *   GSM8K items' own annotated steps, with a fixed seed.
 * Each source is timed alone and the mix is timed as a whole, for verify() alone and for
 * verify() + checkSteps().
 */
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { completionArb, type CompletionItem } from '../src/arbitraries/index.js';
import { checkAnnotations, checkSteps, verify } from '../src/verify/index.js';

const DATA = process.env['RF_SHARED_DATA'] ?? join(import.meta.dirname, '../../shared/data');
const SECONDS = Number(process.env['RF_BENCH_SECONDS'] ?? '3');

type Case = readonly [output: string, expected: string];

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

function corpora(): Record<string, Case[]> {
  const result: Record<string, Case[]> = {};
  const toraPath = join(DATA, 'completions/tora-70b-gsm8k.jsonl');
  const gsmPath = join(DATA, 'gsm8k/test.jsonl');
  const items: CompletionItem[] = [];
  if (existsSync(toraPath)) {
    result['ToRA-70B completions'] = readJsonl<{ code: string[]; gt: string }>(toraPath).map((r) => [r.code[0] ?? '', r.gt] as const);
  }
  if (existsSync(gsmPath)) {
    const gsm = readJsonl<{ answer: string }>(gsmPath);
    result['GSM8K solutions as CoT'] = gsm.map((r) => {
      const cut = r.answer.lastIndexOf('####');
      const gold = r.answer.slice(cut + 4).trim().replace(/,/g, '');
      return [`${r.answer.slice(0, cut)}The answer is ${gold}.`, gold] as const;
    });
    for (const r of gsm.slice(0, 400)) {
      const cut = r.answer.lastIndexOf('####');
      const steps = checkAnnotations(r.answer).map((a) => ({ expr: a.expr, value: a.value ?? '0' }));
      items.push({ answer: r.answer.slice(cut + 4).trim().replace(/,/g, ''), steps });
    }
  } else {
    for (let k = 0; k < 50; k++) items.push({ answer: String(k * 7 + 3), steps: [{ expr: `${k} * 7`, value: String(k * 7) }, { expr: `${k * 7} + 3`, value: String(k * 7 + 3) }] });
  }
  const synthetic = fc.sample(
    fc.tuple(fc.constantFrom(...items), fc.boolean(), fc.boolean()).chain(([item, correct, validSteps]) =>
      completionArb(item, { correct, validSteps }).map((text) => [text, item.answer] as const),
    ),
    { numRuns: 2000, seed: 20_240_601 },
  );
  result['synthetic (completionArb)'] = synthetic;
  return result;
}

/**
 * Calls per second of `work` over the cases, after a warm-up, for about SECONDS seconds. The rate is
 * per second of this process's CPU time: on a shared machine, wall-clock time also counts the time
 * other processes held the core, which says nothing about the verifier. Both are returned.
 */
function throughput(cases: readonly Case[], work: (output: string, expected: string) => void): { cpu: number; wall: number } {
  for (let round = 0; round < 3; round++) for (const [output, expected] of cases) work(output, expected);
  let calls = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const deadline = started + SECONDS * 1000;
  while (performance.now() < deadline) {
    for (const [output, expected] of cases) work(output, expected);
    calls += cases.length;
  }
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpuStarted);
  return { cpu: calls / ((used.user + used.system) / 1e6), wall: calls / wall };
}

const verifyOnly = (output: string, expected: string): void => {
  verify(output, expected);
};
const verifyAndSteps = (output: string, expected: string): void => {
  verify(output, expected);
  checkSteps(output);
};

const sets = corpora();
const mix = Object.values(sets).flat();
const cpu = cpus();
console.log(`reasonforge verifier benchmark, ${new Date().toISOString().slice(0, 10)}`);
console.log(`machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB; Node ${process.version}; one process, one core`);
console.log(`data: ${existsSync(DATA) ? DATA : `${DATA} (absent: synthetic corpus only)`}\n`);
const rows: string[][] = [['corpus', 'cases', 'mean length', 'verify()/s', 'verify()+checkSteps()/s', '(wall-clock: verify, both)']];
const format = (n: number): string => Math.round(n).toLocaleString('en-US');
for (const [name, cases] of [...Object.entries(sets), ['all of the above', mix] as const]) {
  const meanLength = Math.round(cases.reduce((sum, [output]) => sum + output.length, 0) / cases.length);
  const alone = throughput(cases, verifyOnly);
  const both = throughput(cases, verifyAndSteps);
  rows.push([name, String(cases.length), `${meanLength} chars`, format(alone.cpu), format(both.cpu), `${format(alone.wall)}, ${format(both.wall)}`]);
}
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const row of rows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
console.log('\nRates are per second of CPU time of this one process (one core); wall-clock rates in the last column.');
