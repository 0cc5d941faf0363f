import { checkOrder } from './check-order.js';
import type { CompiledTemplate, CosmeticVar, DomainVar, Premise, Slot } from './compiled.js';
import { checkPoolCapacity, classifyVariables } from './classify.js';
import { CompileContext, type Fail } from './compile-context.js';
import { compileReverse } from './compile-reverse.js';
import { compileStated } from './compile-stated.js';
import { dependencies } from './dependencies.js';
import { clausePositions, introductionIndex } from './positions.js';
import type { Pool } from './pools.js';
import { premiseText, questionText, type TemplateSpec } from './spec.js';
import type { CompiledText } from './text.js';

/** Beyond this many domain tuples the permutation's arithmetic would leave exact doubles. */
export const MAX_DOMAIN_SIZE = 2 ** 50;

/** How strictly a template is held to the library's rules. */
export interface CompileOptions {
  /**
   * 'import' for templates translated from another project's format
   * (GSM-Symbolic's): rules that keep our own library clean but that a
   * template correct as released may break are relaxed, and each one it
   * breaks is listed in the template's `relaxations` (docs/templates.md).
   */
  readonly rules?: 'library' | 'import';
}

/**
 * Turns a schema-valid template into the engine's model, checking everything
 * that can be checked before sampling: names, scopes, types, where each
 * number is stated, where each clause may go, what each variant may change.
 * Every problem is reported with the JSON pointer of the part to fix.
 */
