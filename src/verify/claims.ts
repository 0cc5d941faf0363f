import { tryEvaluateArithmetic, type ArithmeticResult } from '../exact/arith.js';
import { isDate, isDigit, leftSide, rightSide, skipSpaces, type Side } from './claim-sides.js';
import type { Rational } from '../exact/rational.js';
import { checkAnnotationContent } from './annotations.js';
import { claimAccuracy, decimalsShown } from './approximation.js';
import { mathView, type MathView } from './view.js';

/**
 * Arithmetic claims in a chain of thought: `a op b = c` in prose (also
 * chains `a + b = c + d = e`, `≈`, and simple LaTeX), and GSM8K `<<a op b=c>>`
 * annotations. The prose scanner works on each `=` and reads at most
 * MAX_SIDE characters of arithmetic on either side, never past the previous
 * or next `=`, so the sides of different claims never overlap and the whole
 * scan is linear in the text.
 *
 * It is built to avoid false alarms rather than to find every claim: a side
 * it cannot read as plain arithmetic (words, variables, `2 1/2`, `10km`) means
 * no claim, not a wrong one.
 */
export type ClaimVerdict =
  /** The claimed value is the exact value. */
  | 'exact'
  /** Right once `%` is read as a label: "100 - 20 = 80%". */
  | 'percent'
  /** A running total, "2 * 3 = 6 + 4 = 10": the right side starts with the left side's value. */
  | 'running-total'
  /** The exact value rounded half away from zero to the decimals shown: 10/3 = 3.33. */
  | 'rounded'
  /** The exact value cut toward zero at the decimals shown: 2/3 = 0.66. */
  | 'truncated'
  | 'wrong';

export interface Claim {
  readonly source: 'prose' | 'annotation';
  /** Offsets in the text given, covering the whole claim. */
  readonly start: number;
  readonly end: number;
  /** The claim as it stands in the text. */
  readonly text: string;
  /** The computation, as read (after LaTeX rewriting). */
  readonly expr: string;
  /** The value claimed, as read. */
  readonly claimed: string;
  /** The exact value of `expr`, canonical (`42`, `12.5`, `7/3`). */
  readonly actual: string;
  readonly verdict: ClaimVerdict;
  /** Stated with ≈ rather than =. */
  readonly approximate: boolean;
  /** Decimals the claimed value shows, when it is a plain number. */
  readonly places: number | null;
}

export interface FindClaimsResult {
  readonly claims: Claim[];
  /** True when the text had more than MAX_CLAIMS annotations or `=` signs; the rest were not read. */
  readonly truncated: boolean;
}

export const MAX_CLAIMS = 20_000;

/** "6 + 4" read after "2 * 3 =": the leading literal, when an operator follows it. */
function leadingLiteral(text: string): Rational | null {
  let i = skipSpaces(text, 0, text.length);
  if (text[i] === '$') i++;
  const from = i;
  while (i < text.length && (isDigit(text[i]) || text[i] === '.' || text[i] === ',')) i++;
  if (i === from) return null;
  const after = skipSpaces(text, i, text.length);
  if (!'+-*/x×'.includes(text[after] ?? '?') || after === text.length) return null;
  const literal = tryEvaluateArithmetic(text.slice(from, i));
  return literal.ok ? literal.value : null;
}

function judge(lhs: Side, rhs: Side, lhsText: string, rhsText: string, approximate: boolean): { verdict: ClaimVerdict; places: number | null } {
  const actual = lhs.result.value;
  const claimed = rhs.result.value;
  const places = rhs.result.operators === 0 ? decimalsShown(rhsText) : null;
  if (actual.equals(claimed)) return { verdict: 'exact', places };
  if (lhs.result.percent || rhs.result.percent) {
    const lhsLabel = lhs.result.percent ? tryEvaluateArithmetic(lhsText, { percent: 'ignore' }) : lhs.result;
    const rhsLabel = rhs.result.percent ? tryEvaluateArithmetic(rhsText, { percent: 'ignore' }) : rhs.result;
    const pairs: Array<[ArithmeticResult, ArithmeticResult]> = [
      [lhsLabel, rhs.result],
      [lhs.result, rhsLabel],
      [lhsLabel, rhsLabel],
    ];
    for (const [a, b] of pairs) if (a.ok && b.ok && a.value.equals(b.value)) return { verdict: 'percent', places };
  }
  if (rhs.result.operators > 0) {
    const lead = leadingLiteral(rhsText);
    if (lead !== null && lead.equals(actual)) return { verdict: 'running-total', places };
  }
  const accuracy = claimAccuracy(claimed, actual, places);
  // Without ≈, an integer is not accepted as a rounding: 7/2 = 3 is a wrong step.
  if (accuracy !== 'exact' && accuracy !== 'wrong' && (approximate || (places ?? 0) >= 1)) return { verdict: accuracy, places };
  // With ≈, anything within one unit of the last decimal shown.
  if (approximate && places !== null && claimed.sub(actual).abs().toNumber() <= 10 ** -places) return { verdict: 'rounded', places };
  return { verdict: 'wrong', places };
}

