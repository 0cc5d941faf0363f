import { esc, htmlTable, scopeIds, STYLE } from '../report/html.js';
import { renderSvg } from '../report/svg.js';
import { comparisonCharts } from './charts.js';
import type { Comparison } from './compare.js';
import { comparisonTables, provenance } from './markdown.js';
import { headlineSentences } from './sentences.js';

/**
 * compare.html: one self-contained page like report.html (inline CSS,
 * charts as inline SVG rendered in Node, no script, a Content-Security-Policy
 * that forbids loading anything), with every charted number in a table.
 */
export async function renderComparisonHtml(c: Comparison): Promise<string> {
  const figures = await Promise.all(
    comparisonCharts(c).map(
      async (chart) => `<figure class="chart${chart.wide ? ' wide' : ''}" id="chart-${esc(chart.id)}" data-chart="${esc(chart.id)}">
  <figcaption><h3>${esc(chart.title)}</h3><p>${esc(chart.caption)}</p></figcaption>
  <div class="plot">${scopeIds(await renderSvg(chart.spec), `${chart.id}-`)}</div>
</figure>`,
    ),
  );
  const notes =
    c.notes.length === 0 ? '' : `<section class="notes"><h2>Read this first</h2><ul>${c.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></section>`;
  const lines = headlineSentences(c);
  const title = c.models.map((m) => m.label).join(' vs ');
  // Markdown's backticks around file names become code elements.
  const intro = esc(provenance(c)).replace(/`([^`]*)`/g, '<code>$1</code>');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>reasonforge comparison: ${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
  <h1>reasonforge comparison: ${esc(title)}</h1>
  <p>${intro}</p>
</header>
${notes}
<section class="headlines"><h2>In sentences</h2><ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul></section>
<section class="charts">
${figures.join('\n')}
</section>
${comparisonTables(c).map(htmlTable).join('\n')}
<p class="note">${esc(c.generator.name)} ${esc(c.generator.version)}</p>
</main>
</body>
</html>
`;
}
