/**
 * Where the j-th item of a lane comes from, without drawing items 0..j-1.
 *
 * A lane is a sequence of candidate draws (positions 0, 1, 2, ...), some of
 * which pass the template's checks. Taking "the j-th draw that passes" would
 * make item j depend on every draw before it, so a shard deep into a run
 * would first re-check everything before it. Instead the lane is cut into
 * blocks that each give a fixed number of items:
 *
 * - Block 0 runs from the start to the BLOCK_ITEMS-th passing draw. Its
 *   length measures the template's acceptance, and sets the length of every
 *   later block: BLOCK_SPAN times block 0's, so that a block holds about twice
 *   as many passing draws as it must give. Block 0 would have to be less
 *   than half its expected length for blocks to fall short on average (for 64
 *   draws, a chance of a few in a million); a block short by chance is paid.
 * - Block k >= 1 gives items k·BLOCK_ITEMS .. (k+1)·BLOCK_ITEMS - 1: its own
 *   first BLOCK_ITEMS passing draws. Finding item j costs at most one block.
 * - A block short of passing draws (rare) is owed the rest. Its debt is paid
 *   from the spare passing draws of the blocks after it, nearest debtor first,
 *   so paying block k's debt looks only forward from k.
 * - After the last whole block come the leftovers: the spares no debt took,
 *   block by block, then the passing draws of the lane's last partial block.
 *   They make the lane's capacity exactly its number of passing draws; only
 *   items this deep (a run near the template's capacity) need the whole lane.
 *
 * Every passing draw is given to at most one item, so items never repeat.
 */
export const BLOCK_ITEMS = 64;
export const BLOCK_SPAN = 2;

/** Checks draws of one lane: the accepted draw at a lane position, or undefined if it fails. */
export interface LaneSource<T> {
  readonly length: number;
  draw(position: number): T | undefined;
}

interface Block<T> {
  readonly start: number;
  readonly end: number;
  /** Next position to check. */
  next: number;
  /** Positions of the passing draws found so far. */
  readonly positions: number[];
  /**
   * The item at the last of them, until it is handed out. Items are large
   * (every variant's numbers), so a block keeps only the one a stream asks
   * for next; any other is drawn again from its position.
   */
  last: T | undefined;
}

/** Items block `block` is owed. */
interface Debt {
  readonly block: number;
  units: number;
}

/** `count` spare passing draws of a block, from its `from`-th, paying `debtor`'s debt or left over. */
interface SpareRun<T> {
  readonly block: Block<T>;
  readonly from: number;
  readonly count: number;
  readonly debtor: number | undefined;
}

export type LaneLookup<T> = { readonly item: T } | { readonly available: number };

export class LaneLayout<T> {
  private readonly source: LaneSource<T>;
  private readonly first: Block<T>;
  /** Where block 0 ends, once measured. */
  private firstEnd: number | undefined;
  private span = 0;
  private wholeBlocks = 0;
  /** The most recently used blocks, by index: a stream reads one block at a time. */
  private readonly recent = new Map<number, Block<T>>();
  /** Positions, not items: a deep run reads each once, and holding them all would cost memory. */
  private settled: { leftovers: readonly number[]; late: ReadonlyMap<number, readonly number[]> } | undefined;
  private capacity: number | undefined;

  constructor(source: LaneSource<T>) {
    this.source = source;
    this.first = { start: 0, end: source.length, next: 0, positions: [], last: undefined };
  }

  /** Draws in the lane, passing or not. */
  get length(): number {
    return this.source.length;
  }

  /** Item j, or how many items the lane holds if it has no item j (known only once every draw has been checked). */
  at(j: number): LaneLookup<T> {
    const first = this.first;
    if (j < BLOCK_ITEMS) {
      // Block 0 is read like a stream, so a short run checks only the draws it uses.
      this.fill(first, j + 1);
      return j < first.positions.length ? this.take(first, j) : { available: first.positions.length };
    }
    this.measure();
    const k = Math.floor(j / BLOCK_ITEMS);
    if (k > this.wholeBlocks) return this.leftover(j - (this.wholeBlocks + 1) * BLOCK_ITEMS);
    const block = this.block(k);
    const rank = j % BLOCK_ITEMS;
    this.fill(block, rank + 1);
    if (rank < block.positions.length) return this.take(block, rank);
    return this.debt(k, rank - block.positions.length);
  }

  private take(block: Block<T>, index: number): LaneLookup<T> {
    const last = index === block.positions.length - 1 ? block.last : undefined;
    block.last = undefined;
    return { item: last ?? this.redraw(block.positions[index]!) };
  }

  private redraw(position: number): T {
    const item = this.source.draw(position);
    if (item === undefined) throw new Error(`lane position ${position} passed its checks once and not again`);
    return item;
  }

  /** Block 0: from the lane's start to its BLOCK_ITEMS-th passing draw, or the whole lane if it has fewer. */
  private measure(): void {
    if (this.firstEnd !== undefined) return;
    const first = this.first;
    this.fill(first, BLOCK_ITEMS);
    this.firstEnd = first.next;
    this.span = Math.ceil(BLOCK_SPAN * first.next);
    this.wholeBlocks = first.positions.length < BLOCK_ITEMS ? 0 : Math.floor((this.source.length - first.next) / this.span);
  }

