import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GenerationPlan, generateRecords } from '../../src/engine/generate.js';
import { chatMessages, completionPrompt, DEFAULT_TEMPLATE, selectFewshot } from '../../src/prompt/index.js';
import type { ProblemRecord } from '../../src/records/problem.js';
import { lockPath } from '../../src/run/lock.js';
import { readRunRecord } from '../../src/run/record.js';
import { defaultRetryPolicy } from '../../src/run/retry.js';
import { runModel, type RunOptions } from '../../src/run/run.js';
import { loadLibrary } from '../../src/template/load.js';
import { tempDir } from '../support/cli.js';
import { questionOf, startFakeServer, type FakeServer, type FakeServerOptions } from '../support/openai-server.js';

const library = loadLibrary();
const records = [
  ...generateRecords(new GenerationPlan({ seed: 2, sets: 1, split: 'test', variants: ['base', 'noop'], templates: library.templates.slice(0, 5) })),
];
const train = [...generateRecords(new GenerationPlan({ seed: 2, sets: 1, split: 'train', variants: ['base'], templates: library.templates.slice(0, 5) }))];
const answerOf = new Map(records.map((r) => [r.question, r.answer]));
const right: FakeServerOptions['answer'] = (request, choice) => ({ text: `Step ${choice}. #### ${answerOf.get(questionOf(request.prompt)) ?? '0'}` });
const jsonl = (list: readonly ProblemRecord[]) => list.map((r) => `${JSON.stringify(r)}\n`).join('');

let dir: string;
let dataset: string;
let trainFile: string;
const servers: FakeServer[] = [];
beforeAll(() => {
  dir = tempDir('run');
  dataset = join(dir, 'd.jsonl');
  trainFile = join(dir, 't.jsonl');
  writeFileSync(dataset, jsonl(records));
  writeFileSync(trainFile, jsonl(train));
});
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serve(options: FakeServerOptions = { answer: right }): Promise<FakeServer> {
  const server = await startFakeServer(options);
  servers.push(server);
  return server;
}

let outs = 0;
function options(server: FakeServer, overrides: Partial<RunOptions> = {}): RunOptions {
  return {
    dataset,
    out: join(dir, `out-${outs}.jsonl`),
    endpoint: { baseUrl: server.url, apiKey: null, timeoutMs: 10_000 },
    apiKeyEnv: 'OPENAI_API_KEY',
    model: 'fake',
    api: 'chat',
    samples: 2,
    sampling: { temperature: 1, top_p: 1, max_tokens: 64, seed: 5, stop: null },
    template: DEFAULT_TEMPLATE,
    fewshot: null,
    concurrency: 3,
    retry: defaultRetryPolicy({ attempts: 2, sleep: async () => {} }),
    signal: new AbortController().signal,
    ...overrides,
  };
}
const nextOut = () => join(dir, `out-${++outs}.jsonl`);
const readLines = (file: string) =>
  readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; sample: number; output: string });
const pairs = (file: string) =>
  readLines(file)
    .map((l) => `${l.id}#${l.sample}`)
    .sort();
const everyPair = (samples: number) => records.flatMap((r) => Array.from({ length: samples }, (_, s) => `${r.id}#${s}`)).sort();

