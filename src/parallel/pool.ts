import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';
import { ReasonforgeError } from '../errors.js';
import { revive, type Reply } from './protocol.js';

/** The default number of worker threads: one per core the process may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * A fixed set of worker threads running one module (which calls serveTasks),
 * each handling one task at a time. `run` hands a task to the worker with the
 * fewest waiting tasks and resolves with its result, so a caller that keeps
 * the promises in submission order and awaits the oldest first gets results
 * in order however the workers interleave; bounding that queue bounds memory.
 * Worker threads need the built JavaScript (dist/), as they load the module
 * from a file.
 */
export class WorkerPool<Task, Result> {
  private readonly workers: Worker[];
  private readonly waiting: Map<number, Waiting>[];
  private nextId = 0;
  private failure: Error | null = null;

  /** `workerData` is what every worker gets, or a function giving worker k's (data itself is never a function: none can be sent). */
  constructor(module: URL, count: number, workerData: unknown, resourceLimits?: ResourceLimits) {
    const path = fileURLToPath(module);
    if (!existsSync(path)) {
      throw new ReasonforgeError('internal', `worker threads run the built code, and ${path} does not exist: run npm run build`);
    }
    this.workers = [];
    this.waiting = [];
    for (let w = 0; w < count; w++) {
      const data: unknown = typeof workerData === 'function' ? (workerData as (index: number) => unknown)(w) : workerData;
      const worker = new Worker(module, { workerData: data, ...(resourceLimits !== undefined && { resourceLimits }) });
      const waiting = new Map<number, Waiting>();
      worker.on('message', (reply: Reply) => {
        const task = waiting.get(reply.id);
        if (task === undefined) return;
        waiting.delete(reply.id);
        if (reply.ok) task.resolve(reply.result);
        else task.reject(revive(reply.error));
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (waiting.size > 0) this.fail(new Error(`a worker thread exited (code ${code}) with ${waiting.size} task(s) unfinished`));
      });
      this.workers.push(worker);
      this.waiting.push(waiting);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Runs `task` on the worker with the fewest tasks waiting. */
  run(task: Task, transfer: readonly Transferable[] = []): Promise<Result> {
    let chosen = 0;
    for (let w = 1; w < this.workers.length; w++) if (this.waiting[w]!.size < this.waiting[chosen]!.size) chosen = w;
    return this.runOn(chosen, task, transfer);
  }

  /** Runs `task` on worker `index`, after the tasks already sent to it: for workers that keep state between tasks. */
  runOn(index: number, task: Task, transfer: readonly Transferable[] = []): Promise<Result> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const chosen = index;
    if (this.workers[chosen] === undefined) throw new RangeError(`the pool has no worker ${index}`);
    const id = this.nextId++;
    const result = new Promise<Result>((resolve, reject) => {
      this.waiting[chosen]!.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.workers[chosen]!.postMessage({ id, task }, [...transfer]);
    });
    // Callers await results in order, so a later task may fail before anyone awaits it: not an unhandled rejection.
    result.catch(() => undefined);
    return result;
  }

  /** Stops the workers from index `count` on (none of them may have a task waiting): a pool started larger than the work turned out to need. */
  keep(count: number): void {
    for (const [w, waiting] of this.waiting.entries()) {
      if (w >= count && waiting.size > 0) throw new Error(`worker ${w} still has ${waiting.size} task(s) waiting`);
    }
    for (const worker of this.workers.splice(count)) void worker.terminate();
    this.waiting.splice(count);
  }

  /** Stops every worker; pending tasks are rejected. */
  async close(): Promise<void> {
    this.fail(new Error('the worker pool was closed'));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting) {
      for (const task of waiting.values()) task.reject(error);
      waiting.clear();
    }
  }
}
