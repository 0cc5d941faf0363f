import { checkSteps, equivalent, verify, type VerifyOptions } from '../verify/index.js';
import type { Judge } from './judge.js';

/**
 * The real verifier (src/verify) as scoring's Judge: verify() extracts and
 * compares, checkSteps() decides CoT validity, equivalent() groups extracted
 * answers into classes for maj@k. All three are total, so scoring never
 * stops on a strange output. A reference the record marks as possibly
 * rounded is verified with `reference: 'rounded'`.
 */
export function verifierJudge(options: VerifyOptions = {}): Judge {
  // Built once: a reward loop judges millions of samples.
  const roundedReference: VerifyOptions = { ...options, reference: 'rounded' };
  return {
    judge(output, expected, reference = 'exact') {
      const verdict = verify(output, expected, reference === 'rounded' ? roundedReference : options);
      return { correct: verdict.correct, extracted: verdict.extracted };
    },
    stepsValid: (output) => checkSteps(output).valid,
    sameAnswer: (a, b) => equivalent(a, b, options),
    recipe: { module: import.meta.url, factory: 'verifierJudge', options },
  };
}
