import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as Pool from '../../src/parallel/pool.js';
import type * as Errors from '../../src/errors.js';
import { REPO, tempDir } from '../support/cli.js';

/** Worker threads load files, so the pool is tested as built (npm test builds first), with a worker written here. */
const { WorkerPool } = (await import(pathToFileURL(join(REPO, 'dist/parallel/pool.js')).href)) as typeof Pool;
const { ReasonforgeError } = (await import(pathToFileURL(join(REPO, 'dist/errors.js')).href)) as typeof Errors;
const dist = (path: string) => JSON.stringify(pathToFileURL(join(REPO, 'dist', path)).href);
const dir = tempDir('pool');
const worker = join(dir, 'worker.mjs');
writeFileSync(
  worker,
  `import { threadId, workerData } from 'node:worker_threads';
import { serveTasks } from ${dist('parallel/protocol.js')};
import { ReasonforgeError } from ${dist('errors.js')};
serveTasks(async (task) => {
  if (task.tagged) throw new ReasonforgeError('dataset-invalid', 'a bad line', { file: 'd.jsonl', line: 7 }, { seen: task.value });
  if (task.plain) throw new TypeError('an internal slip');
  if (task.exit) process.exit(3);
  // Later tasks finish sooner, so replies come back out of order.
  await new Promise((done) => setTimeout(done, task.delay));
  const squares = Float64Array.from([task.value, task.value ** 2]);
  return { result: { value: task.value * workerData.factor, thread: threadId, squares }, transfer: [squares.buffer] };
});
`,
);

type Task = { value: number; delay?: number; tagged?: boolean; plain?: boolean; exit?: boolean };
type Result = { value: number; thread: number; squares: Float64Array };

describe('WorkerPool', () => {
  it('spreads tasks over its workers and gives each caller its own result, whatever order they finish in', async () => {
    const pool = new WorkerPool<Task, Result>(pathToFileURL(worker), 3, { factor: 10 });
    try {
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => pool.run({ value: i, delay: (12 - i) * 3 })));
      expect(results.map((r) => r.value)).toEqual(Array.from({ length: 12 }, (_, i) => i * 10));
      expect([...results[5]!.squares]).toEqual([5, 25]);
      expect(new Set(results.map((r) => r.thread)).size).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it('brings a ReasonforgeError back as one, with its kind, place and details, and other errors as errors', async () => {
    const pool = new WorkerPool<Task, Result>(pathToFileURL(worker), 2, { factor: 1 });
    try {
      const tagged = await pool.run({ value: 4, tagged: true }).catch((error: unknown) => error);
      expect(tagged).toBeInstanceOf(ReasonforgeError);
      expect(tagged).toMatchObject({ kind: 'dataset-invalid', message: 'd.jsonl:7: a bad line', where: { file: 'd.jsonl', line: 7 }, details: { seen: 4 } });
      const plain = await pool.run({ value: 0, plain: true }).catch((error: unknown) => error);
      expect(plain).not.toBeInstanceOf(ReasonforgeError);
      expect((plain as Error).message).toBe('an internal slip');
      // The pool still works after a task failed.
      expect((await pool.run({ value: 2, delay: 0 })).value).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('fails the waiting tasks, and every later one, when a worker dies', async () => {
    const pool = new WorkerPool<Task, Result>(pathToFileURL(worker), 1, { factor: 1 });
    try {
      const slow = pool.run({ value: 1, delay: 200 });
      const dying = pool.run({ value: 2, exit: true });
      await expect(slow).resolves.toMatchObject({ value: 1 });
      await expect(dying).rejects.toThrow(/exited \(code 3\)/);
      await expect(pool.run({ value: 3, delay: 0 })).rejects.toThrow(/exited/);
    } finally {
      await pool.close();
    }
  });

  it('says to build when the worker module is missing', () => {
    expect(() => new WorkerPool(pathToFileURL(join(dir, 'absent.js')), 1, null)).toThrow(/run npm run build/);
  });
});
