import { writeFolderAtomic } from '../io/atomic-folder.js';
import type { ExportedFile } from './types.js';

/**
 * Writes an export as the whole content of `dir`. A folder that already holds
 * files is refused unless `force`; with `force` its contents are replaced as
 * one step, so no task file or data file of an earlier export survives for
 * the evaluator to load beside the new ones.
 */
export function writeExport(dir: string, files: readonly ExportedFile[], force = false): void {
  writeFolderAtomic(dir, files, { force, flag: '--out' });
}
