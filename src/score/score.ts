import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { sha256File } from '../io/file-digest.js';
import { ReasonforgeError } from '../errors.js';
import { GENERATOR } from '../version.js';
import { computeGroup, planGroups, type GroupPlan, type Groupings, type TopicOf } from './aggregate.js';
import { loadDataset, type Dataset } from './dataset.js';
import { countSamples, estimateItems, itemScoresOf, kValues, voteColumns, type ItemEstimates, type ItemScores } from './item-scores.js';
import type { Judge } from './judge.js';
import type { GroupMetrics, StatOptions } from './group.js';
import { checkJobs, ScorePool } from './score-pool.js';
import { DEFAULT_MAJ_EXACT_LIMIT, DEFAULT_MAJ_SUBSETS } from './maj-at-k.js';
import { METRICS_FORMAT, METRICS_FORMAT_VERSION, type Coverage, type Metrics, type MetricsOptions } from './metrics.js';
import { notesFor } from './notes.js';
import { LIST_LIMIT, readPredictions, type ReadReport } from './read-predictions.js';

export interface ScoreOptions {
  readonly judge: Judge;
  /** k values (1 is always added); default every power of two up to the most samples of any item. */
  readonly k?: readonly number[];
  /** Bootstrap resamples per interval (default 1000; 0 for no intervals). */
  readonly bootstrap?: number;
  /** Monte Carlo sign flips per drop test when no exact test applies (default 10000). */
  readonly permutations?: number;
  readonly seed?: number;
  readonly topicOf?: TopicOf;
  /**
   * Makes `topicOf` (when that is not given) as scoring starts, for topics
   * that take a while to get (a template library compiles its templates):
   * with worker threads, the calling thread loads them while the workers
   * start and hash the inputs, instead of before.
   */
  readonly loadTopics?: () => TopicOf;
  /** Drop samples identical to an earlier sample of the same item (default: keep and report them). */
  readonly dropDuplicates?: boolean;
  /** lm-evaluation-harness: which filter's lines to read (default the first seen). */
  readonly lmEvalFilter?: string;
  readonly majExactLimit?: number;
  readonly majSubsets?: number;
  /** Called once per prediction line read. */
  readonly onLine?: () => void;
  /** Threads that judge the predictions (default 1: this one). The metrics are the same for every value. */
  readonly jobs?: number;
}

export const DEFAULT_BOOTSTRAP = 1000;
export const DEFAULT_PERMUTATIONS = 10_000;
export const CONFIDENCE = 0.95;

/** Less input than this and scoring stays in one thread: starting workers would cost more than they save. */
export const PARALLEL_MIN_BYTES = 4 << 20;

/** How many threads `scoreFiles` uses for `jobs` on these inputs: `jobs`, or 1 for a small input (standard input counts as large). */
export function scoringThreads(jobs: number, files: readonly string[]): number {
  if (jobs <= 1) return 1;
  let bytes = 0;
  for (const file of files) bytes += file === '-' || !existsSync(file) ? PARALLEL_MIN_BYTES : statSync(file).size;
  return bytes >= PARALLEL_MIN_BYTES ? jobs : 1;
}

