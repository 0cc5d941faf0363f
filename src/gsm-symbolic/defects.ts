import seedrandom from 'seedrandom';
import type { Env, Value } from '../expr/types.js';
import type { ImportedTemplate } from './load.js';

/** Where the release contradicts itself in one template, and how often. */
export interface ReleaseDefect {
  /** What disagrees, in the release's own terms (an annotation, the #### line and #answer). */
  readonly says: string;
  /** Draws (meeting every other condition) on which it disagrees, of `of` such draws examined. */
  readonly failing: number;
  readonly of: number;
}

const DRAWS = 20_000;
const WANTED = 1_000;

/**
 * Measures each of a translated template's release guards (an annotation
 * that must compute its result, a #### line that must give #answer) on
 * random draws that meet every other condition: a guard that fails on some
 * of them is a place where the release's text and its program disagree, and
 * generation keeps only the draws where they agree. Draws come from a stream
 * keyed by the template id, so the figures repeat run to run.
 */
export function releaseDefects(imported: ImportedTemplate): ReleaseDefect[] {
  const { template, translation } = imported;
  if (translation.guards.length === 0) return [];
  const guardOf = new Map(translation.guards.map((g) => [g.expr, g.says] as const));
  const guards = template.constraints.filter((c) => guardOf.has(c.expr.source));
  const others = template.constraints.filter((c) => !guardOf.has(c.expr.source));
  const failing = new Array<number>(guards.length).fill(0);
  let examined = 0;
  const random = seedrandom.tychei(`defects|${template.id}`);
  const env: Env = new Array<Value>(template.slots.length);
  for (let draw = 0; draw < DRAWS && examined < WANTED; draw++) {
    for (const v of template.domain) env[v.slot] = v.domain.valueAt(Math.floor(random() * v.domain.size));
    try {
      for (const d of template.derived) env[d.slot] = d.expr.evaluate(env) as Value;
      if (!others.every((c) => c.expr.evaluate(env) === true)) continue;
      const verdicts = guards.map((g) => g.expr.evaluate(env) === true);
      examined++;
      verdicts.forEach((holds, i) => {
        if (!holds) failing[i]!++;
      });
    } catch {
      continue;
    }
  }
  return guards.map((g, i) => ({ says: guardOf.get(g.expr.source)!, failing: failing[i]!, of: examined })).filter((d) => d.failing > 0);
}
