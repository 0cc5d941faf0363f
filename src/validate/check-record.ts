import * as N from '../exact/num.js';
import type { Env, Value } from '../expr/types.js';
import { answerMisfit, stepMisfit } from '../engine/checks.js';
import { renderSolutionLine } from '../engine/solution-line.js';
import { assembleQuestion, clauseText, isClauseVariant, renderPremises, variantShape, type ClauseVariant } from '../engine/shape.js';
import { GENERATED_VARIANTS, unsupportedReasons, type GeneratedVariant } from '../engine/variants.js';
import type { ProblemRecord } from '../records/problem.js';
import type { CheckedExpr, CompiledTemplate, DerivedValue, SolutionLine, StatedNumber } from '../template/compiled.js';
import { answerTypeOf } from '../variants/answer-type.js';
import { composeQuestion, composeVariant, REWRITE_RULES } from '../variants/compose.js';
import { criticalSolution } from '../variants/critical.js';
import { setGivenAnswer } from '../variants/reverse.js';
import type { RewriteRule } from '../variants/rewrite.js';
import type { Pool } from '../template/pools.js';
import type { FormatOverrides } from '../template/text.js';
import { checkAnnotations } from '../verify/annotations.js';

/**
 * Checks one generated record against its template, from its bindings alone:
 * the bindings are complete and consistent, the constraints hold, every step
 * and the answer recompute exactly, the question re-renders to the same text,
 * the variant's choices are ones its rules allow, and every <<expr=value>>
 * annotation is arithmetically right. Returns one sentence per defect; an
 * empty list means the record is sound.
 */
export function checkRecord(record: ProblemRecord, template: CompiledTemplate): string[] {
  if (record.template?.version !== template.version) {
    return [
      `made by version ${record.template?.version} of template "${template.id}", but version ${template.version} is loaded; regenerate it or load the templates it came from`,
    ];
  }
  const kind = record.variant.kind;
  if (!(GENERATED_VARIANTS as readonly string[]).includes(kind)) return [`templates do not make the variant "${kind}"`];
  const unsupported = unsupportedReasons(template).get(kind as GeneratedVariant);
  if (unsupported !== undefined) return [`template "${template.id}" cannot make the ${kind} variant: ${unsupported}`];

  const defects: string[] = [];
  const coreOnly = bindsCoreOnly(kind as GeneratedVariant);
  const env = envFromBindings(record, template, coreOnly, defects);
  if (env === null) return defects;
  const recompute = (derived: readonly DerivedValue[]) => {
    for (const d of derived) {
      const value = tryEvaluate(d, env, defects) as N.Num | undefined;
      if (value === undefined) continue;
      if (!N.equals(value, env[d.slot] as N.Num))
        defects.push(`binding "${d.name}" is ${N.canonical(env[d.slot] as N.Num)}, but "${d.expr.source}" gives ${N.canonical(value)}`);
    }
  };
  const holds = (constraints: readonly CheckedExpr[]) => {
    for (const c of constraints) if (tryEvaluate(c, env, defects) === false) defects.push(`the constraint "${c.expr.source}" does not hold`);
  };
  recompute(template.derived);
  holds(template.constraints);
  if (!coreOnly) {
    for (const d of template.distractors) holds(d.sampling.constraints);
    for (const e of template.extensions) {
      recompute(e.sampling.derived);
      holds(e.sampling.constraints);
    }
    const baseAnswer = tryEvaluate(template.answer, env, defects) as N.Num | undefined;
    if (baseAnswer !== undefined) setGivenAnswer(template, env, baseAnswer);
    for (const r of template.reverse) recompute(r.derived);
  }
  if (defects.length > 0) return defects;

  if (isClauseVariant(kind)) {
    defects.push(...checkClauseVariant(record, template, env, kind));
  } else {
    defects.push(...checkComposedVariant(record, template, env));
  }
  defects.push(...checkSolutionText(record));
  return defects;
}