/** `reasonforge score` as a library call: dataset and prediction files in, metrics.json's content out. */
export async function scoreFiles(datasetFile: string, predictionFiles: readonly string[], options: ScoreOptions): Promise<Metrics> {
  const inputs = [datasetFile, ...predictionFiles];
  const jobs = options.jobs ?? 1;
  checkJobs(jobs, options.judge);
  const threads = scoringThreads(jobs, inputs);
  const pool = threads > 1 ? new ScorePool(threads, options.judge) : null;
  let closing: Promise<void> | null = null;
  try {
    let dataset: Dataset;
    let hashes: (string | null)[];
    let topicOf: TopicOf;
    if (pool === null) {
      topicOf = topicsFor(options);
      hashes = await Promise.all(inputs.map(sha256File));
      refuseRepeatedFiles(predictionFiles, hashes.slice(1));
      dataset = await loadDataset(datasetFile);
    } else {
      // The workers hash while they start on the dataset; a repeated file is still the first error reported.
      const hashing = Promise.all(inputs.map((file) => pool.sha256(file)));
      hashing.catch(() => undefined);
      const loading = pool.loadDataset(datasetFile);
      loading.catch(() => undefined);
      topicOf = topicsFor(options);
      hashes = await hashing;
      refuseRepeatedFiles(predictionFiles, hashes.slice(1));
      dataset = await loading;
    }
    const { store, report } = await readPredictions(predictionFiles, dataset, options.judge, {
      ...(options.lmEvalFilter !== undefined && { lmEvalFilter: options.lmEvalFilter }),
      ...(options.onLine !== undefined && { onLine: options.onLine }),
      ...(pool !== null && {
        judgeElsewhere: { judge: (bytes: Uint8Array<ArrayBuffer>, filterInUse: string | null) => pool.judge(bytes, filterInUse), inFlight: pool.inFlight },
      }),
    });
    if (options.lmEvalFilter !== undefined && report.lmEvalFilter.seen.size > 0 && !report.lmEvalFilter.seen.has(options.lmEvalFilter)) {
      const seen = [...report.lmEvalFilter.seen].map((f) => `"${f}"`).join(', ');
      throw new ReasonforgeError(
        'unknown-name',
        `no lm-evaluation-harness line is for the filter "${options.lmEvalFilter}"; the files hold ${seen}`,
        {},
        { asked: options.lmEvalFilter },
      );
    }
    const resolved = resolveOptions(options);
    const counts = countSamples(dataset, store, options.dropDuplicates === true);
    const ks = kValues(counts, options.k === undefined ? {} : { ks: options.k });
    const estimating = { seed: resolved.seed, majExactLimit: resolved.maj_exact_limit, majSubsets: resolved.maj_subsets };
    let estimates: ItemEstimates;
    let plan: GroupPlan;
    if (pool === null) {
      estimates = estimateItems(voteColumns(dataset, store, counts, 0, dataset.items.length), store.answers, ks, options.judge, estimating);
      plan = planGroups(dataset, topicOf);
    } else {
      // The groups are planned here while the workers estimate.
      const estimatingElsewhere = pool.estimate(dataset, store, counts, ks, estimating);
      estimatingElsewhere.catch(() => undefined);
      plan = planGroups(dataset, topicOf);
      estimates = await estimatingElsewhere;
    }
    const scores = itemScoresOf(ks, counts, estimates);
    const stats: StatOptions = { seed: resolved.seed, resamples: resolved.bootstrap, permutations: resolved.permutations, confidence: resolved.confidence };
    let groups: GroupMetrics[];
    if (pool === null) groups = plan.specs.map((spec) => computeGroup(spec, dataset, scores, stats));
    else {
      // A worker takes its tasks in the order sent, so it has the scores before its first group.
      const sharing = pool.shareScores(scores);
      sharing.catch(() => undefined);
      groups = await pool.groups(plan.specs, stats);
      await sharing;
      // The workers stop while the metrics are put together.
      closing = pool.close();
    }
    return buildMetrics(dataset, scores, report, { ...resolved, k: scores.ks, lm_eval_filter: report.lmEvalFilter.used }, plan.assemble(groups), hashes);
  } finally {
    await (closing ?? pool?.close());
  }
}

function topicsFor(options: ScoreOptions): TopicOf {
  return options.topicOf ?? options.loadTopics?.() ?? (() => null);
}

/**
 * The same predictions given twice would count every sample twice and read
 * as a model that answers everything twice: refused, by path and by content.
 */
function refuseRepeatedFiles(files: readonly string[], hashes: readonly (string | null)[]): void {
  const byPath = new Map<string, string>();
  const byHash = new Map<string, string>();
  files.forEach((file, i) => {
    const path = file === '-' ? '-' : resolve(file);
    const earlier = byPath.get(path);
    if (earlier !== undefined) throw new ReasonforgeError('usage', `the predictions file ${file} is given twice`);
    byPath.set(path, file);
    const hash = hashes[i];
    if (hash === null || hash === undefined) return;
    const same = byHash.get(hash);
    if (same !== undefined)
      throw new ReasonforgeError(
        'usage',
        `the predictions files ${same} and ${file} have the same content (sha256 ${hash.slice(0, 12)}…); each sample would count twice`,
      );
    byHash.set(hash, file);
  });
}

function resolveOptions(options: ScoreOptions): Omit<MetricsOptions, 'k' | 'lm_eval_filter'> {
  return {
    bootstrap: options.bootstrap ?? DEFAULT_BOOTSTRAP,
    permutations: options.permutations ?? DEFAULT_PERMUTATIONS,
    seed: options.seed ?? 0,
    confidence: CONFIDENCE,
    maj_exact_limit: options.majExactLimit ?? DEFAULT_MAJ_EXACT_LIMIT,
    maj_subsets: options.majSubsets ?? DEFAULT_MAJ_SUBSETS,
    duplicates: options.dropDuplicates === true ? 'drop' : 'keep',
  };
}

