import { ReasonforgeError } from '../errors.js';
import type { ProblemRecord } from '../records/problem.js';
import { readRecords } from '../records/read-records.js';
import { referenceFormOf } from '../records/rounded-answer.js';
import type { ReferenceForm } from '../verify/match.js';

/** What scoring keeps of a dataset record: enough to judge, group and pair it. */
export interface DatasetItem {
  readonly id: string;
  readonly answer: string;
  /** How the verifier reads the answer: `rounded` for an imported answer marked `source.rounded`. */
  readonly reference: ReferenceForm;
  readonly variant: string;
  readonly baseId: string;
  /** null for imported items that came from no template. */
  readonly template: string | null;
  /** null for imported items that belong to no instance set: per-set figures leave them out. */
  readonly set: number | null;
  readonly line: number;
}

export interface Dataset {
  readonly file: string;
  readonly items: readonly DatasetItem[];
  /** Item index by id. */
  readonly index: ReadonlyMap<string, number>;
}

/** Builds a Dataset from records already in memory (tests, library users). */
export function datasetOf(records: readonly ProblemRecord[], file = '<memory>'): Dataset {
  const items: DatasetItem[] = [];
  const index = new Map<string, number>();
  records.forEach((record, i) => addItem(items, index, record, { file, line: i + 1 }));
  return { file, items, index };
}

/** Reads a reasonforge JSONL dataset (see readRecords: the first bad line stops it); ids must be unique. */
export async function loadDataset(file: string): Promise<Dataset> {
  const items: DatasetItem[] = [];
  const index = new Map<string, number>();
  for await (const { record, line } of readRecords(file)) addItem(items, index, record, { file, line });
  return { file, items, index };
}

function addItem(items: DatasetItem[], index: Map<string, number>, record: ProblemRecord, where: { file: string; line: number }): void {
  const first = index.get(record.id);
  if (first !== undefined) {
    throw new ReasonforgeError('dataset-invalid', `duplicate id ${record.id} (first on line ${items[first]!.line})`, where);
  }
  index.set(record.id, items.length);
  items.push({
    id: record.id,
    answer: record.answer,
    reference: referenceFormOf(record),
    variant: record.variant.kind,
    baseId: record.base_id,
    template: record.template?.id ?? null,
    set: record.set,
    line: where.line,
  });
}
