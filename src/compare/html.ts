import { esc, htmlTable, notesSection, pageHead, renderFigures } from '../report/html.js';
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
  const figures = await renderFigures(comparisonCharts(c));
  const notes = notesSection(c.notes);
  const lines = headlineSentences(c);
  const title = c.models.map((m) => m.label).join(' vs ');
  // Markdown's backticks around file names become code elements.
  const intro = esc(provenance(c)).replace(/`([^`]*)`/g, '<code>$1</code>');
  return `<!doctype html>
<html lang="en">
${pageHead(`reasonforge comparison: ${title}`)}
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
