import { parentPort, type Transferable } from 'node:worker_threads';
import { ReasonforgeError, prefixOf } from '../errors.js';

/** What crosses from a worker thread back to the pool: a result, or an error as data. */
export type Reply = { readonly id: number; readonly ok: true; readonly result: unknown } | { readonly id: number; readonly ok: false; readonly error: SentError };

/** An error as structured clone can carry it; a ReasonforgeError keeps its kind, place and details. */
export interface SentError {
  readonly message: string;
  readonly stack?: string;
  readonly tagged?: { readonly kind: string; readonly message: string; readonly where: ReasonforgeError['where']; readonly details: Readonly<Record<string, unknown>> };
}

export function sendable(error: unknown): SentError {
  if (error instanceof ReasonforgeError) {
    const bare = error.message.slice(prefixOf(error.where).length);
    return { message: error.message, tagged: { kind: error.kind, message: bare, where: error.where, details: error.details } };
  }
  if (error instanceof Error) return { message: error.message, ...(error.stack !== undefined && { stack: error.stack }) };
  return { message: String(error) };
}

/** The error again, on the pool's side: a ReasonforgeError is one again, so the CLI reports it as it would in one thread. */
export function revive(sent: SentError): Error {
  if (sent.tagged !== undefined) return new ReasonforgeError(sent.tagged.kind, sent.tagged.message, sent.tagged.where, { ...sent.tagged.details });
  const error = new Error(sent.message);
  if (sent.stack !== undefined) error.stack = `${sent.stack}\n    (in a worker thread)`;
  return error;
}

export interface Handled<Result> {
  readonly result: Result;
  readonly transfer?: readonly Transferable[];
}

/** The worker side of WorkerPool: answers each task with `handle`'s result (or its error), one at a time, in arrival order. */
export function serveTasks<Task, Result>(handle: (task: Task) => Handled<Result> | Promise<Handled<Result>>): void {
  const port = parentPort;
  if (port === null) throw new Error('serveTasks runs in a worker thread');
  let queue = Promise.resolve();
  port.on('message', ({ id, task }: { id: number; task: Task }) => {
    queue = queue.then(async () => {
      try {
        const { result, transfer = [] } = await handle(task);
        port.postMessage({ id, ok: true, result } satisfies Reply, [...transfer]);
      } catch (error) {
        port.postMessage({ id, ok: false, error: sendable(error) } satisfies Reply);
      }
    });
  });
}
