import type { Groupings } from './aggregate.js';
import type { LineProblem } from './read-predictions.js';
import type { PredictionFormat } from './predictions.js';

/**
 * metrics.json, as schemas/metrics.schema.json describes it. Fixed paths
 * other tools read: by_variant.<variant>.pass_at_k.<k> (and maj_at_k,
 * cot_pass_at_k), by_variant.<variant>.drop_vs_base, and the same shapes
 * under by_template.<id>, by_topic.<topic> and by_set.<n>.
 */
export const METRICS_FORMAT = 'reasonforge-metrics';
export const METRICS_FORMAT_VERSION = 1;

export interface MetricsOptions {
  readonly k: readonly number[];
  readonly bootstrap: number;
  readonly permutations: number;
  readonly seed: number;
  readonly confidence: number;
  readonly maj_exact_limit: number;
  readonly maj_subsets: number;
  readonly duplicates: 'keep' | 'drop';
  readonly lm_eval_filter: string | null;
}

export interface Coverage {
  readonly dataset_items: number;
  readonly scored_items: number;
  readonly samples: number;
  /** Dataset items without a single prediction: in no figure, listed here. */
  readonly missing: { readonly count: number; readonly ids: readonly string[]; readonly truncated: boolean };
  /** Prediction lines whose id is not in the dataset. `count` is distinct ids. */
  readonly unknown: { readonly lines: number; readonly samples: number; readonly count: number; readonly ids: readonly string[]; readonly truncated: boolean };
  /** Samples identical to an earlier sample of the same item. */
  readonly duplicates: {
    readonly count: number;
    readonly dropped: boolean;
    /** `sample` is the place in the line's outputs, so two identical samples on one line are told apart. */
    readonly entries: ReadonlyArray<{ id: string; file: string; line: number; sample: number; first_file: string; first_line: number; first_sample: number }>;
    readonly truncated: boolean;
  };
  readonly malformed: { readonly count: number; readonly entries: readonly LineProblem[]; readonly truncated: boolean };
  readonly lm_eval: { readonly filter: string | null; readonly skipped_lines: number };
  /** Samples from which no final answer could be extracted. */
  readonly no_answer: number;
  /** How many items have each number of samples, e.g. {"8": 1000}. */
  readonly samples_per_item: Readonly<Record<string, number>>;
  /** (item, k) pairs whose maj@k averages random k-subsets rather than all of them. */
  readonly maj_sampled: number;
  /** Dataset items (imported ones) that belong to no instance set: in no by_set group and no spread. */
  readonly items_without_set: number;
}

export interface ItemRow {
  readonly id: string;
  readonly variant: string;
  /** The base item it was made from (itself for base items): `compare` pairs drops with it. */
  readonly base_id?: string;
  readonly n: number;
  readonly c: number;
  readonly c_cot: number;
  readonly no_answer: number;
  /** maj@k at each of options.k (null where k > n): `compare` needs it per item, as no (n, c) gives it. */
  readonly maj?: readonly (number | null)[];
}

export interface Metrics extends Groupings {
  readonly format: typeof METRICS_FORMAT;
  readonly format_version: typeof METRICS_FORMAT_VERSION;
  readonly generator: { readonly name: string; readonly version: string };
  readonly inputs: {
    readonly dataset: { readonly file: string; readonly sha256: string | null; readonly items: number };
    readonly predictions: ReadonlyArray<{ file: string; sha256: string | null; lines: number; formats: Record<PredictionFormat, number> }>;
  };
  readonly options: MetricsOptions;
  readonly coverage: Coverage;
  /** Sentences a reader must see before trusting the numbers (missing items, duplicates, omitted k). */
  readonly notes: readonly string[];
  readonly items: readonly ItemRow[];
}
