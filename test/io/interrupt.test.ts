import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pendingPaths, removeOnInterrupt, removePending, SIGNAL_EXIT_CODES } from '../../src/io/interrupt.js';
import { BIN, tempDir } from '../support/cli.js';

/**
 * Interrupting a command that is writing a file leaves nothing behind, for
 * every signal a user or a supervisor sends. Each test starts the built
 * binary, waits (by polling the folder, not by a fixed delay) until its
 * temporary file exists, sends the signal, and checks the exit code and that
 * the folder holds nothing new.
 */
interface Started {
  readonly child: ChildProcess;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function start(args: readonly string[], cwd: string, options: { group?: boolean } = {}): Started {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['pipe', 'ignore', 'pipe'], detached: options.group === true });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) => {
    child.on('close', (code, signal) => done({ code, signal, stderr }));
  });
  return { child, exit };
}

async function untilTempFile(dir: string, started: Started): Promise<string> {
  let exited = false;
  void started.exit.then(() => (exited = true));
  for (;;) {
    const temp = readdirSync(dir).find((name) => name.endsWith('.tmp'));
    if (temp !== undefined) return temp;
    if (exited) throw new Error(`the command ended before writing a temporary file: ${(await started.exit).stderr}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

const GSM8K_LINE = JSON.stringify({
  question: 'Ann has 3 apples and buys 4 more. How many apples does she have?',
  answer: 'She has 3 + 4 = <<3+4=7>>7 apples.\n#### 7',
});

describe('an interrupted write leaves no temporary file', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('generate --out, stopped by %s, exits %i', async (signal, code) => {
    const dir = tempDir('interrupt');
    const started = start(['generate', '--seed', '1', '--sets', '2000', '--out', 'big.jsonl'], dir);
    await untilTempFile(dir, started);
    started.child.kill(signal);
    const result = await started.exit;
    expect(result.code, result.stderr).toBe(code);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('generate --out, stopped by Ctrl-C to its whole process group, exits 130', async () => {
    const dir = tempDir('interrupt');
    const started = start(['generate', '--seed', '1', '--sets', '2000', '--out', 'big.jsonl'], dir, { group: true });
    await untilTempFile(dir, started);
    process.kill(-started.child.pid!, 'SIGINT');
    const result = await started.exit;
    expect(result.code, result.stderr).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('verify --jsonl --out, stopped by SIGHUP while it waits for input, exits 129', async () => {
    const dir = tempDir('interrupt');
    const started = start(['verify', '--jsonl', '-', '--out', 'verified.jsonl'], dir);
    started.child.stdin!.write(`${JSON.stringify({ id: 'a', output: 'The answer is 7.', expected: '7' })}\n`);
    await untilTempFile(dir, started);
    started.child.kill('SIGHUP');
    const result = await started.exit;
    expect(result.code, result.stderr).toBe(129);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('import --out, stopped by SIGTERM while it waits for input, exits 143', async () => {
    const dir = tempDir('interrupt');
    const started = start(['import', 'gsm8k', '-', '--out', 'imported.jsonl'], dir);
    started.child.stdin!.write(`${GSM8K_LINE}\n`);
    await untilTempFile(dir, started);
    started.child.kill('SIGTERM');
    const result = await started.exit;
    expect(result.code, result.stderr).toBe(143);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a command that writes nothing keeps the default: a signal stops it at once', async () => {
    const dir = tempDir('interrupt');
    const started = start(['verify', '--jsonl', '-'], dir);
    started.child.kill('SIGTERM');
    const result = await started.exit;
    expect(result.signal).toBe('SIGTERM');
  });
});

describe('the registry of temporary paths', () => {
  it('removes what is registered, forgets what is released, and maps each signal to 128 + its number', () => {
    const dir = tempDir('registry');
    const kept = join(dir, 'kept.tmp');
    const dropped = join(dir, 'dropped.tmp');
    writeFileSync(kept, 'x');
    writeFileSync(dropped, 'x');
    const release = removeOnInterrupt(kept);
    removeOnInterrupt(dropped);
    release();
    expect(pendingPaths()).toEqual([dropped]);
    removePending();
    expect(readdirSync(dir)).toEqual(['kept.tmp']);
    expect(pendingPaths()).toEqual([]);
    expect(SIGNAL_EXIT_CODES).toEqual({ SIGHUP: 129, SIGINT: 130, SIGTERM: 143 });
  });
});

describe('a signal that arrives while the last temporary path is being released', () => {
  it('still stops the process, with the signal exit code, rather than being lost with the handlers', async () => {
    // The signal reaches the process while synchronous code runs (here: sent to itself), and the
    // path is released before the event loop can deliver it, as at the end of an atomic write.
    const script = [
      `import { cleanUpOnSignals, removeOnInterrupt } from ${JSON.stringify(new URL('../../dist/io/interrupt.js', import.meta.url).href)};`,
      'cleanUpOnSignals();',
      "const release = removeOnInterrupt('never-created.tmp');",
      "process.kill(process.pid, 'SIGINT');",
      'release();',
      'setTimeout(() => process.exit(0), 2000);',
    ].join('\n');
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
    const code = await new Promise<number | null>((done) => child.on('close', (exit) => done(exit)));
    expect(code).toBe(SIGNAL_EXIT_CODES.SIGINT);
  });
});
