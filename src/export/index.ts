import { unknownName } from '../errors.js';
import { hf } from './hf.js';
import { inspect } from './inspect.js';
import { lmEval } from './lm-eval.js';
import { openaiEvals } from './openai-evals.js';
import { promptfoo } from './promptfoo.js';
import type { ExportFormat } from './types.js';

/** Every export format, by the name `--format` takes. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [lmEval, inspect, openaiEvals, hf, promptfoo];

export function exportFormat(name: string): ExportFormat {
  const found = EXPORT_FORMATS.find((f) => f.name === name);
  if (found === undefined)
    throw unknownName(
      'format',
      name,
      EXPORT_FORMATS.map((f) => f.name),
    );
  return found;
}

export { loadDataset, byVariant, canonicalSolution } from './dataset.js';
export { writeExport } from './write.js';
export type { ExportFormat, ExportInput, ExportedFile, LoadedDataset } from './types.js';
