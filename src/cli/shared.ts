import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ReasonforgeError } from '../errors.js';
import { checkInputFolder } from '../io/paths.js';
import { loadLibrary, type TemplateLibrary } from '../template/load.js';

/** The built-in templates, or those of --generators DIR (checked first: a folder, with pools/ and templates). */
export function libraryFor(dir: string | undefined): TemplateLibrary {
  if (dir === undefined) return loadLibrary();
  checkGeneratorsFolder(dir);
  return loadLibrary(resolve(dir));
}

/** What a --generators folder must hold, said before the loader trips over its absence. */
export function checkGeneratorsFolder(dir: string): void {
  checkInputFolder(dir, { flag: '--generators' });
  if (!existsSync(join(dir, 'pools'))) {
    throw new ReasonforgeError('template-invalid', 'has no pools/ folder; a generators folder holds template *.json files and pools/ (see docs/templates.md)', {
      file: dir,
    });
  }
  if (!readdirSync(dir).some((name) => name.endsWith('.json'))) {
    throw new ReasonforgeError('template-invalid', 'holds no template (*.json) files', { file: dir });
  }
}

export const GENERATORS_OPTION = { generators: { type: 'string' } } as const;

/** Declared here, not beside importForCommand, so that a command can take the option without loading the translator. */
export const FROM_GSM_SYMBOLIC_OPTION = { 'from-gsm-symbolic': { type: 'string' } } as const;

export { StreamWriter } from './stream-writer.js';