  private block(k: number): Block<T> {
    let block = this.recent.get(k);
    if (block === undefined) {
      const start = this.firstEnd! + (k - 1) * this.span;
      block = { start, end: start + this.span, next: start, positions: [], last: undefined };
      this.recent.set(k, block);
      // Two blocks per lane: the one being read and the one a debt looked ahead into.
      if (this.recent.size > 2) this.recent.delete(this.recent.keys().next().value!);
    }
    return block;
  }

  /** Checks a block's draws until it has `wanted` passing ones or ends. */
  private fill(block: Block<T>, wanted: number): void {
    while (block.positions.length < wanted && block.next < block.end) {
      const position = block.next++;
      const item = this.source.draw(position);
      if (item === undefined) continue;
      block.last = item;
      block.positions.push(position);
    }
  }

  /** The whole of block k: its own items and its spares. */
  private full(k: number): Block<T> {
    const block = k <= this.wholeBlocks ? this.block(k) : this.tailBlock();
    this.fill(block, Infinity);
    return block;
  }

  /** The partial block after the last whole one: it owes nothing, and all its passing draws are spare. */
  private tailBlock(): Block<T> {
    const start = this.firstEnd! + this.wholeBlocks * this.span;
    return { start, end: this.source.length, next: start, positions: [], last: undefined };
  }

  /** The draw paying unit `unit` of block k's debt, looking forward from k. */
  private debt(k: number, unit: number): LaneLookup<T> {
    let paid = 0;
    for (const run of this.payForward(k + 1, [{ block: k, units: BLOCK_ITEMS - this.full(k).positions.length }])) {
      if (run.debtor !== k) continue;
      if (unit < paid + run.count) return this.take(run.block, run.from + unit - paid);
      paid += run.count;
    }
    // Nothing after block k could pay the rest: the lane's end is near, and the leftovers pay it.
    const late = this.settle().late.get(k);
    const position = late?.[unit - paid];
    return position === undefined ? { available: this.count() } : { item: this.redraw(position) };
  }

  /**
   * The one rule for paying debts: blocks from `first` on, in order, each
   * block short of its quota joining `owed`, each block's spares paying the
   * nearest debtor first. Yields every run of spares with the debtor it pays
   * (undefined for spares no debt takes); `owed` keeps what is still unpaid.
   */
  private *payForward(first: number, owed: Debt[]): Generator<SpareRun<T>> {
    for (let m = first; m <= this.wholeBlocks + 1; m++) {
      const block = this.full(m);
      const quota = m <= this.wholeBlocks ? BLOCK_ITEMS : 0;
      const found = block.positions.length;
      if (found < quota) {
        owed.push({ block: m, units: quota - found });
        continue;
      }
      let spare = quota;
      while (spare < found && owed.length > 0) {
        const debtor = owed[owed.length - 1]!;
        const count = Math.min(debtor.units, found - spare);
        yield { block, from: spare, count, debtor: debtor.block };
        debtor.units -= count;
        spare += count;
        if (debtor.units === 0) owed.pop();
      }
      if (spare < found) yield { block, from: spare, count: found - spare, debtor: undefined };
    }
  }

  private leftover(index: number): LaneLookup<T> {
    const { leftovers } = this.settle();
    if (index >= leftovers.length) return { available: this.count() };
    return { item: this.redraw(leftovers[index]!) };
  }

  /**
   * Pays every debt over the whole lane, as `debt` pays them: forward, nearest
   * debtor first. Debts still owed at the lane's end are then paid from the
   * spares no debt took (`late`, by block, earliest block first), and the
   * spares left after that are the leftovers, in lane order.
   */
  private settle(): { leftovers: readonly number[]; late: ReadonlyMap<number, readonly number[]> } {
    if (this.settled !== undefined) return this.settled;
    const spares: number[] = [];
    const owed: Debt[] = [];
    for (const run of this.payForward(1, owed)) {
      if (run.debtor === undefined) spares.push(...run.block.positions.slice(run.from, run.from + run.count));
    }
    const late = new Map<number, number[]>();
    let next = 0;
    let unpaid = 0;
    for (const debtor of owed) {
      const paid = spares.slice(next, next + debtor.units);
      next += paid.length;
      unpaid += debtor.units - paid.length;
      late.set(debtor.block, paid);
    }
    const leftovers = spares.slice(next);
    // With a debt unpaid, the lane's items stop at that block's first missing one.
    const short = owed.find((debtor) => (late.get(debtor.block)?.length ?? 0) < debtor.units);
    this.capacity =
      unpaid === 0
        ? (this.wholeBlocks + 1) * BLOCK_ITEMS + leftovers.length
        : short!.block * BLOCK_ITEMS + BLOCK_ITEMS - short!.units + late.get(short!.block)!.length;
    this.settled = { leftovers, late };
    return this.settled;
  }

  /** How many items the lane holds: items 0 .. count-1 all exist. */
  private count(): number {
    if (this.first.positions.length < BLOCK_ITEMS) return this.first.positions.length;
    this.settle();
    return this.capacity!;
  }
}
