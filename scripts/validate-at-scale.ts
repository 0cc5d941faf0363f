/**
 * Proves at scale that the generator never writes a record its own validate
 * rejects: writes at least --records records (default 1,000,000) with every
 * variant of every template over several seeds (one file per seed, both
 * splits) through the CLI a user runs (`reasonforge generate --out`, its
 * worker threads and atomic writer included), validates each file as
 * `reasonforge validate` does, and prints the counts, defects and timings.
 * Run after `npm run build`:
 *
 *   npx tsx scripts/validate-at-scale.ts [--records N] [--seeds 11,22,33,44] [--jobs N]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GENERATED_VARIANTS, GenerationPlan, loadLibrary, validateFile } from '../dist/index.js';

const { values } = parseArgs({
  options: { records: { type: 'string', default: '1000000' }, seeds: { type: 'string', default: '11,22,33,44' }, jobs: { type: 'string' } },
});
const cli = join(import.meta.dirname, '..', 'bin', 'reasonforge.js');
const target = Number(values.records);
const seeds = values.seeds.split(',').map(Number);
const library = loadLibrary();
const perSet = new GenerationPlan({ seed: 0, sets: 1, split: 'test', variants: [...GENERATED_VARIANTS], templates: library.templates }).perSet;
const runs = seeds.flatMap((seed) => (['test', 'train'] as const).map((split) => ({ seed, split })));
const sets = Math.ceil(target / (perSet * runs.length));

let records = 0;
let defects = 0;
let generateSeconds = 0;
let validateSeconds = 0;
const jobs = values.jobs === undefined ? [] : ['--jobs', values.jobs];
const dir = mkdtempSync(join(tmpdir(), 'reasonforge-scale-'));
// An interrupt reaches the generate child too (it removes its own partial file); this removes the folder of finished ones.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
try {
  for (const { seed, split } of runs) {
    const file = join(dir, `${seed}-${split}.jsonl`);
    let started = performance.now();
    execFileSync(
      process.execPath,
      [cli, 'generate', '--seed', String(seed), '--split', split, '--sets', String(sets), '--variants', 'all', ...jobs, '--out', file],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    generateSeconds += (performance.now() - started) / 1000;
    started = performance.now();
    const report = await validateFile(file, library);
    validateSeconds += (performance.now() - started) / 1000;
    records += report.records;
    defects += report.defects.length;
    for (const defect of report.defects.slice(0, 5)) console.log(`seed ${seed} ${split} line ${defect.line}: ${defect.message}`);
    console.log(`seed ${seed} ${split}: ${report.records} records, ${report.defects.length} defects`);
    rmSync(file);
    rmSync(`${file}.manifest.json`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
console.log(
  `${records} records (${library.templates.length} templates, ${GENERATED_VARIANTS.length} variants, ${sets} sets x ${runs.length} seed-splits): ${defects} defects; ` +
    `generated (CLI, wall) in ${generateSeconds.toFixed(1)} s, validated in ${validateSeconds.toFixed(1)} s; validating's peak RSS ${mib(process.resourceUsage().maxRSS * 1024)} MiB`,
);
process.exitCode = defects === 0 && records >= target ? 0 : 1;
