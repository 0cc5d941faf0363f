import type { ProblemRecord } from '../records/problem.js';

/** A dataset file read for export, with the manifest `generate --out` wrote beside it, if any. */
export interface LoadedDataset {
  readonly path: string;
  readonly records: readonly ProblemRecord[];
  readonly manifest: Readonly<Record<string, unknown>> | null;
}

export interface ExportInput {
  readonly dataset: LoadedDataset;
  /** Solved examples for few-shot prompts (a train split), when given. */
  readonly fewshot?: LoadedDataset;
  /** Names tasks, evals and files: `reasonforge` gives `reasonforge_base` and so on. */
  readonly name: string;
  /** Absolute path of the output directory; some tools need absolute data paths. */
  readonly outDir: string;
  /** Few-shot examples per prompt where the tool takes a number (default 5). */
  readonly numFewshot?: number;
  /** Seeds the choice of few-shot examples (default 0); see src/prompt. */
  readonly fewshotSeed?: number;
  /** Dataset-card license (hf). */
  readonly license?: string;
}

/** A file to write, relative to the output directory. */
export interface ExportedFile {
  readonly path: string;
  readonly content: string;
}

export interface ExportFormat {
  readonly name: string;
  readonly summary: string;
  /**
   * What the format does with --fewshot: 'prompt' puts chosen examples into
   * every prompt, 'split' writes the file as a train split, 'unused' refuses it.
   */
  readonly fewshot: 'prompt' | 'split' | 'unused';
  build(input: ExportInput): ExportedFile[];
}
