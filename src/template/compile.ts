import { ReasonforgeError } from '../errors.js';
import * as N from '../exact/num.js';
import { compileExpression } from '../expr/compile.js';
import type { CompiledExpr, SymbolInfo } from '../expr/types.js';
import type {
  CheckedExpr,
  ClauseSampling,
  CompiledAnswer,
  CompiledTemplate,
  CosmeticVar,
  DerivedValue,
  DomainVar,
  Premise,
  Slot,
  SolutionLine,
} from './compiled.js';
import { PLAIN } from './format.js';
import { checkPoolCapacity, classifyVariables, type Declared } from './classify.js';
import { clausePositions, introductionIndex } from './positions.js';
import type { Pool } from './pools.js';
import type { AnswerSpec, SolutionLineSpec, TemplateSpec, VariableSpec } from './spec.js';
import { compileText, type CompiledText, type TextSymbol } from './text.js';
import { domainOf, type Domain } from './variables.js';

/** Beyond this many domain tuples the permutation's arithmetic would leave exact doubles. */
export const MAX_DOMAIN_SIZE = 2 ** 50;
const DEFAULT_RANGE: readonly [number, number] = [1, 100_000];


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
 * number is stated, where each clause may go. Every problem is reported with
 * the JSON pointer of the part to fix.
 */
