import type { TemplateLibrary } from '../template/load.js';
import type { TopicOf } from './aggregate.js';

/** Template id -> topic, from a template library; null for ids it does not hold (imported or foreign templates). */
export function topicsOf(library: TemplateLibrary): TopicOf {
  const topics = new Map(library.templates.map((t) => [t.id, t.topic as string]));
  return (id) => topics.get(id) ?? null;
}
