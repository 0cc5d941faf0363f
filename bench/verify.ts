/**
 * Verifier throughput on one core, and Math-Verify on the same completions in
 * the same run (run `npm run build` first: the CLI is timed from dist/).
 *
 *   npx tsx bench/verify.ts
 *   RF_SHARED_DATA=/path/to/shared/data        the data (default ../shared/data)
 *   RF_MATH_VERIFY_PATH=/src/of/math-verify:/src/of/latex2sympy2_extended
 *                                              where Math-Verify's Python sources are (its PYTHONPATH)
 *   RF_BENCH_SECONDS=3  RF_PEER_LINES=2000  RF_CLI_LINES=105520
 *
 * Corpora: real model output (1,319 ToRA-70B completions on GSM8K), chain-of-thought
 * prose (the 1,319 GSM8K gold solutions ending "The answer is N."), synthetic
 * completions from completionArb (fixed seed), and our labelled competition corpus
 * (test/verify/corpus). Rates are per second of CPU time: on a shared machine wall
 * time also counts other processes; both are printed.
 *
 * The comparison: the GSM8K mix, shuffled with a fixed seed, is written as JSONL.
 * `reasonforge verify --jsonl` reads all of it end to end (process start-up, JSON
 * in and out included); verify() and Math-Verify's parse + verify read its first
 * RF_PEER_LINES lines (Math-Verify is slow, so it gets a sample). The competition
 * corpus goes through both whole, and each one's agreement with the labels is shown.
 */
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { completionArb, type CompletionItem } from '../src/arbitraries/index.js';
import { checkAnnotations, checkSteps, verify } from '../src/verify/index.js';

const ROOT = join(import.meta.dirname, '..');
const DATA = process.env['RF_SHARED_DATA'] ?? join(ROOT, '../shared/data');
const SECONDS = Number(process.env['RF_BENCH_SECONDS'] ?? '3');
const PEER_LINES = Number(process.env['RF_PEER_LINES'] ?? '2000');
const CLI_LINES = Number(process.env['RF_CLI_LINES'] ?? '105520');

type Case = readonly [output: string, expected: string];
interface Labelled {
  readonly candidate: string;
  readonly reference: string;
  readonly correct: boolean;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

function gsmCorpora(): Record<string, Case[]> {
  const result: Record<string, Case[]> = {};
  const toraPath = join(DATA, 'completions/tora-70b-gsm8k.jsonl');
  const gsmPath = join(DATA, 'gsm8k/test.jsonl');
  const items: CompletionItem[] = [];
  if (existsSync(toraPath)) result['ToRA-70B completions'] = readJsonl<{ code: string[]; gt: string }>(toraPath).map((r) => [r.code[0] ?? '', r.gt] as const);
  if (existsSync(gsmPath)) {
    const gsm = readJsonl<{ answer: string }>(gsmPath);
    result['GSM8K solutions as CoT'] = gsm.map((r) => {
      const cut = r.answer.lastIndexOf('####');
      const gold = r.answer
        .slice(cut + 4)
        .trim()
        .replace(/,/g, '');
      return [`${r.answer.slice(0, cut)}The answer is ${gold}.`, gold] as const;
    });
    for (const r of gsm.slice(0, 400)) {
      const cut = r.answer.lastIndexOf('####');
      const steps = checkAnnotations(r.answer).map((a) => ({ expr: a.expr, value: a.value ?? '0' }));
      items.push({
        answer: r.answer
          .slice(cut + 4)
          .trim()
          .replace(/,/g, ''),
        steps,
      });
    }
  } else {
    for (let k = 0; k < 50; k++)
      items.push({
        answer: String(k * 7 + 3),
        steps: [
          { expr: `${k} * 7`, value: String(k * 7) },
          { expr: `${k * 7} + 3`, value: String(k * 7 + 3) },
        ],
      });
  }
  result['synthetic (completionArb)'] = fc.sample(
    fc
      .tuple(fc.constantFrom(...items), fc.boolean(), fc.boolean())
      .chain(([item, correct, validSteps]) => completionArb(item, { correct, validSteps }).map((text) => [text, item.answer] as const)),
    { numRuns: 2000, seed: 20_240_601 },
  );
  return result;
}

function competitionCorpus(): Labelled[] {
  const folder = join(ROOT, 'test/verify/corpus');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .flatMap((name) => parseYaml(readFileSync(join(folder, name), 'utf8')) as Labelled[]);
}

/** Calls per CPU second (and per wall second) of `work` over the cases, after a warm-up, for about SECONDS seconds. */
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

/** A fixed shuffle, so that any prefix of the file is a fair sample of the mix. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  let state = 0x2545f491;
  for (let k = out.length - 1; k > 0; k--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (k + 1);
    [out[k], out[j]] = [out[j]!, out[k]!];
  }
  return out;
}

/** `reasonforge verify --jsonl FILE` end to end, timed by /usr/bin/time: CPU (user + system) and wall seconds. */
function timeCli(file: string): { cpu: number; wall: number } | string {
  const bin = join(ROOT, 'bin/reasonforge.js');
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) return 'dist/ is missing: run npm run build';
  if (!existsSync('/usr/bin/time')) return '/usr/bin/time is missing';
  const run = spawnSync('/usr/bin/time', ['-f', 'rf-time %U %S %e', process.execPath, bin, 'verify', '--jsonl', file], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const line = run.stderr.split('\n').find((l) => l.startsWith('rf-time '));
  if (line === undefined) return `the CLI failed: ${run.stderr.slice(0, 300)}`;
  const [user, system, wall] = line.slice(8).split(' ').map(Number) as [number, number, number];
  return { cpu: user + system, wall };
}

interface PeerResult {
  readonly lines: number;
  readonly cpu: number;
  readonly wall: number;
  readonly verdicts: readonly boolean[];
}

/** Math-Verify on the first `limit` lines of the file, or why it could not run. */
function runPeer(file: string, limit: number): PeerResult | string {
  const path = process.env['RF_MATH_VERIFY_PATH'];
  const env = path === undefined ? process.env : { ...process.env, PYTHONPATH: path };
  const run = spawnSync('python3', [join(ROOT, 'bench/math-verify-peer.py'), file, String(limit)], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.error !== undefined) return `python3 could not start (${run.error.message})`;
  if (run.status !== 0) return `Math-Verify did not run: ${run.stderr.trim().split('\n').pop() ?? 'no output'}`;
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as PeerResult;
}

const format = (n: number): string => Math.round(n).toLocaleString('en-US');

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
}

