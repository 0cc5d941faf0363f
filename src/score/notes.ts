import type { Metrics } from './metrics.js';

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/**
 * The sentences a reader must see before trusting the numbers: whatever was
 * left out, repeated, unreadable or estimated by sampling. The report prints
 * them above everything else; an empty list means a clean run.
 */
export function notesFor(metrics: Omit<Metrics, 'notes'>): string[] {
  const { coverage } = metrics;
  const notes: string[] = [];
  if (coverage.missing.count > 0) {
    notes.push(
      `${plural(coverage.missing.count, 'dataset item')} of ${coverage.dataset_items.toLocaleString('en-US')} had no prediction and are in no figure (coverage.missing lists them).`,
    );
  }
  if (coverage.unknown.lines > 0) {
    notes.push(
      `${plural(coverage.unknown.lines, 'prediction line')} (${plural(coverage.unknown.samples, 'sample')}) named ${plural(coverage.unknown.count, 'id')} not in the dataset and were not scored (coverage.unknown lists them).`,
    );
  }
  if (coverage.malformed.count > 0) {
    const first = coverage.malformed.entries[0];
    const where = first === undefined ? '' : ` The first: ${first.file}:${first.line}: ${first.message}.`;
    notes.push(`${plural(coverage.malformed.count, 'prediction line')} could not be read (coverage.malformed).${where}`);
  }
  if (coverage.duplicates.count > 0) {
    notes.push(
      `${plural(coverage.duplicates.count, 'sample')} repeated an earlier sample of the same item word for word and ${coverage.duplicates.dropped ? 'were dropped' : 'were kept (identical samples are possible when sampling; pass --drop-duplicates if the file was concatenated twice)'}.`,
    );
  }
  if (coverage.lm_eval.skipped_lines > 0) {
    notes.push(
      `${plural(coverage.lm_eval.skipped_lines, 'lm-evaluation-harness line')} for filters other than "${coverage.lm_eval.filter}" repeated the same generations and were skipped.`,
    );
  }
  const sizes = Object.keys(coverage.samples_per_item);
  if (sizes.length > 1) {
    notes.push(
      `Items have different numbers of samples (${sizes.map((n) => `${coverage.samples_per_item[n]} with ${n}`).join(', ')}); each group reports k only up to its fewest.`,
    );
  }
  for (const [name, group] of [['all items', metrics.overall] as const, ...Object.entries(metrics.by_variant).map(([v, g]) => [`variant ${v}`, g] as const)]) {
    for (const omitted of group.omitted_k) notes.push(`k=${omitted.k} is omitted for ${name}: ${omitted.reason}.`);
    if ((group.unpaired_items ?? 0) > 0)
      notes.push(`${plural(group.unpaired_items!, 'item')} of ${name} have no scored base item and are in no drop_vs_base pair.`);
  }
  if (coverage.items_without_set > 0) {
    notes.push(
      `${plural(coverage.items_without_set, 'imported item')} ${coverage.items_without_set === 1 ? 'belongs' : 'belong'} to no instance set and are left out of by_set and the spread over sets (they are in every other figure).`,
    );
  }
  if (coverage.maj_sampled > 0) {
    notes.push(
      `maj@k of ${plural(coverage.maj_sampled, 'item-and-k pair')} averages ${metrics.options.maj_subsets} seeded random k-subsets (more than ${metrics.options.maj_exact_limit} subsets to enumerate).`,
    );
  }
  return notes;
}
