import { ReasonforgeError, unknownName } from '../errors.js';
import { TOPICS } from '../template/spec.js';
import type { Topic } from '../template/spec.js';

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${body}$`);
}

/**
 * Picks templates by comma-separated ids or globs (`shopping-*`). A plain id
 * that does not exist is an error listing the valid ones; so is a glob that
 * matches nothing.
 */
export function selectTemplates<T extends { readonly id: string }>(all: readonly T[], pattern: string | undefined, alsoKnown: readonly string[] = []): T[] {
  if (pattern === undefined || pattern.trim() === '') return [...all];
  const ids = [...all.map((t) => t.id), ...alsoKnown];
  const wanted = new Set<string>();
  for (const part of pattern
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    if (!part.includes('*')) {
      if (!ids.includes(part)) throw unknownName('template', part, ids);
      wanted.add(part);
      continue;
    }
    const matcher = globToRegExp(part);
    const matched = ids.filter((id) => matcher.test(id));
    if (matched.length === 0) throw new ReasonforgeError('unknown-name', `no template matches "${part}"; templates: ${ids.join(', ')}`);
    for (const id of matched) wanted.add(id);
  }
  return all.filter((t) => wanted.has(t.id));
}

/** Whether an id is picked by a --templates pattern. */
export function matchesPattern(id: string, pattern: string | undefined): boolean {
  if (pattern === undefined || pattern.trim() === '') return true;
  return pattern
    .split(',')
    .map((p) => p.trim())
    .some((part) => (part.includes('*') ? globToRegExp(part).test(id) : part === id));
}

/** Keeps the templates of the given topics (comma-separated); an unknown topic names the valid ones. */
export function selectTopics<T extends { readonly topic: Topic }>(templates: readonly T[], topics: string | undefined): T[] {
  if (topics === undefined || topics.trim() === '') return [...templates];
  const wanted = topics
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  for (const topic of wanted) if (!(TOPICS as readonly string[]).includes(topic)) throw unknownName('topic', topic, TOPICS);
  return templates.filter((t) => wanted.includes(t.topic));
}
