import { compareModels, type Comparison } from '../../compare/compare.js';
import { loadComparison, parseModelSpecs } from '../../compare/inputs.js';
import { renderComparisonMarkdown } from '../../compare/markdown.js';
import { headlineSentences } from '../../compare/sentences.js';
import { familyTable } from '../../compare/tables.js';
import { isReasonforgeError } from '../../errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { checkInputFile, checkOutputFile } from '../../io/paths.js';
import { textTable } from '../../report/table.js';
import { CONFIDENCE, DEFAULT_BOOTSTRAP, DEFAULT_PERMUTATIONS } from '../../score/score.js';
import { integerFlag, listFlag, parseCommandArgs, UsageError } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';

const OPTIONS = {
  html: { type: 'string' },
  md: { type: 'string' },
  json: { type: 'string' },
  baseline: { type: 'string' },
  k: { type: 'string' },
  bootstrap: { type: 'string' },
  permutations: { type: 'string' },
  seed: { type: 'string' },
  force: { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const;

/** The JSON of a comparison, indented for reading. */
export function formatComparison(comparison: Comparison): string {
  return `${JSON.stringify(comparison, null, 2)}\n`;
}

export const compare: Command = {
  name: 'compare',
  summary: 'compare models scored on one dataset: pass@k curves, crossover k, drops, coverage, run-to-run spread',
  usage: `Usage: reasonforge compare A=metricsA.json B=metricsB.json [C=...] [--html FILE] [--md FILE] [--json FILE] [options]

  LABEL=FILE[,FILE...]  a model and what "reasonforge score" wrote for it; several files (or the label
                        given again) are several runs of one model, e.g. with different sampling seeds:
                        their samples are pooled, and the run-to-run spread is reported
  --html FILE           a self-contained page: every model's pass@k, CoT-pass@k and maj@k curves with
                        intervals and crossovers, the paired differences, drops side by side, coverage
  --md FILE             the sentences a paper quotes and every table, in Markdown
  --json FILE           every figure, for other tools
  --baseline LABEL      differences are every other model minus this one (default: the first)
  --k LIST              the k of the tables (default 1, 2, 4, ... up to the fewest samples, and that)
  --bootstrap N         bootstrap resamples per interval (default ${DEFAULT_BOOTSTRAP}; 0: no intervals)
  --permutations N      Monte Carlo sign flips per test where no exact test applies (default ${DEFAULT_PERMUTATIONS})
  --seed S              seed of every resample and sign flip (default 0)
  --force               replace existing files
  --quiet               no sentences and table on stdout

Runs on different datasets (their sha256 in metrics.json) are refused. Differences are paired over
the items every model answered; pass@k is exact at every k up to the fewest samples of any item.`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('compare', args, OPTIONS);
    let specs;
    try {
      specs = parseModelSpecs(positionals);
    } catch (error) {
      if (isReasonforgeError(error) && error.kind === 'usage') throw new UsageError(`compare: ${error.message}`);
      throw error;
    }
    if (specs.length < 2) throw new UsageError('compare: give at least two models, as A=metricsA.json B=metricsB.json');
    if (values.baseline !== undefined && !specs.some((s) => s.label === values.baseline)) {
      throw new UsageError(`compare: --baseline ${values.baseline} is not one of the models (${specs.map((s) => s.label).join(', ')})`);
    }
    const ks = listFlag('compare', values.k, 'k')?.map((part) => {
      if (!/^[1-9][0-9]*$/.test(part) || !Number.isSafeInteger(Number(part))) throw new UsageError(`compare: --k values must be integers >= 1, got "${part}"`);
      return Number(part);
    });
    const force = values.force === true;
    // Every path is checked before the work: a minute of bootstrap should not end in "already exists".
    for (const [flag, path] of [
      ['--json', values.json],
      ['--md', values.md],
      ['--html', values.html],
    ] as const)
      if (path !== undefined) checkOutputFile(path, { force, flag });
    for (const spec of specs) for (const file of spec.files) checkInputFile(file);
    const comparison = compareModels(loadComparison(specs), {
      bootstrap: integerFlag('compare', values.bootstrap, 'bootstrap', DEFAULT_BOOTSTRAP),
      permutations: integerFlag('compare', values.permutations, 'permutations', DEFAULT_PERMUTATIONS, 1),
      seed: integerFlag('compare', values.seed, 'seed', 0),
      confidence: CONFIDENCE,
      ...(values.baseline !== undefined && { baseline: values.baseline }),
      ...(ks !== undefined && { k: ks }),
    });
    const written: string[] = [];
    if (values.json !== undefined) {
      writeFileAtomic(values.json, formatComparison(comparison), { force });
      written.push(values.json);
    }
    if (values.md !== undefined) {
      writeFileAtomic(values.md, renderComparisonMarkdown(comparison), { force });
      written.push(values.md);
    }
    if (values.html !== undefined) {
      // vega and vega-lite take a third of a second to load: only pages pay for them.
      const { renderComparisonHtml } = await import('../../compare/html.js');
      writeFileAtomic(values.html, await renderComparisonHtml(comparison), { force });
      written.push(values.html);
    }
    if (!values.quiet) {
      io.stdout.write(`${headlineSentences(comparison).join('\n')}\n\n`);
      io.stdout.write(textTable(familyTable(comparison, comparison.overall.pass_at_k, 'pass@k')));
    }
    for (const note of comparison.notes) io.stderr.write(`reasonforge compare: note: ${note}\n`);
    io.stderr.write(
      `reasonforge compare: ${comparison.items.compared.toLocaleString('en-US')} items, ${comparison.models.length} models${written.length > 0 ? `; wrote ${written.join(', ')}` : ''}\n`,
    );
    return EXIT_OK;
  },
};
