/**
 * Draws items for a blind review: for each template and each of the given
 * variants, one item from a random set, written as two files in OUT: the
 * questions a reviewer solves (id and question only) and the answer key
 * (id, variant, answer, solution), kept apart so the reviewer never sees it.
 *
 *   npx tsx scripts/review-sample.ts --seed 9001 --variants digits,decimal,fraction,reverse,paraphrase,critical,reorder --out tmp/review
 *
 * `--compare ANSWERS.jsonl` instead reads the reviewer's {id, answer} lines and
 * prints the agreement with the key, by variant, with every disagreement.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateOne } from '../src/engine/generate.js';
import { hashString } from '../src/engine/hash.js';
import { parseVariants, supportedVariants } from '../src/engine/variants.js';
import { loadLibrary } from '../src/template/load.js';
import { equivalent } from '../src/verify/index.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '9001' },
    variants: { type: 'string', default: 'digits,decimal,fraction,reverse,paraphrase,critical,reorder' },
    templates: { type: 'string' },
    out: { type: 'string', default: 'tmp/review' },
    compare: { type: 'string' },
  },
});
const out = values.out;

if (values.compare !== undefined) {
  const key = new Map(
    readFileSync(join(out, 'key.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; variant: string; answer: string })
      .map((k) => [k.id, k]),
  );
  const byVariant = new Map<string, { agree: number; total: number }>();
  for (const line of readFileSync(values.compare, 'utf8').trim().split('\n')) {
    const { id, answer } = JSON.parse(line) as { id: string; answer: string };
    const expected = key.get(id);
    if (expected === undefined) continue;
    const tally = byVariant.get(expected.variant) ?? { agree: 0, total: 0 };
    tally.total++;
    if (equivalent(String(answer), expected.answer, { tolerance: 'exact' })) tally.agree++;
    else console.log(`disagree ${id}: reviewer ${answer}, key ${expected.answer}`);
    byVariant.set(expected.variant, tally);
  }
  for (const [variant, { agree, total }] of byVariant) console.log(`${variant}: ${agree}/${total}`);
  const all = [...byVariant.values()].reduce((a, b) => ({ agree: a.agree + b.agree, total: a.total + b.total }), { agree: 0, total: 0 });
  console.log(`all: ${all.agree}/${all.total}`);
} else {
  const seed = Number(values.seed);
  const wanted = parseVariants(values.variants.split(','));
  const pattern = values.templates?.split(',');
  const library = loadLibrary();
  const questions: string[] = [];
  const key: string[] = [];
  for (const template of library.templates.filter((t) => pattern === undefined || pattern.includes(t.id))) {
    for (const variant of wanted.filter((v) => supportedVariants(template).includes(v))) {
      const set = hashString(`${template.id}|${variant}`, seed) % 200;
      const record = generateOne(template, seed, 'test', set, variant);
      questions.push(JSON.stringify({ id: `q${questions.length}`, question: record.question }));
      key.push(JSON.stringify({ id: `q${key.length}`, item: record.id, variant, answer: record.answer, solution: record.solution }));
    }
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'questions.jsonl'), `${questions.join('\n')}\n`);
  writeFileSync(join(out, 'key.jsonl'), `${key.join('\n')}\n`);
  console.log(`${questions.length} items: ${join(out, 'questions.jsonl')} for the reviewer, ${join(out, 'key.jsonl')} kept apart`);
}