export function compileTemplate(spec: TemplateSpec, file: string, pools: ReadonlyMap<string, Pool>, options: CompileOptions = {}): CompiledTemplate {
  const imported = options.rules === 'import';
  const relaxations: string[] = [];
  const cx = new CompileContext(file, pools);
  const { fail } = cx;

  for (const [name, varSpec] of Object.entries(spec.variables)) cx.declare(name, `/variables/${name}`, varSpec);
  for (const name of Object.keys(spec.derived ?? {})) cx.declare(name, `/derived/${name}`);
  const topLevel = [...cx.declared.keys()];
  spec.distractors.forEach((d, i) => {
    for (const [name, varSpec] of Object.entries(d.variables ?? {})) cx.declare(name, `/distractors/${i}/variables/${name}`, varSpec, d.id);
  });
  spec.extensions.forEach((e, i) => {
    for (const [name, varSpec] of Object.entries(e.variables ?? {})) cx.declare(name, `/extensions/${i}/variables/${name}`, varSpec, e.id);
    for (const name of Object.keys(e.derived ?? {})) cx.declare(name, `/extensions/${i}/derived/${name}`, undefined, e.id);
  });
  (spec.reverse ?? []).forEach((r, i) => {
    for (const name of Object.keys(r.derived ?? {})) cx.declare(name, `/reverse/${i}/derived/${name}`, undefined, `reverse:${r.id}`);
  });
  cx.answerSlot = cx.declared.size;
  checkUniqueIds(spec, fail);

  // The base problem.
  const visible = new Set<string>(Object.keys(spec.variables));
  const derived = cx.derivedValues(spec.derived, '/derived', visible);
  const constraints = (spec.constraints ?? []).map((c, i) => cx.expr(c, `/constraints/${i}`, visible, 'bool'));
  const premiseTexts = spec.premises.map((p, i) => cx.text(premiseText(p), typeof p === 'string' ? `/premises/${i}` : `/premises/${i}/text`, visible, 0));
  const questionPointer = typeof spec.question === 'string' ? '/question' : '/question/text';
  const question = cx.text(questionText(spec.question), questionPointer, visible, 0);
  const answer = cx.answerOf(spec.answer, '/answer', visible);
  const solution = cx.solutionOf(spec.solution, '/solution', visible, derived);
  const coreScope = new Set(visible);

  const distractorParts = spec.distractors.map((d, i) => {
    const scope = new Set([...coreScope, ...Object.keys(d.variables ?? {})]);
    const pointer = `/distractors/${i}`;
    const constraintsOf = (d.constraints ?? []).map((c, k) => cx.expr(c, `${pointer}/constraints/${k}`, scope, 'bool'));
    return { spec: d, pointer, text: cx.text(d.text, `${pointer}/text`, scope, 0), constraints: constraintsOf };
  });
  const extensionScope = new Set(coreScope);
  const extensionParts = spec.extensions.map((e, i) => {
    const pointer = `/extensions/${i}`;
    for (const name of Object.keys(e.variables ?? {})) extensionScope.add(name);
    const derivedOf = cx.derivedValues(e.derived, `${pointer}/derived`, extensionScope);
    const scope = new Set(extensionScope);
    return {
      spec: e,
      pointer,
      derived: derivedOf,
      constraints: (e.constraints ?? []).map((c, k) => cx.expr(c, `${pointer}/constraints/${k}`, scope, 'bool')),
      text: cx.text(e.text, `${pointer}/text`, scope, 0),
      question: e.question === undefined ? undefined : cx.text(e.question, `${pointer}/question`, scope, 0),
      answer: cx.answerOf(e.answer, `${pointer}/answer`, scope),
      solution: cx.solutionOf(e.solution, `${pointer}/solution`, scope, [...derived, ...derivedOf]),
    };
  });

  const paraphrases = spec.premises.map((p, i) =>
    compileParaphrases(cx, typeof p === 'string' ? [] : (p.paraphrases ?? []), `/premises/${i}/paraphrases`, premiseTexts[i]!, coreScope),
  );
  const questionParaphrases = compileParaphrases(
    cx,
    typeof spec.question === 'string' ? [] : (spec.question.paraphrases ?? []),
    '/question/paraphrases',
    question,
    coreScope,
  );
  const dependsOn = dependencies(cx.declared, [...derived, ...extensionParts.flatMap((e) => e.derived)]);
  const reverseParts = (spec.reverse ?? []).map((r, i) =>
    compileReverse(cx, r, `/reverse/${i}`, { premises: premiseTexts, question, coreScope, dependsOn, answer }),
  );

  // Classify every variable by how it must be sampled, and insist that each is stated where it belongs.
  const usedInExpr = new Set<string>();
  for (const compiled of cx.allExprs) for (const name of compiled.symbols) usedInExpr.add(name);
  const baseTextUses = new Set([...premiseTexts, question].flatMap((t) => t.uses));
  const clauseTexts = new Map<string, CompiledText[]>();
  for (const part of distractorParts) clauseTexts.set(part.spec.id, [part.text]);
  for (const part of extensionParts) clauseTexts.set(part.spec.id, [part.text, ...(part.question ? [part.question] : [])]);
  const anyTextUses = new Set([
    ...baseTextUses,
    ...[...clauseTexts.values()].flat().flatMap((t) => t.uses),
    ...[...solution, ...extensionParts.flatMap((e) => e.solution), ...reverseParts.flatMap((r) => r.solution)].flatMap((line) => line.text.uses),
    ...reverseParts.flatMap((r) => [...r.premises, r.given, r.question]).flatMap((t) => t.uses),
  ]);

  const origins = classifyVariables(cx.declared, { usedInExpr, baseTextUses, clauseTexts, anyTextUses }, fail, imported ? { relaxations } : undefined);

  const slots: Slot[] = [...cx.declared.values()].map((d) => ({
    name: d.name,
    index: d.slot,
    origin: origins.get(d.name)!,
    kind: d.domain?.kind ?? 'num',
    pointer: d.pointer,
    ...(d.clause !== undefined && { clause: d.clause }),
  }));
  const domain: DomainVar[] = [...cx.declared.values()].filter((d) => origins.get(d.name) === 'domain').map((d) => ({ slot: d.slot, domain: d.domain! }));
  const domainSize = domain.reduce((size, v) => size * v.domain.size, 1);
  if (domainSize > MAX_DOMAIN_SIZE) fail('/variables', `the variables span ${domainSize.toExponential(2)} combinations; narrow some ranges (at most 2^50)`);
  const cosmetic: CosmeticVar[] = [...cx.declared.values()]
    .filter((d) => origins.get(d.name) === 'cosmetic')
    .map((d) => ({ slot: d.slot, pool: d.domain!.pool!, inBaseText: baseTextUses.has(d.name) }));
  checkPoolCapacity(domain, cosmetic, cx.declared, fail);

  const sampling = (id: string, ownVars: readonly string[], derivedOf: CompiledTemplate['derived'], clauseConstraints: CompiledTemplate['constraints']) => ({
    id,
    vars: ownVars
      .filter((name) => origins.get(name) === 'clause')
      .map((name) => ({ slot: cx.declared.get(name)!.slot, domain: cx.declared.get(name)!.domain! })),
    derived: derivedOf,
    constraints: clauseConstraints,
    checks: checkOrder(derivedOf, clauseConstraints),
  });

  const introducedAt = introductionIndex(premiseTexts, topLevel);
  const premises: Premise[] = premiseTexts.map((p, i) => ({
    text: p,
    introduces: topLevel.filter((name) => introducedAt.get(name) === i),
    paraphrases: paraphrases[i]!,
    follows: followsOf(spec.premises[i]!, i, fail),
    opens: i === 0 || (typeof spec.premises[i] !== 'string' && (spec.premises[i] as { opens?: boolean }).opens === true),
    removable: typeof spec.premises[i] === 'string' || (spec.premises[i] as { removable?: false }).removable !== false,
  }));
  const positionsOf = (clauseText: CompiledText, after: readonly number[] | undefined, pointer: string, fallback: readonly number[]) => {
    const result = clausePositions(clauseText, after, premiseTexts.length, introducedAt, topLevel, fallback);
    if (typeof result === 'string') fail(pointer, result);
    return result as readonly number[];
  };
  const statedNames = [...cx.declared.values()].filter((d) => origins.get(d.name) === 'domain' && d.domain!.kind === 'num');
  const baseTexts = [...premiseTexts, ...paraphrases.flat(), question, ...questionParaphrases, ...solution.map((l) => l.text)];
  const stated = statedNames.map((d) => compileStated(cx, d, spec.variables[d.name]!, baseTexts, coreScope));

  return {
    id: spec.id,
    version: spec.version,
    topic: spec.topic,
    tags: spec.tags ?? [],
    file,
    spec,
    slots,
    domain,
    domainSize,
    derived,
    constraints,
    coreChecks: checkOrder(derived, constraints),
    cosmetic,
    premises,
    question,
    answer,
    solution,
    anyIntermediate: spec.intermediate === 'any' || spec.answer.type === 'fraction',
    ...(imported && { imported: { relaxations } }),
    distractors: distractorParts.map((part) => ({
      id: part.spec.id,
      text: part.text,
      after: positionsOf(
        part.text,
        part.spec.after,
        `${part.pointer}/after`,
        premiseTexts.map((_, i) => i),
      ),
      sampling: sampling(part.spec.id, Object.keys(part.spec.variables ?? {}), [], part.constraints),
    })),
    extensions: extensionParts.map((part) => ({
      id: part.spec.id,
      text: part.text,
      after: positionsOf(part.text, part.spec.after, `${part.pointer}/after`, [premiseTexts.length - 1]),
      ...(part.question !== undefined && { question: part.question }),
      answer: part.answer,
      solution: part.solution,
      sampling: sampling(part.spec.id, Object.keys(part.spec.variables ?? {}), part.derived, part.constraints),
    })),
    stated,
    questionParaphrases,
    reverse: reverseParts.map((r) => ({ ...r, unknown: stated.find((s) => s.name === r.unknownName)! })),
    dependsOn,
    answerSlot: cx.answerSlot,
    envSize: cx.answerSlot + 1,
  };
}

