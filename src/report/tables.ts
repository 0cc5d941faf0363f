import type { Figure, GroupMetrics } from '../score/group.js';
import type { Metrics } from '../score/metrics.js';
import { count, interval, percent, points, pValue } from './format.js';

/**
 * The report's numbers as tables of strings, built once and printed three
 * ways (stdout, Markdown, HTML), so every output shows the same digits.
 */
export interface Table {
  readonly title: string;
  readonly headers: readonly string[];
  /** 'r' for numbers, 'l' for names. */
  readonly align: readonly ('l' | 'r')[];
  readonly rows: readonly (readonly string[])[];
  readonly note?: string;
}

const cell = (figure: Figure | undefined) => (figure === undefined ? '–' : percent(figure.estimate));
const cellCi = (figure: Figure | undefined) => (figure === undefined ? '–' : `${percent(figure.estimate)} ${interval(figure.ci_low, figure.ci_high)}`.trim());

/**
 * The k of the table's pass@k and maj@k columns: the largest any variant
 * reports. A variant whose items do not all reach it shows "–" there (its
 * omitted_k says which items are short); one short item must not narrow the
 * columns of every other variant.
 */
export function largestK(metrics: Metrics): number {
  const ks = Object.values(metrics.by_variant).flatMap((g) => Object.keys(g.pass_at_k).map(Number));
  return ks.length === 0 ? 1 : Math.max(...ks);
}

/** "[95% CI]" in a header, or nothing when the run has no intervals (--bootstrap 0). */
function ciLabel(metrics: Metrics): string {
  return metrics.options.bootstrap > 0 ? ` [${Math.round(metrics.options.confidence * 100)}% CI]` : '';
}

function dropCells(group: GroupMetrics): [string, string] {
  const drop = group.drop_vs_base;
  if (drop === undefined) return ['', ''];
  if (drop === null) return ['no pairs', ''];
  return [`${points(drop.estimate)} ${interval(drop.ci_low, drop.ci_high)}`.trim(), pValue(drop.p_value).replace('p ', '').replace('= ', '')];
}

/** GSM-Plus's PDR (a relative drop, in percent) and ASP (a share of pairs), beside our drop. */
function gsmPlusCells(group: GroupMetrics): [string, string] {
  const drop = group.drop_vs_base;
  if (drop === undefined || drop === null) return ['', ''];
  const pdr = drop.pdr === null ? 'no solved base' : `${percent(drop.pdr.estimate)} ${interval(drop.pdr.ci_low, drop.pdr.ci_high)}`.trim();
  return [pdr, `${percent(drop.asp.estimate)} ${interval(drop.asp.ci_low, drop.asp.ci_high)}`.trim()];
}

export function variantTable(metrics: Metrics): Table {
  const k = largestK(metrics);
  const wide = k > 1;
  const ci = ciLabel(metrics);
  const headers = [
    'Variant',
    'Items',
    'Samples',
    `pass@1${ci}`,
    ...(wide ? [`pass@${k}`, `maj@${k}`] : []),
    'CoT-pass@1',
    'No answer',
    `Drop, points${ci}`,
    'p',
    `PDR${ci}`,
    `ASP${ci}`,
  ];
  const rows = Object.entries(metrics.by_variant).map(([variant, g]) => [
    variant,
    count(g.items),
    count(g.samples),
    cellCi(g.pass_at_k['1']),
    ...(wide ? [cell(g.pass_at_k[String(k)]), cell(g.maj_at_k[String(k)])] : []),
    cell(g.cot_pass_at_k['1']),
    g.samples === 0 ? '–' : percent(g.no_answer / g.samples),
    ...dropCells(g),
    ...gsmPlusCells(g),
  ]);
  const o = metrics.overall;
  rows.push([
    'all',
    count(o.items),
    count(o.samples),
    cellCi(o.pass_at_k['1']),
    ...(wide ? [cell(o.pass_at_k[String(k)]), cell(o.maj_at_k[String(k)])] : []),
    cell(o.cot_pass_at_k['1']),
    o.samples === 0 ? '–' : percent(o.no_answer / o.samples),
    '',
    '',
    '',
    '',
  ]);
  return {
    title: 'Accuracy per variant',
    headers,
    align: headers.map((_, i) => (i === 0 ? 'l' : 'r')),
    rows,
    note:
      'Drop: base accuracy minus variant accuracy over pairs of a variant item and the base item it was made from (positive: the variant is harder); p from a paired sign-flip test. ' +
      "PDR and ASP are GSM-Plus's figures on the same pairs: PDR = 1 - variant accuracy / base accuracy; ASP = the share of pairs with both items solved.",
  };
}

