import type { CompiledText } from '../template/text.js';

const PRONOUN_FIELDS = new Set(['subj', 'obj', 'poss', 'owner', 'reflex', 'Subj', 'Obj', 'Poss', 'Owner', 'Reflex']);
const NAME_FIELDS = new Set(['name', 'Name']);

/** The people a text refers to by pronoun ({saver.subj}, {saver.Poss}): it reads only after they are named. */
export function pronounsIn(text: CompiledText): Set<string> {
  return new Set(text.placeholders.filter((p) => p.field !== undefined && PRONOUN_FIELDS.has(p.field)).map((p) => p.name));
}

/** The entities a text names outright ({saver}, {saver.Name}). */
export function namedIn(text: CompiledText): Set<string> {
  return new Set(text.placeholders.filter((p) => p.field !== undefined && NAME_FIELDS.has(p.field)).map((p) => p.name));
}

/**
 * Whether a sequence of sentences reads in order: every pronoun comes in a
 * sentence that names its person, or after one. Returns the first sentence
 * (index into `texts`) that breaks the rule and whom it refers to, or null.
 */
export function danglingPronoun(texts: readonly CompiledText[]): { readonly index: number; readonly name: string } | null {
  const named = new Set<string>();
  for (let index = 0; index < texts.length; index++) {
    const text = texts[index]!;
    for (const name of namedIn(text)) named.add(name);
    for (const name of pronounsIn(text)) if (!named.has(name)) return { index, name };
  }
  return null;
}
