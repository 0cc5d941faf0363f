import { canonicalAnswer, findFinalAnswer } from '../import/final-answer.js';
import { stepsOf } from '../import/imported-record.js';
import type { ProblemRecord } from '../records/problem.js';
import { answerMayBeRounded } from '../records/rounded-answer.js';
import { checkAnnotations } from '../verify/annotations.js';

/** Variants whose answer is their base item's: the perturbation changes the wording, never the problem. */
const SAME_ANSWER = new Set(['names', 'noop', 'paraphrase', 'reorder']);

/**
 * Checks an imported record for what can be checked without a template: its
 * answer is the one its `#### ` line states and of the type it says, its
 * steps are its solution's annotations, no annotation is wrong (rounded ones
 * are the source's and pass), an unanswerable answer belongs to a critical
 * (or unpaired) item and a critical item is unanswerable, base and
 * unpaired items are their own base, and only a decimal answer of 2 or more
 * places is marked as possibly rounded. Returns one sentence per defect.
 */
export function checkImportedRecord(record: ProblemRecord): string[] {
  const defects: string[] = [];
  const kind = record.variant.kind;
  const final = findFinalAnswer(record.solution);
  if (final === null) defects.push('the solution has no "#### " line');
  else if (final.canonical !== record.answer) defects.push(`the solution ends in "#### ${final.text}", but the answer is ${record.answer}`);
  const type = canonicalAnswer(record.answer)?.type;
  if (type !== record.answer_type)
    defects.push(`answer_type is ${record.answer_type}, but the answer ${record.answer} is ${type === undefined ? 'not a number' : `of type ${type}`}`);
  if (JSON.stringify(stepsOf(record.solution)) !== JSON.stringify(record.steps)) defects.push("steps do not match the solution's <<expr=value>> annotations");
  for (const annotation of checkAnnotations(record.solution)) {
    if (annotation.verdict === 'wrong') defects.push(`the solution's ${annotation.text} is wrong; ${annotation.expr} = ${annotation.value}`);
  }
  if (record.source?.rounded === true && !answerMayBeRounded(record.answer)) {
    defects.push(`source.rounded marks an answer that may be rounded, but ${record.answer} is not a decimal of 2 or more places`);
  }
  if (kind === 'critical' && record.answer !== 'unanswerable')
    defects.push(`a critical item cannot be answered, so its answer must be unanswerable, not ${record.answer}`);
  if (record.answer === 'unanswerable' && kind !== 'critical' && kind !== 'external')
    defects.push(`only critical (or unpaired external) items are unanswerable, not a ${kind} item`);
  const ownBase = kind === 'base' || kind === 'external';
  if (ownBase && record.base_id !== record.id) defects.push(`a ${kind} item is its own base, but base_id is ${record.base_id}`);
  if (!ownBase && record.base_id === record.id) defects.push(`a ${kind} item needs a base item other than itself`);
  return defects;
}

/** What pairing an imported variant with its base promises, given the base's record. */
export function checkImportedLink(record: ProblemRecord, base: ProblemRecord, baseLine: number): string[] {
  const where = `its base (line ${baseLine})`;
  if (base.variant.kind !== 'base') return [`base_id ${record.base_id} names a ${base.variant.kind} item (line ${baseLine}), not a base item`];
  if (SAME_ANSWER.has(record.variant.kind) && record.answer !== base.answer)
    return [`a ${record.variant.kind} variant must keep the answer of ${where} (${base.answer}), not ${record.answer}`];
  return [];
}
