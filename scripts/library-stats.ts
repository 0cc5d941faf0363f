/**
 * Prints the template library's statistics as Markdown for the README: topics,
 * the solution steps and answer sizes of generated base items beside GSM8K's
 * test set (with the Kolmogorov-Smirnov distance between the two), the share
 * of integer answers, the variants each template lacks, and solution skeletons
 * that more than one template shares. Run: npx tsx scripts/library-stats.ts
 * (GSM8K is read from ../shared/data/gsm8k/test.jsonl or RF_SHARED_DATA.)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_VARIANTS } from '../src/engine/variants.js';
import { readGsm8kShape } from '../src/lint/gsm8k-shape.js';
import { ksDistance } from '../src/lint/ks.js';
import { libraryStats } from '../src/lint/library.js';
import { loadLibrary } from '../src/template/load.js';
import { TOPICS } from '../src/template/spec.js';

const SETS = 300;
const SEED = 202;
const library = loadLibrary();
const stats = libraryStats(library.templates, { sets: SETS, seed: SEED });
const shared = process.env['RF_SHARED_DATA'] ?? fileURLToPath(new URL('../../shared/data', import.meta.url));
const gsm8kFile = join(shared, 'gsm8k', 'test.jsonl');
const gsm8k = existsSync(gsm8kFile) ? readGsm8kShape(gsm8kFile) : null;

const table = (header: string[], rows: (string | number)[][]) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const share = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

console.log(`${stats.templates} templates over ${stats.topics.size} topics.\n`);
console.log(
  table(
    ['topic', 'templates'],
    TOPICS.filter((t) => stats.topics.has(t)).map((topic) => [topic, stats.topics.get(topic)!]),
  ),
);

const stepCounts = (steps: readonly number[], k: number) => steps.filter((s) => s === k).length;
const maxSteps = Math.max(...stats.steps, ...(gsm8k?.steps ?? []));
console.log(
  `\nSolution steps of ${stats.steps.length} base items (seed ${SEED}, ${SETS} sets of every template)${gsm8k ? ' beside the 1,319 GSM8K test solutions (their <<...>> annotations)' : ''}:\n`,
);
console.log(
  table(
    ['steps', 'reasonforge', ...(gsm8k ? ['GSM8K'] : [])],
    Array.from({ length: maxSteps + 1 }, (_, k) => [
      k,
      share(stepCounts(stats.steps, k), stats.steps.length),
      ...(gsm8k ? [share(stepCounts(gsm8k.steps, k), gsm8k.steps.length)] : []),
    ]),
  ),
);

const buckets: [string, (x: number) => boolean][] = [
  ['under 10', (x) => x < 10],
  ['10 to 99', (x) => x >= 10 && x < 100],
  ['100 to 999', (x) => x >= 100 && x < 1000],
  ['1,000 to 9,999', (x) => x >= 1000 && x < 10000],
  ['10,000 or more', (x) => x >= 10000],
];
const inBucket = (values: readonly number[], test: (x: number) => boolean) => values.filter((v) => test(Math.abs(v))).length;
console.log(
  `\nAnswer sizes of the same base items; ${share(stats.integerShare * stats.answers.length, stats.answers.length)} are integers${gsm8k ? ' (GSM8K: 100%)' : ''}:\n`,
);
console.log(
  table(
    ['answer', 'reasonforge', ...(gsm8k ? ['GSM8K'] : [])],
    buckets.map(([label, test]) => [
      label,
      share(inBucket(stats.answers, test), stats.answers.length),
      ...(gsm8k ? [share(inBucket(gsm8k.answers, test), gsm8k.answers.length)] : []),
    ]),
  ),
);
if (gsm8k) {
  const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(
    `\nKolmogorov-Smirnov distance to GSM8K: answers ${ksDistance(stats.answers, gsm8k.answers).toFixed(3)} (median ${median(stats.answers)} against ${median(gsm8k.answers)}), ` +
      `steps ${ksDistance(stats.steps, gsm8k.steps).toFixed(3)} (mean ${(stats.steps.reduce((a, b) => a + b, 0) / stats.steps.length).toFixed(2)} against ${(gsm8k.steps.reduce((a, b) => a + b, 0) / gsm8k.steps.length).toFixed(2)}).`,
  );
} else {
  console.log(`\n(GSM8K's test set was not found at ${gsm8kFile}: no comparison.)`);
}

console.log('\nTemplates that cannot make a variant:\n');
console.log(
  table(
    ['variant', 'templates lacking it', 'share'],
    GENERATED_VARIANTS.map((v) => [v, stats.lacking.get(v)!.length, share(stats.lacking.get(v)!.length, stats.templates)]),
  ),
);
const sharing = [...stats.sharedSkeletons.values()].flat().length;
console.log(`\n${sharing} templates (${share(sharing, stats.templates)}) share a solution skeleton with another${sharing > 0 ? ':' : '.'}`);
for (const [skeleton, ids] of stats.sharedSkeletons) console.log(`- \`${skeleton}\`: ${ids.join(', ')}`);
