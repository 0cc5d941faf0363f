import { writeFileAtomic } from '../../io/atomic-write.js';
import { checkInputFile, checkOutputFile } from '../../io/paths.js';
import { checkMetrics, loadMetrics, parseMetricsText } from '../../report/load-metrics.js';
import { renderMarkdown } from '../../report/markdown.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const OPTIONS = {
  html: { type: 'string' },
  md: { type: 'string' },
  force: { type: 'boolean' },
} as const;

export const report: Command = {
  name: 'report',
  summary: 'turn metrics.json into a self-contained HTML report and a Markdown summary',
  usage: `Usage: reasonforge report METRICS.json [--html FILE] [--md FILE] [--force]   (METRICS.json "-": standard input)

  --html FILE   a self-contained page (no network needed): pass@k curves on a log2 k axis,
                accuracy per variant with confidence intervals, the per-set accuracy histogram,
                a template-by-variant heatmap, and every number again as tables
  --md FILE     a short Markdown summary for a pull request or a paper appendix
  --force       replace existing files
At least one of --html and --md. METRICS.json must be what "reasonforge score" wrote
(it is checked against schemas/metrics.schema.json).`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('report', args, OPTIONS);
    if (positionals.length !== 1) throw new UsageError('report: give exactly one metrics.json');
    if (values.html === undefined && values.md === undefined) throw new UsageError('report: give --html FILE, --md FILE or both');
    const force = values.force === true;
    // Both outputs are checked before either is written, and before the slow rendering.
    if (values.html !== undefined) checkOutputFile(values.html, { force, flag: '--html' });
    if (values.md !== undefined) checkOutputFile(values.md, { force, flag: '--md' });
    if (values.html !== undefined && values.html === values.md) throw new UsageError('report: --html and --md name the same file');
    const input = positionals[0]!;
    checkInputFile(input);
    const metrics = input === '-' ? checkMetrics(parseMetricsText(await readAll(io.stdin), '<stdin>'), '<stdin>') : loadMetrics(input);
    const written: string[] = [];
    if (values.html !== undefined) {
      // vega and vega-lite take a third of a second to load: only this command pays for them.
      const { renderHtml } = await import('../../report/html.js');
      writeFileAtomic(values.html, await renderHtml(metrics), { force });
      written.push(values.html);
    }
    if (values.md !== undefined) {
      writeFileAtomic(values.md, renderMarkdown(metrics), { force });
      written.push(values.md);
    }
    io.stderr.write(`reasonforge report: wrote ${written.join(' and ')}\n`);
    return EXIT_OK;
  },
};
