import type { TemplateOutline } from '../engine/generate.js';
import type { Split } from '../engine/sampler.js';
import type { GeneratedVariant } from '../engine/variants.js';
import type { FileShare, LoadFailure } from '../template/load.js';
import type { SlotFill } from './column-pieces.js';

/** Where worker threads load a run's templates from: absolute folders; null for the built-in templates, or for no GSM-Symbolic import. */
export interface TemplateSource {
  readonly generators: string | null;
  readonly gsmSymbolic: string | null;
}

/** What a worker thread starts with: where its templates come from, and which share of the folder's template files it compiles first (see loadTemplates). */
export interface WorkerSetup {
  readonly source: TemplateSource;
  readonly share: FileShare;
}

/** A run as worker threads rebuild it: the plan's configuration, its templates by id and version, and where they came from. */
export interface RunDescription extends TemplateSource {
  readonly seed: number;
  readonly sets: number;
  readonly split: Split;
  readonly variants: readonly GeneratedVariant[];
  /** Each with the file it came from, which a worker that did not compile it compiles. */
  readonly templates: readonly { readonly id: string; readonly version: number; readonly file: string }[];
}

export type GenerateTask =
  /** The outline of every template of the worker's share, for the writer to plan the run without compiling any. */
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
  /** Its share's templates that compiled, and the files that did not (in file order). */
  | { readonly kind: 'outlines'; readonly templates: readonly TemplateOutline[]; readonly failures: readonly LoadFailure[] }
  | { readonly kind: 'started' }
  | ({ readonly kind: 'batch' } & SlotFill)
  | { readonly kind: 'done' };
