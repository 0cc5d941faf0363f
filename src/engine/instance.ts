import { ReasonforgeError } from '../errors.js';
import * as N from '../exact/num.js';
import type { Env } from '../expr/types.js';
import type { CheckedExpr, ClauseSampling, CompiledAnswer, CompiledTemplate, DerivedValue, Extension, SolutionLine } from '../template/compiled.js';
import { below, high32, low32, mix } from './hash.js';

/** An accepted draw: every number of the base problem and of every clause, with the step values computed once. */
export interface Instance {
  /** Position in the template's candidate sequence: identifies the draw. */
  readonly position: number;
  /** Domain, derived and clause slots filled; cosmetic slots are filled per set. */
  readonly env: Env;
  readonly steps: readonly N.Num[];
  readonly answer: N.Num;
  readonly extensions: readonly { readonly steps: readonly N.Num[]; readonly answer: N.Num }[];
}

/** Why a candidate was refused. One object per check and cause, made once: refusing allocates nothing. */
export interface Rejection {
  readonly reason: string;
}

type Cause = 'false' | 'undefined' | 'negative' | 'repeating' | 'not-integer' | 'too-many-places' | 'out-of-range' | 'unchanged';

const DESCRIPTIONS: Readonly<Record<Cause, string>> = {
  false: 'is false',
  undefined: 'is undefined (a division by zero, a non-integer exponent, or the like)',
  negative: 'is negative',
  repeating: 'is a repeating fraction, and the template wants terminating decimals',
  'not-integer': 'is not a whole number',
  'too-many-places': 'has more decimal places than the answer allows',
  'out-of-range': "is outside the answer's range",
  unchanged: 'leaves the answer unchanged',
};

const rejections = new WeakMap<CheckedExpr, Partial<Record<Cause, Rejection>>>();

function refuse(check: CheckedExpr, cause: Cause): Rejection {
  let byCause = rejections.get(check);
  if (byCause === undefined) rejections.set(check, (byCause = {}));
  return (byCause[cause] ??= { reason: `${check.pointer} "${check.expr.source}" ${DESCRIPTIONS[cause]}` });
}

export function isRejection(value: unknown): value is Rejection {
  return typeof value === 'object' && value !== null && 'reason' in value;
}

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
    this.scratch = new Array<N.Num>(template.slots.length).fill(0);
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

    const failed = runDerived(template.derived, env) ?? runConstraints(template.constraints, env);
    if (failed !== undefined) return failed;
    const steps: N.Num[] = [];
    const answer = runSolution(template, template.solution, template.answer, env, steps);
    if (isRejection(answer)) return answer;

    const distractors = template.distractors;
    for (let i = 0; i < distractors.length; i++) {
      const outcome = this.sampleClause(distractors[i]!.sampling, i, env, position, undefined, answer);
      if (isRejection(outcome)) return outcome;
    }
    const extensions: { steps: N.Num[]; answer: N.Num }[] = [];
    let previous = answer;
    for (let i = 0; i < template.extensions.length; i++) {
      const extension = template.extensions[i]!;
      const outcome = this.sampleClause(extension.sampling, distractors.length + i, env, position, extension, previous);
      if (isRejection(outcome)) return outcome;
      extensions.push(outcome!);
      previous = outcome!.answer;
    }
    return { position, env: env.slice(), steps, answer, extensions };
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
   * must differ from the answer before it.
   */
  private sampleClause(
    clause: ClauseSampling,
    clauseIndex: number,
    env: Env,
    position: number,
    extension: Extension | undefined,
    previous: N.Num,
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
      last = runDerived(clause.derived, env) ?? runConstraints(clause.constraints, env);
      if (last !== undefined) continue;
      if (extension === undefined) return undefined;
      const steps: N.Num[] = [];
      const answer = runSolution(this.template, extension.solution, extension.answer, env, steps);
      if (isRejection(answer)) {
        last = answer;
        continue;
      }
      if (N.equals(answer, previous)) {
        last = refuse(extension.answer, 'unchanged');
        continue;
      }
      return { steps, answer };
    }
    return last;
  }
}

/** Runs derived values in order; a RangeError (division by zero, say) refuses the draw. */
function runDerived(derived: readonly DerivedValue[], env: Env): Rejection | undefined {
  for (let i = 0; i < derived.length; i++) {
    const d = derived[i]!;
    try {
      env[d.slot] = d.expr.evaluate(env) as N.Num;
    } catch (error) {
      if (error instanceof RangeError) return refuse(d, 'undefined');
      throw error;
    }
  }
  return undefined;
}

function runConstraints(constraints: readonly CheckedExpr[], env: Env): Rejection | undefined {
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i]!;
    let holds: boolean;
    try {
      holds = c.expr.evaluate(env) as boolean;
    } catch (error) {
      if (error instanceof RangeError) return refuse(c, 'undefined');
      throw error;
    }
    if (!holds) return refuse(c, 'false');
  }
  return undefined;
}

function answerMisfit(answer: CompiledAnswer, value: N.Num): Cause | undefined {
  // Plain numbers are integers and fit every type; only the other forms need looking at.
  if (typeof value !== 'number') {
    if (answer.type === 'integer' && !N.isInteger(value)) return 'not-integer';
    if (answer.type === 'decimal') {
      const places = N.decimalPlaces(value);
      if (places === null || places > answer.places) return 'too-many-places';
    }
  }
  if (N.compare(value, answer.min) < 0 || N.compare(value, answer.max) > 0) return 'out-of-range';
  return undefined;
}

/**
 * Evaluates the solution lines and the answer. A step that is negative, or a
 * repeating fraction where the template wants decimals, refuses the draw; an
 * answer that disagrees with the last step is a bug in the template and stops
 * everything, since no draw can make it right.
 */
function runSolution(
  template: CompiledTemplate,
  lines: readonly SolutionLine[],
  answer: CompiledAnswer,
  env: Env,
  steps: N.Num[],
): Rejection | N.Num {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let value: N.Num;
    try {
      value = line.expr.evaluate(env) as N.Num;
    } catch (error) {
      if (error instanceof RangeError) return refuse(line, 'undefined');
      throw error;
    }
    if (N.sign(value) < 0) return refuse(line, 'negative');
    if (typeof value !== 'number' && !template.anyIntermediate && !N.isFiniteDecimal(value)) return refuse(line, 'repeating');
    steps.push(value);
  }
  let value: N.Num;
  try {
    value = answer.expr.evaluate(env) as N.Num;
  } catch (error) {
    if (error instanceof RangeError) return refuse(answer, 'undefined');
    throw error;
  }
  const misfit = answerMisfit(answer, value);
  if (misfit !== undefined) return refuse(answer, misfit);
  const last = steps[steps.length - 1]!;
  // An imported template's answer may be computed in prose after its last annotation, as in GSM8K itself.
  if (template.imported === undefined && !N.equals(last, value)) {
    throw new ReasonforgeError(
      'template-bug',
      `the answer "${answer.expr.source}" gives ${N.canonical(value)} but the last solution step gives ${N.canonical(last)}`,
      { file: template.file, pointer: answer.pointer },
    );
  }
  return value;
}
