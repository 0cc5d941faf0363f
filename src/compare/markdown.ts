import { count } from '../report/format.js';
import { markdownTable } from '../report/table.js';
import type { Table } from '../report/tables.js';
import type { Comparison } from './compare.js';
import { headlineSentences } from './sentences.js';
import { coverageTable, crossoverTable, dropTable, familyTable, modelsTable, spreadTable } from './tables.js';

/** What the comparison stands on, in one paragraph: items, models, dataset, statistics. */
export function provenance(c: Comparison): string {
  const models = c.models.map(
    (m) =>
      `${m.label} (${m.runs.length === 1 ? 'one run' : `${m.runs.length} runs`}, ${m.min_samples === m.max_samples ? count(m.min_samples) : `${count(m.min_samples)} to ${count(m.max_samples)}`} samples per item)`,
  );
  return (
    `${count(c.items.compared)} items of \`${c.dataset.file}\` (sha256 \`${c.dataset.sha256.slice(0, 12)}\`), compared paired item by item: ${models.join(', ')}; differences are against ${c.options.baseline}. ` +
    (c.options.bootstrap > 0
      ? `Intervals: ${Math.round(c.options.confidence * 100)}% percentile bootstrap over items, ${count(c.options.bootstrap)} resamples; `
      : 'No intervals (--bootstrap 0); ') +
    `tests: paired sign-flip; seed ${c.options.seed}.`
  );
}

export function comparisonTables(c: Comparison): Table[] {
  const tables = [
    modelsTable(c),
    familyTable(c, c.overall.pass_at_k, 'pass@k'),
    familyTable(c, c.overall.cot_pass_at_k, 'CoT-pass@k (right answer, no wrong arithmetic step)'),
  ];
  if (c.overall.maj_at_k !== null) tables.push(familyTable(c, c.overall.maj_at_k, 'maj@k (majority vote of k samples)'));
  tables.push(crossoverTable(c));
  if (c.drops.length > 0) tables.push(dropTable(c));
  tables.push(coverageTable(c));
  if (c.run_spread.length > 0) tables.push(spreadTable(c));
  return tables;
}

/** The comparison for a pull request or a paper's appendix: the sentences, then every table. */
export function renderComparisonMarkdown(c: Comparison): string {
  const parts = [`## reasonforge comparison: ${c.models.map((m) => m.label).join(' vs ')}\n`, `${provenance(c)}\n`];
  if (c.notes.length > 0) parts.push(`**Read first:**\n\n${c.notes.map((n) => `- ${n}`).join('\n')}\n`);
  parts.push(
    `${headlineSentences(c)
      .map((l) => `- ${l}`)
      .join('\n')}\n`,
  );
  for (const table of comparisonTables(c)) parts.push(`### ${table.title}\n\n${markdownTable(table)}${table.note === undefined ? '' : `\n${table.note}\n`}`);
  parts.push(`<sub>${c.generator.name} ${c.generator.version}</sub>\n`);
  return parts.join('\n');
}
