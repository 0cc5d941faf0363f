import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { ReasonforgeError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { ExportedFile } from './types.js';

/**
 * Writes an export into `dir`, each file atomically. A directory that already
 * holds files is refused unless `force`, so an export never mixes with the
 * leftovers of another; with `force`, files of the same names are replaced.
 */
export function writeExport(dir: string, files: readonly ExportedFile[], force = false): void {
  const root = resolve(dir);
  if (existsSync(root) && readdirSync(root).length > 0 && !force) {
    throw new ReasonforgeError('file-exists', 'the output directory is not empty; pass --force to write into it', { file: dir });
  }
  for (const file of files) {
    const target = resolve(root, file.path);
    if (!target.startsWith(root + sep)) throw new Error(`export path escapes the output directory: ${file.path}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileAtomic(join(target), file.content, { force: true });
  }
}
