import { checkAnnotations, checkSteps } from '../verify/steps.js';
import type { AuditCheckers } from './checker.js';

/**
 * The verifier's checkers: its exact checker of GSM8K annotations, and its
 * step checker for claims in the prose (`32 - 20 = 300`). The audit judges no
 * arithmetic itself, so a file and a model's output are held to one standard.
 */
export const VERIFIER_CHECKERS: AuditCheckers = {
  annotations: (solution) => checkAnnotations(solution),
  prose: (solution) => checkSteps(solution, undefined, { allowRounding: true }).wrong.filter((claim) => !/^<<[^<>]*>>$/.test(claim.text.trim())),
};
