/**
 * What the audit needs from an annotation checker: every `<<expr=value>>` of
 * a solution with its exact value and a verdict. The verifier's
 * checkAnnotations (src/verify/steps.ts) has exactly this shape; the audit
 * takes it as a parameter so that its file handling and findings are tested
 * on their own, and so the one checker of GSM8K arithmetic is the verifier's.
 */
export type AnnotationVerdict = 'exact' | 'rounded' | 'truncated' | 'wrong' | 'unparseable';

export interface CheckedAnnotation {
  /** Offsets of the whole `<<...>>` in the solution. */
  readonly start: number;
  readonly end: number;
  /** The annotation as written, brackets included. */
  readonly text: string;
  readonly expr: string;
  readonly claimed: string;
  /** The exact value of `expr`, canonical, or null when it does not evaluate. */
  readonly value: string | null;
  readonly verdict: AnnotationVerdict;
  /** Why an annotation is unparseable. */
  readonly error?: string;
}

export type AnnotationChecker = (solution: string) => readonly CheckedAnnotation[];

/** A wrong arithmetic claim in the prose of a solution (`32 - 20 = 300`), as the verifier's step checker reports it. */
export interface ProseClaim {
  readonly text: string;
  readonly actual: string;
}

export interface AuditCheckers {
  readonly annotations: AnnotationChecker;
  /** Optional: wrong claims in the prose around the annotations, reported as observations. */
  readonly prose?: (solution: string) => readonly ProseClaim[];
}
