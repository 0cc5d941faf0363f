/**
 * Prints the template library's statistics as Markdown for the README:
 * templates per topic, the distribution of solution steps, and of answer
 * sizes over generated base items. Run: npx tsx scripts/library-stats.ts
 */
import { GenerationPlan, generateRecords } from '../src/engine/generate.js';
import { supportedVariants } from '../src/engine/variants.js';
import { TOPICS } from '../src/template/spec.js';
import { loadLibrary } from '../src/template/load.js';

const library = loadLibrary();
const templates = library.templates;
const sets = 200;
const table = (header: string[], rows: (string | number)[][]) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const withP2 = templates.filter((t) => supportedVariants(t).includes('p2')).length;
console.log(`${templates.length} templates over ${new Set(templates.map((t) => t.topic)).size} topics; every one has at least 2 distractors and 1 extension, ${withP2} have a second extension (p2).\n`);
console.log(table(['topic', 'templates'], TOPICS.map((topic) => [topic, templates.filter((t) => t.topic === topic).length])));

const steps = new Map<number, number>();
for (const t of templates) steps.set(t.solution.length, (steps.get(t.solution.length) ?? 0) + 1);
console.log('\nSolution steps of the base problem (p1 and p2 add their extensions\' lines):\n');
console.log(table(['steps', 'templates'], [...steps.entries()].sort((a, b) => a[0] - b[0])));

const buckets: [string, (x: number) => boolean][] = [
  ['under 10', (x) => x < 10],
  ['10 to 99', (x) => x >= 10 && x < 100],
  ['100 to 999', (x) => x >= 100 && x < 1000],
  ['1,000 to 9,999', (x) => x >= 1000 && x < 10000],
  ['10,000 or more', (x) => x >= 10000],
];
const counts = buckets.map(() => 0);
let total = 0;
let integers = 0;
const plan = new GenerationPlan({ seed: 1, sets, split: 'test', variants: ['base'], templates });
for (const record of generateRecords(plan)) {
  const value = Number(record.answer.includes('/') ? fractionValue(record.answer) : record.answer);
  total++;
  if (/^-?\d+$/.test(record.answer)) integers++;
  buckets.forEach(([, test], i) => {
    if (test(Math.abs(value))) counts[i]!++;
  });
}
console.log(`\nAnswer sizes over ${total} base items (seed 1, ${sets} sets of every template); ${((integers / total) * 100).toFixed(1)}% are integers:\n`);
console.log(table(['answer', 'items', 'share'], buckets.map(([label], i) => [label, counts[i]!, `${((counts[i]! / total) * 100).toFixed(1)}%`])));

function fractionValue(fraction: string): number {
  const [top, bottom] = fraction.split('/').map(Number);
  return top! / bottom!;
}
