import { tryEvaluateArithmetic, type ArithmeticErrorKind } from '../exact/arith.js';
import { claimAccuracy, decimalsShown, type ClaimAccuracy } from './approximation.js';

/**
 * GSM8K calculator annotations: `<<16-3-4=9>>` in a solution says that
 * 16-3-4 evaluates to 9. This checks every one of them exactly.
 */
export interface AnnotationSpan {
  /** Offsets of the whole `<<...>>` in the text. */
  readonly start: number;
  readonly end: number;
}

export interface AnnotationCheck extends AnnotationSpan {
  /** The whole annotation as written, with its angle brackets. */
  readonly text: string;
  /** What is computed: the part before the last `=`. */
  readonly expr: string;
  /** What it is claimed to equal: the part after the last `=`. */
  readonly claimed: string;
  /** The exact value of `expr` in canonical form (`42`, `12.5`, `7/3`), or null when it does not evaluate. */
  readonly value: string | null;
  /**
   * `exact`, `rounded` (the exact value rounded half away from zero to the
   * decimals the claim shows), `truncated` (cut toward zero at those decimals),
   * `wrong`, or `unparseable` (no `=`, or a side that is not plain arithmetic).
   */
  readonly verdict: ClaimAccuracy | 'unparseable';
  /** Why an annotation is unparseable. */
  readonly error?: ArithmeticErrorKind | 'no-equals';
}

/** Longest annotation looked for; GSM8K's longest is under 100 characters. */
export const MAX_ANNOTATION_LENGTH = 400;

/**
 * Every `<<...>>` in the text: the `>>` must close on the same line within
 * MAX_ANNOTATION_LENGTH characters, which keeps the scan linear.
 */
export function findAnnotations(text: string): AnnotationSpan[] {
  const spans: AnnotationSpan[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf('<<', from);
    if (open < 0) return spans;
    const limit = Math.min(text.length - 1, open + MAX_ANNOTATION_LENGTH);
    let close = -1;
    for (let i = open + 2; i < limit; i++) {
      const ch = text[i];
      if (ch === '\n' || (ch === '<' && text[i + 1] === '<')) break;
      if (ch === '>' && text[i + 1] === '>') {
        close = i;
        break;
      }
    }
    if (close < 0) {
      from = open + 2;
      continue;
    }
    spans.push({ start: open, end: close + 2 });
    from = close + 2;
  }
}

/** Checks one annotation's content, `expr=claimed`. */
export function checkAnnotationContent(content: string): Omit<AnnotationCheck, keyof AnnotationSpan | 'text'> {
  const equals = content.lastIndexOf('=');
  if (equals < 0) return { expr: content, claimed: '', value: null, verdict: 'unparseable', error: 'no-equals' };
  const expr = content.slice(0, equals);
  const claimed = content.slice(equals + 1);
  const computed = tryEvaluateArithmetic(expr);
  if (!computed.ok) return { expr, claimed, value: null, verdict: 'unparseable', error: computed.error };
  const stated = tryEvaluateArithmetic(claimed);
  if (!stated.ok) return { expr, claimed, value: computed.value.toCanonical(), verdict: 'unparseable', error: stated.error };
  const places = stated.operators === 0 ? decimalsShown(claimed) : null;
  return { expr, claimed, value: computed.value.toCanonical(), verdict: claimAccuracy(stated.value, computed.value, places) };
}

/** Every GSM8K annotation in a solution, with its exact value and verdict. */
export function checkAnnotations(solution: string): AnnotationCheck[] {
  if (typeof solution !== 'string') return [];
  return findAnnotations(solution).map((span) => {
    const text = solution.slice(span.start, span.end);
    return { ...span, text, ...checkAnnotationContent(text.slice(2, -2)) };
  });
}
