import type * as N from '../exact/num.js';
import { ReasonforgeError } from '../errors.js';
import type { Env } from '../expr/types.js';
import type { ClauseSampling, CompiledTemplate, Extension } from '../template/compiled.js';
import { DIGITS } from '../variants/digits.js';
import { repeatsAnEarlierAnswer } from '../variants/extensions.js';
import { DECIMAL, FRACTION } from '../variants/parts.js';
import { searchRewrite, type RewriteRule, type Rewritten } from '../variants/rewrite.js';
import { setGivenAnswer, solveReverse, type Reversed } from '../variants/reverse.js';
import { isRejection, refuse, runConstraints, runChecks, runDerived, runSolution, type Rejection } from './checks.js';
import { below, high32, low32, mix } from './hash.js';
import { supportedVariants } from './variants.js';

export { isRejection, type Rejection } from './checks.js';

/** An accepted draw: every number of the base problem and of every clause, with the step values computed once. */
export interface Instance {
  /** Position in the template's candidate sequence: identifies the draw. */
  readonly position: number;
  /** Domain, derived and clause slots filled; cosmetic slots are filled per set. */
  readonly env: Env;
  readonly steps: readonly N.Num[];
  readonly answer: N.Num;
  readonly extensions: readonly { readonly steps: readonly N.Num[]; readonly answer: N.Num }[];
  /** Each reversed problem solved from its givens, in template order (empty if the template has none). */
  readonly reverse: readonly Reversed[];
  /** The rewritten numbers of the digits, decimal and fraction variants, where the template makes them. */
  readonly rewrites: Readonly<Partial<Record<RewriteRule['variant'], Rewritten>>>;
}

/** Stream indices for the rewrite searches, apart from the clause indices (0, 1, ...). */
const REWRITE_STREAMS: readonly [RewriteRule, number][] = [
  [DIGITS, 0x10001],
  [DECIMAL, 0x10002],
  [FRACTION, 0x10003],
];

const CLAUSE_ATTEMPTS = 32;

/**
 * What evaluating candidates of one template for one seed needs besides the
 * template: the key of its clause draws, the pairs of entity slots that must
 * differ, and a scratch binding array reused by refused candidates.
 */
export class CandidateContext {
  readonly template: CompiledTemplate;
  readonly clauseKey: number;
  readonly entityPairs: readonly (readonly [number, number])[];
  readonly distinctRejection: Rejection;
  private readonly scratch: Env;
  private readonly rewriteRules: readonly [RewriteRule, number][];

  constructor(template: CompiledTemplate, clauseKey: number) {
    this.template = template;
    this.clauseKey = clauseKey;
    const entities = template.domain.filter((v) => v.domain.kind === 'entity');
    const pairs: [number, number][] = [];
    entities.forEach((a, i) => {
      for (const b of entities.slice(i + 1)) if (a.domain.pool === b.domain.pool) pairs.push([a.slot, b.slot]);
    });
    this.entityPairs = pairs;
    this.distinctRejection = { reason: 'two draws from one pool coincide' };
    this.scratch = new Array<N.Num>(template.envSize).fill(0);
    const supported: readonly string[] = supportedVariants(template);
    this.rewriteRules = REWRITE_STREAMS.filter(([rule]) => supported.includes(rule.variant));
  }

