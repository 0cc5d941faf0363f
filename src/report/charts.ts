import type { TopLevelSpec } from 'vega-lite';
import type { Metrics } from '../score/metrics.js';

/**
 * The report's charts as vega-lite specs, built from metrics.json alone, so
 * a chart shows exactly the numbers of the tables beside it. Data is inline;
 * nothing is fetched. Each spec is rendered to SVG in Node (svg.ts).
 */
export interface Chart {
  readonly id: string;
  readonly title: string;
  /** One sentence under the chart: what it shows and what it stands on. */
  readonly caption: string;
  /** Takes the page's full width instead of half of it. */
  readonly wide: boolean;
  readonly spec: TopLevelSpec;
}

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
export const CONFIG: NonNullable<TopLevelSpec['config']> = {
  font: FONT,
  background: '#ffffff',
  view: { stroke: null },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 500,
    gridColor: '#eceff3',
    domainColor: '#9aa3ad',
    tickColor: '#9aa3ad',
    labelColor: '#38414a',
    titleColor: '#38414a',
  },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 500 },
  header: { labelFontSize: 12, labelFontWeight: 600, titleFontSize: 12 },
  range: {
    category: [
      '#3366cc',
      '#dc6b2f',
      '#2a9d8f',
      '#b5446e',
      '#7b61c9',
      '#8c8c3a',
      '#d4a017',
      '#5b8bb2',
      '#a0522d',
      '#4c9a2a',
      '#c23b22',
      '#6d6875',
      '#2f4858',
      '#999999',
      '#c9a227',
    ],
  },
};

export function charts(metrics: Metrics): Chart[] {
  const list = [passAtKChart(metrics), accuracyChart(metrics), spreadChart(metrics), heatmapChart(metrics)];
  return list.filter((c): c is Chart => c !== null);
}

function variants(metrics: Metrics): string[] {
  return Object.keys(metrics.by_variant);
}

/** pass@k per variant on a log2 k axis, with its bootstrap band. */
export function passAtKChart(metrics: Metrics): Chart | null {
  const rows = Object.entries(metrics.by_variant).flatMap(([variant, g]) =>
    Object.entries(g.pass_at_k).map(([k, f]) => ({
      variant,
      k: Number(k),
      estimate: f.estimate,
      low: f.ci_low ?? f.estimate,
      high: f.ci_high ?? f.estimate,
      items: f.items,
    })),
  );
  if (rows.length === 0) return null;
  const ks = [...new Set(rows.map((r) => r.k))].sort((a, b) => a - b);
  // A log axis over a single k would be empty; widen it around that k.
  const domain = ks.length === 1 ? [ks[0]! / 2, ks[0]! * 2] : [ks[0]!, ks[ks.length - 1]!];
  return {
    id: 'pass-at-k',
    wide: false,
    title: 'pass@k by variant',
    caption: `Unbiased pass@k per variant on a log₂ k axis; ${hasIntervals(metrics) ? `shaded: ${pct(metrics)} bootstrap interval over items` : 'no intervals (--bootstrap 0)'}.`,
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      // Sized to sit unscaled in a half-width card of the report (about 540 px with axis and legend).
      width: 370,
      height: 290,
      data: { values: rows },
      encoding: {
        x: {
          field: 'k',
          type: 'quantitative',
          scale: { type: 'log', base: 2, domain },
          axis: { values: ks, format: 'd', title: 'k (samples drawn per item)', grid: true },
        },
      },
      layer: [
        ...band(metrics, {
          mark: { type: 'area', opacity: 0.12 },
          // The band stays out of the legend, which would otherwise show its pale fill.
          encoding: {
            y: { field: 'low', type: 'quantitative', title: 'pass@k' },
            y2: { field: 'high' },
            color: { field: 'variant', type: 'nominal', sort: variants(metrics), legend: null },
          },
        }),
        {
          mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 40 } },
          encoding: {
            y: { field: 'estimate', type: 'quantitative', title: 'pass@k', scale: { zero: false, nice: true }, axis: { format: '.0%' } },
            color: { field: 'variant', type: 'nominal', sort: variants(metrics), title: 'Variant' },
          },
        },
      ],
      // One colour scale, but the legend comes from the lines alone.
      resolve: { legend: { color: 'independent' } },
    },
  };
}

/** pass@1 per variant as bars from zero, with interval whiskers and the value printed above. */
export function accuracyChart(metrics: Metrics): Chart | null {
  const rows = Object.entries(metrics.by_variant).flatMap(([variant, g]) => {
    const f = g.pass_at_k['1'];
    return f === undefined
      ? []
      : [
          {
            variant,
            estimate: f.estimate,
            low: f.ci_low ?? f.estimate,
            high: f.ci_high ?? f.estimate,
            label: `${(f.estimate * 100).toFixed(1)}%`,
            items: f.items,
          },
        ];
  });
  if (rows.length === 0) return null;
  const x = { field: 'variant', type: 'nominal', sort: variants(metrics), title: null, axis: { labelAngle: 0, labelFontSize: 12 } } as const;
  return {
    id: 'accuracy',
    wide: false,
    title: 'Accuracy (pass@1) per variant',
    caption: hasIntervals(metrics) ? `Bars: pass@1; whiskers: ${pct(metrics)} bootstrap interval over items.` : 'Bars: pass@1; no intervals (--bootstrap 0).',
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      width: { step: 64 },
      height: 280,
      data: { values: rows },
      layer: [
        {
          mark: { type: 'bar', cornerRadiusEnd: 2, width: { band: 0.62 } },
          encoding: {
            x,
            y: { field: 'estimate', type: 'quantitative', title: 'pass@1', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
            color: { field: 'variant', type: 'nominal', sort: variants(metrics), legend: null },
          },
        },
        ...band(metrics, {
          mark: { type: 'errorbar', ticks: { size: 10 }, color: '#1f2933', thickness: 1.5 },
          encoding: { x, y: { field: 'low', type: 'quantitative', title: 'pass@1' }, y2: { field: 'high' } },
        }),
        {
          mark: { type: 'text', dy: -8, fontSize: 11, color: '#1f2933' },
          encoding: { x, y: { field: 'high', type: 'quantitative', title: 'pass@1' }, text: { field: 'label' } },
        },
      ],
    },
  };
}

