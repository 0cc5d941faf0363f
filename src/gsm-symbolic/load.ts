import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { ReasonforgeError } from '../errors.js';
import type { CompiledTemplate } from '../template/compiled.js';
import { compileTemplate } from '../template/compile.js';
import type { Pool } from '../template/pools.js';
import { Untranslatable } from './errors.js';
import { readAnnotatedSource, type AnnotatedSource } from './source.js';
import { translateTemplate, type Translation } from './translate.js';

/** A release template that translated and compiled. */
export interface ImportedTemplate {
  readonly id: string;
  readonly file: string;
  readonly source: AnnotatedSource;
  readonly translation: Translation;
  readonly template: CompiledTemplate;
}

/** One that did not, with the construct that stopped it. */
export interface ImportFailure {
  readonly id: string;
  readonly file: string;
  readonly construct: string;
  readonly message: string;
}

export interface GsmSymbolicImport {
  readonly templates: ImportedTemplate[];
  readonly failures: ImportFailure[];
}

/**
 * `gsm-symbolic/<folder>/<file>` for <folder>/<file>.json: the release's own
 * folder (symbolic, p1, p2) and file name, so results trace back to it. A file
 * directly in DIR takes DIR's own name as its folder.
 */
export function importedId(dir: string, file: string): string {
  const root = resolve(dir);
  const parts = relative(root, resolve(file)).split(sep);
  if (parts.length === 1) parts.unshift(basename(root));
  parts[parts.length - 1] = parts[parts.length - 1]!.replace(/\.json$/i, '');
  const clean = parts.map(
    (p) =>
      p
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'x',
  );
  return ['gsm-symbolic', ...clean].join('/');
}

function jsonFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) found.push(path);
    }
  };
  walk(dir);
  return found;
}

/**
 * Translates every *.json under `dir` (recursively) and compiles each with
 * the same compiler as our own templates. A file that cannot be translated or
 * compiled becomes a failure naming what stopped it; the rest are returned.
 */
export function loadGsmSymbolic(dir: string, pools: ReadonlyMap<string, Pool>): GsmSymbolicImport {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new ReasonforgeError('file-missing', 'no such directory of GSM-Symbolic templates', { file: dir });
  const templates: ImportedTemplate[] = [];
  const failures: ImportFailure[] = [];
  const ids = new Map<string, string>();
  for (const file of jsonFiles(dir)) {
    const id = importedId(dir, file);
    const clash = ids.get(id);
    if (clash !== undefined) {
      failures.push({ id, file, construct: 'a file name that maps to an id already used', message: `its id ${id} is also that of ${clash}` });
      continue;
    }
    ids.set(id, file);
    try {
      const source = readAnnotatedSource(file);
      const translation = translateTemplate(source, id, pools);
      const all = new Map(pools);
      for (const pool of translation.pools) if (!all.has(pool.id)) all.set(pool.id, pool);
      const template = compileTemplate(translation.spec, file, all, { rules: 'import' });
      templates.push({ id, file, source, translation, template });
    } catch (error) {
      if (error instanceof Untranslatable) failures.push({ id, file, construct: error.construct, message: error.message });
      else if (error instanceof ReasonforgeError) {
        const pointer = error.where.pointer === undefined ? '' : ` at ${error.where.pointer}`;
        const text = error.message.startsWith(`${file}`) ? error.message.slice(file.length).replace(/^#?[^:]*:\s*/, '') : error.message;
        failures.push({ id, file, construct: `the translated template${pointer}`, message: `the translation does not fit the template model: ${text}` });
      } else throw error;
    }
  }
  return { templates, failures };
}