export function buildMetrics(
  dataset: Dataset,
  scores: ItemScores,
  report: ReadReport,
  options: MetricsOptions,
  groupings: Groupings,
  hashes: readonly (string | null)[],
): Metrics {
  const coverage = coverageOf(dataset, scores, report);
  const metrics: Omit<Metrics, 'notes'> = {
    format: METRICS_FORMAT,
    format_version: METRICS_FORMAT_VERSION,
    generator: { name: GENERATOR.name, version: GENERATOR.version },
    inputs: {
      dataset: { file: dataset.file, sha256: hashes[0] ?? null, items: dataset.items.length },
      predictions: report.files.map((f, i) => ({ file: f.file, sha256: hashes[i + 1] ?? null, lines: f.lines, formats: f.formats })),
    },
    options,
    coverage,
    ...groupings,
    items: dataset.items.map((item, i) => ({
      id: item.id,
      variant: item.variant,
      base_id: item.baseId,
      n: scores.n[i]!,
      c: scores.c[i]!,
      c_cot: scores.cCot[i]!,
      no_answer: scores.noAnswer[i]!,
      maj: scores.maj.map((column) => (Number.isNaN(column[i]!) ? null : column[i]!)),
    })),
  };
  // Key order: notes right after coverage, where a reader of the file looks first.
  const { items, overall, by_variant, by_template, by_topic, by_set, spread, ...head } = metrics;
  return { ...head, notes: notesFor(metrics), overall, by_variant, by_template, by_topic, by_set, spread, items };
}

function coverageOf(dataset: Dataset, scores: ItemScores, report: ReadReport): Coverage {
  const files = report.files.map((f) => f.file);
  const missing: string[] = [];
  let missingCount = 0;
  let samples = 0;
  let noAnswer = 0;
  let withoutSet = 0;
  const perItem: Record<string, number> = {};
  dataset.items.forEach((item, i) => {
    const n = scores.n[i]!;
    if (item.set === null) withoutSet++;
    samples += n;
    noAnswer += scores.noAnswer[i]!;
    if (n === 0) {
      missingCount++;
      if (missing.length < LIST_LIMIT) missing.push(item.id);
    } else perItem[String(n)] = (perItem[String(n)] ?? 0) + 1;
  });
  const unknownIds = [...report.unknown.ids.keys()];
  return {
    dataset_items: dataset.items.length,
    scored_items: dataset.items.length - missingCount,
    samples,
    missing: { count: missingCount, ids: missing, truncated: missingCount > missing.length },
    unknown: {
      lines: report.unknown.lines,
      samples: report.unknown.samples,
      count: unknownIds.length,
      ids: unknownIds.slice(0, LIST_LIMIT),
      truncated: unknownIds.length > LIST_LIMIT,
    },
    duplicates: {
      count: scores.duplicates.count,
      dropped: scores.duplicates.dropped,
      entries: scores.duplicates.entries.map((d) => ({
        id: d.id,
        file: files[d.file]!,
        line: d.line,
        sample: d.sample,
        first_file: files[d.first_file]!,
        first_line: d.first_line,
        first_sample: d.first_sample,
      })),
      truncated: scores.duplicates.count > scores.duplicates.entries.length,
    },
    malformed: { count: report.malformed.count, entries: report.malformed.entries, truncated: report.malformed.count > report.malformed.entries.length },
    lm_eval: { filter: report.lmEvalFilter.used, skipped_lines: report.lmEvalFilter.skipped_lines },
    no_answer: noAnswer,
    samples_per_item: perItem,
    maj_sampled: scores.majSampled,
    items_without_set: withoutSet,
  };
}

/**
 * metrics.json's text: indented for reading, except that each item of the
 * per-item list stays on one line (125,000 items would otherwise take a
 * million lines).
 */
export function formatMetrics(metrics: Metrics): string {
  // A placeholder no model name or id can spell, replaced by a function: a string replacement would read `$&` in an id as a pattern.
  const placeholder = `__items_${randomUUID()}__`;
  const text = JSON.stringify({ ...metrics, items: placeholder }, null, 2);
  const rows = metrics.items.map((item) => `    ${JSON.stringify(item)}`).join(',\n');
  return `${text.replace(`"${placeholder}"`, () => (metrics.items.length === 0 ? '[]' : `[\n${rows}\n  ]`))}\n`;
}
