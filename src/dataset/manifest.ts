import type { GenerationPlan } from '../engine/generate.js';
import { GENERATOR } from '../version.js';

export interface Manifest {
  readonly generator: { readonly name: string; readonly version: string };
  readonly config: {
    readonly seed: number;
    readonly sets: number;
    readonly split: string;
    readonly variants: readonly string[];
    readonly templates: readonly { readonly id: string; readonly version: number }[];
    readonly shard: string | null;
    readonly generators: string | null;
  };
  readonly counts: {
    readonly records: number;
    readonly by_variant: Readonly<Record<string, number>>;
    readonly by_template: Readonly<Record<string, Readonly<Record<string, number>>>>;
  };
  /** Variants a template was asked for but cannot make. */
  readonly skipped: Readonly<Record<string, readonly string[]>>;
  readonly data: { readonly file: string; readonly bytes: number; readonly sha256: string };
}

/**
 * Everything needed to reproduce and check a dataset file. It holds no time
 * or host, so the same command writes the same manifest everywhere.
 */
export function buildManifest(
  plan: GenerationPlan,
  counts: Manifest['counts'],
  data: Manifest['data'],
  generators: string | null,
): Manifest {
  const { config } = plan;
  return {
    generator: GENERATOR,
    config: {
      seed: config.seed,
      sets: config.sets,
      split: config.split,
      variants: [...config.variants],
      templates: config.templates.map((t) => ({ id: t.id, version: t.version })),
      shard: config.shard === undefined ? null : `${config.shard.index}/${config.shard.count}`,
      generators,
    },
    counts,
    skipped: plan.skipped(),
    data,
  };
}

/** Tallies records by variant and by template as they stream past. */
export class RecordCounter {
  records = 0;
  readonly byVariant: Record<string, number> = {};
  readonly byTemplate: Record<string, Record<string, number>> = {};

  add(template: string, variant: string): void {
    this.records++;
    this.byVariant[variant] = (this.byVariant[variant] ?? 0) + 1;
    const row = (this.byTemplate[template] ??= {});
    row[variant] = (row[variant] ?? 0) + 1;
  }

  counts(): Manifest['counts'] {
    return { records: this.records, by_variant: this.byVariant, by_template: this.byTemplate };
  }
}