export function compileTemplate(spec: TemplateSpec, file: string, pools: ReadonlyMap<string, Pool>, options: CompileOptions = {}): CompiledTemplate {
  const imported = options.rules === 'import';
  const relaxations: string[] = [];
  const fail = (pointer: string, message: string): never => {
    throw new ReasonforgeError('template-invalid', message, { file, pointer });
  };
  const declared = new Map<string, Declared>();
  const declare = (name: string, pointer: string, varSpec?: VariableSpec, clause?: string): Declared => {
    const existing = declared.get(name);
    if (existing !== undefined) fail(pointer, `"${name}" is already declared at ${existing.pointer}`);
    let domain: Domain | undefined;
    if (varSpec !== undefined) {
      try {
        domain = domainOf(varSpec, pools, file, name);
      } catch (error) {
        fail(pointer, error instanceof Error ? error.message : String(error));
      }
    }
    const entry: Declared = { name, pointer, slot: declared.size, ...(varSpec && { spec: varSpec }), ...(domain && { domain }), ...(clause && { clause }) };
    declared.set(name, entry);
    return entry;
  };

  for (const [name, varSpec] of Object.entries(spec.variables)) declare(name, `/variables/${name}`, varSpec);
  for (const name of Object.keys(spec.derived ?? {})) declare(name, `/derived/${name}`);
  const topLevel = [...declared.keys()];
  spec.distractors.forEach((d, i) => {
    for (const [name, varSpec] of Object.entries(d.variables ?? {})) declare(name, `/distractors/${i}/variables/${name}`, varSpec, d.id);
  });
  spec.extensions.forEach((e, i) => {
    for (const [name, varSpec] of Object.entries(e.variables ?? {})) declare(name, `/extensions/${i}/variables/${name}`, varSpec, e.id);
    for (const name of Object.keys(e.derived ?? {})) declare(name, `/extensions/${i}/derived/${name}`, undefined, e.id);
  });
  checkUniqueIds(spec, fail);

  // What each part of the template may see. Names outside the scope read as unknown.
  const visible = new Set<string>(Object.keys(spec.variables));
  const exprResolver = (scope: ReadonlySet<string>) => (name: string): SymbolInfo | undefined => {
    const d = scope.has(name) ? declared.get(name) : undefined;
    if (d === undefined) return undefined;
    if (d.domain?.kind === 'entity') return { slot: d.slot, kind: 'entity', numericFields: d.domain.pool?.numericFields ?? [] };
    return { slot: d.slot, kind: 'num' };
  };
  const textResolver = (scope: ReadonlySet<string>) => (name: string): TextSymbol | undefined => {
    const d = scope.has(name) ? declared.get(name) : undefined;
    if (d === undefined) return undefined;
    if (d.domain?.kind === 'entity') return { kind: 'entity', slot: d.slot, fields: d.domain.pool?.textFields ?? ['name'] };
    return { kind: 'num', slot: d.slot, format: d.domain?.format ?? PLAIN };
  };
  const allExprs: CompiledExpr[] = [];
  const expr = (source: string, pointer: string, scope: ReadonlySet<string>, type: 'num' | 'bool'): CheckedExpr => {
    let compiled: CompiledExpr | undefined;
    try {
      compiled = compileExpression(source, exprResolver(scope));
    } catch (error) {
      const known = [...scope].join(', ');
      fail(pointer, `${error instanceof Error ? error.message : String(error)} (in "${source}"; visible here: ${known})`);
    }
    if (compiled!.type !== type) fail(pointer, `"${source}" must be ${type === 'num' ? 'a number' : 'a true/false condition'}`);
    allExprs.push(compiled!);
    return { expr: compiled!, pointer };
  };
  const text = (source: string, pointer: string, scope: ReadonlySet<string>, calc: 0 | 1): CompiledText => {
    let compiled: CompiledText | undefined;
    try {
      compiled = compileText(source, textResolver(scope));
    } catch (error) {
      fail(pointer, error instanceof Error ? error.message : String(error));
    }
    if (compiled!.calcCount !== calc) {
      fail(pointer, calc === 1 ? 'a solution line needs exactly one {=} where its calculation goes' : '{=} belongs in solution lines only');
    }
    return compiled!;
  };
  const derivedValues = (source: Readonly<Record<string, string>> | undefined, base: string, scope: Set<string>): DerivedValue[] =>
    Object.entries(source ?? {}).map(([name, exprSource]) => {
      const checked = expr(exprSource, `${base}/${name}`, scope, 'num');
      scope.add(name);
      return { ...checked, name, slot: declared.get(name)!.slot };
    });
  const answerOf = (answer: AnswerSpec, pointer: string, scope: ReadonlySet<string>): CompiledAnswer => {
    const [low, high] = answer.range ?? DEFAULT_RANGE;
    const min = N.numFrom(low);
    const max = N.numFrom(high);
    if (N.compare(min, max) > 0) fail(`${pointer}/range`, `the answer range [${low}, ${high}] is empty`);
    return { ...expr(answer.expr, `${pointer}/expr`, scope, 'num'), type: answer.type, places: answer.places ?? 2, min, max };
  };
  const solutionOf = (lines: readonly SolutionLineSpec[], pointer: string, scope: ReadonlySet<string>): SolutionLine[] =>
    lines.map((line, i) => {
      const checked = expr(line.expr, `${pointer}/${i}/expr`, scope, 'num');
      if (checked.expr.operations === 0) fail(`${pointer}/${i}/expr`, `"${line.expr}" computes nothing; a solution line shows one calculation`);
      if (!checked.expr.plainArithmetic) {
        fail(`${pointer}/${i}/expr`, `"${line.expr}" must use only + - * / ^ and parentheses, so its <<...>> annotation can be checked; move functions into a derived value`);
      }
      return { ...checked, text: text(line.text, `${pointer}/${i}/text`, scope, 1) };
    });

  // The base problem.
  const derived = derivedValues(spec.derived, '/derived', visible);
  const constraints = (spec.constraints ?? []).map((c, i) => expr(c, `/constraints/${i}`, visible, 'bool'));
  const premises = spec.premises.map((p, i) => text(p, `/premises/${i}`, visible, 0));
  const question = text(spec.question, '/question', visible, 0);
  const answer = answerOf(spec.answer, '/answer', visible);
  const solution = solutionOf(spec.solution, '/solution', visible);
  const coreScope = new Set(visible);

  const distractorParts = spec.distractors.map((d, i) => {
    const scope = new Set([...coreScope, ...Object.keys(d.variables ?? {})]);
    const pointer = `/distractors/${i}`;
    const constraintsOf = (d.constraints ?? []).map((c, k) => expr(c, `${pointer}/constraints/${k}`, scope, 'bool'));
    return { spec: d, pointer, text: text(d.text, `${pointer}/text`, scope, 0), constraints: constraintsOf };
  });
  const extensionScope = new Set(coreScope);
  const extensionParts = spec.extensions.map((e, i) => {
    const pointer = `/extensions/${i}`;
    for (const name of Object.keys(e.variables ?? {})) extensionScope.add(name);
    const derivedOf = derivedValues(e.derived, `${pointer}/derived`, extensionScope);
    const scope = new Set(extensionScope);
    return {
      spec: e,
      pointer,
      derived: derivedOf,
      constraints: (e.constraints ?? []).map((c, k) => expr(c, `${pointer}/constraints/${k}`, scope, 'bool')),
      text: text(e.text, `${pointer}/text`, scope, 0),
      question: e.question === undefined ? undefined : text(e.question, `${pointer}/question`, scope, 0),
      answer: answerOf(e.answer, `${pointer}/answer`, scope),
      solution: solutionOf(e.solution, `${pointer}/solution`, scope),
    };
  });

  // Classify every variable by how it must be sampled, and insist that each is stated where it belongs.
  const usedInExpr = new Set<string>();
  for (const compiled of allExprs) for (const name of compiled.symbols) usedInExpr.add(name);
  const baseTextUses = new Set([...premises, question].flatMap((t) => t.uses));
  const clauseTexts = new Map<string, CompiledText[]>();
  for (const part of distractorParts) clauseTexts.set(part.spec.id, [part.text]);
  for (const part of extensionParts) clauseTexts.set(part.spec.id, [part.text, ...(part.question ? [part.question] : [])]);
  const anyTextUses = new Set([
    ...baseTextUses,
    ...[...clauseTexts.values()].flat().flatMap((t) => t.uses),
    ...[...solution, ...extensionParts.flatMap((e) => e.solution)].flatMap((line) => line.text.uses),
  ]);

  const origins = classifyVariables(declared, { usedInExpr, baseTextUses, clauseTexts, anyTextUses }, fail, imported ? { relaxations } : undefined);

  const slots: Slot[] = [...declared.values()].map((d) => ({
    name: d.name,
    index: d.slot,
    origin: origins.get(d.name)!,
    kind: d.domain?.kind ?? 'num',
    pointer: d.pointer,
    ...(d.clause !== undefined && { clause: d.clause }),
  }));
  const domain: DomainVar[] = [...declared.values()]
    .filter((d) => origins.get(d.name) === 'domain')
    .map((d) => ({ slot: d.slot, domain: d.domain! }));
  const domainSize = domain.reduce((size, v) => size * v.domain.size, 1);
  if (domainSize > MAX_DOMAIN_SIZE) fail('/variables', `the variables span ${domainSize.toExponential(2)} combinations; narrow some ranges (at most 2^50)`);
  const cosmetic: CosmeticVar[] = [...declared.values()]
    .filter((d) => origins.get(d.name) === 'cosmetic')
    .map((d) => ({ slot: d.slot, pool: d.domain!.pool!, inBaseText: baseTextUses.has(d.name) }));
  checkPoolCapacity(domain, cosmetic, declared, fail);

  const sampling = (id: string, ownVars: readonly string[], derivedOf: DerivedValue[], clauseConstraints: CheckedExpr[]): ClauseSampling => ({
    id,
    vars: ownVars.filter((name) => origins.get(name) === 'clause').map((name) => ({ slot: declared.get(name)!.slot, domain: declared.get(name)!.domain! })),
    derived: derivedOf,
    constraints: clauseConstraints,
  });

  const introducedAt = introductionIndex(premises, topLevel);
  const premiseList: Premise[] = premises.map((p, i) => ({ text: p, introduces: topLevel.filter((name) => introducedAt.get(name) === i) }));
  const positionsOf = (clauseText: CompiledText, after: readonly number[] | undefined, pointer: string, fallback: readonly number[]) => {
    const result = clausePositions(clauseText, after, premises.length, introducedAt, topLevel, fallback);
    if (typeof result === 'string') fail(pointer, result);
    return result as readonly number[];
  };

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
    cosmetic,
    premises: premiseList,
    question,
    answer,
    solution,
    anyIntermediate: spec.intermediate === 'any' || spec.answer.type === 'fraction',
    ...(imported && { imported: { relaxations } }),
    distractors: distractorParts.map((part) => ({
      id: part.spec.id,
      text: part.text,
      after: positionsOf(part.text, part.spec.after, `${part.pointer}/after`, premises.map((_, i) => i)),
      sampling: sampling(part.spec.id, Object.keys(part.spec.variables ?? {}), [], part.constraints),
    })),
    extensions: extensionParts.map((part) => ({
      id: part.spec.id,
      text: part.text,
      after: positionsOf(part.text, part.spec.after, `${part.pointer}/after`, [premises.length - 1]),
      ...(part.question !== undefined && { question: part.question }),
      answer: part.answer,
      solution: part.solution,
      sampling: sampling(part.spec.id, Object.keys(part.spec.variables ?? {}), part.derived, part.constraints),
    })),
  };
}

function checkUniqueIds(spec: TemplateSpec, fail: (pointer: string, message: string) => never): void {
  const seen = new Map<string, string>();
  const check = (id: string, pointer: string) => {
    const previous = seen.get(id);
    if (previous !== undefined) fail(pointer, `the clause id "${id}" is already used at ${previous}`);
    seen.set(id, pointer);
  };
  spec.distractors.forEach((d, i) => check(d.id, `/distractors/${i}/id`));
  spec.extensions.forEach((e, i) => check(e.id, `/extensions/${i}/id`));
}
