import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProblemRecord } from '../../src/records/problem.js';
import { scoreFiles } from '../../src/score/score.js';
import { completion, fakeJudge, lcg, record } from '../score/support.js';

/**
 * Two models on one dataset, scored by the real scoring pipeline (with the
 * test judge): "rl" is right often on the items it can do and never on the
 * others; "base" is right less often on every item, with more noop
 * robustness. Each sample's verdict is decided here, so a test can compute
 * every figure on its own from `right`.
 */
export interface CompareFixture {
  readonly dir: string;
  readonly dataset: string;
  readonly records: readonly ProblemRecord[];
  /** file -> item id -> verdicts of that run's samples, in order. */
  readonly right: ReadonlyMap<string, ReadonlyMap<string, readonly boolean[]>>;
  /** model -> its metrics files. */
  readonly metrics: Readonly<Record<string, readonly string[]>>;
}

const TEMPLATES = ['bus-seats', 'garden-rows', 'library-fines', 'marbles-shared', 'paint-cans', 'pizza-slices', 'savings-jar', 'water-tank'];

export function chance(model: string, record: ProblemRecord): number {
  const hard = (record.set! + TEMPLATES.indexOf(record.template!.id)) % 3 === 0;
  const noop = record.variant.kind === 'noop';
  if (model === 'rl') return hard ? 0 : noop ? 0.55 : 0.85;
  return noop ? 0.16 : 0.2;
}

export async function writeCompareFixture(options: { sets?: number; samples?: number; runs?: Readonly<Record<string, number>> } = {}): Promise<CompareFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'rf-compare-'));
  const sets = options.sets ?? 10;
  const samples = options.samples ?? 16;
  const runsOf = options.runs ?? { rl: 1, base: 2 };
  const records = TEMPLATES.flatMap((template) =>
    Array.from({ length: sets }, (_, set) => (['base', 'noop'] as const).map((variant) => record(template, set, variant, String(10 + set)))),
  ).flat();
  const dataset = join(dir, 'dataset.jsonl');
  writeFileSync(dataset, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const random = lcg(11);
  const right = new Map<string, Map<string, boolean[]>>();
  const metrics: Record<string, string[]> = {};
  for (const [model, count] of Object.entries(runsOf)) {
    metrics[model] = [];
    for (let run = 0; run < count; run++) {
      // A model's samples are split between its runs: pooled, every model has `samples` per item.
      const perRun = Math.floor(samples / count);
      const file = join(dir, `${model}-${run}.jsonl`);
      const verdicts = new Map<string, boolean[]>();
      const lines: string[] = [];
      for (const r of records) {
        const list = Array.from({ length: perRun }, () => random() < chance(model, r));
        verdicts.set(r.id, list);
        list.forEach((ok, s) =>
          lines.push(
            JSON.stringify({ id: r.id, output: completion(ok ? r.answer : String(Number(r.answer) + 1 + (s % 3)), 'valid', ` ${model} ${run} ${s}`) }),
          ),
        );
      }
      writeFileSync(file, `${lines.join('\n')}\n`);
      right.set(file, verdicts);
      const scored = await scoreFiles(dataset, [file], { judge: fakeJudge, bootstrap: 0, permutations: 100, seed: 0 });
      const out = join(dir, `${model}-${run}.metrics.json`);
      writeFileSync(out, JSON.stringify(scored));
      metrics[model].push(out);
    }
  }
  return { dir, dataset, records, right, metrics };
}