export function passAtKTable(metrics: Metrics): Table {
  const ks = metrics.options.k;
  const headers = ['Variant', 'Metric', ...ks.map((k) => `k=${k}`)];
  const rows: string[][] = [];
  for (const [variant, g] of Object.entries(metrics.by_variant)) {
    rows.push([variant, 'pass@k', ...ks.map((k) => cellCi(g.pass_at_k[String(k)]))]);
    rows.push(['', 'maj@k', ...ks.map((k) => cellCi(g.maj_at_k[String(k)]))]);
    rows.push(['', 'CoT-pass@k', ...ks.map((k) => cellCi(g.cot_pass_at_k[String(k)]))]);
  }
  return {
    title: 'pass@k, maj@k and CoT-pass@k',
    headers,
    align: headers.map((_, i) => (i < 2 ? 'l' : 'r')),
    rows,
    note: '– : some item of the group has fewer than k samples.',
  };
}

export function spreadTable(metrics: Metrics): Table {
  const headers = ['Variant', 'Sets', 'Mean', 'Std', 'Min', 'Max', 'Items per set'];
  const rows = Object.entries(metrics.spread).map(([variant, s]) => [
    variant,
    count(s.sets),
    percent(s.mean),
    s.std === null ? '–' : points(s.std),
    percent(s.min),
    percent(s.max),
    s.sets === 0 ? '–' : count(Math.round(s.items / s.sets)),
  ]);
  return {
    title: 'Spread of accuracy over instance sets',
    headers,
    align: headers.map((_, i) => (i === 0 ? 'l' : 'r')),
    rows,
    note: 'pass@1 per set; std is the sample standard deviation, in points.',
  };
}

/** Groups (templates, topics or sets) by variant: pass@1 of each, then the pooled drop. */
export function groupByVariantTable(metrics: Metrics, title: string, groups: Record<string, GroupMetrics>, label: string): Table {
  const variants = Object.keys(metrics.by_variant);
  const headers = [label, 'Items', ...variants, `Drop${ciLabel(metrics)}`, 'p'];
  const rows = Object.entries(groups).map(([name, g]) => [
    name,
    count(g.items),
    ...variants.map((v) => cell(g.by_variant?.[v]?.pass_at_k['1'])),
    ...dropCells(g),
  ]);
  return {
    title,
    headers,
    align: headers.map((_, i) => (i === 0 ? 'l' : 'r')),
    rows,
    note: 'pass@1 per variant; the drop pools every perturbation of the group against its base items.',
  };
}

export function coverageTable(metrics: Metrics): Table {
  const c = metrics.coverage;
  const rows: string[][] = [
    ['Dataset items', count(c.dataset_items)],
    ['Scored items', count(c.scored_items)],
    ['Samples', count(c.samples)],
    ['Items without prediction', count(c.missing.count)],
    ['Lines with unknown ids', count(c.unknown.lines)],
    ['Malformed lines', count(c.malformed.count)],
    [`Duplicated samples (${c.duplicates.dropped ? 'dropped' : 'kept'})`, count(c.duplicates.count)],
    ['Samples with no answer', count(c.no_answer)],
    [
      'Samples per item',
      Object.entries(c.samples_per_item)
        .map(([n, items]) => `${n} (${count(items)} items)`)
        .join(', ') || '–',
    ],
    ['Items in no instance set (imported)', count(c.items_without_set)],
  ];
  return { title: 'Coverage', headers: ['', ''], align: ['l', 'r'], rows };
}
