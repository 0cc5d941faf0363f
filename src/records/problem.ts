/** Every variant id of docs/design.md's table, plus `external` for imported GSM8K-format data. */
export const VARIANT_IDS = [
  'base',
  'names',
  'numbers',
  'noop',
  'p1',
  'p2',
  'digits',
  'decimal',
  'fraction',
  'reverse',
  'paraphrase',
  'critical',
  'reorder',
  'external',
] as const;

export type VariantId = (typeof VARIANT_IDS)[number];

export type RecordAnswerType = 'integer' | 'decimal' | 'fraction' | 'unanswerable';

export type BindingValue = number | string;

export interface Step {
  readonly text: string;
  /** The calculation as the annotation shows it: `12*3`. */
  readonly expr: string;
  /** Canonical value: `36`, `12.5`, `7/3`. */
  readonly value: string;
}

export interface InsertedClause {
  readonly kind: 'distractor' | 'extension';
  readonly id: string;
  /** Index of the premise the clause follows. */
  readonly after: number;
  readonly text: string;
}

export interface VariantInfo {
  readonly kind: VariantId;
  /** Clauses added to the base problem (noop, p1, p2). */
  readonly inserted?: readonly InsertedClause[];
  /** Bindings that differ from the base item (names, numbers). */
  readonly changed?: readonly string[];
}

export interface Difficulty {
  readonly steps: number;
  readonly operations: number;
  readonly max_number: number;
}

/** One JSONL line of a dataset; schemas/problem.schema.json is the contract. */
export interface ProblemRecord {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  readonly answer_type: RecordAnswerType;
  readonly solution: string;
  readonly steps: readonly Step[];
  readonly template: { readonly id: string; readonly version: number } | null;
  readonly variant: VariantInfo;
  readonly base_id: string;
  readonly set: number;
  readonly split: 'test' | 'train';
  readonly seed: number | null;
  readonly bindings: Readonly<Record<string, BindingValue>>;
  readonly difficulty: Difficulty;
  readonly generator: { readonly name: string; readonly version: string };
}
