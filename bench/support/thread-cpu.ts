/**
 * Runs a command and samples the CPU time of each of its threads from
 * /proc/<pid>/task (Linux), so that a bench can say what a run would take on
 * an idle machine even when it shares a busy one: at least the total CPU
 * time over the cores, and at least the CPU time of its busiest thread.
 * Elsewhere the thread figures are NaN and only wall time is measured.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

export interface ThreadedRun {
  readonly wall: number;
  /** CPU seconds per thread, largest first (the main thread and workers, and V8's helper threads). */
  readonly threads: readonly number[];
  readonly total: number;
  /** max(total / cores, busiest thread): the wall time of this run on an idle machine with perfect overlap. */
  readonly idleBound: number;
  readonly stdout: string;
  /** The largest resident set seen (VmHWM), MiB; NaN where /proc is missing. */
  readonly peakRssMiB: number;
}

const TICKS_PER_SECOND = 100;

function peakRss(pid: number): number {
  try {
    const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return line === null ? Number.NaN : Number(line[1]) / 1024;
  } catch {
    return Number.NaN;
  }
}

function sample(pid: number, into: Map<string, number>): void {
  const rss = peakRss(pid);
  if (!Number.isNaN(rss)) into.set('rss', Math.max(into.get('rss') ?? 0, rss));
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tasks) {
    try {
      const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      into.set(tid, Math.max(into.get(tid) ?? 0, ticks));
    } catch {
      // The thread ended between the listing and the read: its last sample stands.
    }
  }
}

export function runThreaded(command: string, args: readonly string[], everyMs = 20): Promise<ThreadedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const ticks = new Map<string, number>();
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setInterval(() => sample(child.pid!, ticks), everyMs);
    child.on('exit', () => sample(child.pid!, ticks));
    child.on('close', (code) => {
      clearInterval(timer);
      const wall = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`));
      const rss = ticks.get('rss') ?? Number.NaN;
      ticks.delete('rss');
      const threads = [...ticks.values()].map((t) => t / TICKS_PER_SECOND).sort((a, b) => b - a);
      const total = threads.reduce((a, b) => a + b, 0);
      resolve({ wall, threads, total, idleBound: threads.length === 0 ? Number.NaN : Math.max(total / cpus().length, threads[0]!), stdout, peakRssMiB: rss });
    });
  });
}
