import type { Split } from '../engine/sampler.js';
import type { GeneratedVariant } from '../engine/variants.js';
import type { SlotFill } from './column-pieces.js';

/**
 * A run as worker threads rebuild it: the plan's configuration, its templates
 * by id and version, and where they came from (absolute folders; null for the
 * built-in templates, or for no GSM-Symbolic import).
 */
export interface RunDescription {
  readonly seed: number;
  readonly sets: number;
  readonly split: Split;
  readonly variants: readonly GeneratedVariant[];
  readonly templates: readonly { readonly id: string; readonly version: number }[];
  readonly generators: string | null;
  readonly gsmSymbolic: string | null;
}

export type GenerateTask =
  | {
      readonly kind: 'start';
      readonly range: { readonly start: number; readonly end: number };
      /** The templates (indices into the plan's columns) this worker makes. */
      readonly columns: readonly number[];
      /** Where the worker writes its pieces: slots of `slotBytes` each, one per request. */
      readonly memory: SharedArrayBuffer;
      readonly slotBytes: number;
    }
  | { readonly kind: 'next'; readonly slot: number };
export type GenerateReply = { readonly kind: 'started' } | ({ readonly kind: 'batch' } & SlotFill) | { readonly kind: 'done' };
