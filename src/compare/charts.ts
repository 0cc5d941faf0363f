import type { TopLevelSpec } from 'vega-lite';
import { CONFIG, SCHEMA, type Chart } from '../report/charts.js';
import type { Comparison } from './compare.js';
import type { FamilyComparison } from './families.js';

/**
 * The comparison's charts as vega-lite specs, drawn from the comparison
 * alone (every number is also in a table), rendered to SVG in Node by the
 * report's renderer.
 */
export function comparisonCharts(c: Comparison): Chart[] {
  const families = [c.overall.pass_at_k, c.overall.cot_pass_at_k, c.overall.maj_at_k].filter((f): f is FamilyComparison => f !== null);
  return [
    ...families.map((f) => curveChart(c, f)),
    ...c.overall.pass_at_k.pairs.map((_, i) => differenceChart(c, i)),
    dropChart(c),
    coverageChart(c),
    runsChart(c),
  ].filter((chart): chart is Chart => chart !== null);
}

const slug = (metric: string) =>
  metric
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/-$/, '');
const labels = (c: Comparison) => c.models.map((m) => m.label);
const pct = (c: Comparison) => `${Math.round(c.options.confidence * 100)}%`;

function logAxis(ks: readonly number[], title: string) {
  const domain = ks.length === 1 ? [ks[0]! / 2, ks[0]! * 2] : [ks[0]!, ks[ks.length - 1]!];
  const values: number[] = [...ks];
  return { field: 'k', type: 'quantitative' as const, scale: { type: 'log' as const, base: 2, domain }, axis: { values, format: 'd', title, grid: true } };
}

/** Every model's curve of one metric on a log2 k axis with its interval band, and a rule at each crossover. */
function curveChart(c: Comparison, family: FamilyComparison): Chart {
  const rows = Object.entries(family.curves).flatMap(([model, byK]) =>
    Object.entries(byK).map(([k, f]) => ({ model, k: Number(k), estimate: f.estimate, low: f.ci_low ?? f.estimate, high: f.ci_high ?? f.estimate })),
  );
  const crossings = family.pairs.flatMap((pair) =>
    pair.crossover.k === null
      ? []
      : [{ k: pair.crossover.k, label: `${pair.crossover.leader === 'a' ? pair.b : pair.a} overtakes at k = ${pair.crossover.k}` }],
  );
  const x = logAxis(family.ks, 'k (samples drawn per item)');
  const color = { field: 'model', type: 'nominal', sort: labels(c), title: 'Model' } as const;
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    config: CONFIG,
    width: 400,
    height: 290,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'area', opacity: 0.14 },
        encoding: { x, y: { field: 'low', type: 'quantitative', title: family.metric }, y2: { field: 'high' }, color: { ...color, legend: null } },
      },
      {
        data: { values: rows },
        mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 40 } },
        encoding: {
          x,
          y: { field: 'estimate', type: 'quantitative', title: family.metric, scale: { zero: false, nice: true }, axis: { format: '.0%' } },
          color,
        },
      },
      ...(crossings.length === 0
        ? []
        : [
            {
              data: { values: crossings },
              mark: { type: 'rule' as const, strokeDash: [4, 3], color: '#1f2933', strokeWidth: 1.2 },
              encoding: { x: { field: 'k', type: 'quantitative' as const } },
            },
          ]),
    ],
    resolve: { legend: { color: 'independent' } },
  };
  return {
    id: `curves-${slug(family.metric)}`,
    wide: false,
    title: `${family.metric}: every model`,
    caption: `${family.metric} of every model on a log₂ k axis over the ${c.overall.items.toLocaleString('en-US')} compared items; shaded: ${pct(c)} bootstrap interval; dashed: ${crossings.length === 0 ? 'no crossover' : crossings.map((x) => x.label).join('; ')}.`,
    spec,
  };
}

/** B minus A at each k, for pass@k, CoT-pass@k and maj@k, with intervals and the zero line. */
function differenceChart(c: Comparison, index: number): Chart {
  const families = [c.overall.pass_at_k, c.overall.cot_pass_at_k, c.overall.maj_at_k].filter((f): f is FamilyComparison => f !== null);
  const pair = c.overall.pass_at_k.pairs[index]!;
  const rows = families.flatMap((family) => {
    const p = family.pairs.find((q) => q.b === pair.b);
    return p === undefined
      ? []
      : Object.entries(p.differences).map(([k, d]) => ({
          metric: family.metric,
          k: Number(k),
          estimate: d.estimate,
          low: d.ci_low ?? d.estimate,
          high: d.ci_high ?? d.estimate,
        }));
  });
  const ks = [...new Set(rows.map((r) => r.k))].sort((a, b) => a - b);
  const x = logAxis(ks, 'k');
  const order = families.map((f) => f.metric);
  const color = { field: 'metric', type: 'nominal', sort: order, title: 'Metric' } as const;
  return {
    // Labels may differ only in case; the pair's number keeps chart ids (and the SVG ids scoped by them) apart.
    id: `difference-${index + 1}`,
    wide: false,
    title: `${pair.b} − ${pair.a} at each k`,
    caption: `Paired difference over items (positive: ${pair.b} ahead), ${pct(c)} bootstrap interval shaded; the curve crosses zero where one model overtakes the other.`,
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      width: 400,
      height: 290,
      layer: [
        { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#9aa3ad', strokeWidth: 1 }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
        {
          data: { values: rows },
          mark: { type: 'area', opacity: 0.14 },
          encoding: { x, y: { field: 'low', type: 'quantitative', title: 'difference' }, y2: { field: 'high' }, color: { ...color, legend: null } },
        },
        {
          data: { values: rows },
          mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 36 } },
          encoding: { x, y: { field: 'estimate', type: 'quantitative', title: `${pair.b} − ${pair.a}`, axis: { format: '+.0%' } }, color },
        },
      ],
      resolve: { legend: { color: 'independent' } },
    },
  };
}

