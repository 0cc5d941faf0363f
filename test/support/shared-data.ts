import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './cli.js';

/** ../shared/data beside the repository (as CI has it), or RF_SHARED_DATA. */
export const SHARED_DATA = process.env['RF_SHARED_DATA'] ?? join(REPO, '..', 'shared', 'data');

export function sharedFile(...parts: string[]): { path: string; present: boolean } {
  const path = join(SHARED_DATA, ...parts);
  return { path, present: existsSync(path) };
}
