import { writeFileAtomic } from '../../io/atomic-write.js';
import { checkInputFile, checkOutputFile } from '../../io/paths.js';
import { headlines } from '../../report/headlines.js';
import { textTable } from '../../report/table.js';
import { variantTable } from '../../report/tables.js';
import type { Metrics } from '../../score/metrics.js';
import { formatMetrics, scoreFiles, scoringThreads } from '../../score/score.js';
import { topicsOf } from '../../score/topics.js';
import { verifierJudge } from '../../score/verifier-judge.js';
import { integerFlag, listFlag, parseCommandArgs, requireString, UsageError } from '../args.js';
import { EXIT_FAILURE, EXIT_OK, type Command } from '../command.js';
import { defaultJobs } from '../../parallel/pool.js';
import { GENERATORS_OPTION, libraryFor } from '../shared.js';

const OPTIONS = {
  dataset: { type: 'string' },
  predictions: { type: 'string', multiple: true },
  out: { type: 'string' },
  force: { type: 'boolean' },
  k: { type: 'string' },
  bootstrap: { type: 'string' },
  permutations: { type: 'string' },
  seed: { type: 'string' },
  'drop-duplicates': { type: 'boolean' },
  'lm-eval-filter': { type: 'string' },
  quiet: { type: 'boolean' },
  strict: { type: 'boolean' },
  jobs: { type: 'string' },
  ...GENERATORS_OPTION,
} as const;

function parseKs(text: string | undefined): number[] | undefined {
  const parts = listFlag('score', text, 'k');
  if (parts === undefined) return undefined;
  if (parts.length === 0) throw new UsageError('score: --k needs at least one value');
  return parts.map((part) => {
    if (!/^[1-9][0-9]*$/.test(part) || !Number.isSafeInteger(Number(part))) throw new UsageError(`score: --k values must be integers >= 1, got "${part}"`);
    return Number(part);
  });
}

/** What --strict refuses: anything read that was not scored, and anything asked that was not answered. */
export function strictProblems(metrics: Metrics): string[] {
  const { coverage } = metrics;
  const problems: string[] = [];
  if (coverage.malformed.count > 0) problems.push(`${coverage.malformed.count} malformed prediction line(s)`);
  if (coverage.unknown.lines > 0) problems.push(`${coverage.unknown.lines} prediction line(s) with ids not in the dataset`);
  if (coverage.missing.count > 0) problems.push(`${coverage.missing.count} dataset item(s) without a prediction`);
  return problems;
}

export const score: Command = {
  name: 'score',
  summary: 'score model outputs against a dataset: pass@k, maj@k, CoT-pass@k, drops with CIs',
  usage: `Usage: reasonforge score --dataset D.jsonl --predictions P.jsonl --out metrics.json [options]

  --dataset FILE          the reasonforge dataset the predictions answer
  --predictions FILE      {"id","output"} lines (one sample each), {"id","outputs":[...]} lines,
                          or an lm-evaluation-harness --log_samples file; repeat for several files
  --out FILE              write metrics.json (schemas/metrics.schema.json) atomically
  --force                 replace FILE if it exists
  --k LIST                k values, e.g. 1,2,4,8 (default: powers of two up to the fewest
                          samples any item has); a group leaves out k above its fewest, with a note
  --bootstrap N           bootstrap resamples per interval (default 1000; 0: no intervals)
  --permutations N        Monte Carlo sign flips per drop test where no exact test applies (default 10000)
  --seed S                seed of every resampling, sign flip and maj@k subset (default 0)
  --drop-duplicates       drop samples identical to an earlier sample of the same item (default: keep, report)
  --lm-eval-filter NAME   lm-evaluation-harness: read the lines of this filter (default: the first seen)
  --generators DIR        read template topics from DIR instead of the built-in templates
  --quiet                 no table on stdout
  --strict                for CI: any malformed line, unknown id or dataset item without a
                          prediction is an error (exit 1, nothing written)
  --jobs N                score in N worker threads (default: one per core; one thread for less
                          than 4 MB of input); metrics.json is the same for every N

Prints the per-variant table and one line per perturbation ("noop costs 18.0 points (95% CI
14.0 to 22.0, p < 0.001; ...)"). Unreadable lines, unknown ids, items without predictions and
duplicated samples are counted and listed in metrics.json, and summarised on stderr; the exit
code is then still 0, unless --strict. When no prediction matches any item, or --strict finds a
problem, the exit code is 1 and nothing is written, so the same command can simply be run again.`,

  async run(args, io) {
    const { values } = parseCommandArgs('score', args, OPTIONS, false);
    const dataset = requireString('score', values.dataset, 'dataset');
    const predictions = values.predictions ?? [];
    if (predictions.length === 0) throw new UsageError('score: --predictions is required');
    const out = requireString('score', values.out, 'out');
    // Every value is checked before any file, and every file before the scoring starts.
    const k = parseKs(values.k);
    const bootstrap = integerFlag('score', values.bootstrap, 'bootstrap', 1000);
    const permutations = integerFlag('score', values.permutations, 'permutations', 10_000, 1);
    const seed = integerFlag('score', values.seed, 'seed', 0);
    const jobs = integerFlag('score', values.jobs, 'jobs', defaultJobs(), 1);
    checkOutputFile(out, { force: values.force === true, flag: '--out' });
    checkInputFile(dataset, { flag: '--dataset' });
    for (const file of predictions) checkInputFile(file, { flag: '--predictions' });
    if ([dataset, ...predictions].filter((file) => file === '-').length > 1)
      throw new UsageError('score: standard input can be read once: give "-" to one of --dataset and --predictions');
    const started = Date.now();
    const threads = scoringThreads(jobs, [dataset, ...predictions]);
    const metrics = await scoreFiles(dataset, predictions, {
      judge: verifierJudge(),
      ...(k !== undefined && { k }),
      bootstrap,
      permutations,
      seed,
      dropDuplicates: values['drop-duplicates'] === true,
      ...(values['lm-eval-filter'] !== undefined && { lmEvalFilter: values['lm-eval-filter'] }),
      loadTopics: () => topicsOf(libraryFor(values.generators)),
      jobs,
    });
    for (const note of metrics.notes) io.stderr.write(`reasonforge score: note: ${note}\n`);
    if (metrics.coverage.scored_items === 0) {
      io.stderr.write(`reasonforge score: no prediction matched any dataset item; is this the right dataset? Nothing written\n`);
      return EXIT_FAILURE;
    }
    const problems = values.strict === true ? strictProblems(metrics) : [];
    if (problems.length > 0) {
      io.stderr.write(`reasonforge score: --strict: ${problems.join('; ')}; nothing written\n`);
      return EXIT_FAILURE;
    }
    writeFileAtomic(out, formatMetrics(metrics), { force: true });
    if (!values.quiet) {
      io.stdout.write(textTable(variantTable(metrics)));
      const lines = headlines(metrics);
      if (lines.length > 0) io.stdout.write(`\n${lines.join('\n')}\n`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const how = threads === 1 ? '' : ` with ${threads} worker threads`;
    io.stderr.write(
      `reasonforge score: ${metrics.coverage.samples.toLocaleString('en-US')} samples of ${metrics.coverage.scored_items.toLocaleString('en-US')} items in ${seconds} s${how}; wrote ${out}\n`,
    );
    return EXIT_OK;
  },
};