/** Paraphrases state the same facts as the original: the same variables, in other words. */
function compileParaphrases(
  cx: CompileContext,
  sources: readonly string[],
  pointer: string,
  original: CompiledText,
  scope: ReadonlySet<string>,
): CompiledText[] {
  return sources.map((source, k) => {
    const compiled = cx.text(source, `${pointer}/${k}`, scope, 0);
    const missing = original.uses.filter((name) => !compiled.uses.includes(name));
    const extra = compiled.uses.filter((name) => !original.uses.includes(name));
    if (missing.length > 0 || extra.length > 0) {
      const what = [missing.length > 0 && `leaves out ${missing.join(', ')}`, extra.length > 0 && `adds ${extra.join(', ')}`].filter(Boolean).join(' and ');
      cx.fail(`${pointer}/${k}`, `a paraphrase states the same facts as the original, but this one ${what}`);
    }
    if (source === original.source) cx.fail(`${pointer}/${k}`, 'the paraphrase is the original text');
    return compiled;
  });
}

function followsOf(premise: TemplateSpec['premises'][number], index: number, fail: Fail): number[] {
  const follows = typeof premise === 'string' ? [] : [...(premise.follows ?? [])];
  for (const earlier of follows) {
    if (earlier >= index) fail(`/premises/${index}/follows`, `premise ${index} can only follow premises written before it, not ${earlier}`);
  }
  return follows.sort((a, b) => a - b);
}

function checkUniqueIds(spec: TemplateSpec, fail: Fail): void {
  const seen = new Map<string, string>();
  const check = (id: string, pointer: string) => {
    const previous = seen.get(id);
    if (previous !== undefined) fail(pointer, `the clause id "${id}" is already used at ${previous}`);
    seen.set(id, pointer);
  };
  spec.distractors.forEach((d, i) => check(d.id, `/distractors/${i}/id`));
  spec.extensions.forEach((e, i) => check(e.id, `/extensions/${i}/id`));
  (spec.reverse ?? []).forEach((r, i) => check(r.id, `/reverse/${i}/id`));
}