/** The base problem, alone or with the clauses of noop, p1 and p2. */
function checkClauseVariant(record: ProblemRecord, template: CompiledTemplate, env: Env, kind: ClauseVariant): string[] {
  const defects: string[] = [];
  const shape = variantShape(template, kind);
  const answer = tryEvaluate(shape.answer, env, defects) as N.Num | undefined;
  if (answer !== undefined) checkAnswer(record, answer, defects);
  checkSteps(record, shape.lines, env, undefined, defects);

  const inserted = record.variant.inserted ?? [];
  const placed = [];
  for (const clause of inserted) {
    const text = clauseText(template, clause);
    if (text === undefined) {
      defects.push(`the inserted ${clause.kind} "${clause.id}" is not in template "${template.id}"`);
      continue;
    }
    const rendered = text.render(env);
    if (rendered !== clause.text) defects.push(`the inserted ${clause.kind} "${clause.id}" reads "${clause.text}", but its bindings give "${rendered}"`);
    placed.push({ after: clause.after, text: rendered });
  }
  const expectedClauses = kind === 'noop' ? 1 : shape.extensions;
  if (inserted.length !== expectedClauses) defects.push(`the ${kind} variant inserts ${expectedClauses} clause(s), but the record lists ${inserted.length}`);
  const question = assembleQuestion(renderPremises(template, env), placed, shape.question.render(env));
  if (question !== record.question) defects.push(`the question does not match its template and bindings; expected: ${question}`);
  return defects;
}

/** digits, decimal, fraction, reverse, paraphrase, critical and reorder: re-composed from the choices the record lists. */
function checkComposedVariant(record: ProblemRecord, template: CompiledTemplate, env: Env): string[] {
  const defects: string[] = [];
  const info = record.variant;
  const composition = composeVariant(template, info);
  if (typeof composition === 'string') return [composition];
  if (info.kind === 'critical') {
    if (record.answer !== 'unanswerable') defects.push(`a critical item's answer is unanswerable, not ${record.answer}`);
    if (record.answer_type !== 'unanswerable') defects.push(`answer_type is ${record.answer_type}, but the item is unanswerable`);
    if (record.steps.length > 0) defects.push('a critical item has no calculation steps');
    const removed = template.premises[info.removed!.premise]!.text.render(env);
    if (removed !== info.removed!.text) defects.push(`the removed premise reads "${info.removed!.text}", but its bindings give "${removed}"`);
    const solution = criticalSolution(template, composition.critical!, env);
    if (solution !== record.solution) defects.push(`the solution does not say which fact is missing as the template does; expected: ${solution}`);
  } else if (info.kind === 'digits' || info.kind === 'decimal' || info.kind === 'fraction') {
    const rule = REWRITE_RULES[info.kind];
    for (const name of info.changed ?? []) {
      const stated = template.stated.find((s) => s.name === name)!;
      const value = env[stated.slot] as N.Num;
      if (!isSomeRewrite(rule, stated, value))
        defects.push(`${name} is ${N.canonical(value)}, which the ${info.kind} variant cannot make from a whole number of its range`);
    }
    const answer = tryEvaluate(template.answer, env, defects) as N.Num | undefined;
    if (answer !== undefined) {
      const misfit = answerMisfit(rule.answer(template), answer);
      if (misfit !== undefined) defects.push(`the ${info.kind} variant's answer ${N.canonical(answer)} breaks its rule (${misfit})`);
      checkAnswer(record, answer, defects);
    }
    checkSteps(record, composition.lines!, env, rule.anyIntermediate(template), defects, composition.formats);
  } else {
    const reverse = info.kind === 'reverse' ? template.reverse.find((r) => r.id === info.reversed!.id)! : undefined;
    const answer = reverse !== undefined ? (env[reverse.unknown.slot] as N.Num) : (tryEvaluate(template.answer, env, defects) as N.Num | undefined);
    if (answer !== undefined) checkAnswer(record, answer, defects);
    checkSteps(record, composition.lines!, env, undefined, defects, composition.formats);
    if (reverse !== undefined) {
      const last = record.steps[record.steps.length - 1];
      if (last !== undefined && answer !== undefined && last.value !== N.canonical(answer))
        defects.push(`the reversed solution ends in ${last.value}, not the unknown's value ${N.canonical(answer)}`);
    }
  }
  const question = composeQuestion(composition, env);
  if (question !== record.question) defects.push(`the question does not match its template, bindings and ${info.kind} choices; expected: ${question}`);
  return defects;
}

