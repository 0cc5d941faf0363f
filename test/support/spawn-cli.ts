import { spawn, type ChildProcess } from 'node:child_process';
import { BIN, REPO } from './cli.js';

export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Starts the built binary without waiting for it, for tests that serve it
 * from this process (the test OpenAI server): a synchronous spawn would
 * block the server it talks to. OPENAI_API_KEY is passed only when `env`
 * gives it, so the machine's own never leaks into a test.
 */
export function startCli(args: readonly string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<Finished> } {
  const environment = { ...process.env, ...env };
  if (!('OPENAI_API_KEY' in env)) delete environment['OPENAI_API_KEY'];
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}
