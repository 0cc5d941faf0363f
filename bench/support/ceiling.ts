/**
 * The machine's own ceiling for N threads: N independent one-thread runs of
 * the same command started together. They share nothing but the machine
 * (cores, caches, memory bandwidth, and the CPU a one-thread Node process
 * already spends on V8's helper threads), so N times one run's wall time
 * over theirs is the most any N-thread version of that command could gain
 * here. A bench prints a threaded command's speed-up both as it is and as a
 * share of this ceiling.
 */
import { runThreaded, type ThreadedRun } from './thread-cpu.js';

export interface CeilingRun {
  /** Seconds until the last of the N runs ended. */
  readonly wall: number;
  readonly runs: readonly ThreadedRun[];
}

/** Starts every argument list at once (one process each) and waits for all of them. */
export async function runTogether(command: string, argLists: readonly (readonly string[])[]): Promise<CeilingRun> {
  const started = performance.now();
  const runs = await Promise.all(argLists.map((args) => runThreaded(command, args)));
  return { wall: (performance.now() - started) / 1000, runs };
}

/** N runs' work over their wall time, against one run's: the speed-up the machine gives fully independent work. */
export function ceilingOf(oneWall: number, together: CeilingRun): number {
  return (together.runs.length * oneWall) / together.wall;
}
