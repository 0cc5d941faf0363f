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
  const builder = new DatasetBuilder(file);
  records.forEach((record, i) => builder.add(itemOf(record, i + 1)));
  return builder.finish();
}

/** Reads a reasonforge JSONL dataset (see readRecords: the first bad line stops it); ids must be unique. */
export async function loadDataset(file: string): Promise<Dataset> {
  const builder = new DatasetBuilder(file);
  for await (const { record, line } of readRecords(file)) builder.add(itemOf(record, line));
  return builder.finish();
}

/** What scoring keeps of a record read from `line`. */
export function itemOf(record: ProblemRecord, line: number): DatasetItem {
  return {
    id: record.id,
    answer: record.answer,
    reference: referenceFormOf(record),
    variant: record.variant.kind,
    baseId: record.base_id,
    template: record.template?.id ?? null,
    set: record.set,
    line,
  };
}

/**
 * Items as columns: how they cross between threads, since a structured clone
 * of one object per item costs several times more than of a few arrays.
 */
export interface ItemColumns {
  readonly id: string[];
  readonly answer: string[];
  readonly reference: ReferenceForm[];
  readonly variant: string[];
  readonly baseId: string[];
  readonly template: (string | null)[];
  readonly set: (number | null)[];
  readonly line: number[];
}

export function emptyColumns(): ItemColumns {
  return { id: [], answer: [], reference: [], variant: [], baseId: [], template: [], set: [], line: [] };
}

export function pushItem(columns: ItemColumns, item: DatasetItem): void {
  columns.id.push(item.id);
  columns.answer.push(item.answer);
  columns.reference.push(item.reference);
  columns.variant.push(item.variant);
  columns.baseId.push(item.baseId);
  columns.template.push(item.template);
  columns.set.push(item.set);
  columns.line.push(item.line);
}

export function itemsOf(columns: ItemColumns): DatasetItem[] {
  return columns.id.map((id, i) => ({
    id,
    answer: columns.answer[i]!,
    reference: columns.reference[i]!,
    variant: columns.variant[i]!,
    baseId: columns.baseId[i]!,
    template: columns.template[i] ?? null,
    set: columns.set[i] ?? null,
    line: columns.line[i]!,
  }));
}

/** Collects items in file order, refusing a repeated id. */
export class DatasetBuilder {
  private readonly items: DatasetItem[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly file: string) {}

  add(item: DatasetItem): void {
    const first = this.index.get(item.id);
    if (first !== undefined) {
      throw new ReasonforgeError('dataset-invalid', `duplicate id ${item.id} (first on line ${this.items[first]!.line})`, { file: this.file, line: item.line });
    }
    this.index.set(item.id, this.items.length);
    this.items.push(item);
  }

  finish(): Dataset {
    return { file: this.file, items: this.items, index: this.index };
  }
}
