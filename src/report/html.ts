import type { Metrics } from '../score/metrics.js';
import { charts, type Chart } from './charts.js';
import { count, intervalMethod } from './format.js';
import { headlines } from './headlines.js';
import { renderSvg } from './svg.js';
import { coverageTable, groupByVariantTable, passAtKTable, spreadTable, variantTable, type Table } from './tables.js';

/**
 * The HTML report: one self-contained page (inline CSS, charts as inline
 * SVG rendered in Node, no script, no font or image to fetch; a
 * Content-Security-Policy forbids loading anything), with every charted
 * number also in a table.
 */
export async function renderHtml(metrics: Metrics): Promise<string> {
  const figures = await renderFigures(charts(metrics));
  const tables = [
    variantTable(metrics),
    passAtKTable(metrics),
    spreadTable(metrics),
    groupByVariantTable(metrics, 'By template', metrics.by_template, 'Template'),
    groupByVariantTable(metrics, 'By topic', metrics.by_topic, 'Topic'),
    groupByVariantTable(metrics, 'By instance set', metrics.by_set, 'Set'),
    coverageTable(metrics),
  ];
  const { inputs, options } = metrics;
  const notes = notesSection(metrics.notes);
  const lines = headlines(metrics);
  const drops = lines.length === 0 ? '' : `<section class="headlines"><h2>Robustness</h2><ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul></section>`;
  return `<!doctype html>
<html lang="en">
${pageHead(`reasonforge report: ${inputs.predictions.map((p) => basename(p.file)).join(', ')}`)}
<body>
<main>
<header>
  <h1>reasonforge report</h1>
  <dl class="meta">
    <dt>Dataset</dt><dd><code>${esc(inputs.dataset.file)}</code> (${count(inputs.dataset.items)} items${hash(inputs.dataset.sha256)})</dd>
    <dt>Predictions</dt><dd>${inputs.predictions.map((p) => `<code>${esc(p.file)}</code> (${count(p.lines)} lines${hash(p.sha256)})`).join('<br>')}</dd>
    <dt>Scored</dt><dd>${count(metrics.coverage.scored_items)} items, ${count(metrics.coverage.samples)} samples; k = ${options.k.join(', ')}</dd>
    <dt>Statistics</dt><dd>${intervalMethod(options)}, paired sign-flip test, seed ${options.seed}</dd>
    <dt>Made by</dt><dd>${esc(metrics.generator.name)} ${esc(metrics.generator.version)}</dd>
  </dl>
</header>
${notes}
${drops}
<section class="charts">
${figures.join('\n')}
</section>
${tables.map(htmlTable).join('\n')}
</main>
</body>
</html>
`;
}

/** Each chart as a figure: caption, then its SVG with ids scoped to the chart, so several charts share a page. */
export async function renderFigures(list: readonly Chart[]): Promise<string[]> {
  return Promise.all(
    list.map(
      async (chart) => `<figure class="chart${chart.wide ? ' wide' : ''}" id="chart-${esc(chart.id)}" data-chart="${esc(chart.id)}">
  <figcaption><h3>${esc(chart.title)}</h3><p>${esc(chart.caption)}</p></figcaption>
  <div class="plot">${scopeIds(await renderSvg(chart.spec), `${chart.id}-`)}</div>
</figure>`,
    ),
  );
}

/** The warnings a reader must see before any figure; nothing when there are none. */
export function notesSection(notes: readonly string[]): string {
  return notes.length === 0 ? '' : `<section class="notes"><h2>Read this first</h2><ul>${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></section>`;
}

/** The head of a self-contained page: the policy that forbids loading anything, and the inline style. */
export function pageHead(title: string): string {
  return `<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>`;
}

export function htmlTable(table: Table): string {
  const head = table.headers.some((h) => h !== '')
    ? `<thead><tr>${table.headers.map((h, c) => `<th class="${table.align[c]}">${esc(h)}</th>`).join('')}</tr></thead>`
    : '';
  const body = table.rows.map((row) => `<tr>${row.map((v, c) => `<td class="${table.align[c]}">${esc(v)}</td>`).join('')}</tr>`).join('\n');
  const note = table.note === undefined ? '' : `<p class="note">${esc(table.note)}</p>`;
  return `<section class="table"><h2>${esc(table.title)}</h2><div class="scroll"><table>${head}<tbody>\n${body}\n</tbody></table></div>${note}</section>`;
}

function hash(sha: string | null): string {
  return sha === null ? '' : `, sha256 <code>${sha.slice(0, 12)}</code>`;
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * Prefixes every id an SVG defines (vega's clip paths and gradients) and
 * every reference to one: inline SVGs share the page's id space, and two
 * charts that both define "clip1" would clip each other.
 */
export function scopeIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!));
  if (ids.size === 0) return svg;
  return svg.replace(/\b(id="|url\(#|href="#)([^")]+)/g, (whole, lead: string, id: string) => (ids.has(id) ? `${lead}${prefix}${id}` : whole));
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export const STYLE = `
:root { color-scheme: light; --ink: #1f2933; --muted: #5f6b76; --line: #e3e7ec; --accent: #3366cc; --warn: #fff6e0; --warn-line: #f0c36d; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f7f9; color: var(--ink); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 28px 32px 64px; }
h1 { font-size: 26px; margin: 0 0 12px; letter-spacing: -0.01em; }
h2 { font-size: 17px; margin: 0 0 10px; }
h3 { font-size: 15px; margin: 0; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eef1f4; padding: 1px 4px; border-radius: 3px; }
header { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; margin-bottom: 18px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; color: var(--muted); }
.meta dt { font-weight: 600; color: var(--ink); }
.meta dd { margin: 0; }
section { margin-bottom: 18px; }
.notes { background: var(--warn); border: 1px solid var(--warn-line); border-radius: 10px; padding: 14px 22px; }
.notes ul, .headlines ul { margin: 0; padding-left: 20px; }
.headlines { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 10px; padding: 14px 22px; }
.headlines li { margin: 3px 0; font-size: 15px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 18px; }
.chart.wide { grid-column: 1 / -1; }
.chart { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 16px 18px; overflow-x: auto; }
.chart figcaption p { margin: 2px 0 10px; color: var(--muted); font-size: 13px; }
.plot svg { display: block; max-width: 100%; height: auto; }
.table { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 16px 18px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 13px; }
th, td { padding: 5px 12px; border-bottom: 1px solid var(--line); white-space: nowrap; }
th { font-weight: 600; background: #f8f9fb; position: sticky; top: 0; }
td.r, th.r { text-align: right; }
td.l, th.l { text-align: left; }
tbody tr:hover { background: #f8fafc; }
.note { color: var(--muted); font-size: 12.5px; margin: 8px 0 0; }
`;
