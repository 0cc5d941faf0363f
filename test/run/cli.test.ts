import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GenerationPlan, generateRecords } from '../../src/engine/generate.js';
import { lockPath } from '../../src/run/lock.js';
import { readRunRecord } from '../../src/run/record.js';
import { loadLibrary } from '../../src/template/load.js';
import { tempDir } from '../support/cli.js';
import { startCli } from '../support/spawn-cli.js';
import { questionOf, startFakeServer, type FakeServer, type FakeServerOptions } from '../support/openai-server.js';

/**
 * `reasonforge run` as a user runs it: the built binary as a child process,
 * against the test server in this process (so the child is spawned, not run
 * synchronously, or the server could not answer). Kills happen when the
 * server holds a known number of requests, never after a delay.
 */
const records = [
  ...generateRecords(new GenerationPlan({ seed: 9, sets: 2, split: 'test', variants: ['base'], templates: loadLibrary().templates.slice(0, 5) })),
];
const answerOf = new Map(records.map((r) => [r.question, r.answer]));
const right: FakeServerOptions['answer'] = (request, choice) => ({ text: `Working ${choice}. #### ${answerOf.get(questionOf(request.prompt)) ?? '0'}` });
const KEY = 'sk-test-SECRET-7f3a9c';

let dir: string;
let dataset: string;
const servers: FakeServer[] = [];
const children: ChildProcess[] = [];
beforeAll(() => {
  dir = tempDir('run-cli');
  dataset = join(dir, 'd.jsonl');
  writeFileSync(dataset, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const server of servers.splice(0)) await server.close();
});

async function serve(options: FakeServerOptions = { answer: right }): Promise<FakeServer> {
  const server = await startFakeServer(options);
  servers.push(server);
  return server;
}

function start(args: readonly string[], env: Record<string, string> = {}) {
  const started = startCli(['run', ...args], env);
  children.push(started.child);
  return started;
}

const runArgs = (server: FakeServer, out: string, extra: string[] = []) => [
  '--dataset',
  dataset,
  '--endpoint',
  server.url,
  '--model',
  'fake',
  '--out',
  out,
  '--samples',
  '2',
  '--seed',
  '1',
  '--concurrency',
  '2',
  ...extra,
];
const pairs = (file: string) =>
  readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; sample: number })
    .map((l) => `${l.id}#${l.sample}`);
const everyPair = records.flatMap((r) => [`${r.id}#0`, `${r.id}#1`]).sort();

