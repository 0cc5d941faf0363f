import type { Metrics } from '../score/metrics.js';
import { count, intervalMethod } from './format.js';
import { headlines } from './headlines.js';
import { markdownTable } from './table.js';
import { spreadTable, variantTable } from './tables.js';

/**
 * The short summary for a pull request or a paper appendix: what was scored,
 * the drop sentences, the per-variant table and the spread over sets. The
 * full breakdown lives in the HTML report and metrics.json.
 */
export function renderMarkdown(metrics: Metrics): string {
  const { inputs, options, coverage } = metrics;
  const parts: string[] = [];
  parts.push('## reasonforge results\n');
  parts.push(
    `${count(coverage.scored_items)} items and ${count(coverage.samples)} samples from \`${inputs.predictions.map((p) => p.file).join('`, `')}\`, scored against \`${inputs.dataset.file}\`` +
      `${inputs.dataset.sha256 === null ? '' : ` (sha256 \`${inputs.dataset.sha256.slice(0, 12)}\`)`}. ` +
      `Intervals: ${intervalMethod(options)}; drops: paired sign-flip test; seed ${options.seed}.\n`,
  );
  if (metrics.notes.length > 0) parts.push(`**Read first:**\n\n${metrics.notes.map((n) => `- ${n}`).join('\n')}\n`);
  const lines = headlines(metrics);
  if (lines.length > 0) parts.push(`${lines.map((l) => `- ${l}`).join('\n')}\n`);
  const variants = variantTable(metrics);
  parts.push(`### ${variants.title}\n\n${markdownTable(variants)}\n${variants.note}\n`);
  const spread = spreadTable(metrics);
  if (spread.rows.length > 0) parts.push(`### ${spread.title}\n\n${markdownTable(spread)}\n${spread.note}\n`);
  parts.push(`<sub>${metrics.generator.name} ${metrics.generator.version}</sub>\n`);
  return parts.join('\n');
}
