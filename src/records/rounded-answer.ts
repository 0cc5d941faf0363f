import type { ReferenceForm } from '../verify/match.js';
import { MIN_ROUNDED_REFERENCE_PLACES } from '../verify/rounded-reference.js';
import type { ProblemRecord } from './problem.js';

/**
 * Whether a canonical answer is one a source may have rounded: a decimal with
 * at least as many places as the verifier reads as possibly rounded (4.33,
 * not 4.5 or 12). Such answers of a source known to round are marked
 * `source.rounded` on import.
 */
export function answerMayBeRounded(canonical: string): boolean {
  const point = canonical.indexOf('.');
  return point >= 0 && canonical.length - point - 1 >= MIN_ROUNDED_REFERENCE_PLACES && /^-?[0-9]+\.[0-9]+$/.test(canonical);
}

/** How the verifier must read a record's answer: rounded when the record says its source may have rounded it. */
export function referenceFormOf(record: Pick<ProblemRecord, 'source'>): ReferenceForm {
  return record.source?.rounded === true ? 'rounded' : 'exact';
}
