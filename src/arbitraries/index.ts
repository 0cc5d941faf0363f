/**
 * `reasonforge/arbitraries`: fast-check arbitraries for property-testing
 * answer verifiers, ours or anyone's. Requires fast-check (a peer dependency).
 */
export {
  canonicalAnswerArb,
  equivalentAnswerArb,
  wrongAnswerArb,
  nearMisses,
  wrapperArb,
  valueOf,
  UNANSWERABLE,
  type AnswerValue,
  type AnswerTextOptions,
  type NearMiss,
} from './answers.js';
export { completionArb, type CompletionItem, type CompletionOptions } from './completion.js';
export { exactForms, percentForms, groupThousands, UNANSWERABLE_FORMS, type SurfaceForm } from './forms.js';