const cpu = cpus();
console.log(`reasonforge verifier benchmark, ${new Date().toISOString().slice(0, 10)}`);
console.log(
  `machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB; Node ${process.version}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`data: ${existsSync(DATA) ? DATA : `${DATA} (absent: synthetic corpus only)`}\n`);

const sets = gsmCorpora();
const mix = Object.values(sets).flat();
const labelled = competitionCorpus();
const competition: Case[] = labelled.map((entry) => [entry.candidate, entry.reference] as const);
const verifyOnly = (output: string, expected: string): void => void verify(output, expected);
const verifyAndSteps = (output: string, expected: string): void => {
  verify(output, expected);
  checkSteps(output);
};

const rows: string[][] = [['corpus', 'cases', 'mean length', 'verify()/s', 'verify()+checkSteps()/s', '(wall-clock: verify, both)']];
for (const [name, cases] of [...Object.entries(sets), ['all of the above', mix] as const, ['competition corpus (ours)', competition] as const]) {
  const meanLength = Math.round(cases.reduce((sum, [output]) => sum + output.length, 0) / cases.length);
  const alone = throughput(cases, verifyOnly);
  const both = throughput(cases, verifyAndSteps);
  rows.push([name, String(cases.length), `${meanLength} chars`, format(alone.cpu), format(both.cpu), `${format(alone.wall)}, ${format(both.wall)}`]);
}
printTable(rows);
console.log('\nRates are per second of CPU time of this one process (one core); wall-clock rates in the last column.\n');

// The cost of reading a reference as possibly rounded (GSM-Plus's 4.33 for 26/6): exact fractions
// answered against their rounding to 2 places, the same cases under both options, in this run.
const roundedCases: Case[] = [];
for (let k = 0; k < 2000; k++) {
  const numerator = 1 + ((k * 7919) % 100_000);
  const denominator = 3 + (k % 97);
  roundedCases.push([
    `Each share is ${numerator}/${denominator}.\n#### ${numerator}/${denominator}`,
    (Math.round((numerator / denominator) * 100) / 100).toFixed(2),
  ]);
}
const asExact = throughput(roundedCases, (output, expected) => void verify(output, expected));
const asRounded = throughput(roundedCases, (output, expected) => void verify(output, expected, { reference: 'rounded' }));
printTable([
  ['fractions against rounded references', 'cases', "reference 'exact'/s", "reference 'rounded'/s", 'rounded / exact'],
  ['(2,000 synthetic)', String(roundedCases.length), format(asExact.cpu), format(asRounded.cpu), (asRounded.cpu / asExact.cpu).toFixed(2)],
]);
console.log('');

