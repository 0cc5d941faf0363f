import type { ProblemRecord } from '../records/problem.js';

/**
 * What must be unique in a dataset: the question, except that a critical item
 * states one fact fewer than its base, so two sets whose bases differ only in
 * that fact (and share their names) ask the same critical question. Those are
 * kept, each paired with its own base; every other question is unique.
 */
export function uniqueQuestionKey(record: Pick<ProblemRecord, 'id' | 'question' | 'variant'>): string {
  return record.variant.kind === 'critical' ? `critical\u0000${record.id}` : record.question;
}
