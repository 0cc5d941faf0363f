import type { WorkerPool } from '../parallel/pool.js';
import type { SlotFill } from './column-pieces.js';
import type { GenerateReply, GenerateTask, RunDescription } from './generate-protocol.js';

/** Slots of shared memory per worker: how many batches it may make ahead of the writer, which bounds memory. */
const SLOTS = 4;

interface Batch extends SlotFill {
  readonly view: Uint8Array;
  readonly slot: number;
}

/**
 * The pieces of a worker thread's templates, in record order, as the writer
 * of `generate --jobs N` takes them. The worker writes batches of whole
 * pieces into slots of memory shared with this thread, one slot per request;
 * a slot is asked for again once the writer is done with every piece in it. So the worker keeps working, never runs more than a few slots ahead,
 * and nothing is allocated or moved per batch.
 */
export class WorkerPieces {
  private readonly pool: WorkerPool<GenerateTask, GenerateReply>;
  private readonly index: number;
  private readonly memory: SharedArrayBuffer;
  private readonly slotBytes: number;
  private readonly batches: Batch[] = [];
  /** The next piece of batches[0]. */
  private at = 0;
  private finished = false;
  private failure: { readonly error: unknown } | null = null;
  private waiter: (() => void) | null = null;

  constructor(pool: WorkerPool<GenerateTask, GenerateReply>, index: number, slotBytes: number) {
    this.pool = pool;
    this.index = index;
    this.slotBytes = slotBytes;
    this.memory = new SharedArrayBuffer(SLOTS * slotBytes);
  }

  start(run: RunDescription, range: { start: number; end: number }, columns: readonly number[]): void {
    this.pool.runOn(this.index, { kind: 'start', run, range, columns, memory: this.memory, slotBytes: this.slotBytes }).then(
      () => {
        for (let slot = 0; slot < SLOTS; slot++) this.request(slot);
      },
      (error: unknown) => this.fail(error),
    );
  }

  /**
   * The next piece, valid until the next `take`, or undefined if it is still
   * being made (then `arrival` resolves when that may have changed). If the
   * worker failed at that piece, its error: the writer reports it exactly
   * where it reaches the failing piece.
   */
  take(): Uint8Array | undefined {
    // The writer is done with the piece handed out last: its slot is free once all its pieces are.
    if (this.batches[0] !== undefined && this.at === this.batches[0].ends.length) {
      this.request(this.batches.shift()!.slot);
      this.at = 0;
    }
    const batch = this.batches[0];
    if (batch !== undefined) {
      const from = this.at === 0 ? 0 : batch.ends[this.at - 1]!;
      return batch.view.subarray(from, batch.ends[this.at++]!);
    }
    if (this.failure !== null) throw this.failure.error;
    if (this.finished) throw new Error('a generate worker finished before it made every piece of its templates');
    return undefined;
  }

  arrival(): Promise<void> {
    return new Promise((resolve) => (this.waiter = resolve));
  }

  private request(slot: number): void {
    if (this.finished || this.failure !== null) return;
    this.pool.runOn(this.index, { kind: 'next', slot }).then(
      (reply) => {
        if (reply.kind === 'done') this.finished = true;
        else if (reply.kind === 'batch') {
          const view = reply.bytes ?? new Uint8Array(this.memory, slot * this.slotBytes, this.slotBytes);
          this.batches.push({ ends: reply.ends, view, slot });
        }
        this.wake();
      },
      (error: unknown) => this.fail(error),
    );
  }

  private fail(error: unknown): void {
    this.failure ??= { error };
    this.wake();
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }
}
