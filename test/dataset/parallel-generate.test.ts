import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as Library from '../../src/index.js';
import type * as ParallelGenerate from '../../src/dataset/parallel-generate.js';
import type * as Generate from '../../src/engine/generate.js';
import type * as JsonlChunks from '../../src/dataset/jsonl-chunks.js';
import type * as Manifest from '../../src/dataset/manifest.js';
import { assignColumns, jobsFor, minWorkPerJob, workOf } from '../../src/dataset/parallel-generate.js';
import { DEFAULT_GENERATORS_DIR } from '../../src/template/load.js';
import { cli, REPO, tempDir } from '../support/cli.js';
import { runs } from '../support/runs.js';
import { fixtureSpec } from '../support/spec.js';

/** Worker threads load the built files (npm test builds first), so the parallel path is tested as built. */
const built = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(REPO, 'dist', path)).href)) as T;
const lib = await built<typeof Library>('index.js');
const { chunksInParallel, outlinesFrom, startWorkers } = await built<typeof ParallelGenerate>('dataset/parallel-generate.js');
const { outlineOf } = await built<typeof Generate>('engine/generate.js');
const { jsonlChunks } = await built<typeof JsonlChunks>('dataset/jsonl-chunks.js');
const { RecordCounter } = await built<typeof Manifest>('dataset/manifest.js');

type Plan = Library.GenerationPlan;
type Run = Parameters<typeof chunksInParallel>[1];

function runOf(plan: Plan, generators: string | null = null): Run {
  return { ...plan.config, templates: plan.config.templates.map((t) => ({ id: t.id, version: t.version, file: t.file })), generators, gsmSymbolic: null };
}

/** Everything the workers produce, joined, with the counts and the number of chunks. */
async function inWorkers(
  plan: Plan,
  jobs: number,
  run = runOf(plan),
  options: Partial<Parameters<typeof chunksInParallel>[3]> = {},
): Promise<{ text: string; counts: unknown; chunks: number }> {
  const counter = new RecordCounter();
  const parts: Buffer[] = [];
  for await (const { data } of chunksInParallel(plan, run, counter, { jobs, slotBytes: 16_000, ...options })) parts.push(Buffer.from(data));
  return { text: Buffer.concat(parts).toString(), counts: counter.counts(), chunks: parts.length };
}

/** Everything written before a failure, and the failure. */
async function failingInWorkers(
  plan: Plan,
  jobs: number,
  run: Run,
  options: Partial<Parameters<typeof chunksInParallel>[3]> = {},
): Promise<{ text: string; error: Error }> {
  const parts: Buffer[] = [];
  try {
    for await (const { data } of chunksInParallel(plan, run, new RecordCounter(), { jobs, slotBytes: 16_000, ...options })) parts.push(Buffer.from(data));
  } catch (error) {
    return { text: Buffer.concat(parts).toString(), error: error as Error };
  }
  throw new Error('the run was meant to fail');
}

/** The records one thread makes before it fails, and its error. */
function failingInOneThread(plan: Plan): { text: string; error: Error } {
  let text = '';
  try {
    for (const record of lib.generateRecords(plan)) text += `${JSON.stringify(record)}\n`;
  } catch (error) {
    return { text, error: error as Error };
  }
  throw new Error('the run was meant to fail');
}

/** A generators folder with the built-in pools, the given built-in templates and the given specs: small, so workers start quickly. */
function generatorsDir(builtIn: readonly string[], specs: readonly object[]): string {
  const dir = tempDir('generators');
  cpSync(join(DEFAULT_GENERATORS_DIR, 'pools'), join(dir, 'pools'), { recursive: true });
  for (const name of builtIn) cpSync(join(DEFAULT_GENERATORS_DIR, `${name}.json`), join(dir, `${name}.json`));
  for (const spec of specs) writeFileSync(join(dir, `${(spec as { id: string }).id}.json`), JSON.stringify(spec));
  return dir;
}

function inOneThread(plan: Plan): { text: string; counts: unknown } {
  const counter = new RecordCounter();
  const parts: Buffer[] = [];
  for (const { data } of jsonlChunks(plan, counter)) parts.push(Buffer.from(data));
  return { text: Buffer.concat(parts).toString(), counts: counter.counts() };
}