function checkAnswer(record: ProblemRecord, answer: N.Num, defects: string[]): void {
  if (N.canonical(answer) !== record.answer) defects.push(`the answer is ${record.answer}, but its template and bindings give ${N.canonical(answer)}`);
  const type = answerTypeOf(answer);
  if (record.answer_type !== type)
    defects.push(`answer_type is ${record.answer_type}, but the answer ${N.canonical(answer)} is ${type === 'integer' ? 'an integer' : `a ${type}`}`);
}

/**
 * Every step recomputes from the bindings, shows its calculation as the
 * template writes it, can be shown, and reads, in the step and in the
 * solution, as its template line renders it (a noun after `{=}` included).
 */
function checkSteps(
  record: ProblemRecord,
  lines: readonly SolutionLine[],
  env: Env,
  anyIntermediate: boolean | undefined,
  defects: string[],
  formats?: FormatOverrides,
): void {
  if (record.steps.length !== lines.length) {
    defects.push(`${record.steps.length} steps, but the solution has ${lines.length} lines`);
    return;
  }
  // A line's text may span several lines of the solution (translated GSM-Symbolic prose), so each is read at its own offset.
  const written = record.solution.split('\n');
  let at = 0;
  lines.forEach((line, i) => {
    const value = tryEvaluate(line, env, defects) as N.Num | undefined;
    const step = record.steps[i]!;
    if (value !== undefined && N.canonical(value) !== step.value)
      defects.push(`step ${i + 1} says ${step.value}, but "${line.expr.source}" gives ${N.canonical(value)}`);
    if (value !== undefined && anyIntermediate !== undefined && stepMisfit(value, anyIntermediate) !== undefined)
      defects.push(`step ${i + 1} is ${N.canonical(value)}, which the variant may not show (${stepMisfit(value, anyIntermediate)})`);
    if (step.expr !== line.expr.display(env, false))
      defects.push(`step ${i + 1} shows "${step.expr}", but its bindings give "${line.expr.display(env, false)}"`);
    const expected = value === undefined ? undefined : tryRender(() => renderSolutionLine(line, env, value, formats), `step ${i + 1}`, defects);
    if (expected === undefined) {
      at += step.text.split('\n').length;
      return;
    }
    if (step.text !== expected.step.text) defects.push(`step ${i + 1} reads "${step.text}", but its template and bindings give "${expected.step.text}"`);
    const span = expected.annotated.split('\n').length;
    const shown = written.slice(at, at + span).join('\n');
    if (shown !== expected.annotated) defects.push(`solution line ${at + 1} reads "${shown}", but its template and bindings give "${expected.annotated}"`);
    at += span;
  });
}

/** Whether a rewritten value comes from some whole base value by the variant's rule (the base record pins which). */
function isSomeRewrite(rule: RewriteRule, stated: StatedNumber, value: N.Num): boolean {
  if (rule.variant !== 'digits') return rule.isRewrite(stated, N.floor(value), value);
  const scale = 10 ** stated.digits!.append;
  const scaled = N.div(value, scale);
  return rule.isRewrite(stated, scaled, value) || rule.isRewrite(stated, N.floor(scaled), value);
}

