import type { TemplateOutline } from '../engine/generate.js';
import type { Split } from '../engine/sampler.js';
import type { GeneratedVariant } from '../engine/variants.js';
import type { SlotFill } from './column-pieces.js';

/** Where worker threads load a run's templates from: absolute folders; null for the built-in templates, or for no GSM-Symbolic import. */
export interface TemplateSource {
  readonly generators: string | null;
  readonly gsmSymbolic: string | null;
}

/** A run as worker threads rebuild it: the plan's configuration, its templates by id and version, and where they came from. */
export interface RunDescription extends TemplateSource {
  readonly seed: number;
  readonly sets: number;
  readonly split: Split;
  readonly variants: readonly GeneratedVariant[];
  readonly templates: readonly { readonly id: string; readonly version: number }[];
}

export type GenerateTask =
  /** The outline of every template the source holds, for the writer to plan the run without compiling any. */
  | { readonly kind: 'outlines' }
  | {
      readonly kind: 'start';
      readonly run: RunDescription;
      readonly range: { readonly start: number; readonly end: number };
      /** The templates (indices into the plan's columns) this worker makes. */
      readonly columns: readonly number[];
      /** Where the worker writes its pieces: slots of `slotBytes` each, one per request. */
      readonly memory: SharedArrayBuffer;
      readonly slotBytes: number;
    }
  | { readonly kind: 'next'; readonly slot: number };
export type GenerateReply =
  | { readonly kind: 'outlines'; readonly templates: readonly TemplateOutline[] }
  | { readonly kind: 'started' }
  | ({ readonly kind: 'batch' } & SlotFill)
  | { readonly kind: 'done' };
