import { ReasonforgeError } from '../errors.js';
import { loadMetrics } from '../report/load-metrics.js';
import type { Metrics } from '../score/metrics.js';

/** `LABEL=FILE[,FILE...]`: one model, with one metrics.json per run; a label given twice adds runs. */
export interface ModelSpec {
  readonly label: string;
  readonly files: readonly string[];
}

export interface LoadedRun {
  readonly file: string;
  readonly metrics: Metrics;
}

/** Per model: its runs, and per dataset item the samples of all runs pooled. */
export interface ComparedModel {
  readonly label: string;
  readonly runs: readonly LoadedRun[];
  readonly n: Int32Array;
  readonly c: Int32Array;
  readonly cCot: Int32Array;
  /** maj@k per item at `majKs`, the mean of the runs' values (NaN where a run has none): runs are independent estimates. */
  readonly majKs: readonly number[];
  readonly maj: readonly Float64Array[];
}

export interface ComparedItem {
  readonly id: string;
  readonly variant: string;
  /** null when the metrics are older than base ids in metrics.json. */
  readonly baseId: string | null;
}

export interface ComparisonInput {
  readonly dataset: { readonly file: string; readonly sha256: string; readonly items: number };
  readonly items: readonly ComparedItem[];
  readonly models: readonly ComparedModel[];
}

const LABEL = /^[A-Za-z0-9][A-Za-z0-9_.+-]*$/;

export function parseModelSpecs(args: readonly string[]): ModelSpec[] {
  const byLabel = new Map<string, string[]>();
  for (const arg of args) {
    const at = arg.indexOf('=');
    const label = at < 0 ? '' : arg.slice(0, at);
    const files =
      at < 0
        ? []
        : arg
            .slice(at + 1)
            .split(',')
            .filter((f) => f !== '');
    if (!LABEL.test(label) || files.length === 0) {
      throw new ReasonforgeError(
        'usage',
        `"${arg}" is not LABEL=metrics.json (or LABEL=run1.json,run2.json for several runs of one model); labels are letters, digits and _.+-`,
      );
    }
    byLabel.set(label, [...(byLabel.get(label) ?? []), ...files]);
  }
  return [...byLabel].map(([label, files]) => ({ label, files }));
}

/**
 * Loads every run and checks that they can be compared: each was scored on
 * a file with a known sha256, all on the same one, item for item, and no
 * predictions file is counted twice (a run given under two labels, or twice
 * under one, would compare a model with itself or double its samples).
 */
export function loadComparison(specs: readonly ModelSpec[]): ComparisonInput {
  if (specs.length < 2) throw new ReasonforgeError('usage', 'compare needs at least two models (A=metrics.json B=metrics.json)');
  const loaded = specs.map((spec) => ({ label: spec.label, runs: spec.files.map((file) => ({ file, metrics: loadMetrics(file) })) }));
  const all = loaded.flatMap((model) => model.runs.map((run) => ({ ...run, label: model.label })));
  const first = all[0]!;
  const sha = first.metrics.inputs.dataset.sha256;
  for (const run of all) {
    const theirs = run.metrics.inputs.dataset.sha256;
    if (theirs === null)
      throw new ReasonforgeError(
        'compare-dataset',
        'was scored with the dataset read from standard input, so which dataset it is cannot be checked; score it again from a file',
        { file: run.file },
      );
    if (theirs !== sha) {
      throw new ReasonforgeError(
        'compare-dataset',
        `was scored on ${run.metrics.inputs.dataset.file} (sha256 ${theirs.slice(0, 12)}), and ${first.file} on ${first.metrics.inputs.dataset.file} (sha256 ${sha!.slice(0, 12)}); models compare only on the same dataset`,
        { file: run.file },
      );
    }
  }
  const seen = new Map<string, string>();
  for (const run of all) {
    const key = run.metrics.inputs.predictions
      .map((p) => p.sha256 ?? `${p.file}:no-sha`)
      .sort()
      .join(',');
    const before = seen.get(key);
    if (before !== undefined)
      throw new ReasonforgeError('compare-duplicate-run', `scores the same predictions as ${before}; each run may be given once`, { file: run.file });
    seen.set(key, run.file);
  }
  const rows = first.metrics.items;
  for (const run of all) {
    const theirs = run.metrics.items;
    if (theirs.length !== rows.length) {
      throw new ReasonforgeError(
        'compare-dataset',
        `has ${theirs.length} items and ${first.file} ${rows.length}, although their dataset sha256 is the same; was one of them edited?`,
        { file: run.file },
      );
    }
    const differs = theirs.findIndex((row, i) => row.id !== rows[i]!.id);
    if (differs >= 0) {
      throw new ReasonforgeError(
        'compare-dataset',
        `item ${differs + 1} is ${theirs[differs]!.id} here and ${rows[differs]!.id} in ${first.file}, although their dataset sha256 is the same; was one of them edited?`,
        { file: run.file },
      );
    }
  }
  const items = rows.map((row) => ({ id: row.id, variant: row.variant, baseId: row.base_id ?? null }));
  return {
    dataset: { file: first.metrics.inputs.dataset.file, sha256: sha!, items: rows.length },
    items,
    models: loaded.map((model) => pool(model.label, model.runs)),
  };
}

function pool(label: string, runs: readonly LoadedRun[]): ComparedModel {
  const items = runs[0]!.metrics.items.length;
  const n = new Int32Array(items);
  const c = new Int32Array(items);
  const cCot = new Int32Array(items);
  for (const run of runs) {
    run.metrics.items.forEach((row, i) => {
      n[i]! += row.n;
      c[i]! += row.c;
      cCot[i]! += row.c_cot;
    });
  }
  // maj@k is known at the k every run scored, where the run has per-item values.
  const withMaj = runs.every((run) => run.metrics.items.every((row) => row.maj !== undefined));
  const majKs = withMaj ? runs.map((run) => run.metrics.options.k).reduce((common, ks) => common.filter((k) => ks.includes(k))) : [];
  const maj = majKs.map((k) => {
    const column = new Float64Array(items);
    for (const run of runs) {
      const q = run.metrics.options.k.indexOf(k);
      run.metrics.items.forEach((row, i) => {
        const value = row.maj![q];
        column[i]! += value === null || value === undefined ? Number.NaN : value / runs.length;
      });
    }
    return column;
  });
  return { label, runs, n, c, cCot, majKs, maj };
}
