import type { CompiledAnswer, CompiledTemplate, SolutionLine } from '../template/compiled.js';
import type { CompiledText } from '../template/text.js';
import type { Env } from '../expr/types.js';
import type { InsertedClause, VariantId } from '../records/problem.js';

/** What a variant asks and how it is solved: the question sentence, the solution lines and the answer they end in. */
export interface VariantShape {
  readonly question: CompiledText;
  readonly lines: readonly SolutionLine[];
  readonly answer: CompiledAnswer;
  /** How many extension clauses it adds (p1: 1, p2: 2). */
  readonly extensions: number;
}

/** The variants that are the base problem as written, with clauses inserted or none: made by variantShape, not composed. */
export type ClauseVariant = 'base' | 'names' | 'numbers' | 'noop' | 'p1' | 'p2';

export function isClauseVariant(kind: VariantId): kind is ClauseVariant {
  return kind === 'base' || kind === 'names' || kind === 'numbers' || kind === 'noop' || kind === 'p1' || kind === 'p2';
}

export function variantShape(template: CompiledTemplate, kind: VariantId): VariantShape {
  const count = kind === 'p1' ? 1 : kind === 'p2' ? 2 : 0;
  let question = template.question;
  let lines: readonly SolutionLine[] = template.solution;
  let answer = template.answer;
  for (let i = 0; i < count; i++) {
    const extension = template.extensions[i]!;
    question = extension.question ?? question;
    lines = [...lines, ...extension.solution];
    answer = extension.answer;
  }
  return { question, lines, answer, extensions: count };
}

/** The text a clause contributes, found by its kind and id. */
export function clauseText(template: CompiledTemplate, clause: Pick<InsertedClause, 'kind' | 'id'>): CompiledText | undefined {
  const list = clause.kind === 'distractor' ? template.distractors : template.extensions;
  return list.find((c) => c.id === clause.id)?.text;
}

/**
 * The question as one string: the premises in order, each inserted clause
 * right after the premise it follows (in the order given), then the question
 * sentence. Generation and validation both build questions here.
 */
export function assembleQuestion(premises: readonly string[], inserted: readonly { after: number; text: string }[], question: string): string {
  const sentences: string[] = [];
  let next = 0;
  premises.forEach((premise, index) => {
    sentences.push(premise);
    while (next < inserted.length && inserted[next]!.after === index) sentences.push(inserted[next++]!.text);
  });
  sentences.push(question);
  return sentences.join(' ');
}

export function renderPremises(template: CompiledTemplate, env: Env): string[] {
  return template.premises.map((p) => p.text.render(env));
}
