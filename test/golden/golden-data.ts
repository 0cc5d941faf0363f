import { createHash } from 'node:crypto';
import { GenerationPlan, generateRecords } from '../../src/engine/generate.js';
import { GENERATED_VARIANTS } from '../../src/engine/variants.js';
import type { CompiledTemplate } from '../../src/template/compiled.js';

/** The fixed command the golden file pins: `reasonforge generate --seed 1 --sets 2 --variants all`. */
export const GOLDEN_COMMAND = 'generate --seed 1 --sets 2 --variants all';

export interface Golden {
  readonly command: string;
  readonly sha256: string;
  readonly templates: Readonly<Record<string, { readonly version: number; readonly sha256: string }>>;
}

export function outputOf(templates: readonly CompiledTemplate[]): string {
  const plan = new GenerationPlan({ seed: 1, sets: 2, split: 'test', variants: [...GENERATED_VARIANTS], templates });
  let text = '';
  for (const record of generateRecords(plan)) text += `${JSON.stringify(record)}\n`;
  return text;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function computeGolden(templates: readonly CompiledTemplate[]): Golden {
  return {
    command: GOLDEN_COMMAND,
    sha256: sha256(outputOf(templates)),
    templates: Object.fromEntries(templates.map((t) => [t.id, { version: t.version, sha256: sha256(outputOf([t])) }])),
  };
}
