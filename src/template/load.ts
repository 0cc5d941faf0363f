import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ReasonforgeError, unknownName } from '../errors.js';
import { mostSpecificError, PACKAGE_ROOT, schemaValidator, validAtBuild } from '../schemas.js';
import type { CompiledTemplate } from './compiled.js';
import { compileTemplate } from './compile.js';
import { loadPools, type Pool } from './pools.js';
import type { TemplateSpec } from './spec.js';

export const DEFAULT_GENERATORS_DIR = fileURLToPath(new URL('generators/', PACKAGE_ROOT));

/** Parses JSON, reporting a syntax error with its line and column. */
export function parseJsonFile(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    if (position === null) throw new ReasonforgeError('json-invalid', `not valid JSON: ${message}`, { file });
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    throw new ReasonforgeError('json-invalid', `column ${column}: not valid JSON: ${message}`, { file, line });
  }
}

export function loadTemplateFile(file: string, pools: ReadonlyMap<string, Pool>): CompiledTemplate {
  const text = readFileSync(file, 'utf8');
  const raw = parseJsonFile(file, text);
  // The built-in templates were checked against this very schema by the build (see validAtBuild).
  if (!validAtBuild('template', text)) {
    const validate = schemaValidator('template');
    if (!validate(raw)) {
      const { pointer, message } = mostSpecificError(validate.errors ?? []);
      throw new ReasonforgeError('template-invalid', message, { file, pointer });
    }
  }
  return compileTemplate(raw as TemplateSpec, file, pools);
}

/** All templates of a generators directory, sorted by id, with the pools they draw from. */
export interface TemplateLibrary {
  readonly dir: string;
  readonly templates: readonly CompiledTemplate[];
  readonly pools: ReadonlyMap<string, Pool>;
  get(id: string): CompiledTemplate;
}

/**
 * `templates` sorted by id (a stable sort: the order given breaks no tie, as
 * no two may share an id); the first id used twice, in that order, is an error
 * naming the later file.
 */
export function sortedById<T extends { readonly id: string; readonly file: string }>(templates: readonly T[]): T[] {
  const sorted = [...templates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let k = 1; k < sorted.length; k++) {
    const [before, template] = [sorted[k - 1]!, sorted[k]!];
    if (before.id === template.id) {
      throw new ReasonforgeError('template-invalid', `the id "${template.id}" is also used by ${before.file}`, { file: template.file, pointer: '/id' });
    }
  }
  return sorted;
}

export function createLibrary(dir: string, templates: readonly CompiledTemplate[], pools: ReadonlyMap<string, Pool>): TemplateLibrary {
  const sorted = sortedById(templates);
  const byId = new Map(sorted.map((template) => [template.id, template]));
  return {
    dir,
    templates: sorted,
    pools,
    get(id) {
      const found = byId.get(id);
      if (found === undefined) throw unknownName('template', id, [...byId.keys()]);
      return found;
    },
  };
}

export interface LoadFailure {
  readonly file: string;
  readonly message: string;
}

/** Some of a folder's template files: in sorted order, every `count`-th from the `index`-th (0-based). */
export interface FileShare {
  readonly index: number;
  readonly count: number;
}

/**
 * Loads what loads and reports the rest, file by file (in sorted order):
 * what lint needs to judge every template at once. With a share, only those
 * files: each worker of `generate --jobs N` compiles its own share.
 */
export function loadTemplates(
  dir: string,
  share: FileShare = { index: 0, count: 1 },
): { templates: CompiledTemplate[]; failures: LoadFailure[]; pools: ReadonlyMap<string, Pool> } {
  const pools = loadPools(join(dir, 'pools'));
  const templates: CompiledTemplate[] = [];
  const failures: LoadFailure[] = [];
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(dir, entry.name))
    .sort()
    .filter((_, k) => k % share.count === share.index);
  for (const file of files) {
    try {
      templates.push(loadTemplateFile(file, pools));
    } catch (error) {
      if (!(error instanceof ReasonforgeError)) throw error;
      failures.push({ file, message: error.message });
    }
  }
  return { templates, failures, pools };
}

/** What loading a library with these failures (in file order) reports: the first, and how many more there are. */
export function loadFailed(failures: readonly LoadFailure[]): ReasonforgeError {
  const more = failures.length > 1 ? ` (and ${failures.length - 1} more bad template file(s); run reasonforge lint)` : '';
  return new ReasonforgeError('template-invalid', `${failures[0]!.message}${more}`);
}

const cache = new Map<string, TemplateLibrary>();

/** Loads every *.json directly in `dir` as a template, and `dir/pools/` as the pools; the first bad file is an error. */
export function loadLibrary(dir: string = DEFAULT_GENERATORS_DIR): TemplateLibrary {
  const cached = cache.get(dir);
  if (cached !== undefined) return cached;
  const { templates, failures, pools } = loadTemplates(dir);
  if (failures.length > 0) throw loadFailed(failures);
  const library = createLibrary(dir, templates, pools);
  cache.set(dir, library);
  return library;
}
