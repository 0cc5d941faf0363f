import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { charts } from '../../src/report/charts.js';
import { percent, points, pValue } from '../../src/report/format.js';
import { dropSentence } from '../../src/report/headlines.js';
import { renderHtml, scopeIds } from '../../src/report/html.js';
import { loadMetrics } from '../../src/report/load-metrics.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderChart } from '../../src/report/svg.js';
import { textTable } from '../../src/report/table.js';
import { variantTable } from '../../src/report/tables.js';
import type { Drop } from '../../src/score/drop.js';
import type { Metrics } from '../../src/score/metrics.js';
import { scoreFiles } from '../../src/score/score.js';
import { VARIANT_IDS } from '../../src/records/problem.js';
import { completion, fakeJudge, record } from '../score/support.js';
import { fixtureMetrics } from './fixture.js';

let metrics: Metrics;
let html: string;
beforeAll(async () => {
  metrics = await fixtureMetrics({ templates: 5, sets: 12 });
  html = await renderHtml(metrics);
});

/** The SVG of one chart of the page. */
function figure(id: string): string {
  const start = html.indexOf(`data-chart="${id}"`);
  expect(start, id).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</figure>', start));
}

describe('renderHtml', () => {
  it('is self-contained: no script, no stylesheet or image link, nothing with a URL but SVG namespaces, and a CSP that forbids loading', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
    const urls = [...html.matchAll(/https?:\/\/[^\s"')]+/g)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']));
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('draws the four charts as inline SVG', () => {
    for (const id of ['pass-at-k', 'accuracy', 'spread', 'heatmap']) expect(figure(id)).toMatch(/<svg[^>]*class="marks"/);
  });

  it('gives every SVG id on the page one owner, and every url(#id) a target', () => {
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, target] of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(target);
  });

  it('prints in the charts the same numbers as in the tables', () => {
    const accuracy = figure('accuracy');
    const heatmap = figure('heatmap');
    for (const [variant, group] of Object.entries(metrics.by_variant)) {
      const shown = percent(group.pass_at_k['1']!.estimate);
      // The bar label, and the variant table's cell (which also holds the interval).
      expect(accuracy, variant).toContain(`>${shown}</text>`);
      expect(html).toContain(`<td class="r">${shown} [`);
    }
    for (const [template, group] of Object.entries(metrics.by_template)) {
      for (const inner of Object.values(group.by_variant!)) {
        expect(heatmap, template).toContain(`>${(inner.pass_at_k['1']!.estimate * 100).toFixed(0)}</text>`);
      }
    }
  });

  it('escapes names that look like markup', async () => {
    const hostile = structuredClone(metrics) as { -readonly [K in keyof Metrics]: Metrics[K] };
    hostile.inputs = { ...metrics.inputs, dataset: { ...metrics.inputs.dataset, file: '<img src=x onerror=alert(1)>.jsonl' } };
    const page = await renderHtml(hostile);
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;.jsonl');
  });
});

describe('renderHtml on thin runs', () => {
  it('draws a base-only run with one sample per item (a single k) without warnings, and a run with nothing scored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-thin-'));
    const records = [0, 1, 2].map((set) => record('apples', set, 'base', String(10 + set)));
    const dataset = join(dir, 'd.jsonl');
    writeFileSync(dataset, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const predictions = join(dir, 'p.jsonl');
    writeFileSync(predictions, records.map((r, i) => JSON.stringify({ id: r.id, output: completion(i === 0 ? '99' : r.answer) })).join('\n') + '\n');
    const thin = await scoreFiles(dataset, [predictions], { judge: fakeJudge, bootstrap: 100 });
    expect(thin.options.k).toEqual([1]);
    for (const chart of charts(thin)) expect((await renderChart(chart.spec)).warnings, chart.id).toEqual([]);
    const page = await renderHtml(thin);
    expect(page).not.toContain('Robustness');
    expect(page.match(/<figure class="chart/g)).toHaveLength(4);

    writeFileSync(predictions, '{"id": "elsewhere:test:1:0:base", "output": "#### 1"}\n');
    const empty = await scoreFiles(dataset, [predictions], { judge: fakeJudge, bootstrap: 100 });
    expect(empty.coverage.scored_items).toBe(0);
    const emptyPage = await renderHtml(empty);
    expect(emptyPage).toContain('3 dataset items of 3 had no prediction');
    expect(emptyPage.match(/<figure class="chart/g)).toBeNull();
  });
});

describe('every variant id', () => {
  it('gets its column in the heatmap, its rows in the tables, and its PDR and ASP beside the drop', async () => {
    // Generated records may carry every id but the two kept for imported ones.
    const all = VARIANT_IDS.filter((v) => v !== 'external' && v !== 'symbolic');
    const wide = await fixtureMetrics({ templates: 3, sets: 6, samples: 2, variants: all });
    expect(Object.keys(wide.by_variant)).toEqual(all);
    const heatmap = charts(wide).find((c) => c.id === 'heatmap')!;
    expect((await renderChart(heatmap.spec)).warnings).toEqual([]);
    const svg = (await renderChart(heatmap.spec)).svg;
    for (const variant of all) expect(svg, variant).toContain(`>${variant}</text>`);
    const table = variantTable(wide);
    expect(table.headers.slice(-2)).toEqual(['PDR [95% CI]', 'ASP [95% CI]']);
    for (const variant of all.filter((v) => v !== 'base')) {
      const row = table.rows.find((r) => r[0] === variant)!;
      const drop = wide.by_variant[variant]!.drop_vs_base!;
      expect(row.at(-1), variant).toBe(`${percent(drop.asp.estimate)} [${(drop.asp.ci_low! * 100).toFixed(1)}, ${(drop.asp.ci_high! * 100).toFixed(1)}]`);
      expect(row.at(-2), variant).toMatch(new RegExp(`^${percent(drop.pdr!.estimate).replace('.', '\\.')} \\[`));
    }
  });
});

describe('scopeIds', () => {
  it('keeps two copies of one chart from sharing clip-path ids', async () => {
    const idsOf = (text: string) => [...text.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
    const svgs = await Promise.all(charts(metrics).map(async (c) => (await renderChart(c.spec)).svg));
    // The accuracy chart's bars are clipped, so vega defines clip paths there.
    const svg = svgs.find((s) => idsOf(s).length > 0)!;
    expect(svg).toBeDefined();
    const [a, b] = [scopeIds(svg, 'one-'), scopeIds(svg, 'two-')];
    expect(idsOf(a).filter((id) => idsOf(b).includes(id))).toEqual([]);
    for (const [, target] of a.matchAll(/url\(#([^)]+)\)/g)) expect(idsOf(a)).toContain(target);
  });
});

describe('charts', () => {
  it('compile and draw without a single vega-lite or vega warning', async () => {
    for (const chart of charts(metrics)) expect((await renderChart(chart.spec)).warnings, chart.id).toEqual([]);
  });

  it('put k on a log2 axis with a tick at every k', () => {
    const spec = charts(metrics).find((c) => c.id === 'pass-at-k')!.spec as {
      encoding: { x: { scale: { type: string; base: number }; axis: { values: number[] } } };
    };
    expect(spec.encoding.x.scale).toMatchObject({ type: 'log', base: 2 });
    expect(spec.encoding.x.axis.values).toEqual(metrics.options.k);
  });
});

describe('renderMarkdown', () => {
  it('summarises: the drop sentences and one table row per variant plus all', () => {
    const md = renderMarkdown(metrics);
    for (const [variant, group] of Object.entries(metrics.by_variant)) {
      if (group.drop_vs_base) expect(md).toContain(`- ${dropSentence(variant, group.drop_vs_base, 0.95)}`);
      expect(md).toMatch(new RegExp(`^\\| ${variant} \\|`, 'm'));
    }
    expect(md).toMatch(/^\| all \|/m);
  });
});

describe('dropSentence', () => {
  const drop: Drop = {
    estimate: 0.18,
    ci_low: 0.14,
    ci_high: 0.22,
    p_value: 0.0004,
    n_pairs: 1000,
    n_base_items: 1000,
    base_accuracy: 0.8,
    variant_accuracy: 0.62,
    items: 2000,
    samples: 16000,
    test: 'sign-flip-monte-carlo',
    permutations: 10000,
    pdr: { estimate: 0.225, ci_low: 0.18, ci_high: 0.27 },
    asp: { estimate: 0.55, ci_low: 0.5, ci_high: 0.6 },
  };

  it('prints the line the issue asks for', () => {
    expect(dropSentence('noop', drop, 0.95)).toBe('noop costs 18.0 points (95% CI 14.0 to 22.0, p < 0.001; 1,000 pairs, base 80.0% → 62.0%).');
  });

  it('says "gains" for a negative drop and turns its interval around', () => {
    expect(dropSentence('names', { ...drop, estimate: -0.021, ci_low: -0.05, ci_high: 0.01, p_value: 0.31 }, 0.95)).toBe(
      'names gains 2.1 points (95% CI -1.0 to 5.0, p = 0.31; 1,000 pairs, base 80.0% → 62.0%).',
    );
  });

  it('leaves the interval out when there are no resamples', () => {
    expect(dropSentence('p1', { ...drop, ci_low: null, ci_high: null }, 0.95)).toBe('p1 costs 18.0 points (p < 0.001; 1,000 pairs, base 80.0% → 62.0%).');
  });
});

describe('format', () => {
  it('never rounds a p-value across a threshold, and prints no negative zero', () => {
    expect(pValue(0.0497)).toBe('p = 0.050');
    expect(pValue(0.00099)).toBe('p < 0.001');
    expect(pValue(0.0012)).toBe('p = 0.0012');
    expect(pValue(1)).toBe('p = 1.0');
    expect(points(-0.00001)).toBe('0.0');
  });
});

describe('textTable', () => {
  it('aligns numbers right and names left, one line per row', () => {
    const text = textTable(variantTable(metrics));
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2 + Object.keys(metrics.by_variant).length + 1);
    expect(lines[1]).toMatch(/^-+( +-+)+$/);
    // Right-aligned columns end at the same position on every line.
    const ends = lines.map((l) => (l.indexOf('Samples') >= 0 ? l.indexOf('Samples') + 'Samples'.length : -1));
    expect(ends[0]).toBeGreaterThan(0);
  });
});

describe('loadMetrics', () => {
  it('refuses a file that is not metrics, naming the file and the JSON pointer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-load-'));
    const broken = join(dir, 'm.json');
    const bad = structuredClone(metrics) as unknown as { by_variant: Record<string, { pass_at_k: Record<string, { estimate: number }> }> };
    bad.by_variant['noop']!.pass_at_k['1']!.estimate = 1.5;
    writeFileSync(broken, JSON.stringify(bad));
    expect(() => loadMetrics(broken)).toThrow(`${broken}#/by_variant/noop/pass_at_k/1/estimate: not reasonforge metrics: must be <= 1`);
    writeFileSync(broken, '{');
    expect(() => loadMetrics(broken)).toThrow(/not valid JSON/);
    expect(() => loadMetrics(join(dir, 'none.json'))).toThrow(/no such file/);
  });
});
