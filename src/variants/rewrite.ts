import * as N from '../exact/num.js';
import type { Env } from '../expr/types.js';
import { below, mix } from '../engine/hash.js';
import { isRejection, runChecks, runSolution, type Rejection } from '../engine/checks.js';
import type { CompiledAnswer, CompiledTemplate, StatedNumber } from '../template/compiled.js';
import type { FormatOverrides } from '../template/text.js';

/**
 * The digits, decimal and fraction variants rewrite some of the numbers the
 * base problem states and recompute everything from them. Each rewrite keeps
 * the base value readable from the new one (digits: v * 10^k + r; decimal
 * and fraction: v + part), so two distinct base items never rewrite into the
 * same numbers and no question repeats.
 */
export interface RewriteRule {
  readonly variant: 'digits' | 'decimal' | 'fraction';
  /** The stated numbers this variant may rewrite. */
  rewritable(template: CompiledTemplate): readonly StatedNumber[];
  /** Null when the template can make the variant, else why not. */
  unsupported(template: CompiledTemplate): string | null;
  /** Which of the rewritable numbers one draw changes, from a 32-bit hash stream. */
  pick(rewritable: readonly StatedNumber[], random: (k: number) => number): readonly StatedNumber[];
  /**
   * At least the number of distinct rewrites one draw can get (the values
   * given to `rewritable`, this rule's rewritable numbers of a template;
   * Infinity if unknown). Once that many have failed, every later try
   * repeats one of them.
   */
  distinctRewrites(rewritable: readonly StatedNumber[]): number;
  /** The rewritten value for one stated number, from a 32-bit hash. */
  rewrite(stated: StatedNumber, base: N.Num, hash: number): N.Num;
  /** Whether `value` is a value this variant may give a number stated as `base`. */
  isRewrite(stated: StatedNumber, base: N.Num, value: N.Num): boolean;
  /** Which numbers must change, given those that did: a rule on the whole draw. */
  changedProblem(template: CompiledTemplate, changed: readonly string[]): string | null;
  answer(template: CompiledTemplate): CompiledAnswer;
  anyIntermediate(template: CompiledTemplate): boolean;
  formats(template: CompiledTemplate, changed: readonly StatedNumber[]): FormatOverrides | undefined;
}

export interface Rewritten {
  /** The base env with the rewritten numbers and every core derived value recomputed. */
  readonly env: Env;
  readonly steps: readonly N.Num[];
  readonly answer: N.Num;
  readonly changed: readonly StatedNumber[];
}

/** Draws per base item before the base item is refused: every accepted item must make every variant. */
export const REWRITE_ATTEMPTS = 64;

const noDraw = new WeakMap<CompiledTemplate, Map<string, Rejection>>();

function refuseRewrite(template: CompiledTemplate, variant: string, last: Rejection | undefined): Rejection {
  let byReason = noDraw.get(template);
  if (byReason === undefined) noDraw.set(template, (byReason = new Map()));
  const key = `${variant}|${last?.reason ?? ''}`;
  let rejection = byReason.get(key);
  if (rejection === undefined) {
    rejection = {
      reason: `the ${variant} variant found no rewrite in ${REWRITE_ATTEMPTS} tries that passes every check (the last failed: ${last?.reason ?? 'nothing to rewrite'})`,
    };
    byReason.set(key, rejection);
  }
  return rejection;
}

/**
 * Searches rewrites of an accepted base draw from a counter-based stream
 * keyed by the draw, until one passes the base's constraints and the
 * variant's answer rule. Deterministic: the same draw gives the same rewrite.
 */
export function searchRewrite(rule: RewriteRule, template: CompiledTemplate, baseEnv: Env, stream: number): Rewritten | Rejection {
  const rewritable = rule.rewritable(template);
  const answer = rule.answer(template);
  const anyIntermediate = rule.anyIntermediate(template);
  const env = baseEnv.slice();
  const failed = new FailedRewrites(rewritable);
  const bound = rule.distinctRewrites(rewritable);
  let last: Rejection | undefined;
  for (let attempt = 0; attempt < REWRITE_ATTEMPTS; attempt++) {
    let counter = 0;
    const random = (k: number) => below(mix(stream, attempt, counter++), k);
    const changed = rule.pick(rewritable, random);
    for (const s of rewritable) env[s.slot] = baseEnv[s.slot]!;
    for (const s of changed) env[s.slot] = rule.rewrite(s, baseEnv[s.slot] as N.Num, mix(stream, attempt, counter++, s.slot));
    // A template with few rewritable numbers and parts draws the same rewrite again and again; it fails again, for the same reason.
    last = failed.reasonFor(env);
    if (last !== undefined) continue;
    last = runChecks(template.coreChecks, env);
    if (last === undefined) {
      const steps: N.Num[] = [];
      const value = runSolution(template, template.solution, answer, env, steps, anyIntermediate);
      if (!isRejection(value)) return { env: env.slice(), steps, answer: value, changed };
      last = value;
    }
    failed.add(env, last);
    // Every possible rewrite has failed: the tries before the last would only repeat them, and only the last one's reason is kept.
    if (failed.size >= bound && attempt < REWRITE_ATTEMPTS - 2) attempt = REWRITE_ATTEMPTS - 2;
  }
  return refuseRewrite(template, rule.variant, last);
}

/**
 * The rewrites of one search that failed, by the values they gave the
 * rewritable numbers: everything else in the env is the base's, so equal
 * values mean an equal outcome.
 */
class FailedRewrites {
  private readonly slots: readonly number[];
  private readonly values: N.Num[][] = [];
  private readonly reasons: Rejection[] = [];

  constructor(rewritable: readonly StatedNumber[]) {
    this.slots = rewritable.map((s) => s.slot);
  }

  get size(): number {
    return this.values.length;
  }

  reasonFor(env: Env): Rejection | undefined {
    const slots = this.slots;
    search: for (let i = 0; i < this.values.length; i++) {
      const tried = this.values[i]!;
      for (let k = 0; k < slots.length; k++) if (!N.equals(tried[k]!, env[slots[k]!] as N.Num)) continue search;
      return this.reasons[i];
    }
    return undefined;
  }

  add(env: Env, reason: Rejection): void {
    this.values.push(this.slots.map((slot) => env[slot] as N.Num));
    this.reasons.push(reason);
  }
}

/** Each rewritable number changes with probability one half, and at least one always does. */
export function pickSome(rewritable: readonly StatedNumber[], random: (k: number) => number): StatedNumber[] {
  const picked = rewritable.filter(() => random(2) === 1);
  return picked.length > 0 ? picked : [rewritable[random(rewritable.length)]!];
}
