import { readFileSync } from 'node:fs';
import { sharedFile, titleNeeding } from '../support/shared-data.js';

/**
 * The real data beside the repository (../shared/data in CI, or wherever
 * RF_SHARED_DATA points; test/support resolves it). Tests that need it skip,
 * saying why, when it is absent.
 */

export interface DataFile {
  readonly path: string;
  readonly present: boolean;
  /** The title for a describe block: says it is skipped, and why, when the file is missing. */
  readonly title: (what: string) => string;
}

export function dataFile(relative: string): DataFile {
  const { path, present } = sharedFile(relative);
  return {
    path,
    present,
    title: (what) => titleNeeding(what, { path, present }),
  };
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
