import type { CompiledText } from './text.js';

/** For each variable, the index of the premise that first mentions it. */
export function introductionIndex(premises: readonly CompiledText[], names: readonly string[]): Map<string, number> {
  const result = new Map<string, number>();
  premises.forEach((premise, index) => {
    for (const name of premise.uses) if (names.includes(name) && !result.has(name)) result.set(name, index);
  });
  return result;
}

/**
 * Where a clause may be inserted: after premise i, for each allowed i. A clause
 * may only follow the premises that introduce what it mentions, so "three of
 * the muffins were burnt" never comes before the muffins do. Returns the
 * positions, or a sentence saying why there are none.
 */
export function clausePositions(
  clause: CompiledText,
  after: readonly number[] | undefined,
  premiseCount: number,
  introducedAt: ReadonlyMap<string, number>,
  coreNames: readonly string[],
  fallback: readonly number[],
): readonly number[] | string {
  let earliest = 0;
  for (const name of clause.uses) {
    if (!coreNames.includes(name)) continue;
    const index = introducedAt.get(name);
    if (index === undefined) return `the clause mentions "${name}", which no premise introduces, so it has nowhere to go`;
    earliest = Math.max(earliest, index);
  }
  if (after !== undefined) {
    for (const index of after) {
      if (index >= premiseCount) return `position ${index} is past the last premise (there are ${premiseCount})`;
      if (index < earliest) return `position ${index} comes before premise ${earliest}, which introduces something the clause mentions`;
    }
    return [...after].sort((a, b) => a - b);
  }
  const allowed = fallback.filter((index) => index >= earliest);
  return allowed.length > 0 ? allowed : 'no position satisfies the premises the clause depends on';
}
