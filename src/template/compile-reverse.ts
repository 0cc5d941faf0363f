import { ANSWER_NAME, type CompileContext } from './compile-context.js';
import type { CompiledAnswer, Reverse } from './compiled.js';
import { inputsOf } from './dependencies.js';
import type { ReverseSpec } from './spec.js';
import type { CompiledText } from './text.js';

interface BaseParts {
  readonly premises: readonly CompiledText[];
  readonly question: CompiledText;
  readonly coreScope: ReadonlySet<string>;
  readonly dependsOn: ReadonlyMap<string, ReadonlySet<string>>;
  readonly answer: CompiledAnswer;
}

export type CompiledReverse = Omit<Reverse, 'unknown'> & { readonly unknownName: string };

/**
 * Compiles a reversed problem. Its texts and solution see every base name
 * except the unknown and what is computed from it (hidden, so no text can
 * state them and no step can read them), plus the base answer as `answer`.
 * Every other number the base states must still be stated: the reversed
 * problem gives everything but the unknown.
 */
export function compileReverse(cx: CompileContext, spec: ReverseSpec, pointer: string, base: BaseParts): CompiledReverse {
  const unknown = cx.declared.get(spec.unknown);
  if (unknown === undefined || unknown.clause !== undefined || unknown.domain?.kind !== 'num') {
    cx.fail(`${pointer}/unknown`, `"${spec.unknown}" is not a number the base problem draws and states`);
  }
  if (!inputsOf(base.answer.expr.symbols, base.dependsOn).has(spec.unknown)) {
    cx.fail(`${pointer}/unknown`, `the answer does not depend on "${spec.unknown}", so the answer cannot give it back`);
  }
  const hidden = new Set([spec.unknown, ...[...base.dependsOn].filter(([, inputs]) => inputs.has(spec.unknown)).map(([name]) => name)]);
  const scope = new Set([...base.coreScope].filter((name) => !hidden.has(name)));
  scope.add(ANSWER_NAME);

  const replacements = spec.premises ?? {};
  for (const key of Object.keys(replacements)) {
    if (Number(key) >= base.premises.length) cx.fail(`${pointer}/premises/${key}`, `there is no premise ${key} (there are ${base.premises.length})`);
  }
  const premises = base.premises.map((premise, i) => {
    const replacement = replacements[String(i)];
    if (replacement !== undefined) return cx.text(replacement, `${pointer}/premises/${i}`, scope, 0);
    const states = premise.uses.filter((name) => hidden.has(name));
    if (states.length > 0)
      cx.fail(`${pointer}/premises`, `premise ${i} states ${states.join(', ')}, which the reversed problem must not give; add a replacement for it`);
    return premise;
  });
  const given = cx.text(spec.given, `${pointer}/given`, scope, 0);
  if (!given.uses.includes(ANSWER_NAME)) cx.fail(`${pointer}/given`, `the given sentence must state the base answer as {${ANSWER_NAME}}`);
  const after = spec.after ?? base.premises.length - 1;
  if (after >= base.premises.length) cx.fail(`${pointer}/after`, `there is no premise ${after} (there are ${base.premises.length})`);
  const question = cx.text(spec.question, `${pointer}/question`, scope, 0);
  const derived = cx.derivedValues(spec.derived, `${pointer}/derived`, scope);
  const solution = cx.solutionOf(spec.solution, `${pointer}/solution`, scope, derived);

  const told = new Set([...premises, given, question].flatMap((t) => t.uses));
  const unstated = [...base.coreScope].filter((name) => {
    const d = cx.declared.get(name);
    return (
      d?.domain?.kind === 'num' &&
      d.clause === undefined &&
      name !== spec.unknown &&
      [...base.premises, base.question].some((t) => t.uses.includes(name)) &&
      !told.has(name)
    );
  });
  if (unstated.length > 0) cx.fail(pointer, `the reversed problem no longer states ${unstated.join(', ')}; every given of the base must stay in it`);
  return { id: spec.id, pointer, unknownName: spec.unknown, premises, given, after, question, derived, solution };
}
