import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './cli.js';

/** ../shared/data beside the repository (as CI has it), or RF_SHARED_DATA. */
export const SHARED_DATA = process.env['RF_SHARED_DATA'] ?? join(REPO, '..', 'shared', 'data');

export function sharedFile(...parts: string[]): { path: string; present: boolean } {
  const path = join(SHARED_DATA, ...parts);
  return { path, present: existsSync(path) };
}

/** A title that says the test is skipped, and why, when its data file is absent. */
export function titleNeeding(title: string, file: { path: string; present: boolean }): string {
  return file.present ? title : `${title} (skipped: ${file.path} not found; CI has ../shared/data beside the repository, or set RF_SHARED_DATA)`;
}