/** The next `=` (or `≈`, when the text has any) at or after `from`, or -1. */
function nextSign(text: string, from: number, approximations: boolean): number {
  const equals = text.indexOf('=', from);
  if (!approximations) return equals;
  const approx = text.indexOf('≈', from);
  return equals < 0 ? approx : approx < 0 ? equals : Math.min(equals, approx);
}

/** All arithmetic claims in `output`, prose and annotations, in text order. */
export function findClaims(output: string): FindClaimsResult {
  return findClaimsInView(output, mathView(output));
}

/** findClaims on a view already built (the step checker shares one view between its passes). */
export function findClaimsInView(output: string, view: MathView): FindClaimsResult {
  const text = view.text;
  const claims: Claim[] = [];
  let truncated = false;
  for (const span of view.annotations) {
    if (claims.length >= MAX_CLAIMS) {
      truncated = true;
      break;
    }
    const checked = checkAnnotationContent(output.slice(span.start + 2, span.end - 2));
    if (checked.verdict === 'unparseable' || checked.value === null) continue;
    claims.push({
      source: 'annotation',
      start: span.start,
      end: span.end,
      text: output.slice(span.start, span.end),
      expr: checked.expr,
      claimed: checked.claimed,
      actual: checked.value,
      verdict: checked.verdict,
      approximate: false,
      places: decimalsShown(checked.claimed),
    });
  }
  const annotationCount = claims.length;
  let examined = 0;
  const approximations = text.includes('≈');
  for (let p = nextSign(text, 0, approximations); p >= 0; p = nextSign(text, p + 1, approximations)) {
    const ch = text[p];
    if (++examined > MAX_CLAIMS || truncated) {
      truncated = true;
      break;
    }
    const before = text[p - 1];
    const after = text[p + 1];
    // ==, <=, >=, !=, :=, +=, =>: code and comparisons, not claims
    if (after === '=' || after === '>' || (before !== undefined && '=<>!:+-*/'.includes(before))) continue;
    const lhs = leftSide(text, p);
    if (lhs === null || isDate(text, lhs.start, lhs.end)) continue;
    const rhs = rightSide(text, p);
    // A claim computes something on its left: "48 = 100% + 20%" is a label, not a computation.
    if (rhs === null || lhs.result.operators === 0) continue;
    const lhsText = text.slice(lhs.start, lhs.end);
    const rhsText = text.slice(rhs.start, rhs.end);
    const { verdict, places } = judge(lhs, rhs, lhsText, rhsText, ch === '≈');
    const start = view.toSource(lhs.start);
    const end = view.toSource(rhs.end - 1) + 1;
    claims.push({
      source: 'prose',
      start,
      end,
      text: output.slice(start, end),
      expr: lhsText.trim(),
      claimed: rhsText.trim(),
      actual: lhs.result.value.toCanonical(),
      verdict,
      approximate: ch === '≈',
      places,
    });
  }
  return { claims: dropRestatedAnnotations(claims, annotationCount), truncated };
}

/**
 * GSM8K prose restates each annotation ("16 - 3 - 4 = <<16-3-4=9>>9"): a prose
 * claim that encloses an annotation computing the same value with the same
 * verdict is the same claim, counted once.
 */
function dropRestatedAnnotations(claims: Claim[], annotationCount: number): Claim[] {
  if (annotationCount === 0) return claims;
  const annotations = claims.slice(0, annotationCount);
  const kept: Claim[] = [...annotations];
  let a = 0;
  for (const claim of claims.slice(annotationCount)) {
    while (a < annotations.length && annotations[a]!.end <= claim.start) a++;
    let duplicate = false;
    for (let k = a; k < annotations.length && annotations[k]!.start < claim.end; k++) {
      const annotation = annotations[k]!;
      if (annotation.actual === claim.actual && (annotation.verdict === claim.verdict || claim.verdict === 'exact')) duplicate = true;
    }
    if (!duplicate) kept.push(claim);
  }
  return kept.sort((x, y) => x.start - y.start);
}