/** Per variant, the histogram of accuracy over instance sets, with its mean as a rule (GSM-Symbolic's figure). */
export function spreadChart(metrics: Metrics): Chart | null {
  const rows = Object.entries(metrics.spread).flatMap(([variant, s]) => [
    ...s.histogram.bins.map((b) => ({ variant, kind: 'bin', start: b.start, end: b.end, count: b.count, mean: s.mean })),
    { variant, kind: 'mean', start: s.mean, end: s.mean, count: 0, mean: s.mean },
  ]);
  if (rows.length === 0) return null;
  const sets = Math.max(...Object.values(metrics.spread).map((s) => s.sets));
  const order = variants(metrics).filter((v) => v in metrics.spread);
  return {
    id: 'spread',
    wide: true,
    title: 'Accuracy over instance sets',
    caption: `Histogram of pass@1 per set (${sets} sets); the rule marks the mean.`,
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      data: { values: rows },
      facet: { field: 'variant', type: 'nominal', sort: order, title: null },
      columns: Math.min(6, order.length),
      spec: {
        width: 128,
        height: 96,
        layer: [
          {
            transform: [{ filter: "datum.kind === 'bin'" }],
            // No cornerRadiusEnd here: with pre-binned x it collapses every bar to zero width (vega-lite 6.4).
            mark: { type: 'bar', binSpacing: 1 },
            encoding: {
              x: { field: 'start', type: 'quantitative', bin: { binned: true }, title: 'pass@1 in a set', axis: { format: '.0%', tickCount: 4 } },
              x2: { field: 'end' },
              y: { field: 'count', type: 'quantitative', title: 'Sets', axis: { tickMinStep: 1 } },
              color: { field: 'variant', type: 'nominal', sort: variants(metrics), legend: null },
            },
          },
          {
            transform: [{ filter: "datum.kind === 'mean'" }],
            mark: { type: 'rule', color: '#1f2933', strokeDash: [4, 3], strokeWidth: 1.5 },
            encoding: { x: { field: 'start', type: 'quantitative' } },
          },
        ],
      },
      resolve: { scale: { y: 'independent' } },
    },
  };
}

/** Template by variant: pass@1 as colour, with the value written in each cell. */
export function heatmapChart(metrics: Metrics): Chart | null {
  const order = variants(metrics);
  const templates = Object.keys(metrics.by_template);
  const rows = Object.entries(metrics.by_template).flatMap(([template, g]) =>
    Object.entries(g.by_variant ?? {}).flatMap(([variant, inner]) => {
      const f = inner.pass_at_k['1'];
      return f === undefined ? [] : [{ template, variant, estimate: f.estimate, label: (f.estimate * 100).toFixed(0), items: f.items }];
    }),
  );
  if (rows.length === 0) return null;
  const x = { field: 'variant', type: 'nominal', sort: order, title: null, axis: { orient: 'top', labelAngle: 0, domain: false, ticks: false } } as const;
  const y = { field: 'template', type: 'nominal', sort: templates, title: null, axis: { domain: false, ticks: false, labelLimit: 340 } } as const;
  return {
    id: 'heatmap',
    wide: true,
    title: 'pass@1 by template and variant',
    caption: `Each cell: pass@1 in percent over the template's items of that variant (${templates.length} templates); blank: the template makes no such variant.`,
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      width: { step: 56 },
      height: { step: 22 },
      data: { values: rows },
      layer: [
        {
          mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1.5 },
          encoding: {
            x,
            y,
            color: {
              field: 'estimate',
              type: 'quantitative',
              title: 'pass@1',
              scale: { scheme: 'blues', domain: [0, 1] },
              legend: { format: '.0%', gradientLength: 160 },
            },
          },
        },
        {
          mark: { type: 'text', fontSize: 11 },
          encoding: { x, y, text: { field: 'label' }, color: { condition: { test: 'datum.estimate > 0.6', value: '#ffffff' }, value: '#1f2933' } },
        },
      ],
    },
  };
}

function hasIntervals(metrics: Metrics): boolean {
  return metrics.options.bootstrap > 0;
}

/** An interval layer, or none when the run has no intervals: a zero-width band or whisker would look like certainty. */
function band<const T>(metrics: Metrics, layer: T): T[] {
  return hasIntervals(metrics) ? [layer] : [];
}

function pct(metrics: Metrics): string {
  return `${Math.round(metrics.options.confidence * 100)}%`;
}
