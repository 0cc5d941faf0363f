import { afterEach, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../src/run/client.js';
import { runEngine, type EngineConfig, type SampleLine } from '../../src/run/engine.js';
import { defaultRetryPolicy } from '../../src/run/retry.js';
import { startFakeServer, type FakeServer, type FakeServerOptions } from '../support/openai-server.js';

/**
 * The request engine against the test server: every fault the issue names,
 * with the backoff's sleep replaced by one that records the delay and
 * returns at once, so nothing here waits on a clock.
 */
let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const ids = ['a', 'b', 'c', 'd'];
const echo: FakeServerOptions['answer'] = (request, choice) => ({ text: `${request.prompt} #${choice} seed ${String(request.body['seed'])}` });

async function engine(
  serverOptions: FakeServerOptions,
  overrides: Partial<EngineConfig> = {},
  samples = 2,
  endpoint: Partial<Endpoint> | ((url: string) => Partial<Endpoint>) = {},
) {
  server = await startFakeServer(serverOptions);
  const delays: number[] = [];
  const lines: SampleLine[] = [];
  const notes: string[] = [];
  const failures: { id: string; samples: readonly number[]; message: string }[] = [];
  const result = await runEngine({
    endpoint: { baseUrl: server.url, apiKey: null, timeoutMs: 10_000, ...(typeof endpoint === 'function' ? endpoint(server.url) : endpoint) },
    api: 'completions',
    model: 'm',
    ids,
    missing: () => Array.from({ length: samples }, (_, s) => s),
    body: (item, n, first) => ({ model: 'm', prompt: ids[item], n, seed: first }),
    nPerRequest: samples,
    concurrency: 2,
    retry: defaultRetryPolicy({
      attempts: 4,
      baseDelayMs: 100,
      random: () => 0.5,
      sleep: async (ms) => {
        delays.push(ms);
      },
    }),
    write: (batch) => lines.push(...batch),
    signal: new AbortController().signal,
    onNote: (note) => notes.push(note),
    onFailure: (failure) => failures.push(failure),
    ...overrides,
  });
  const made = lines.map((l) => `${l.id}:${l.sample}`).sort();
  return { result, lines, made, delays, notes, failures, server: server };
}

const all = (samples: number) => ids.flatMap((id) => Array.from({ length: samples }, (_, s) => `${id}:${s}`)).sort();

describe('runEngine', () => {
  it('makes every sample once, n per request, with the server’s finish reason, usage and the model', async () => {
    const { result, lines, made, server } = await engine({ answer: echo }, {}, 3);
    expect(made).toEqual(all(3));
    expect(server.requests).toHaveLength(4);
    expect(server.requests.every((r) => r.body['n'] === 3)).toBe(true);
    const first = lines.find((l) => l.id === 'b' && l.sample === 2)!;
    expect(first).toMatchObject({ output: 'b #2 seed 0', finish_reason: 'stop', model: 'm', usage: { prompt_tokens: 1, samples: 3 } });
    expect(result).toMatchObject({ written: 12, failedSamples: 0, retries: 0, fatal: null, interrupted: false, nPerRequest: 3 });
  });

  it('waits what Retry-After says after a 429, then gets the answer', async () => {
    const { result, made, delays } = await engine({ answer: echo, fault: (r) => (r.number <= 2 ? { kind: 'status', status: 429, retryAfter: '7' } : null) });
    expect(made).toEqual(all(2));
    expect(delays).toEqual([7000, 7000]);
    expect(result.retries).toBe(2);
  });

  it('backs off exponentially after 5xx, with jitter below the doubling ceiling', async () => {
    let failuresLeft = 3;
    const { made, delays } = await engine({ answer: echo, fault: () => (failuresLeft-- > 0 ? { kind: 'status', status: 503 } : null) }, { concurrency: 1 });
    expect(made).toEqual(all(2));
    // random() = 0.5 of ceilings 100, 200, 400.
    expect(delays).toEqual([50, 100, 200]);
  });

  it('retries cut connections, before the answer and in the middle of its body', async () => {
    const { made, result } = await engine(
      { answer: echo, fault: (r) => (r.number === 1 ? { kind: 'cut' } : r.number === 2 ? { kind: 'cut-body' } : null) },
      { concurrency: 1 },
    );
    expect(made).toEqual(all(2));
    expect(result.retries).toBe(2);
  });

  it('retries a request that outlives its timeout', async () => {
    // The first request is held and never answered, so it times out whatever the machine's speed;
    // the bound is wide enough for the retry's answer to arrive on a busy machine.
    const { made, result, failures } = await engine({ answer: echo, fault: (r) => (r.number === 1 ? { kind: 'hold' } : null) }, { concurrency: 1 }, 2, {
      timeoutMs: 1500,
    });
    expect(made).toEqual(all(2));
    expect(result.retries).toBe(1);
    expect(failures).toEqual([]);
  });

  it('reports a request that keeps failing with its id, and finishes the others', async () => {
    const { made, failures, result } = await engine({ answer: echo, fault: (r) => (r.prompt === 'c' ? { kind: 'status', status: 502 } : null) });
    expect(made).toEqual(all(2).filter((s) => !s.startsWith('c:')));
    expect(failures).toEqual([{ id: 'c', samples: [0, 1], message: 'gave up after 4 attempts; the last: HTTP 502: injected HTTP 502', attempts: 4 }]);
    expect(result).toMatchObject({ failedSamples: 2, fatal: null });
  });

  it('takes a malformed answer as a failure of its samples, without retrying, and goes on', async () => {
    const { made, failures, server } = await engine({ answer: echo, fault: (r) => (r.prompt === 'b' ? { kind: 'malformed' } : null) });
    expect(made).toEqual(all(2).filter((s) => !s.startsWith('b:')));
    expect(failures.map((f) => [f.id, f.message])).toEqual([['b', expect.stringMatching(/^the response is not JSON: /)]]);
    expect(server.requests.filter((r) => r.prompt === 'b')).toHaveLength(1);
  });

  it('counts outputs cut off at max_tokens', async () => {
    const { result, lines } = await engine({ answer: (r, c) => ({ text: 'x', finish_reason: r.prompt === 'a' && c === 0 ? 'length' : 'stop' }) });
    expect(result.truncated).toBe(1);
    expect(lines.filter((l) => l.finish_reason === 'length').map((l) => `${l.id}:${l.sample}`)).toEqual(['a:0']);
  });

  it('asks for fewer samples per request when the server returns fewer (Ollama ignores n)', async () => {
    const { made, result, notes, server } = await engine({ answer: echo, maxChoices: 1 }, { concurrency: 1 }, 4);
    expect(made).toEqual(all(4));
    expect(result.nPerRequest).toBe(1);
    expect(notes).toEqual(['the server returned 1 of the 4 samples asked for in one request; asking for 1 at a time from now on']);
    // After the first answer, each request asks for one sample with a seed of its own.
    expect(server.requests.slice(1).every((r) => r.body['n'] === 1)).toBe(true);
    expect(new Set(server.requests.map((r) => `${r.prompt}:${String(r.body['seed'])}`)).size).toBe(16);
  });

  it('asks one sample at a time when the server refuses n > 1 (llama.cpp), without counting retries', async () => {
    const { made, result, notes } = await engine({ answer: echo, refuseN: true }, { concurrency: 1 }, 3);
    expect(made).toEqual(all(3));
    expect(result).toMatchObject({ nPerRequest: 1, retries: 0, failedSamples: 0 });
    expect(notes[0]).toMatch(/refused 3 samples per request \(HTTP 500: Only one completion choice is allowed\)/);
  });

  it('stops the run at a 401, and keeps the key the server echoed out of the message', async () => {
    const key = 'sk-test-wrong-key-123';
    const { result, made, server } = await engine({ answer: echo, requireKey: 'sk-right' }, { concurrency: 1 }, 2, { apiKey: key });
    expect(made).toEqual([]);
    expect(server.requests[0]!.headers['authorization']).toBe(`Bearer ${key}`);
    expect(result.fatal).toMatch(/^HTTP 401: invalid key in header "Bearer \[api key\]" \(is the API key right for this server\?\)$/);
    expect(server.requests).toHaveLength(1);
  });

  it('says to check --endpoint when the path is not there', async () => {
    // The API base without its /v1: every request would 404, so the run stops at the first.
    const { result, server } = await engine({ answer: echo }, { concurrency: 1 }, 2, (url) => ({ baseUrl: url.replace(/\/v1$/, '') }));
    expect(result.fatal).toMatch(
      /^HTTP 404: no route POST \/completions \(is --endpoint the API base, such as http:\/\/localhost:8000\/v1, and does the server have http:\/\/127\.0\.0\.1:\d+\/completions and the model\?\)$/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('stops every worker when the output cannot be written, then throws that error', async () => {
    let writes = 0;
    const attempt = engine(
      { answer: echo },
      {
        concurrency: 3,
        write: () => {
          writes++;
          throw new Error('disk full');
        },
      },
    );
    await expect(attempt).rejects.toThrow('disk full');
    // Each of the three workers sent one request at most: after the first failed write nobody took another task.
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(writes).toBeLessThanOrEqual(3);
    expect(server!.requests.length).toBeLessThanOrEqual(3);
  });

  it('stops sending at an abort and returns what was written', async () => {
    const controller = new AbortController();
    const { result, made } = await engine({ answer: echo }, { concurrency: 1, signal: controller.signal, write: () => controller.abort(new Error('stop')) });
    expect(made).toEqual([]);
    expect(result).toMatchObject({ interrupted: true, written: 2 });
  });
});
