import { ReasonforgeError } from '../errors.js';
import type { ProblemRecord } from '../records/problem.js';
import { Rng } from '../score/rng.js';

/** A file of records with the path it came from, for messages that name it. */
export interface RecordFile {
  readonly path: string;
  readonly records: readonly ProblemRecord[];
}

/** Questions compare with case and runs of white space ignored: a re-spaced copy of a test item is still a leak. */
function questionKey(question: string): string {
  return question.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Refuses a few-shot file that shares anything with the dataset it prompts
 * for: an id, a base item (a variant of a test item is the same problem), or
 * a question. Passing the test file itself as --fewshot is the common case.
 */
export function checkFewshotDisjoint(dataset: RecordFile, fewshot: RecordFile): void {
  const ids = new Set<string>();
  const questions = new Map<string, string>();
  for (const record of dataset.records) {
    ids.add(record.id);
    ids.add(record.base_id);
    questions.set(questionKey(record.question), record.id);
  }
  fewshot.records.forEach((record, index) => {
    const where = { file: fewshot.path, line: index + 1 };
    if (ids.has(record.id))
      throw new ReasonforgeError(
        'fewshot-leak',
        `few-shot item ${record.id} is also in the dataset ${dataset.path}; give examples from another split or seed (e.g. generate --split train)`,
        where,
      );
    if (ids.has(record.base_id))
      throw new ReasonforgeError(
        'fewshot-leak',
        `few-shot item ${record.id} is a variant of ${record.base_id}, which is in the dataset ${dataset.path}`,
        where,
      );
    const same = questions.get(questionKey(record.question));
    if (same !== undefined)
      throw new ReasonforgeError('fewshot-leak', `few-shot item ${record.id} asks the same question as dataset item ${same} of ${dataset.path}`, where);
  });
}

/**
 * Few-shot examples: `count` base items of distinct templates (an imported
 * item, which has no template, is its own), chosen by `seed` independently of
 * the file's order, after checking that the file shares nothing with the
 * dataset. The same file, count and seed give the same examples in the same
 * order everywhere: `run`, and the lm-eval and Inspect exports.
 */
export function selectFewshot(dataset: RecordFile, fewshot: RecordFile, count: number, seed: number): ProblemRecord[] {
  checkFewshotDisjoint(dataset, fewshot);
  if (count === 0) return [];
  const families = new Map<string, ProblemRecord[]>();
  for (const record of fewshot.records) {
    if (record.variant.kind !== 'base' && record.variant.kind !== 'external') continue;
    const family = record.template === null ? `item:${record.id}` : `template:${record.template.id}`;
    const members = families.get(family) ?? [];
    members.push(record);
    families.set(family, members);
  }
  if (families.size < count) {
    throw new ReasonforgeError(
      'fewshot-too-small',
      `--num-fewshot ${count} needs base items of ${count} distinct templates, and this file has ${families.size}; generate more (generate --split train --variants base) or ask for fewer`,
      { file: fewshot.path },
    );
  }
  const rng = Rng.keyed(seed, 'fewshot');
  const keys = [...families.keys()].sort();
  // A partial Fisher-Yates shuffle: the first `count` keys of a seeded permutation.
  for (let i = 0; i < count; i++) {
    const j = i + rng.below(keys.length - i);
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  return keys.slice(0, count).map((key) => {
    const members = [...families.get(key)!].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return members[rng.below(members.length)]!;
  });
}
