import type { ProblemRecord } from '../records/problem.js';

/**
 * Answer-extraction patterns in the style of lm-evaluation-harness's gsm8k
 * task, widened only as far as the answers in the data need: a `/` when some
 * answer is a fraction (`7/3` would otherwise be read as `7`), and the word
 * `unanswerable` when some item has no answer. Without either, the patterns
 * are the harness's own.
 */
export interface AnswerPatterns {
  readonly strict: string;
  readonly flexible: string;
  readonly fractions: boolean;
  readonly unanswerable: boolean;
}

export function answerPatterns(records: readonly ProblemRecord[]): AnswerPatterns {
  const fractions = records.some((r) => r.answer_type === 'fraction');
  const unanswerable = records.some((r) => r.answer_type === 'unanswerable');
  const digits = fractions ? '[0-9\\.\\,/]' : '[0-9\\.\\,]';
  const strictNumber = `\\-?${digits}+`;
  const strict = `#### (${unanswerable ? `${strictNumber}|unanswerable` : strictNumber})`;
  const flexibleNumber = fractions ? '(-?[$0-9.,]{2,}(?:/[0-9]+)?)|(-?[0-9]+(?:/[0-9]+)?)' : '(-?[$0-9.,]{2,})|(-?[0-9]+)';
  const flexible = unanswerable ? `${flexibleNumber}|(unanswerable)` : flexibleNumber;
  return { strict, flexible, fractions, unanswerable };
}

/** What exact_match ignores, as the harness's gsm8k task: commas, dollar signs, everything up to `#### `, a final full stop. */
export const REGEXES_TO_IGNORE = [',', '\\$', '(?s).*#### ', '\\.$'] as const;
