import { closeSync, existsSync, fsyncSync, openSync, readSync, statSync, truncateSync } from 'node:fs';
import { ReasonforgeError } from '../errors.js';
import { writingTo } from '../io/fs-failure.js';
import { parseJsonLine } from '../io/jsonl.js';
import { lineBatches } from '../io/line-batches.js';
import { writeAll } from '../io/write-all.js';
import type { SampleLine } from './engine.js';

/** What an earlier run of the same command left in the output file. */
export interface ExistingOutput {
  /** Sample indices already written, per item id. */
  readonly done: ReadonlyMap<string, ReadonlySet<number>>;
  readonly lines: number;
  /** Where the file's complete lines end; a crash mid-write can leave a partial last line after it. */
  readonly completeBytes: number;
  readonly partialBytes: number;
}

/**
 * Reads the lines a run already wrote: every complete line must be one of
 * ours (id in the dataset, a sample index, an output) and no (id, sample)
 * may repeat, or the file is not this run's and nothing is appended to it.
 * A last line without its newline is what a killed process can leave; it is
 * reported, and cut off before appending.
 */
export async function readExistingOutput(path: string, ids: ReadonlySet<string>): Promise<ExistingOutput> {
  const done = new Map<string, Set<number>>();
  if (!existsSync(path)) return { done, lines: 0, completeBytes: 0, partialBytes: 0 };
  const size = statSync(path).size;
  const completeBytes = endOfLastLine(path, size);
  const partial = completeBytes < size;
  const firstLine = new Map<string, number>();
  let previous: { number: number; text: string } | null = null;
  let lines = 0;
  const check = ({ number, text }: { number: number; text: string }) => {
    const where = { file: path, line: number };
    const json = parseJsonLine(text);
    if (!json.ok)
      throw new ReasonforgeError('run-output-invalid', `${json.message}; this file was not written by reasonforge run, so nothing is appended to it`, where);
    const value = json.value as Record<string, unknown>;
    const { id, sample, output } = typeof value === 'object' && value !== null ? value : ({} as Record<string, unknown>);
    if (typeof id !== 'string' || !Number.isSafeInteger(sample) || (sample as number) < 0 || typeof output !== 'string') {
      throw new ReasonforgeError(
        'run-output-invalid',
        'not a line of reasonforge run (it needs "id", "sample" and "output"); nothing is appended to this file',
        where,
      );
    }
    if (!ids.has(id)) throw new ReasonforgeError('run-output-invalid', `item ${id} is not in the dataset: this output belongs to another dataset`, where);
    const key = `${sample as number}\u0000${id}`;
    const first = firstLine.get(key);
    if (first !== undefined)
      throw new ReasonforgeError('run-output-invalid', `sample ${sample as number} of ${id} is written twice (first on line ${first})`, where);
    firstLine.set(key, number);
    let samples = done.get(id);
    if (samples === undefined) done.set(id, (samples = new Set()));
    samples.add(sample as number);
    lines++;
  };
  for await (const { first, lines: batch } of lineBatches(path)) {
    for (let i = 0; i < batch.length; i++) {
      if (previous !== null) check(previous);
      previous = { number: first + i, text: batch[i]! };
    }
  }
  if (previous !== null && !partial) check(previous);
  return { done, lines, completeBytes, partialBytes: size - completeBytes };
}

/** The offset just after the file's last newline (0 when it has none), read backwards from the end. */
function endOfLastLine(path: string, size: number): number {
  if (size === 0) return 0;
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(64 * 1024);
    for (let end = size; end > 0;) {
      const start = Math.max(0, end - chunk.length);
      const read = readSync(fd, chunk, 0, end - start, start);
      const at = chunk.subarray(0, read).lastIndexOf(0x0a);
      if (at >= 0) return start + at + 1;
      end = start;
    }
    return 0;
  } finally {
    closeSync(fd);
  }
}

/**
 * Appends each response's lines with one write system call: the kernel has
 * them as soon as the call returns, so a killed process loses only requests
 * still in flight, and no line is ever half there for the next run to trip
 * over, short of the machine itself going down (hence the fsync on close).
 */
export class SampleAppender {
  private fd: number | null;

  constructor(
    readonly path: string,
    existing: ExistingOutput,
  ) {
    this.fd = writingTo(path, () => {
      if (existing.partialBytes > 0) truncateSync(path, existing.completeBytes);
      return openSync(path, 'a');
    });
  }

  append(lines: readonly SampleLine[]): void {
    if (this.fd === null) throw new Error(`${this.path} is already closed`);
    if (lines.length === 0) return;
    const bytes = Buffer.from(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
    const fd = this.fd;
    writingTo(this.path, () => writeAll(fd, bytes));
  }

  close(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    try {
      writingTo(this.path, () => fsyncSync(fd));
    } finally {
      closeSync(fd);
    }
  }
}
