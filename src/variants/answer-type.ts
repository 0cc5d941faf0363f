import * as N from '../exact/num.js';
import type { RecordAnswerType } from '../records/problem.js';

/** What an answer is, read off its value: a record's answer_type describes the item, not the template. */
export function answerTypeOf(value: N.Num | 'unanswerable'): RecordAnswerType {
  if (value === 'unanswerable') return 'unanswerable';
  if (N.isInteger(value)) return 'integer';
  return N.isFiniteDecimal(value) ? 'decimal' : 'fraction';
}
