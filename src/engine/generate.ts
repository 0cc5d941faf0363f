import { ReasonforgeError } from '../errors.js';
import type { ProblemRecord } from '../records/problem.js';
import { assertValidRecord } from '../records/validate-record.js';
import type { CompiledTemplate } from '../template/compiled.js';
import type { Topic } from '../template/spec.js';
import { SetItems } from './render.js';
import { TemplateSampler, type Split } from './sampler.js';
import { GENERATED_VARIANTS, supportedVariants, type GeneratedVariant } from './variants.js';

export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * What a plan needs of a template compiled in another thread (the writer of
 * `generate --jobs N` plans the run without compiling the library): which it
 * is, and the variants it can make.
 */
export interface TemplateOutline {
  readonly id: string;
  /** The file it was compiled from. */
  readonly file: string;
  readonly version: number;
  readonly topic: Topic;
  readonly supports: readonly GeneratedVariant[];
}

/** The outline of a compiled template. */
export function outlineOf(template: CompiledTemplate): TemplateOutline {
  return { id: template.id, file: template.file, version: template.version, topic: template.topic, supports: supportedVariants(template) };
}

export interface GenerateConfig<T extends CompiledTemplate | TemplateOutline = CompiledTemplate> {
  readonly seed: number;
  readonly sets: number;
  readonly split: Split;
  readonly variants: readonly GeneratedVariant[];
  readonly templates: readonly T[];
  readonly shard?: Shard;
  /** Only records start..end-1 of the run, for callers that split one run unevenly (generate --jobs); not with `shard`. */
  readonly range?: { readonly start: number; readonly end: number };
}

interface Column<T> {
  readonly template: T;
  readonly variants: readonly GeneratedVariant[];
}

/**
 * The record sequence of a configuration: set by set, templates by id within
 * a set, variants in canonical order within a template. Record n is a pure
 * function of n, so a shard is simply a contiguous range of it, and shards
 * 0/n .. n-1/n concatenate to the whole. Planned from outlines, a plan
 * orders and counts the records, but makes none.
 */
export class GenerationPlan<T extends CompiledTemplate | TemplateOutline = CompiledTemplate> {
  readonly config: GenerateConfig<T>;
  readonly columns: readonly Column<T>[];
  /** Records per set. */
  readonly perSet: number;
  readonly total: number;
  readonly start: number;
  readonly end: number;

  constructor(config: GenerateConfig<T>) {
    if (!Number.isSafeInteger(config.seed) || config.seed < 0)
      throw new ReasonforgeError('config-invalid', `the seed must be a non-negative integer, got ${config.seed}`);
    if (!Number.isSafeInteger(config.sets) || config.sets < 1) throw new ReasonforgeError('config-invalid', `--sets must be at least 1, got ${config.sets}`);
    if (config.variants.length === 0) throw new ReasonforgeError('config-invalid', 'no variants were asked for');
    if (config.templates.length === 0) throw new ReasonforgeError('config-invalid', 'no templates were selected');
    // Canonical order and no repeats: the same set of variants gives the same bytes, however it was listed.
    this.config = { ...config, variants: GENERATED_VARIANTS.filter((v) => config.variants.includes(v)) };
    this.columns = config.templates.map((template) => {
      const supported = 'supports' in template ? template.supports : supportedVariants(template);
      return { template, variants: this.config.variants.filter((v) => supported.includes(v)) };
    });
    this.perSet = this.columns.reduce((sum, column) => sum + column.variants.length, 0);
    this.total = this.perSet * config.sets;
    const shard = config.shard ?? { index: 0, count: 1 };
    if (!(shard.count >= 1 && shard.index >= 0 && shard.index < shard.count)) {
      throw new ReasonforgeError('config-invalid', `--shard must be i/n with 0 <= i < n, got ${shard.index}/${shard.count}`);
    }
    this.start = Math.floor((this.total * shard.index) / shard.count);
    this.end = Math.floor((this.total * (shard.index + 1)) / shard.count);
    if (config.range !== undefined) {
      const { start, end } = config.range;
      if (config.shard !== undefined) throw new ReasonforgeError('config-invalid', 'a plan takes a shard or a range, not both');
      if (!(Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start <= end && end <= this.total)) {
        throw new ReasonforgeError('config-invalid', `the range ${start}..${end} is not within the run's ${this.total} records`);
      }
      this.start = start;
      this.end = end;
    }
  }

  /** Variants a template was asked for but cannot make, for the manifest and a warning. */
  skipped(): Record<string, GeneratedVariant[]> {
    const result: Record<string, GeneratedVariant[]> = {};
    for (const column of this.columns) {
      const missing = this.config.variants.filter((v) => !column.variants.includes(v));
      if (missing.length > 0) result[column.template.id] = missing;
    }
    return result;
  }
}

/** The records of one template in one set that fall within the plan's range: the unit the threads of `generate --jobs` share out. */
export interface Piece {
  readonly set: number;
  /** Index into `plan.columns`. */
  readonly column: number;
  readonly variants: readonly GeneratedVariant[];
}

/** The plan's pieces in record order: set by set, templates in the plan's order within a set. */
export function* piecesOf(plan: GenerationPlan<CompiledTemplate | TemplateOutline>): Generator<Piece> {
  const firstSet = plan.perSet === 0 ? plan.config.sets : Math.floor(plan.start / plan.perSet);
  let index = firstSet * plan.perSet;
  for (let set = firstSet; set < plan.config.sets && index < plan.end; set++) {
    for (let column = 0; column < plan.columns.length && index < plan.end; column++) {
      const { variants } = plan.columns[column]!;
      const first = Math.max(0, plan.start - index);
      const last = Math.min(variants.length, plan.end - index);
      index += variants.length;
      if (first < last) yield { set, column, variants: first === 0 && last === variants.length ? variants : variants.slice(first, last) };
    }
  }
}

/**
 * Makes the records of pieces, one sampler per template. A template's pieces
 * must come in set order, as `piecesOf` gives them: its sampler reads its
 * lanes forward, and a template's items never depend on the other templates.
 */
export class PieceMaker {
  private readonly plan: GenerationPlan;
  private readonly samplers = new Map<number, TemplateSampler>();

  constructor(plan: GenerationPlan) {
    this.plan = plan;
  }

  *records(piece: Piece): Generator<ProblemRecord> {
    let sampler = this.samplers.get(piece.column);
    if (sampler === undefined) {
      sampler = new TemplateSampler(this.plan.columns[piece.column]!.template, this.plan.config.seed);
      this.samplers.set(piece.column, sampler);
    }
    const items = new SetItems(sampler, this.plan.config.split, piece.set);
    for (const variant of piece.variants) yield assertValidRecord(items.record(variant));
  }
}

/** Streams the plan's records (its shard only), each checked against the schema. Memory does not grow with the count. */
export function* generateRecords(plan: GenerationPlan): Generator<ProblemRecord> {
  const maker = new PieceMaker(plan);
  for (const piece of piecesOf(plan)) yield* maker.records(piece);
}

/** One item by address, without generating anything before it but its template's earlier draws. */
export function generateOne(template: CompiledTemplate, seed: number, split: Split, set: number, variant: GeneratedVariant): ProblemRecord {
  if (!supportedVariants(template).includes(variant)) {
    throw new ReasonforgeError(
      'unknown-name',
      `template "${template.id}" cannot make the ${variant} variant; it supports ${supportedVariants(template).join(', ')}`,
    );
  }
  return assertValidRecord(new SetItems(new TemplateSampler(template, seed), split, set).record(variant));
}
