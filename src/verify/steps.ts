import { findClaimsInView, type Claim } from './claims.js';
import { referenceValues, type ReferenceValues } from './reference.js';
import { mathView } from './view.js';

export { checkAnnotations, findAnnotations, type AnnotationCheck, type AnnotationSpan } from './annotations.js';
export { findClaims, type Claim, type ClaimVerdict, type FindClaimsResult } from './claims.js';
export type { ReferenceValues } from './reference.js';

/**
 * The step checker behind CoT-pass@k: an answer counts only if the
 * arithmetic that led to it holds. Reads the claims in a chain of thought
 * (findClaims) and reports every wrong one with its position; given an item,
 * also whether the item's reference intermediate values appear.
 */
export interface StepItem {
  /** Reference steps; `value` is canonical (`42`, `12.5`, `7/3`). */
  readonly steps?: ReadonlyArray<{ readonly value: string }>;
}

export interface StepCheckOptions {
  /**
   * Accept a claimed value that is the exact value rounded (or truncated) to
   * the decimals it shows, at least one decimal (10/3 = 3.33). Default true.
   * An integer is never accepted as a rounding unless the claim says ≈.
   */
  readonly allowRounding?: boolean;
}

export interface WrongStep {
  /** The claim as it stands in the output. */
  readonly text: string;
  /** The computation. */
  readonly expr: string;
  /** The value the output claims. */
  readonly claimed: string;
  /** The exact value of `expr`. */
  readonly actual: string;
  readonly start: number;
  readonly end: number;
}

export interface StepCheck {
  /** Arithmetic claims read (prose claims restating an annotation count once). */
  readonly claims: number;
  readonly wrong: WrongStep[];
  /** Claims accepted as roundings or truncations, listed so they are not silent. */
  readonly rounded: WrongStep[];
  /** No wrong claim (an output with no claims is valid). */
  readonly valid: boolean;
  /** More claims than the checker reads; `valid` covers only those read. */
  readonly truncated: boolean;
  readonly referenceValuesFound?: ReferenceValues;
}

function step(claim: Claim): WrongStep {
  return { text: claim.text, expr: claim.expr, claimed: claim.claimed, actual: claim.actual, start: claim.start, end: claim.end };
}

export function checkSteps(output: string, item?: StepItem, options: StepCheckOptions = {}): StepCheck {
  const text = typeof output === 'string' ? output : '';
  const allowRounding = options.allowRounding ?? true;
  const view = mathView(text);
  let found: ReturnType<typeof findClaimsInView>;
  try {
    found = findClaimsInView(text, view);
  } catch {
    found = { claims: [], truncated: true }; // a last guard for totality; no known input gets here
  }
  const wrong: WrongStep[] = [];
  const rounded: WrongStep[] = [];
  for (const claim of found.claims) {
    if (claim.verdict === 'wrong') wrong.push(step(claim));
    else if (claim.verdict === 'rounded' || claim.verdict === 'truncated') {
      // Annotations carry no ≈, so the integer rule applies to them as to prose.
      const acceptable = allowRounding && (claim.approximate || (claim.places ?? 0) >= 1);
      (acceptable ? rounded : wrong).push(step(claim));
    }
  }
  const result: StepCheck = { claims: found.claims.length, wrong, rounded, valid: wrong.length === 0, truncated: found.truncated };
  if (item?.steps === undefined) return result;
  return { ...result, referenceValuesFound: referenceValues(view, item.steps) };
}