describe('reasonforge run (built binary)', () => {
  it('sends the API key from the environment as a bearer token, and writes or prints it nowhere', async () => {
    const server = await serve({ answer: right, requireKey: KEY });
    const out = join(dir, 'keyed.jsonl');
    const { done } = start(runArgs(server, out), { OPENAI_API_KEY: KEY });
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(server.requests.every((r) => r.headers['authorization'] === `Bearer ${KEY}`)).toBe(true);
    expect([...pairs(out)].sort()).toEqual(everyPair);
    expect(result.stderr).toMatch(/API key from OPENAI_API_KEY/);
    expect(result.stderr).toMatch(/20 samples written to .*keyed\.jsonl/);
    expect(result.stderr).toMatch(/no sample was cut off at --max-tokens/);
    for (const text of [readFileSync(out, 'utf8'), readFileSync(`${out}.run.json`, 'utf8'), result.stdout, result.stderr]) expect(text).not.toContain(KEY);
    expect(readRunRecord(out)!.api_key_env).toBe('OPENAI_API_KEY');

    // A wrong key: the server echoes the header it got in its error, and the message still hides it.
    const wrong = await start(runArgs(server, join(dir, 'wrong.jsonl'), ['--api-key-env', 'MY_KEY']), { MY_KEY: `${KEY}-wrong` }).done;
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/stopped: HTTP 401: invalid key in header "Bearer \[api key\]"/);
    expect(wrong.stderr).not.toContain(KEY);
    expect(readFileSync(join(dir, 'wrong.jsonl.run.json'), 'utf8')).not.toContain(KEY);
  });

  it('loses nothing but the requests in flight when killed, and the same command finishes with every sample once', async () => {
    // Two workers: requests 1 to 3 are answered and written, 4 and 5 are held; then the process is killed.
    const held = await serve({ answer: right, fault: (r) => (r.number >= 4 ? { kind: 'hold' } : null) });
    const out = join(dir, 'killed.jsonl');
    const { child, done } = start(runArgs(held, out));
    await held.waitForHeld(2);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    expect(pairs(out)).toHaveLength(6);
    expect(readRunRecord(out)!.sessions[0]!.outcome).toBe('running');
    expect(existsSync(lockPath(out))).toBe(true);

    const fresh = await serve();
    const resumed = await start(runArgs(fresh, out)).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/14 samples to make for 10 items, 6 already in/);
    expect(fresh.requests).toHaveLength(7);
    expect([...pairs(out)].sort()).toEqual(everyPair);
    expect(readRunRecord(out)!.sessions.map((s) => s.outcome)).toEqual(['running', 'complete']);
  });

  it('stops on Ctrl-C with exit status 130, keeping every finished sample, and the same command finishes', async () => {
    const held = await serve({ answer: right, fault: (r) => (r.number >= 4 ? { kind: 'hold' } : null) });
    const out = join(dir, 'interrupted.jsonl');
    const { child, done } = start(runArgs(held, out));
    await held.waitForHeld(2);
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/SIGINT: stopping; requests in flight are abandoned/);
    expect(result.stderr).toMatch(/interrupted: run the same command again to make the other 14 samples/);
    expect(pairs(out)).toHaveLength(6);
    expect(readRunRecord(out)!.sessions[0]).toMatchObject({ outcome: 'interrupted', written: 6 });
    expect(existsSync(lockPath(out))).toBe(false);

    const fresh = await serve();
    expect((await start(runArgs(fresh, out)).done).code).toBe(0);
    expect([...pairs(out)].sort()).toEqual(everyPair);
  });

  it('exits 1 naming the items whose requests kept failing, counts cut-off outputs, and warns of greedy samples', async () => {
    const bad = records[3]!;
    const server = await serve({
      answer: (request, choice) => ({ ...right(request, choice), finish_reason: questionOf(request.prompt) === records[0]!.question ? 'length' : 'stop' }),
      fault: (r) => (questionOf(r.prompt) === bad.question ? { kind: 'status', status: 500 } : null),
    });
    const out = join(dir, 'failing.jsonl');
    const result = await start(runArgs(server, out, ['--retries', '2', '--retry-delay', '0', '--temperature', '0'])).done;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/note: --temperature 0 with --samples 2: greedy decoding makes the samples alike/);
    expect(result.stderr).toContain(`reasonforge run: ${bad.id}: samples 0-1 failed: gave up after 3 attempts; the last: HTTP 500: injected HTTP 500`);
    expect(result.stderr).toMatch(/2 samples were cut off at --max-tokens \(finish_reason "length"\)/);
    expect(result.stderr).toMatch(/2 samples failed \(listed above\); run the same command again to make them/);
    expect(pairs(out)).toHaveLength(18);
  });

  it('refuses an API key given as a flag and bad sampling values, as usage errors', async () => {
    const server = await serve();
    const flag = await start([...runArgs(server, join(dir, 'flag.jsonl')), '--api-key', KEY]).done;
    expect(flag.code).toBe(2);
    expect(flag.stderr).not.toContain(KEY);
    const hot = await start([...runArgs(server, join(dir, 'hot.jsonl')), '--temperature', '3']).done;
    expect(hot.code).toBe(2);
    expect(hot.stderr).toMatch(/--temperature must be a number from 0 to 2, got "3"/);
    expect(server.requests).toHaveLength(0);
  });
});
