import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ReasonforgeError } from '../errors.js';
import { numFrom, type Num } from '../exact/num.js';
import type { Entity } from '../expr/types.js';

/** A shared list of entries (names, items, places, currencies) that templates draw from. */
export interface Pool {
  readonly id: string;
  readonly file: string;
  readonly entries: readonly Entity[];
  /** Fields every entry has, usable in text as {var.field}. */
  readonly textFields: readonly string[];
  /** Numeric fields every entry has, usable in expressions as var.field. */
  readonly numericFields: readonly string[];
}

const PRONOUNS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  she: { subj: 'she', obj: 'her', poss: 'her', owner: 'hers', reflex: 'herself' },
  he: { subj: 'he', obj: 'him', poss: 'his', owner: 'his', reflex: 'himself' },
};

export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/**
 * Builds an entity's text fields: the entry's own strings, pronoun forms for
 * people, and a capitalised twin of each (`Subj` for `subj`) for sentence starts.
 */
export function makeEntity(name: string, fields: Readonly<Record<string, string | number>>): Entity {
  const text: Record<string, string> = { name };
  const numbers: Record<string, Num> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'number') numbers[key] = numFrom(value);
    else text[key] = value;
  }
  const pronoun = typeof fields['pronoun'] === 'string' ? PRONOUNS[fields['pronoun']] : undefined;
  if (pronoun !== undefined) Object.assign(text, pronoun);
  for (const [key, value] of Object.entries(text)) text[capitalize(key)] = capitalize(value);
  return { name, text, numbers };
}

function fail(file: string, pointer: string, message: string): never {
  throw new ReasonforgeError('pool-invalid', message, { file, pointer });
}

export function loadPool(id: string, file: string): Pool {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(file, '', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const entriesRaw = (raw as { entries?: unknown }).entries;
  if (!Array.isArray(entriesRaw) || entriesRaw.length < 2) fail(file, '/entries', 'needs an "entries" array of at least 2 entries');
  const entries: Entity[] = [];
  const seen = new Set<string>();
  entriesRaw.forEach((entry: unknown, index) => {
    const pointer = `/entries/${index}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) fail(file, pointer, 'each entry must be an object');
    const { name, ...fields } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || name === '') fail(file, `${pointer}/name`, 'each entry needs a non-empty "name"');
    if (seen.has(name)) fail(file, `${pointer}/name`, `"${name}" appears twice`);
    seen.add(name);
    for (const [key, value] of Object.entries(fields)) {
      if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
        fail(file, `${pointer}/${key}`, 'fields must be strings or numbers');
      }
    }
    if ('pronoun' in fields && PRONOUNS[fields['pronoun'] as string] === undefined) {
      fail(file, `${pointer}/pronoun`, `unknown pronoun; known: ${Object.keys(PRONOUNS).join(', ')}`);
    }
    entries.push(makeEntity(name, fields as Record<string, string | number>));
  });
  const common = (pick: (e: Entity) => readonly string[]) => pick(entries[0]!).filter((field) => entries.every((e) => pick(e).includes(field)));
  return {
    id,
    file,
    entries,
    textFields: common((e) => Object.keys(e.text)),
    numericFields: common((e) => Object.keys(e.numbers)),
  };
}

/** Every pool under `dir`, keyed by its path without `.json`: `names`, `items/fruit`. */
export function loadPools(dir: string): Map<string, Pool> {
  const pools = new Map<string, Pool>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json')) {
        const id = relative(dir, path).slice(0, -'.json'.length).split(sep).join('/');
        pools.set(id, loadPool(id, path));
      }
    }
  };
  walk(dir);
  return pools;
}

/** An inline word list behaves like a small pool. */
export function wordsPool(id: string, file: string, words: readonly string[]): Pool {
  const entries = words.map((word) => makeEntity(word, {}));
  return { id, file, entries, textFields: ['name', 'Name'], numericFields: [] };
}
