import { count, interval, percent, points, pValue } from '../report/format.js';
import type { Table } from '../report/tables.js';
import type { Comparison, GroupComparison } from './compare.js';
import type { Crossover } from './crossover.js';
import type { FamilyComparison } from './families.js';
import type { Difference, Figure } from './paired.js';

/** The comparison's numbers as tables of strings, printed the same way in Markdown, HTML and the terminal. */
const cellCi = (f: Figure | undefined) => (f === undefined ? '–' : `${percent(f.estimate)} ${interval(f.ci_low, f.ci_high)}`.trim());
const diffCi = (d: Difference | undefined) =>
  d === undefined ? '–' : `${points(d.estimate)} ${d.ci_low === null || d.ci_high === null ? '' : `[${points(d.ci_low)}, ${points(d.ci_high)}]`}`.trim();
const p = (d: Difference | undefined) => (d === undefined ? '–' : pValue(d.p_value).replace('p ', '').replace('= ', ''));
const align = (headers: readonly string[], left = 1) => headers.map((_, i) => (i < left ? 'l' : 'r') as 'l' | 'r');

export function modelsTable(c: Comparison): Table {
  const headers = ['Model', 'Runs', 'Samples per item', 'Samples', 'Files'];
  const rows = c.models.map((m) => [
    m.label,
    count(m.runs.length),
    m.min_samples === m.max_samples ? count(m.min_samples) : `${count(m.min_samples)}–${count(m.max_samples)}`,
    count(m.samples),
    m.runs.map((r) => r.file).join(', '),
  ]);
  return { title: 'Models', headers, align: ['l', 'r', 'r', 'r', 'l'], rows, note: 'Samples of a model given as several runs are pooled item by item.' };
}

export function familyTable(c: Comparison, family: FamilyComparison, title: string): Table {
  const labels = c.models.map((m) => m.label);
  const headers = [
    'k',
    ...labels.map((l) => `${l} [${Math.round(c.options.confidence * 100)}% CI]`),
    ...family.pairs.flatMap((pair) => [`${pair.b} − ${pair.a}, points`, 'p']),
  ];
  const rows = family.ks.map((k) => [
    count(k),
    ...labels.map((l) => cellCi(family.curves[l]?.[String(k)])),
    ...family.pairs.flatMap((pair) => [diffCi(pair.differences[String(k)]), p(pair.differences[String(k)])]),
  ]);
  return {
    title,
    headers,
    align: align(headers),
    rows,
    note: 'Paired over items: the difference is the mean of per-item differences, with a percentile bootstrap interval over items and a paired sign-flip test.',
  };
}

export function crossoverCell(x: Crossover): string {
  if (x.leader === null) return 'identical';
  if (x.k === null) return `none up to ${count(x.k_max)}`;
  if (x.interval === null) return count(x.k);
  const end = (v: number | null) => (v === null ? `>${count(x.k_max)}` : count(v));
  return `${count(x.k)} [${end(x.interval.low)}, ${end(x.interval.high)}]`;
}

export function crossoverTable(c: Comparison): Table {
  const headers = ['Items', 'Metric', 'Models', 'Leads at small k', 'Crossover k [CI]', 'Resamples crossing', 'Searched'];
  const rows: string[][] = [];
  const groups: [string, GroupComparison][] = [['all', c.overall], ...Object.entries(c.by_variant)];
  for (const [name, group] of groups) {
    for (const family of [group.pass_at_k, group.cot_pass_at_k, group.maj_at_k]) {
      if (family === null) continue;
      for (const pair of family.pairs) {
        const x = pair.crossover;
        rows.push([
          name,
          family.metric,
          `${pair.a} vs ${pair.b}`,
          x.leader === null ? '–' : x.leader === 'a' ? pair.a : pair.b,
          crossoverCell(x),
          x.interval === null ? '–' : percent(x.interval.with_crossover / x.interval.resamples),
          x.searched === 'every-k' ? `every k ≤ ${count(x.k_max)}` : `k = ${family.ks.map(count).join(', ')}`,
        ]);
      }
    }
  }
  return {
    title: 'Crossovers',
    headers,
    align: ['l', 'l', 'l', 'l', 'r', 'r', 'l'],
    rows,
    note: 'The crossover is the smallest k at which the model behind at small k is strictly ahead; ">K" in an interval means beyond the largest k every item supports.',
  };
}

export function dropTable(c: Comparison): Table {
  const labels = c.models.map((m) => m.label);
  const pairs = c.drops[0]?.differences.map((d) => `${d.b} − ${d.a}`) ?? [];
  const headers = ['Variant', 'Pairs', ...labels.map((l) => `${l} drop, points`), ...pairs.flatMap((name) => [name, 'p'])];
  const rows = c.drops.map((drop) => [
    drop.variant,
    count(drop.pairs),
    ...labels.map((l) => diffCi(drop.models[l])),
    ...drop.differences.flatMap((d) => [diffCi(d), p(d)]),
  ]);
  return {
    title: 'Drops against base, side by side',
    headers,
    align: align(headers),
    rows,
    note: 'A drop is base accuracy minus variant accuracy over pairs of a variant item and its base item (positive: the variant is harder); the difference pairs the drops item by item.',
  };
}

export function coverageTable(c: Comparison): Table {
  const headers = ['Models', 'Within k samples', 'Only the first', 'Only the second', 'Both', 'Neither', 'p'];
  const n = (f: { estimate: number; ci_low: number | null; ci_high: number | null }) =>
    `${count(Math.round(f.estimate))}${f.ci_low === null || f.ci_high === null ? '' : ` [${count(Math.round(f.ci_low))}, ${count(Math.round(f.ci_high))}]`}`;
  const rows = c.coverage.map((cov) => [
    `${cov.a} vs ${cov.b}`,
    count(cov.k),
    n(cov.only_a),
    n(cov.only_b),
    n(cov.both),
    n(cov.neither),
    pValue(cov.p_value).replace('p ', '').replace('= ', ''),
  ]);
  return {
    title: 'Coverage: items only one model solves',
    headers,
    align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
    rows,
    note: 'Expected numbers of items solved within k samples (pass@k per item); with k equal to the samples, items solved at least once.',
  };
}

export function spreadTable(c: Comparison): Table {
  const headers = ['Model', 'k', 'Runs', 'Each run', 'Std, points', 'Between models, points'];
  const rows: string[][] = [];
  const pairs = c.overall.pass_at_k.pairs;
  for (const spread of c.run_spread) {
    for (const [k, s] of Object.entries(spread.by_k)) {
      const between = pairs.map((pair) => pair.differences[k]).filter((d): d is Difference => d !== undefined);
      rows.push([
        spread.label,
        k,
        count(spread.runs),
        s.per_run.map((v) => percent(v)).join(', '),
        s.sd === null ? '–' : points(s.sd),
        between.map((d) => points(d.estimate)).join(', ') || '–',
      ]);
    }
  }
  return {
    title: 'Run-to-run spread (pass@k)',
    headers,
    align: ['l', 'r', 'r', 'l', 'r', 'r'],
    rows,
    note: 'Each run of a model given as several runs, scored alone; the last column is the difference between models at the same k.',
  };
}
