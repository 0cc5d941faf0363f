/**
 * What scoring needs from a verifier, and nothing more: one small contract
 * (as Inspect AI separates scorer from metric), so the statistics can be
 * tested with a judge whose answers are known, and the real verifier is one
 * argument. `verifierJudge()` (verifier-judge.ts) adapts src/verify.
 */
import type { ReferenceForm } from '../verify/match.js';

export interface SampleVerdict {
  readonly correct: boolean;
  /** The normalised final answer the output gave; null when none could be extracted. */
  readonly extracted: string | null;
}

export interface Judge {
  /**
   * Extracts the final answer of one output and compares it with the reference;
   * `reference` says whether the reference may itself be rounded (default exact).
   */
  judge(output: string, expected: string, reference?: ReferenceForm): SampleVerdict;
  /** Whether the chain of thought holds no wrong arithmetic step (what CoT-pass@k counts). */
  stepsValid(output: string): boolean;
  /** Whether two extracted answers are one answer, for majority voting. */
  sameAnswer(a: string, b: string): boolean;
  /** How a worker thread builds the same judge, for scoring with several jobs; without it, scoring runs in one thread. */
  readonly recipe?: JudgeRecipe;
}

/**
 * A judge as data: `(await import(module))[factory](options)` returns it.
 * Functions cannot cross to a worker thread; a module URL, a name and
 * structured-clonable options can.
 */
export interface JudgeRecipe {
  readonly module: string;
  readonly factory: string;
  readonly options: unknown;
}

export async function rebuildJudge(recipe: JudgeRecipe): Promise<Judge> {
  const module = (await import(recipe.module)) as Record<string, unknown>;
  const factory = module[recipe.factory];
  if (typeof factory !== 'function') throw new Error(`${recipe.module} has no judge factory "${recipe.factory}"`);
  return (factory as (options: unknown) => Judge)(recipe.options);
}