const folder = mkdtempSync(join(tmpdir(), 'rf-bench-verify-'));
const cleanUp = (): void => rmSync(folder, { recursive: true, force: true });
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});
try {
  const lines = shuffled(mix);
  const gsmFile = join(folder, 'gsm8k-completions.jsonl');
  const body: string[] = [];
  for (let k = 0; k < CLI_LINES; k++) {
    const [output, expected] = lines[k % lines.length]!;
    body.push(JSON.stringify({ id: k, output, expected }));
  }
  writeFileSync(gsmFile, `${body.join('\n')}\n`);
  const competitionFile = join(folder, 'competition.jsonl');
  writeFileSync(competitionFile, `${labelled.map((e, id) => JSON.stringify({ id, output: e.candidate, expected: e.reference })).join('\n')}\n`);

  const sample = lines.slice(0, Math.min(PEER_LINES, lines.length));
  const library = throughput(sample, verifyOnly);
  const cli = timeCli(gsmFile);
  const peer = runPeer(gsmFile, sample.length);
  const peerCompetition = runPeer(competitionFile, labelled.length);
  const competitionRate = throughput(competition, verifyOnly);

  console.log(`Against Math-Verify, same run, same completions (GSM8K mix shuffled; Math-Verify and verify() on its first ${format(sample.length)} lines):`);
  if (typeof peer === 'string') console.log(`  ${peer}. Without it, compare with the reference rate of about 1,200 checks per second on this machine class.`);
  const peerRate = typeof peer === 'string' ? null : { cpu: peer.lines / peer.cpu, wall: peer.lines / peer.wall };
  const ratio = (ours: number, theirs: number | undefined): string => (theirs === undefined ? '—' : `${format(ours / theirs)}x`);
  const table: string[][] = [['what', 'lines', 'per CPU second', 'per wall second', 'vs Math-Verify (CPU, wall)']];
  if (peerRate !== null) table.push(['Math-Verify parse + verify', format(sample.length), format(peerRate.cpu), format(peerRate.wall), '1x']);
  table.push([
    'verify() in the library',
    format(sample.length),
    format(library.cpu),
    format(library.wall),
    `${ratio(library.cpu, peerRate?.cpu)}, ${ratio(library.wall, peerRate?.wall)}`,
  ]);
  if (typeof cli === 'string') table.push(['reasonforge verify --jsonl', format(CLI_LINES), cli, '', '']);
  else
    table.push([
      'reasonforge verify --jsonl, end to end',
      format(CLI_LINES),
      format(CLI_LINES / cli.cpu),
      format(CLI_LINES / cli.wall),
      `${ratio(CLI_LINES / cli.cpu, peerRate?.cpu)}, ${ratio(CLI_LINES / cli.wall, peerRate?.wall)}`,
    ]);
  printTable(table);
  if (typeof peer !== 'string') {
    const same = sample.filter(([output, expected], k) => verify(output, expected).correct === peer.verdicts[k]).length;
    console.log(`  verdicts: the two agree on ${format(same)} of ${format(sample.length)} lines`);
  }

  console.log(`\nOur labelled competition corpus (${labelled.length} entries, test/verify/corpus):`);
  const ours = labelled.filter((e) => verify(e.candidate, e.reference).correct === e.correct).length;
  console.log(`  reasonforge agrees with ${ours} of ${labelled.length} labels, at ${format(competitionRate.cpu)} verifications per CPU second`);
  if (typeof peerCompetition === 'string') console.log(`  ${peerCompetition}`);
  else {
    const theirs = labelled.filter((e, k) => peerCompetition.verdicts[k] === e.correct).length;
    console.log(`  Math-Verify agrees with ${theirs} of ${labelled.length} labels, at ${format(peerCompetition.lines / peerCompetition.cpu)} per CPU second`);
  }
} finally {
  cleanUp();
}