describe('runModel', () => {
  it('samples every item, writes the run record, and on a second run has nothing left to do', async () => {
    const server = await serve();
    const out = nextOut();
    const summary = await runModel(options(server, { out }));
    expect(summary).toMatchObject({ outcome: 'complete', target: records.length * 2, written: records.length * 2, skipped: 0, failed: 0, truncated: 0 });
    expect(pairs(out)).toEqual(everyPair(2));
    const request = server.requests[0]!;
    const record = records.find((r) => r.question === questionOf(request.prompt))!;
    expect(request.body).toMatchObject({
      model: 'fake',
      n: 2,
      temperature: 1,
      top_p: 1,
      max_tokens: 64,
      stream: false,
      messages: chatMessages(DEFAULT_TEMPLATE, [], record.question),
    });
    const run = readRunRecord(out)!;
    expect(run).toMatchObject({
      model: 'fake',
      api: 'chat',
      samples: 2,
      api_key_env: 'OPENAI_API_KEY',
      sampling: { temperature: 1, seed: 5 },
      prompt: { source: 'default', template_sha256: DEFAULT_TEMPLATE.sha256, fewshot: null },
      dataset: { items: records.length },
    });
    expect(run.dataset.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(run.sessions).toEqual([expect.objectContaining({ outcome: 'complete', written: records.length * 2, failed: 0, skipped: 0 })]);
    expect(existsSync(lockPath(out))).toBe(false);

    const again = await runModel(options(server, { out }));
    expect(again).toMatchObject({ outcome: 'complete', written: 0, skipped: records.length * 2, requests: 0 });
    expect(readRunRecord(out)!.sessions).toHaveLength(2);
  });

  it('finishes on a second run what failed on the first, with no sample twice', async () => {
    const failing = records.slice(0, 3).map((r) => r.question);
    const broken = await serve({ answer: right, fault: (r) => (failing.includes(questionOf(r.prompt)) ? { kind: 'status', status: 503 } : null) });
    const out = nextOut();
    const first = await runModel(options(broken, { out }));
    expect(first).toMatchObject({ outcome: 'incomplete', failed: 6, written: (records.length - 3) * 2 });
    expect(first.failures.map((f) => f.id).sort()).toEqual(
      records
        .slice(0, 3)
        .map((r) => r.id)
        .sort(),
    );
    expect(readRunRecord(out)!.sessions[0]!.failures).toHaveLength(3);
    const fixed = await serve();
    const second = await runModel(options(fixed, { out }));
    expect(second).toMatchObject({ outcome: 'complete', written: 6, skipped: (records.length - 3) * 2 });
    expect(fixed.requests).toHaveLength(3);
    expect(pairs(out)).toEqual(everyPair(2));
  });

  it('adds samples when --samples grows, seeding the new requests apart from the old', async () => {
    const server = await serve();
    const out = nextOut();
    await runModel(options(server, { out, samples: 1 }));
    const seeds = new Set(server.requests.map((r) => r.body['seed']));
    await runModel(options(server, { out, samples: 3 }));
    expect(pairs(out)).toEqual(everyPair(3));
    const later = server.requests.slice(records.length);
    expect(later.every((r) => r.body['n'] === 2 && !seeds.has(r.body['seed']))).toBe(true);
    expect(server.requests.slice(0, records.length).every((r) => r.body['n'] === undefined)).toBe(true);
  });

  it('refuses to append with other sampling parameters, or to a file it did not write', async () => {
    const server = await serve();
    const out = nextOut();
    await runModel(options(server, { out, samples: 1 }));
    await expect(runModel(options(server, { out, sampling: { temperature: 0.6, top_p: 1, max_tokens: 64, seed: 5, stop: null } }))).rejects.toThrow(
      /was made with --temperature 1, and this run asks 0\.6; run the same command to finish it, or write to another --out/,
    );
    await expect(runModel(options(server, { out, model: 'other' }))).rejects.toThrow(/was made with the model "fake", and this run asks "other"/);
    const foreign = nextOut();
    writeFileSync(foreign, '{"id": "x", "output": "y"}\n');
    await expect(runModel(options(server, { out: foreign }))).rejects.toThrow(/exists, and has no run record beside it/);
    expect(readFileSync(foreign, 'utf8')).toBe('{"id": "x", "output": "y"}\n');
  });

  it('puts the seeded few-shot examples into every completions prompt, and refuses the dataset as its own examples', async () => {
    const server = await serve();
    const out = nextOut();
    await runModel(
      options(server, {
        out,
        api: 'completions',
        samples: 1,
        fewshot: { file: trainFile, count: 3, seed: 1 },
        sampling: { temperature: 0, top_p: 1, max_tokens: 64, seed: null, stop: ['Question:'] },
      }),
    );
    const shots = selectFewshot({ path: dataset, records }, { path: trainFile, records: train }, 3, 1);
    for (const request of server.requests) {
      expect(request.path).toBe('/v1/completions');
      expect(request.body['prompt']).toBe(completionPrompt(DEFAULT_TEMPLATE, shots, questionOf(request.body['prompt'] as string)));
      expect(request.body).toMatchObject({ stop: ['Question:'] });
      expect(request.body['seed']).toBeUndefined();
    }
    expect(readRunRecord(out)!.prompt.fewshot).toMatchObject({ file: trainFile, seed: 1, ids: shots.map((s) => s.id) });
    await expect(runModel(options(server, { out: nextOut(), fewshot: { file: dataset, count: 2, seed: 0 } }))).rejects.toThrow(/is also in the dataset/);
  });

  it('says so when the output folder does not exist', async () => {
    const server = await serve();
    await expect(runModel(options(server, { out: join(dir, 'missing', 'p.jsonl') }))).rejects.toThrow(
      /missing\/p\.jsonl: cannot be written: its folder does not exist/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('will not share its output with a live session, and takes over the lock of a dead one', async () => {
    const server = await serve();
    const out = nextOut();
    writeFileSync(lockPath(out), `${process.ppid}\n`);
    await expect(runModel(options(server, { out }))).rejects.toThrow(new RegExp(`another reasonforge run \\(process ${process.ppid}\\) is writing`));
    writeFileSync(lockPath(out), '2147483646\n');
    await expect(runModel(options(server, { out, samples: 1 }))).resolves.toMatchObject({ outcome: 'complete' });
    expect(existsSync(lockPath(out))).toBe(false);
  });
});
