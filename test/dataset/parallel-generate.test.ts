import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as Library from '../../src/index.js';
import type * as ParallelGenerate from '../../src/dataset/parallel-generate.js';
import type * as JsonlChunks from '../../src/dataset/jsonl-chunks.js';
import type * as Manifest from '../../src/dataset/manifest.js';
import { MIN_RECORDS_PER_JOB, splitRange } from '../../src/dataset/parallel-generate.js';
import { DEFAULT_GENERATORS_DIR } from '../../src/template/load.js';
import { cli, REPO, tempDir } from '../support/cli.js';
import { fixtureSpec } from '../support/spec.js';

/** Worker threads load the built files (npm test builds first), so the parallel path is tested as built. */
const built = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(REPO, 'dist', path)).href)) as T;
const lib = await built<typeof Library>('index.js');
const { chunksInParallel } = await built<typeof ParallelGenerate>('dataset/parallel-generate.js');
const { jsonlChunks } = await built<typeof JsonlChunks>('dataset/jsonl-chunks.js');
const { RecordCounter } = await built<typeof Manifest>('dataset/manifest.js');

type Plan = InstanceType<typeof lib.GenerationPlan>;
type Run = Parameters<typeof chunksInParallel>[1];

function runOf(plan: Plan, generators: string | null = null): Run {
  return { ...plan.config, templates: plan.config.templates.map((t) => ({ id: t.id, version: t.version })), generators, gsmSymbolic: null };
}

/** Everything the workers produce, joined, with the counts and the number of chunks. */
async function inWorkers(plan: Plan, jobs: number, run = runOf(plan)): Promise<{ text: string; counts: unknown; chunks: number }> {
  const counter = new RecordCounter();
  const parts: Buffer[] = [];
  for await (const { data } of chunksInParallel(plan, run, counter, { jobs, spillDir: tempDir('spill'), chunkChars: 3000 })) parts.push(Buffer.from(data));
  return { text: Buffer.concat(parts).toString(), counts: counter.counts(), chunks: parts.length };
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

  it("reports a worker's failure where one thread would: the first failing record in order, with the same message", async () => {
    const dir = tempDir('exhausted');
    cpSync(join(DEFAULT_GENERATORS_DIR, 'pools'), join(dir, 'pools'), { recursive: true });
    const small = fixtureSpec({ variables: { ...fixtureSpec().variables, bags: { int: [2, 5] }, per_bag: { int: [3, 6] }, lost: { int: [1, 6] } } });
    writeFileSync(join(dir, 'small.json'), JSON.stringify(small));
    for (const name of ['bakery-trays-left.json', 'bike-shop-commission-pay.json']) cpSync(join(DEFAULT_GENERATORS_DIR, name), join(dir, name));
    const library = lib.loadLibrary(dir);
    const exhausting = new lib.GenerationPlan({ seed: 1, sets: 60, split: 'test', variants: ['base'], templates: library.templates });
    const single = (() => {
      try {
        inOneThread(exhausting);
      } catch (error) {
        return error as Error;
      }
      throw new Error('the small template was meant to run out of instances');
    })();
    expect(single.message).toMatch(/has only \d+ distinct test base instances/);
    for (const jobs of [2, 4]) {
      const failure = await inWorkers(exhausting, jobs, runOf(exhausting, dir)).catch((error: unknown) => error as Error);
      expect(failure).toBeInstanceOf(lib.ReasonforgeError);
      expect((failure as Error).message).toBe(single.message);
    }
  });

  it('splits a range into contiguous parts of equal length, give or take one', () => {
    const parts = splitRange(100, 1103, 4);
    expect(parts[0]!.start).toBe(100);
    expect(parts[3]!.end).toBe(1103);
    for (let k = 1; k < 4; k++) expect(parts[k]!.start).toBe(parts[k - 1]!.end);
    const lengths = parts.map((p) => p.end - p.start);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
    expect(splitRange(0, 2, 4).every((p) => p.start <= p.end)).toBe(true);
  });
});

describe('reasonforge generate --jobs', () => {
  const RUN = ['generate', '--seed', '4', '--sets', '9', '--variants', 'all'];

  it('writes the same file and manifest with --jobs 2 as with --jobs 1, leaving nothing else behind; stdout is the same too', () => {
    const dir = tempDir('jobs');
    for (const jobs of [1, 2]) {
      const result = cli([...RUN, '--jobs', String(jobs), '--out', join(dir, `j${jobs}.jsonl`)]);
      expect(result.status, result.stderr).toBe(0);
    }
    const one = readFileSync(join(dir, 'j1.jsonl'), 'utf8');
    // Enough records for two workers: jobsFor gives fewer to small runs.
    expect(one.split('\n').length).toBeGreaterThan(2 * MIN_RECORDS_PER_JOB);
    for (const jobs of [2]) {
      // Compared as strings: toEqual on buffers this size walks them byte by byte for minutes.
      expect(readFileSync(join(dir, `j${jobs}.jsonl`), 'utf8') === one).toBe(true);
      expect(readFileSync(join(dir, `j${jobs}.jsonl.manifest.json`), 'utf8')).toBe(
        readFileSync(join(dir, 'j1.jsonl.manifest.json'), 'utf8').replaceAll('j1.jsonl', `j${jobs}.jsonl`),
      );
    }
    expect(readdirSync(dir).sort()).toEqual(['j1.jsonl', 'j1.jsonl.manifest.json', 'j2.jsonl', 'j2.jsonl.manifest.json']);
    const piped = cli([...RUN, '--jobs', '2']);
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stdout === one).toBe(true);
    // Three runs of 11,000 records: more than the default minute on a busy 2-core machine.
  }, 180_000);

  it('refuses a job count that is not a whole number of at least 1', () => {
    const result = cli([...RUN, '--jobs', '0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('reasonforge generate: --jobs must be a whole number 1 or more (at most 9007199254740991), got "0"\n');
  });
});