  evaluate(tuple: number, position: number): Instance | Rejection {
    const template = this.template;
    const env = this.scratch;
    let rest = tuple;
    for (const v of template.domain) {
      const size = v.domain.size;
      env[v.slot] = v.domain.valueAt(rest % size);
      rest = Math.floor(rest / size);
    }
    for (const [a, b] of this.entityPairs) if (env[a] === env[b]) return this.distinctRejection;

    const failed = runChecks(template.coreChecks, env);
    if (failed !== undefined) return failed;
    const steps: N.Num[] = [];
    const answer = runSolution(template, template.solution, template.answer, env, steps);
    if (isRejection(answer)) return answer;

    const distractors = template.distractors;
    for (let i = 0; i < distractors.length; i++) {
      const outcome = this.sampleClause(distractors[i]!.sampling, i, env, position, undefined, []);
      if (isRejection(outcome)) return outcome;
    }
    const extensions: { steps: N.Num[]; answer: N.Num }[] = [];
    const answers: N.Num[] = [answer];
    for (let i = 0; i < template.extensions.length; i++) {
      const extension = template.extensions[i]!;
      const outcome = this.sampleClause(extension.sampling, distractors.length + i, env, position, extension, answers);
      if (isRejection(outcome)) return outcome;
      extensions.push(outcome!);
      answers.push(outcome!.answer);
    }

    // Every variant the template makes must be possible for this draw, so that variants stay paired.
    const reverse: Reversed[] = [];
    if (template.reverse.length > 0) {
      setGivenAnswer(template, env, answer);
      for (const r of template.reverse) {
        const solved = solveReverse(template, r, env);
        if (isRejection(solved)) return solved;
        reverse.push(solved);
      }
    }
    const rewrites: Partial<Record<RewriteRule['variant'], Rewritten>> = {};
    for (const [rule, purpose] of this.rewriteRules) {
      const rewritten = searchRewrite(rule, template, env, mix(this.clauseKey, low32(position), high32(position), purpose));
      if (isRejection(rewritten)) return rewritten;
      rewrites[rule.variant] = rewritten;
    }
    return { position, env: env.slice(), steps, answer, extensions, reverse, rewrites };
  }

  /**
   * Every core check a tuple fails, each judged on its own rather than
   * stopping at the first: what a diagnosis needs to find the constraint that
   * can never hold behind one that merely fails often.
   */
  failingChecks(tuple: number): Rejection[] {
    const template = this.template;
    const env = this.scratch;
    let rest = tuple;
    for (const v of template.domain) {
      env[v.slot] = v.domain.valueAt(rest % v.domain.size);
      rest = Math.floor(rest / v.domain.size);
    }
    const derivedFailed = runDerived(template.derived, env);
    if (derivedFailed !== undefined) return [derivedFailed];
    const failing: Rejection[] = [];
    for (const c of template.constraints) {
      const failed = runConstraints([c], env);
      if (failed !== undefined) failing.push(failed);
    }
    let solution: Rejection | N.Num | undefined;
    try {
      solution = runSolution(template, template.solution, template.answer, env, []);
    } catch (error) {
      // An answer that disagrees with the last step is a bug only on a draw the constraints accept.
      if (!(error instanceof ReasonforgeError && error.kind === 'template-bug' && failing.length > 0)) throw error;
    }
    if (solution !== undefined && isRejection(solution)) failing.push(solution);
    return failing;
  }

  /**
   * Draws a clause's numbers from a counter-based stream until its checks
   * pass. For an extension the checks include its solution and answer, which
   * must differ from every answer before it (the base's and earlier
   * extensions').
   */
  private sampleClause(
    clause: ClauseSampling,
    clauseIndex: number,
    env: Env,
    position: number,
    extension: Extension | undefined,
    earlier: readonly N.Num[],
  ): Rejection | { steps: N.Num[]; answer: N.Num } | undefined {
    const vars = clause.vars;
    const attempts = vars.length === 0 ? 1 : CLAUSE_ATTEMPTS;
    const stream = mix(this.clauseKey, low32(position), high32(position), clauseIndex);
    let last: Rejection | undefined;
    for (let attempt = 0; attempt < attempts; attempt++) {
      for (let k = 0; k < vars.length; k++) {
        const v = vars[k]!;
        env[v.slot] = v.domain.valueAt(below(mix(stream, attempt, k), v.domain.size));
      }
      last = runChecks(clause.checks, env);
      if (last !== undefined) continue;
      if (extension === undefined) return undefined;
      const steps: N.Num[] = [];
      const answer = runSolution(this.template, extension.solution, extension.answer, env, steps);
      if (isRejection(answer)) {
        last = answer;
        continue;
      }
      if (repeatsAnEarlierAnswer(answer, earlier)) {
        last = refuse(extension.answer, 'unchanged');
        continue;
      }
      return { steps, answer };
    }
    return last;
  }
}
