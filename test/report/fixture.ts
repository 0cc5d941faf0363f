import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VariantId } from '../../src/records/problem.js';
import type { Metrics } from '../../src/score/metrics.js';
import { scoreFiles } from '../../src/score/score.js';
import { completion, fakeJudge, lcg, record } from '../score/support.js';

/**
 * A realistic run to draw reports from: templates of varying difficulty,
 * instance sets, six variants with the accuracy profile the robustness papers
 * report (noop and p2 hardest), eight samples per item, scored by the real
 * scoring pipeline with the test judge.
 */
export interface FixtureOptions {
  readonly templates?: number;
  readonly sets?: number;
  readonly samples?: number;
  readonly variants?: readonly VariantId[];
  readonly seed?: number;
}

const SKILL: Partial<Record<VariantId, number>> = { base: 0.78, names: 0.76, numbers: 0.71, noop: 0.52, p1: 0.62, p2: 0.45 };
const TEMPLATE_NAMES = [
  'bakery-trays-left',
  'bus-seats',
  'garden-rows',
  'library-fines',
  'marbles-shared',
  'paint-cans',
  'pizza-slices',
  'savings-jar',
  'train-tickets',
  'water-tank',
  'fence-posts',
  'cookie-boxes',
];

export function writeFixture(options: FixtureOptions = {}): { dir: string; dataset: string; predictions: string } {
  const templates = TEMPLATE_NAMES.slice(0, options.templates ?? 8);
  const sets = options.sets ?? 20;
  const samples = options.samples ?? 8;
  const variants = options.variants ?? (['base', 'names', 'numbers', 'noop', 'p1', 'p2'] as const);
  const random = lcg(options.seed ?? 5);
  const dir = mkdtempSync(join(tmpdir(), 'rf-report-'));
  const records: string[] = [];
  const lines: string[] = [];
  templates.forEach((template, t) => {
    const ease = (t % 4) * 0.05 - 0.07;
    for (let set = 0; set < sets; set++) {
      // Some sets are harder for every variant: that is what the spread over sets shows.
      const setShift = (random() - 0.5) * 0.12;
      for (const variant of variants) {
        const answer = String(12 + 7 * set + 3 * t);
        records.push(JSON.stringify(record(template, set, variant, answer)));
        const itemSkill = Math.min(0.98, Math.max(0.02, (SKILL[variant] ?? 0.6) + ease + setShift + (random() - 0.5) * 0.5));
        for (let s = 0; s < samples; s++) {
          const right = random() < itemSkill;
          const wrong = String(Number(answer) + 1 + Math.floor(random() * 3));
          const noAnswer = !right && random() < 0.08;
          lines.push(
            JSON.stringify({
              id: `${template}:test:1:${set}:${variant}`,
              output: completion(noAnswer ? null : right ? answer : wrong, random() < 0.9 ? 'valid' : 'invalid', ` #${s}`),
            }),
          );
        }
      }
    }
  });
  const dataset = join(dir, 'dataset.jsonl');
  const predictions = join(dir, 'predictions.jsonl');
  writeFileSync(dataset, records.join('\n') + '\n');
  writeFileSync(predictions, lines.join('\n') + '\n');
  return { dir, dataset, predictions };
}

export async function fixtureMetrics(options: FixtureOptions = {}): Promise<Metrics> {
  const { dataset, predictions } = writeFixture(options);
  const topics = ['arithmetic', 'money', 'time', 'geometry'];
  return scoreFiles(dataset, [predictions], {
    judge: fakeJudge,
    bootstrap: 400,
    permutations: 2000,
    seed: 1,
    topicOf: (id) => topics[id.length % topics.length]!,
  });
}
