/** The variant ids the generator makes, in the order records are written (docs/variants.md). */
export const GENERATED_VARIANT_IDS = [
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
] as const;

/**
 * Every variant id: the generated ones, then two that only imported records
 * carry: `symbolic` (a GSM-Symbolic instance, names and numbers redrawn from
 * its template, against the original GSM8K problem) and `external` (an
 * imported item paired with nothing).
 */
export const VARIANT_IDS = [...GENERATED_VARIANT_IDS, 'symbolic', 'external'] as const;

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

/** One sentence of a paraphrase item and the authored alternative that replaced it. */
export interface RewrittenSentence {
  readonly part: 'premise' | 'question';
  /** The premise's index; absent for the question. */
  readonly index?: number;
  readonly alternative: number;
}

export interface VariantInfo {
  readonly kind: VariantId;
  /** Clauses added to the base problem (noop, p1, p2). */
  readonly inserted?: readonly InsertedClause[];
  /** Bindings that differ from the base item (names, numbers, digits, decimal, fraction). */
  readonly changed?: readonly string[];
  /** reverse: which reversed problem, and the base variable that became the unknown. */
  readonly reversed?: { readonly id: string; readonly unknown: string };
  /** paraphrase: the sentences rewritten. */
  readonly rewritten?: readonly RewrittenSentence[];
  /** critical: the premise removed, as the base item has it, and the facts only it stated. */
  readonly removed?: { readonly premise: number; readonly text: string; readonly missing: readonly string[] };
  /** reorder: the base premises' indices in the order the item states them. */
  readonly order?: readonly number[];
}

export interface Difficulty {
  readonly steps: number;
  readonly operations: number;
  readonly max_number: number;
}

/**
 * Where an imported record was read (docs/records.md). Generated records have
 * none: their template, seed and set say where they come from.
 */
export interface RecordSource {
  /** gsm8k, gsm-plus, gsm-symbolic, or the name the importer was given. */
  readonly dataset: string;
  /** The input file's name, without its folders. */
  readonly file: string;
  /** 1-based line of that file (for a base item read from another item's fields, the first such line). */
  readonly line: number;
  /** The dataset's own name for how the item was made ("critical thinking", "seed_question", "p1"). */
  readonly label?: string;
  /** The source's canary string (GSM-Symbolic's), which asks to keep the data out of training corpora. */
  readonly canary?: string;
  /**
   * The answer is a decimal as the source wrote it, which may be a rounding of
   * the exact value (GSM-Plus writes 4.33 for 26/6): verified with the
   * verifier's `reference: 'rounded'`. Absent when the answer is exact.
   */
  readonly rounded?: true;
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
  /** The instance set; null for imported items that belong to none. */
  readonly set: number | null;
  readonly split: 'test' | 'train';
  readonly seed: number | null;
  readonly bindings: Readonly<Record<string, BindingValue>>;
  readonly difficulty: Difficulty;
  readonly generator: { readonly name: string; readonly version: string };
  /** Only on imported records. */
  readonly source?: RecordSource;
}

/** Imported records carry a source; generated ones never do. */
export function isImported(record: ProblemRecord): boolean {
  return record.source !== undefined;
}
