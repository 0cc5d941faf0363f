import * as N from '../exact/num.js';
import type { Env, Value } from '../expr/types.js';
import { assembleQuestion, clauseText, renderPremises, variantShape } from '../engine/shape.js';
import { GENERATED_VARIANTS } from '../engine/variants.js';
import type { ProblemRecord } from '../records/problem.js';
import type { CheckedExpr, CompiledTemplate, DerivedValue } from '../template/compiled.js';
import type { Pool } from '../template/pools.js';
import { checkAnnotations } from '../verify/annotations.js';

/**
 * Checks one generated record against its template, from its bindings alone:
 * the bindings are complete and consistent, the constraints hold, every step
 * and the answer recompute exactly, the question re-renders to the same text,
 * and every <<expr=value>> annotation is arithmetically right. Returns one
 * sentence per defect; an empty list means the record is sound.
 */
export function checkRecord(record: ProblemRecord, template: CompiledTemplate): string[] {
  const defects: string[] = [];
  if (record.template?.version !== template.version) {
    return [`made by version ${record.template?.version} of template "${template.id}", but version ${template.version} is loaded; regenerate it or load the templates it came from`];
  }
  const kind = record.variant.kind;
  if (!(GENERATED_VARIANTS as readonly string[]).includes(kind)) return [`templates do not make the variant "${kind}"`];

  const env = envFromBindings(record, template, defects);
  if (env === null) return defects;
  const recompute = (derived: readonly DerivedValue[]) => {
    for (const d of derived) {
      const value = tryEvaluate(d, env, defects) as N.Num | undefined;
      if (value === undefined) continue;
      if (!N.equals(value, env[d.slot] as N.Num)) defects.push(`binding "${d.name}" is ${N.canonical(env[d.slot] as N.Num)}, but "${d.expr.source}" gives ${N.canonical(value)}`);
    }
  };
  const holds = (constraints: readonly CheckedExpr[]) => {
    for (const c of constraints) if (tryEvaluate(c, env, defects) === false) defects.push(`the constraint "${c.expr.source}" does not hold`);
  };
  recompute(template.derived);
  holds(template.constraints);
  for (const d of template.distractors) holds(d.sampling.constraints);
  for (const e of template.extensions) {
    recompute(e.sampling.derived);
    holds(e.sampling.constraints);
  }

  const shape = variantShape(template, kind);
  if (shape.extensions > template.extensions.length) return [...defects, `template "${template.id}" has no extension for the ${kind} variant`];
  const answer = tryEvaluate(shape.answer, env, defects) as N.Num | undefined;
  if (answer !== undefined && N.canonical(answer) !== record.answer) defects.push(`the answer is ${record.answer}, but "${shape.answer.expr.source}" gives ${N.canonical(answer)}`);
  if (record.answer_type !== shape.answer.type) defects.push(`answer_type is ${record.answer_type}, but the template says ${shape.answer.type}`);

  if (record.steps.length !== shape.lines.length) {
    defects.push(`${record.steps.length} steps, but the solution has ${shape.lines.length} lines`);
  } else {
    shape.lines.forEach((line, i) => {
      const value = tryEvaluate(line, env, defects) as N.Num | undefined;
      const step = record.steps[i]!;
      if (value !== undefined && N.canonical(value) !== step.value) defects.push(`step ${i + 1} says ${step.value}, but "${line.expr.source}" gives ${N.canonical(value)}`);
      if (step.expr !== line.expr.display(env, false)) defects.push(`step ${i + 1} shows "${step.expr}", but its bindings give "${line.expr.display(env, false)}"`);
    });
  }

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

  defects.push(...checkSolutionText(record));
  return defects;
}

function tryEvaluate(check: CheckedExpr, env: Env, defects: string[]): N.Num | boolean | undefined {
  try {
    return check.expr.evaluate(env);
  } catch (error) {
    defects.push(`"${check.expr.source}" cannot be evaluated with these bindings: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function envFromBindings(record: ProblemRecord, template: CompiledTemplate, defects: string[]): Env | null {
  const env: Env = new Array<Value>(template.slots.length);
  const poolOf = new Map<number, Pool>();
  for (const v of template.domain) if (v.domain.pool !== undefined) poolOf.set(v.slot, v.domain.pool);
  for (const c of template.cosmetic) poolOf.set(c.slot, c.pool);
  for (const v of [...template.distractors, ...template.extensions].flatMap((c) => c.sampling.vars)) {
    if (v.domain.pool !== undefined) poolOf.set(v.slot, v.domain.pool);
  }
  for (const slot of template.slots) {
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
