import { readFileSync } from 'node:fs';
import type { GenerationPlan, TemplateOutline } from '../engine/generate.js';
import type { CompiledTemplate } from '../template/compiled.js';
import { ReasonforgeError } from '../errors.js';
import { parseJsonFile } from '../template/load.js';
import { mostSpecificError, schemaValidator } from '../schemas.js';
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
  /** The file holds records start..end-1 of the configuration's total: what merge checks shards against. */
  readonly range: { readonly start: number; readonly end: number; readonly total: number };
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
 * Everything needed to reproduce and check a dataset file (schemas/manifest.schema.json). It holds no time
 * or host, so the same command writes the same manifest everywhere.
 */
export function buildManifest(
  plan: GenerationPlan<CompiledTemplate | TemplateOutline>,
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
    range: { start: plan.start, end: plan.end, total: plan.total },
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

  /** Adds another file's counts, as if its records had streamed past after these: key order stays the order of first appearance. */
  absorb(counts: Manifest['counts']): void {
    this.records += counts.records;
    for (const [variant, n] of Object.entries(counts.by_variant)) this.byVariant[variant] = (this.byVariant[variant] ?? 0) + n;
    for (const [template, variants] of Object.entries(counts.by_template)) {
      const row = (this.byTemplate[template] ??= {});
      for (const [variant, n] of Object.entries(variants)) row[variant] = (row[variant] ?? 0) + n;
    }
  }

  counts(): Manifest['counts'] {
    return { records: this.records, by_variant: this.byVariant, by_template: this.byTemplate };
  }
}

/** Where a data file's manifest lives: beside it, named after it. */
export function manifestPathOf(dataFile: string): string {
  return `${dataFile}.manifest.json`;
}

/** Reads the manifest beside `dataFile`, checked against schemas/manifest.schema.json. */
export function readManifest(dataFile: string): Manifest {
  const path = manifestPathOf(dataFile);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ReasonforgeError('file-missing', `has no manifest beside it (${path}); generate --out writes one`, { file: dataFile });
  }
  const value = parseJsonFile(path, text);
  const validate = schemaValidator('manifest');
  if (!validate(value)) {
    const { pointer, message } = mostSpecificError(validate.errors ?? []);
    throw new ReasonforgeError('manifest-invalid', `not a reasonforge manifest: ${message}`, { file: path, pointer });
  }
  return value as Manifest;
}

export function formatManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
