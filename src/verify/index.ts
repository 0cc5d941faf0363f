/**
 * The verifier: answer extraction, exact and symbolic equivalence, step
 * checks. Every function here is total: any input, a result, no exception.
 */
export { verify, type Verdict, type VerdictReason, type VerdictStrategy, type VerifyOptions } from './verify.js';
export { extractAnswer, EXTRACTION_STRATEGIES, type ExtractedAnswer, type ExtractionStrategy, type ExtractOptions } from './extract.js';
export {
  parseAnswer,
  normalizeAnswer,
  renderAnswer,
  MAX_ANSWER_LENGTH,
  type ParsedAnswer,
  type NumberAnswer,
  type ExpressionAnswer,
  type TupleAnswer,
  type SetAnswer,
  type TextAnswer,
  type ParseAnswerOptions,
} from './answer.js';
export { equivalent, compareAnswers, compareParsed, type EquivalenceOptions, type Match, type MatchReason, type ReferenceForm } from './equivalent.js';
export { MIN_ROUNDED_REFERENCE_PLACES } from './rounded-reference.js';
export {
  checkSteps,
  checkAnnotations,
  findAnnotations,
  findClaims,
  type StepCheck,
  type StepCheckOptions,
  type StepItem,
  type WrongStep,
  type ReferenceValues,
  type AnnotationCheck,
  type AnnotationSpan,
  type Claim,
  type ClaimVerdict,
  type FindClaimsResult,
} from './steps.js';
export type { ClaimAccuracy } from './approximation.js';
export { UNANSWERABLE_PHRASES, findUnanswerablePhrase, isUnanswerableAnswer } from './unanswerable.js';
export { latexToPlain } from './latex.js';
export type { Expr } from './expression.js';
