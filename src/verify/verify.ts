import type { ParsedAnswer } from './answer.js';
import { compareParsed, type EquivalenceOptions, type MatchReason } from './equivalent.js';
import { answerOfCached } from './expected.js';
import { extractParsed, type ExtractionStrategy, type ExtractOptions } from './extract.js';
import { findUnanswerablePhrase } from './unanswerable.js';

export interface VerifyOptions extends ExtractOptions, EquivalenceOptions {}

/** The extraction rules, plus the phrase search that finds "cannot be determined" in prose. */
export type VerdictStrategy = ExtractionStrategy | 'unanswerable-phrase';

/** Why the verdict is what it is: how the answers matched, or why they did not. */
export type VerdictReason = MatchReason | 'no-answer' | 'internal-error';

export interface Verdict {
  readonly correct: boolean;
  /** The normalised extracted answer, or null when none was found. */
  readonly extracted: string | null;
  readonly strategy: VerdictStrategy | null;
  readonly reason: VerdictReason;
}

const UNANSWERABLE: ParsedAnswer = { kind: 'unanswerable' };

/**
 * Extracts the final answer of `output` and compares it with `expected`.
 * Total: any strings (or any values at all) in, a verdict out, never an
 * exception, in time linear in the length of the output.
 *
 * When no marker rule fires (only the last-math or last-number fallback, or nothing), a
 * phrase such as "cannot be determined" or "not enough information" counts as
 * the answer `unanswerable` if it comes after the last number: the model's
 * last word wins.
 */
export function verify(output: string, expected: string, options: VerifyOptions = {}): Verdict {
  try {
    const text = typeof output === 'string' ? output : output === null || output === undefined ? '' : String(output);
    const reference = answerOfCached(typeof expected === 'string' ? expected : String(expected), { decimalComma: options.decimalComma === true, math: true });
    let found = extractParsed(text, options);
    let answer = found?.answer ?? null;
    let extracted = found?.extracted.value ?? null;
    let strategy: VerdictStrategy | null = found?.extracted.strategy ?? null;
    if (found === null || strategy === 'last-number' || strategy === 'last-math') {
      const phrase = text.length > 0 ? findUnanswerablePhrase(text) : null;
      if (phrase !== null && (found === null || phrase.end > found.extracted.start)) {
        answer = UNANSWERABLE;
        extracted = 'unanswerable';
        strategy = 'unanswerable-phrase';
        found = null;
      }
    }
    if (answer === null) return { correct: false, extracted: null, strategy: null, reason: 'no-answer' };
    const match = compareParsed(answer, reference, options);
    return { correct: match.equivalent, extracted, strategy, reason: match.reason };
  } catch {
    return { correct: false, extracted: null, strategy: null, reason: 'internal-error' };
  }
}