describe('generate in worker threads', () => {
  // Every variant, with templates that cannot make some of them (those columns are shorter).
  const templates = lib.loadLibrary().templates.slice(0, 9);
  const plan = (extra: object = {}) => new lib.GenerationPlan({ seed: 6, sets: 3, split: 'test', variants: lib.GENERATED_VARIANTS, templates, ...extra });

  it('gives the bytes and counts of one thread for any number of workers, including more workers than records need', async () => {
    const whole = plan();
    expect(Object.keys(whole.skipped()).length).toBeGreaterThan(0);
    const one = inOneThread(whole);
    for (const jobs of [2, 4]) {
      const many = await inWorkers(whole, jobs);
      expect(many.chunks).toBeGreaterThan(jobs);
      expect(many.text).toBe(one.text);
      expect(many.counts).toEqual(one.counts);
      // Key order too: manifests are compared as bytes.
      expect(JSON.stringify(many.counts)).toBe(JSON.stringify(one.counts));
    }
    const tiny = plan({ sets: 1, templates: templates.slice(0, 1) });
    expect((await inWorkers(tiny, 8)).text).toBe(inOneThread(tiny).text);
  });

  it('splits a shard of the run, not the whole run', async () => {
    const shard = plan({ shard: { index: 1, count: 3 } });
    expect(shard.start).toBeGreaterThan(0);
    expect((await inWorkers(shard, 3)).text).toBe(inOneThread(shard).text);
  });

  it('gives the bytes of one thread for any split of the templates among the workers, any range, any slot size', async () => {
    const dir = generatorsDir(['bakery-trays-left', 'bike-shop-commission-pay', 'allotment-fence-gate'], [fixtureSpec()]);
    const library = lib.loadLibrary(dir);
    const cases = fc.sample(
      fc.record({
        jobs: fc.integer({ min: 1, max: 3 }),
        slotBytes: fc.constantFrom(3000, 40_000),
        owners: fc.array(fc.nat(2), { minLength: library.templates.length, maxLength: library.templates.length }),
        split: fc.constantFrom('test' as const, 'train' as const),
        // Started shared, each worker compiles some templates and compiles others' when given them.
        shared: fc.boolean(),
        a: fc.double({ min: 0, max: 1, noNaN: true }),
        b: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { numRuns: runs(4, 20), seed: 7 },
    );
    for (const { jobs, slotBytes, owners, split, shared, a, b } of cases) {
      const config = { seed: 2, sets: 4, split, variants: lib.GENERATED_VARIANTS, templates: library.templates };
      const total = new lib.GenerationPlan(config).total;
      const range = { start: Math.floor(Math.min(a, b) * total), end: Math.floor(Math.max(a, b) * total) };
      const part = new lib.GenerationPlan({ ...config, range });
      const one = inOneThread(part);
      const workers = shared ? startWorkers({ generators: dir, gsmSymbolic: null }, jobs, { shared: true }) : undefined;
      const many = await inWorkers(part, jobs, runOf(part, dir), {
        slotBytes,
        owners: owners.map((owner) => owner % jobs),
        ...(workers !== undefined && { workers }),
      });
      expect(many.text).toBe(one.text);
      expect(JSON.stringify(many.counts)).toBe(JSON.stringify(one.counts));
    }
  });

  it("reports a thread's failure where one thread would: the first failing record in order, with the same message, after everything before it", async () => {
    // Two templates that run out of instances, the later one in the plan first; a third that never does.
    const variables = (bags: number) => ({ ...fixtureSpec().variables, bags: { int: [2, bags] }, per_bag: { int: [3, 6] }, lost: { int: [1, 6] } });
    const dir = generatorsDir(
      ['bakery-trays-left'],
      [fixtureSpec({ id: 'small-a', variables: variables(5) }), fixtureSpec({ id: 'small-b', variables: variables(3) })],
    );
    const library = lib.loadLibrary(dir);
    const exhausting = new lib.GenerationPlan({ seed: 1, sets: 60, split: 'test', variants: ['base'], templates: library.templates });
    const single = failingInOneThread(exhausting);
    expect(single.error.message).toMatch(/"small-b" has only \d+ distinct test base instances/);
    for (const { jobs, owners } of [
      { jobs: 2, owners: [0, 0, 1] },
      { jobs: 2, owners: [1, 1, 0] },
      { jobs: 3, owners: [0, 1, 2] },
      { jobs: 2, owners: [1, 0, 1] },
    ]) {
      const failed = await failingInWorkers(exhausting, jobs, runOf(exhausting, dir), { owners });
      expect(failed.error).toBeInstanceOf(lib.ReasonforgeError);
      expect(failed.error.message).toBe(single.error.message);
      expect(failed.text).toBe(single.text);
    }
    expect((await failingInWorkers(exhausting, 2, runOf(exhausting, dir))).error.message).toBe(single.error.message);
  });

  it("plans from the outlines of each worker's share of the files: the library's templates in its order, or the error loading it would give", async () => {
    const dir = generatorsDir(['bakery-trays-left', 'bike-shop-commission-pay', 'allotment-fence-gate'], [fixtureSpec()]);
    const library = lib.loadLibrary(dir);
    for (const count of [1, 2, 3, 5]) {
      const workers = startWorkers({ generators: dir, gsmSymbolic: null }, count, { shared: true });
      try {
        const outlines = await outlinesFrom(workers);
        expect(outlines.templates).toEqual(library.templates.map(outlineOf));
        // Each template once, by the worker whose share its file is in (the files in sorted order, dealt round).
        const files = library.templates.map((t) => t.file).sort();
        for (const template of library.templates) expect(outlines.compiledBy.get(template.id)).toBe(files.indexOf(template.file) % count);
      } finally {
        await workers.close();
      }
    }
    const bad = (id: string) => ({ ...fixtureSpec({ id }), answer: { expr: 'no_such_variable + 1', type: 'integer' } });
    // By file name: a broken template in one share or in two, and an id used twice (in different shares).
    const faults: Record<string, object>[] = [
      { 'zz-broken.json': bad('zz-broken') },
      { 'aa-broken.json': bad('aa-broken'), 'zz-broken.json': bad('zz-broken') },
      { 'zz-copy.json': fixtureSpec({ id: 'bakery-trays-left' }) },
    ];
    for (const files of faults) {
      const faulty = generatorsDir(['bakery-trays-left', 'bike-shop-commission-pay', 'allotment-fence-gate'], []);
      for (const [name, spec] of Object.entries(files)) writeFileSync(join(faulty, name), JSON.stringify(spec));
      const oneThread = (() => {
        try {
          lib.loadLibrary(faulty);
        } catch (error) {
          return error as Error;
        }
        throw new Error('the library was meant to fail to load');
      })();
      for (const count of [2, 3]) {
        const workers = startWorkers({ generators: faulty, gsmSymbolic: null }, count, { shared: true });
        try {
          const error = await outlinesFrom(workers).then(
            () => new Error('the outlines were meant to fail'),
            (failure: unknown) => failure as Error,
          );
          expect(error).toBeInstanceOf(lib.ReasonforgeError);
          expect(error.message).toBe(oneThread.message);
        } finally {
          await workers.close();
        }
      }
    }
  });

  it('gives a run no more threads than it has templates, nor more than one per minWorkPerJob of work', () => {
    const every = minWorkPerJob(lib.GENERATED_VARIANTS.length);
    const setsFor = (work: number, of = plan()) => Math.ceil(work / (workOf(of) / of.config.sets));
    const big = plan({ sets: setsFor(4 * every) });
    expect(jobsFor(big, 4)).toBe(4);
    expect(jobsFor(big, 1)).toBe(1);
    expect(jobsFor(plan({ sets: setsFor(4 * every) - 1 }), 4)).toBe(3);
    const three = plan({ templates: templates.slice(0, 3) });
    expect(jobsFor(plan({ sets: setsFor(10 * every, three), templates: templates.slice(0, 3) }), 4)).toBe(3);
    expect(jobsFor(plan({ sets: 1 }), 4)).toBe(1);
    // Fewer variants, less code for each worker to warm up: less work earns a thread.
    const base = plan({ variants: ['base'] });
    const sets = setsFor(2 * minWorkPerJob(1), base);
    expect(jobsFor(plan({ sets, variants: ['base'] }), 2)).toBe(2);
    expect(jobsFor(plan({ sets: sets - 1, variants: ['base'] }), 2)).toBe(1);
    expect(minWorkPerJob(1)).toBeLessThan(every);
  });

  it("counts a run's work as its records and its pieces, each piece's search costing about one record", () => {
    const every = plan({ sets: 10 });
    expect(workOf(every)).toBe(every.total + 10 * templates.length);
    const base = plan({ sets: 10, variants: ['base'] });
    expect(workOf(base)).toBe(2 * base.total);
    // A range counts its share of the pieces.
    const half = plan({ sets: 10, range: { start: 0, end: every.total / 2 } });
    expect(workOf(half)).toBe(workOf(every) / 2);
  });

  it('shares the templates out among the workers by their records per set', () => {
    const whole = plan();
    const most = Math.max(...whole.columns.map((column) => column.variants.length));
    for (const workers of [1, 2, 3]) {
      const owners = assignColumns(whole, workers);
      const loads = Array.from({ length: workers }, (_, w) =>
        whole.columns.reduce((sum, column, c) => sum + (owners[c] === w ? column.variants.length : 0), 0),
      );
      expect(loads.reduce((a, b) => a + b, 0)).toBe(whole.perSet);
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(most);
    }
  });

  it('gives each template to the worker that compiled it while that keeps the loads within one template of each other', () => {
    const whole = plan();
    const most = Math.max(...whole.columns.map((column) => column.variants.length));
    const cases = fc.sample(fc.array(fc.nat(2), { minLength: whole.columns.length, maxLength: whole.columns.length }), { numRuns: 50, seed: 3 });
    for (const compilers of cases) {
      const compiledBy = new Map(whole.columns.map((column, c) => [column.template.id, compilers[c]!]));
      for (const workers of [2, 3]) {
        const owners = assignColumns(whole, workers, compiledBy);
        const loads = Array.from({ length: workers }, () => 0);
        whole.columns.forEach((column, c) => {
          const owner = owners[c]!;
          const least = Math.min(...loads);
          const compiler = compilers[c]!;
          // Its compiler whenever that stays within reach of the least loaded; otherwise the least loaded.
          if (compiler < workers && loads[compiler]! + column.variants.length <= least + most) expect(owner).toBe(compiler);
          else expect(loads[owner]).toBe(least);
          loads[owner]! += column.variants.length;
        });
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(most);
      }
    }
    // Dealt round, as the workers' shares are, every template stays with its compiler.
    const dealt = new Map(whole.columns.map((column, c) => [column.template.id, c % 2]));
    expect(assignColumns(whole, 2, dealt)).toEqual(whole.columns.map((_, c) => c % 2));
  });
});

describe('reasonforge generate --jobs', () => {
  // Work enough for two workers (jobsFor): base records, the cheapest in bytes per unit of work.
  const SETS = Math.ceil((2 * minWorkPerJob(1)) / (2 * lib.loadLibrary().templates.length));
  const RUN = ['generate', '--seed', '4', '--sets', String(SETS), '--variants', 'base'];
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  it('writes the same file and manifest with --jobs 2 as with --jobs 1, leaving nothing else behind; stdout is the same too', () => {
    const dir = tempDir('jobs');
    for (const jobs of [1, 2]) {
      const result = cli([...RUN, '--jobs', String(jobs), '--out', join(dir, `j${jobs}.jsonl`)]);
      expect(result.status, result.stderr).toBe(0);
    }
    const one = readFileSync(join(dir, 'j1.jsonl'), 'utf8');
    expect(one.split('\n').length - 1).toBe(SETS * lib.loadLibrary().templates.length);
    // Compared by digest: toEqual on strings this size walks them for minutes.
    expect(sha256(readFileSync(join(dir, 'j2.jsonl'), 'utf8'))).toBe(sha256(one));
    expect(readFileSync(join(dir, 'j2.jsonl.manifest.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'j1.jsonl.manifest.json'), 'utf8').replaceAll('j1.jsonl', 'j2.jsonl'),
    );
    expect(readdirSync(dir).sort()).toEqual(['j1.jsonl', 'j1.jsonl.manifest.json', 'j2.jsonl', 'j2.jsonl.manifest.json']);
    const piped = cli([...RUN, '--jobs', '2']);
    expect(piped.status, piped.stderr).toBe(0);
    expect(sha256(piped.stdout)).toBe(sha256(one));
    // Three runs of some 48,000 records: more than the default minute on a busy 2-core machine.
  }, 240_000);

  it('plans a run for workers from their outlines: a broken template is the same error as in one thread, and a run too small for two workers is made by one', () => {
    // Ten files: enough, judged before any is loaded, for workers to be started, with sets every template can make.
    const later = lib
      .loadLibrary()
      .templates.map((t) => t.id)
      .filter((id) => id > 'bike-shop-commission-pay')
      .sort()
      .slice(0, 8);
    const dir = generatorsDir(['bakery-trays-left', 'bike-shop-commission-pay', ...later], []);
    const run = ['generate', '--seed', '2', '--sets', String((2 * minWorkPerJob(1)) / (10 * 2)), '--variants', 'base', '--generators', dir];
    // The second file is the second worker's to compile: the one worker kept compiles it when the run starts.
    for (const template of ['bakery-trays-left', 'bike-shop-commission-pay']) {
      const one = cli([...run, '--templates', template, '--jobs', '1']);
      expect(one.status, one.stderr).toBe(0);
      const two = cli([...run, '--templates', template, '--jobs', '2']);
      expect(two.status, two.stderr).toBe(0);
      expect(two.stdout === one.stdout).toBe(true);
    }
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...fixtureSpec({ id: 'broken' }), answer: { expr: 'no_such_variable + 1', type: 'integer' } }));
    const broken = [1, 2].map((jobs) => cli([...run, '--jobs', String(jobs), '--out', join(dir, `j${jobs}.jsonl`)]));
    expect(broken[0]!.status).toBe(1);
    expect(broken[0]!.stderr).toMatch(/broken\.json/);
    expect(broken[1]!.status).toBe(broken[0]!.status);
    expect(broken[1]!.stderr).toBe(broken[0]!.stderr);
    expect(readdirSync(dir).filter((name) => name.startsWith('j'))).toEqual([]);
  }, 120_000);

  it('refuses a job count that is not a whole number of at least 1', () => {
    const result = cli([...RUN, '--jobs', '0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('reasonforge generate: --jobs must be a whole number 1 or more (at most 9007199254740991), got "0"\n');
  });
});