function tryRender<T>(render: () => T, what: string, defects: string[]): T | undefined {
  try {
    return render();
  } catch (error) {
    defects.push(`${what} cannot be rendered with these bindings: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function tryEvaluate(check: CheckedExpr, env: Env, defects: string[]): N.Num | boolean | undefined {
  try {
    return check.expr.evaluate(env);
  } catch (error) {
    defects.push(`"${check.expr.source}" cannot be evaluated with these bindings: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** The slots a variant's records bind: clause and reversed-problem values belong to the base problem's items only. */
export function bindsCoreOnly(kind: GeneratedVariant): boolean {
  return kind === 'digits' || kind === 'decimal' || kind === 'fraction';
}

function envFromBindings(record: ProblemRecord, template: CompiledTemplate, coreOnly: boolean, defects: string[]): Env | null {
  const env: Env = new Array<Value>(template.envSize);
  const expected = new Set(template.slots.filter((slot) => !coreOnly || slot.clause === undefined).map((slot) => slot.name));
  for (const name of Object.keys(record.bindings)) if (!expected.has(name)) defects.push(`binding "${name}" is not one a ${record.variant.kind} item has`);
  const poolOf = new Map<number, Pool>();
  for (const v of template.domain) if (v.domain.pool !== undefined) poolOf.set(v.slot, v.domain.pool);
  for (const c of template.cosmetic) poolOf.set(c.slot, c.pool);
  for (const v of [...template.distractors, ...template.extensions].flatMap((c) => c.sampling.vars)) {
    if (v.domain.pool !== undefined) poolOf.set(v.slot, v.domain.pool);
  }
  for (const slot of template.slots) {
    if (!expected.has(slot.name)) continue;
    const value = record.bindings[slot.name];
    if (value === undefined) {
      defects.push(`binding "${slot.name}" is missing`);
      continue;
    }
    if (slot.kind === 'entity') {
      const entity = poolOf.get(slot.index)?.entries.find((e) => e.name === value);
      if (entity === undefined) defects.push(`binding "${slot.name}" is "${value}", which its pool does not hold`);
      else env[slot.index] = entity;
      continue;
    }
    try {
      env[slot.index] = N.numFrom(value);
    } catch {
      defects.push(`binding "${slot.name}" is ${JSON.stringify(value)}, not an exact number`);
    }
  }
  return defects.length > 0 ? null : env;
}

/**
 * Reads the GSM8K-format solution on its own terms: every <<expr=value>> is
 * exactly right (the verifier's annotation checker decides; our own files
 * allow no rounding), the text after it repeats the value, the annotations
 * match the steps, and the last line is `#### <answer>`.
 */
export function checkSolutionText(record: ProblemRecord): string[] {
  const defects: string[] = [];
  const cut = record.solution.lastIndexOf('\n');
  const last = record.solution.slice(cut + 1);
  if (last !== `#### ${record.answer}`) defects.push(`the solution's last line is "${last}", not "#### ${record.answer}"`);
  const body = cut < 0 ? '' : record.solution.slice(0, cut);
  const annotations = checkAnnotations(body);
  annotations.forEach((a, k) => {
    const where = `solution line ${lineOf(body, a.start)}`;
    if (a.verdict === 'unparseable') defects.push(`${where}: ${a.text} cannot be evaluated (${a.error ?? 'not plain arithmetic'})`);
    else if (a.verdict !== 'exact') defects.push(`${where}: ${a.text} is wrong; ${a.expr} = ${a.value}`);
    if (!body.startsWith(a.claimed, a.end)) defects.push(`${where}: the text after ${a.text} does not repeat ${a.claimed}`);
    const step = record.steps[k];
    if (step !== undefined && (step.expr !== a.expr || step.value !== a.claimed)) {
      defects.push(`${where}: ${a.text} does not match step ${k + 1} (${step.expr}=${step.value})`);
    }
  });
  if (body.split('<<').length - 1 !== annotations.length) defects.push('the solution has a << that is not closed by >> on its line');
  if (annotations.length !== record.steps.length) defects.push(`the solution has ${annotations.length} annotations for ${record.steps.length} steps`);
  return defects;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
