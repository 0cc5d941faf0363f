import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { buildManifest, formatManifest, RecordCounter } from '../../dataset/manifest.js';
import { jsonlChunks, type JsonlChunk } from '../../dataset/jsonl-chunks.js';
import type { RunDescription } from '../../dataset/generate-protocol.js';
import { assignColumns, chunksInParallel, jobsFor } from '../../dataset/parallel-generate.js';
import { GenerationPlan, type GenerateConfig, type Shard } from '../../engine/generate.js';
import { defaultJobs } from '../../parallel/pool.js';
import { GENERATED_VARIANTS, parseVariants } from '../../engine/variants.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { checkOutputFile, STDIO } from '../../io/paths.js';
import { integerFlag, listFlag, parseCommandArgs, requireString, UsageError } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';
import { Progress } from '../progress.js';
import { openOutput } from '../output.js';
import { FROM_GSM_SYMBOLIC_OPTION, GENERATORS_OPTION } from '../shared.js';
import { planRun } from './generate-plan.js';

const OPTIONS = {
  seed: { type: 'string' },
  sets: { type: 'string' },
  variants: { type: 'string' },
  templates: { type: 'string' },
  topics: { type: 'string' },
  split: { type: 'string' },
  shard: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  jobs: { type: 'string' },
  ...GENERATORS_OPTION,
  ...FROM_GSM_SYMBOLIC_OPTION,
} as const;

function parseShard(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index >= count) throw new UsageError(`generate: --shard must be i/n with 0 <= i < n, got "${text}"`);
  return { index, count };
}

export const generate: Command = {
  name: 'generate',
  summary: 'write a seeded dataset as JSONL (stdout, or --out with a manifest)',
  usage: `Usage: reasonforge generate --seed S [options]

  --seed S            the seed, a whole number from 0 to 9007199254740991 (2^53 - 1); the same
                      arguments give the same bytes
  --sets K            instances per template (default 1); set j holds one instance of every template
  --variants LIST     comma-separated ids: base,names,numbers,noop,p1,p2,digits,decimal,
                      fraction,reverse,paraphrase,critical,reorder, or the groups all,
                      gsm-symbolic, gsm-plus (default: all)
  --templates PATTERN comma-separated ids or globs, e.g. 'bakery-*,bike-shop-commission-pay' (default all)
  --topics LIST       only these topics, e.g. shopping-money,ages (see reasonforge list)
  --split test|train  which split (default test); one seed's splits never share an item
  --shard i/n         only the i-th of n contiguous parts; parts 0..n-1 concatenate to the whole
  --out FILE          write FILE and FILE.manifest.json atomically instead of stdout (- is stdout)
  --force             replace FILE if it exists
  --jobs N            generate in N worker threads (default: one per core with --out, else 1);
                      the output is the same bytes for every N
  --generators DIR    use the templates in DIR instead of the built-in ones
  --from-gsm-symbolic DIR
                      generate from GSM-Symbolic's annotated templates in DIR (ids like
                      gsm-symbolic/p1/0013) instead; a template that cannot be translated
                      or sampled is reported and the rest still generate`,

  async run(args, io) {
    const { values } = parseCommandArgs('generate', args, OPTIONS, false);
    const seed = integerFlag('generate', requireString('generate', values.seed, 'seed'), 'seed', 0);
    listFlag('generate', values.templates, 'templates');
    listFlag('generate', values.topics, 'topics');
    const split = values.split ?? 'test';
    if (split !== 'test' && split !== 'train') throw new UsageError(`generate: --split must be test or train, got "${split}"`);
    const shard = parseShard(values.shard);
    const sets = integerFlag('generate', values.sets, 'sets', 1, 1);
    const askedJobs = values.jobs === undefined ? undefined : integerFlag('generate', values.jobs, 'jobs', 1, 1);
    const variants = parseVariants(listFlag('generate', values.variants, 'variants') ?? [...GENERATED_VARIANTS]);
    const fromGsm = values['from-gsm-symbolic'];
    const out = values.out === STDIO ? undefined : values.out;
    const wantedJobs = askedJobs ?? (out === undefined ? 1 : defaultJobs());
    const config: Omit<GenerateConfig, 'templates'> = { seed, sets, split, variants, ...(shard !== undefined && { shard }) };
    const { plan, source, compiled, workers } = await planRun(
      {
        config,
        variantsNamed: values.variants !== undefined,
        templates: values.templates,
        topics: values.topics,
        generators: values.generators,
        fromGsmSymbolic: fromGsm,
        jobs: wantedJobs,
      },
      io,
    );
    try {
      const manifestPath = out === undefined ? undefined : `${out}.manifest.json`;
      // Both files are checked before either is begun, so a refusal leaves nothing half done.
      if (out !== undefined) for (const path of [out, manifestPath!]) checkOutputFile(path, { force: values.force === true, flag: '--out' });
      const jobs = jobsFor(plan, wantedJobs);
      const output = openOutput(out, io.stdout, { force: true });
      const hash = createHash('sha256');
      const counter = new RecordCounter();
      const progress = new Progress(io.stderr, io.stderrIsTTY, plan.end - plan.start, 'generate');
      const run: RunDescription = {
        seed,
        sets,
        split,
        variants: plan.config.variants,
        templates: plan.config.templates.map((t) => ({ id: t.id, version: t.version, file: t.file })),
        ...source,
      };
      // Workers started for a run that turned out small make it all the same (one thread, in a worker): bytes do not depend on where.
      const chunks: AsyncIterable<JsonlChunk> | Iterable<JsonlChunk> =
        compiled !== undefined && jobs === 1
          ? jsonlChunks(new GenerationPlan({ ...config, templates: compiled }), counter)
          : chunksInParallel(plan, run, counter, {
              jobs,
              owners: assignColumns(plan, jobs, workers?.compiledBy),
              ...(workers !== undefined && { workers: workers.pool }),
            });
      let bytes = 0;
      try {
        for await (const { data, records } of chunks) {
          hash.update(data);
          bytes += data.length;
          await output.write(data);
          progress.advance(records);
          if (output.isClosed) break;
        }
        await output.commit();
      } catch (error) {
        output.abort();
        throw error;
      } finally {
        progress.finish();
      }
      if (out !== undefined && manifestPath !== undefined) {
        const named = fromGsm === undefined ? (values.generators ?? null) : `gsm-symbolic:${fromGsm}`;
        const manifest = buildManifest(plan, counter.counts(), { file: basename(out), bytes, sha256: hash.digest('hex') }, named);
        writeFileAtomic(manifestPath, formatManifest(manifest), { force: true });
        io.stderr.write(`reasonforge generate: wrote ${counter.records} records to ${out} (${manifest.data.sha256.slice(0, 12)}…) and ${manifestPath}\n`);
      }
    } finally {
      // chunksInParallel closes them too; here for a run refused before it began.
      await workers?.pool.close();
    }
    return EXIT_OK;
  },
};