/** Each model's drop per variant side by side, with interval whiskers. */
function dropChart(c: Comparison): Chart | null {
  const rows = c.drops.flatMap((drop) =>
    Object.entries(drop.models).map(([model, d]) => ({
      variant: drop.variant,
      model,
      estimate: d.estimate,
      low: d.ci_low ?? d.estimate,
      high: d.ci_high ?? d.estimate,
    })),
  );
  if (rows.length === 0) return null;
  const x = { field: 'variant', type: 'nominal', sort: c.drops.map((d) => d.variant), title: null, axis: { labelAngle: 0 } } as const;
  const xOffset = { field: 'model', type: 'nominal', sort: labels(c) } as const;
  return {
    id: 'drops',
    wide: false,
    title: 'Drop against base, per variant',
    caption: `Base accuracy minus variant accuracy over paired items, per model; whiskers: ${pct(c)} bootstrap interval.`,
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      width: { step: 90 },
      height: 280,
      data: { values: rows },
      layer: [
        {
          mark: { type: 'bar', width: { band: 0.8 } },
          encoding: {
            x,
            xOffset,
            y: { field: 'estimate', type: 'quantitative', title: 'drop (points of accuracy)', axis: { format: '.0%' } },
            color: { field: 'model', type: 'nominal', sort: labels(c), title: 'Model' },
          },
        },
        {
          mark: { type: 'errorbar', ticks: { size: 8 }, color: '#1f2933', thickness: 1.4 },
          encoding: { x, xOffset, y: { field: 'low', type: 'quantitative', title: 'drop (points of accuracy)' }, y2: { field: 'high' } },
        },
      ],
    },
  };
}

/** Items only one model solves within k samples, per pair of models. */
function coverageChart(c: Comparison): Chart | null {
  const rows = c.coverage.flatMap((cov) => [
    {
      pair: `${cov.a} vs ${cov.b}`,
      who: `only ${cov.a}`,
      estimate: cov.only_a.estimate,
      low: cov.only_a.ci_low ?? cov.only_a.estimate,
      high: cov.only_a.ci_high ?? cov.only_a.estimate,
    },
    {
      pair: `${cov.a} vs ${cov.b}`,
      who: `only ${cov.b}`,
      estimate: cov.only_b.estimate,
      low: cov.only_b.ci_low ?? cov.only_b.estimate,
      high: cov.only_b.ci_high ?? cov.only_b.estimate,
    },
  ]);
  if (rows.length === 0) return null;
  const x = { field: 'who', type: 'nominal', title: null, sort: rows.map((r) => r.who), axis: { labelAngle: 0 } } as const;
  const k = c.coverage[0]!.k;
  return {
    id: 'coverage',
    wide: false,
    title: `Items only one model solves within ${k} samples`,
    caption: `Expected counts over the compared items (pass@${k} per item); whiskers: ${pct(c)} bootstrap interval.`,
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      width: { step: 110 },
      height: 260,
      data: { values: rows },
      layer: [
        {
          mark: { type: 'bar', width: { band: 0.6 } },
          encoding: { x, y: { field: 'estimate', type: 'quantitative', title: 'items' }, color: { field: 'who', type: 'nominal', legend: null } },
        },
        {
          mark: { type: 'errorbar', ticks: { size: 8 }, color: '#1f2933', thickness: 1.4 },
          encoding: { x, y: { field: 'low', type: 'quantitative', title: 'items' }, y2: { field: 'high' } },
        },
      ],
    },
  };
}

/** Each run's pass@1 per model given as several runs, to see the spread the between-model difference must beat. */
function runsChart(c: Comparison): Chart | null {
  const rows = c.run_spread.flatMap((s) => (s.by_k['1']?.per_run ?? []).map((value, run) => ({ model: s.label, run: run + 1, value })));
  if (rows.length === 0) return null;
  const others = c.models.filter((m) => !c.run_spread.some((s) => s.label === m.label)).map((m) => m.label);
  const pooled = Object.entries(c.overall.pass_at_k.curves).map(([model, byK]) => ({ model, value: byK['1']!.estimate }));
  return {
    id: 'runs',
    wide: false,
    title: 'pass@1 of each run',
    caption: `Dots: each run of a model given as several runs; bars: every model's pooled pass@1${others.length > 0 ? ` (${others.join(', ')}: one run)` : ''}.`,
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      width: 400,
      height: { step: 40 },
      layer: [
        {
          data: { values: pooled },
          mark: { type: 'tick', thickness: 2, color: '#1f2933', size: 26 },
          encoding: {
            y: { field: 'model', type: 'nominal', sort: labels(c), title: null },
            x: { field: 'value', type: 'quantitative', title: 'pass@1', axis: { format: '.1%' }, scale: { zero: false } },
          },
        },
        {
          data: { values: rows },
          mark: { type: 'point', filled: true, size: 70, opacity: 0.8 },
          encoding: {
            y: { field: 'model', type: 'nominal', sort: labels(c), title: null },
            x: { field: 'value', type: 'quantitative', title: 'pass@1' },
            color: { field: 'model', type: 'nominal', sort: labels(c), legend: null },
          },
        },
      ],
    },
  };
}
