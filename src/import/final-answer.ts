import { Rational } from '../exact/rational.js';
import type { RecordAnswerType } from '../records/problem.js';

/** Where a GSM8K-format solution states its final answer, and what it says. */
export interface FinalAnswer {
  /** 0-based index of the `####` line in the solution. */
  readonly lineIndex: number;
  /** The text after `####`, trimmed. */
  readonly text: string;
  /** Canonical form (`1000`, `12.5`, `7/3`, `unanswerable`), or null when the text is not a number. */
  readonly canonical: string | null;
  readonly type: RecordAnswerType | null;
}

/** Words that GSM8K-style files use for a question that has no answer (GSM-Plus's critical-thinking items say None). */
const UNANSWERABLE = new Set(['none', 'unanswerable', 'no answer']);

/**
 * Reads a final answer as written after `####`: `1,000`, `$18`, `12.50`,
 * `-3`, `7/3`. Thousands separators must be real groups of three, so `1,5`
 * is not read as 15; a trailing full stop is dropped.
 */
export function canonicalAnswer(text: string): { canonical: string; type: RecordAnswerType } | null {
  let body = text.trim();
  if (UNANSWERABLE.has(body.toLowerCase())) return { canonical: 'unanswerable', type: 'unanswerable' };
  if (body.endsWith('.')) body = body.slice(0, -1);
  let sign = '';
  if (body.startsWith('-')) {
    sign = '-';
    body = body.slice(1);
  }
  if (body.startsWith('$')) body = body.slice(1);
  if (body.includes(',')) {
    if (!/^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$/.test(body)) return null;
    body = body.replaceAll(',', '');
  }
  if (!/^([0-9]+(\.[0-9]+)?|\.[0-9]+|[0-9]+\/[0-9]+)$/.test(body)) return null;
  const value = Rational.parse(sign + body);
  if (value === null) return null;
  return { canonical: value.toCanonical(), type: value.isInteger() ? 'integer' : value.isFiniteDecimal() ? 'decimal' : 'fraction' };
}

/** The last `#### ...` line of a solution, or null when there is none. */
export function findFinalAnswer(solution: string): FinalAnswer | null {
  const lines = solution.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (!line.startsWith('####')) continue;
    const text = line.slice(4).trim();
    const parsed = canonicalAnswer(text);
    return { lineIndex: i, text, canonical: parsed?.canonical ?? null, type: parsed?.type ?? null };
  }
  return null;
}
