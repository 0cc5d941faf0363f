import { tryEvaluateArithmetic, type ArithmeticResult } from '../exact/arith.js';
import type { Rational } from '../exact/rational.js';
import { checkAnnotationContent } from './annotations.js';
import { claimAccuracy, decimalsShown } from './approximation.js';
import { mathView } from './view.js';

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
  /** True when the text had more claims than MAX_CLAIMS; the rest were not read. */
  readonly truncated: boolean;
}

const MAX_SIDE = 200;
export const MAX_CLAIMS = 20_000;

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

/** Characters that can be part of plain arithmetic. `x` only as a multiplication sign between operands. */
function isArithmeticChar(text: string, i: number): boolean {
  const ch = text[i]!;
  if (isDigit(ch)) return true;
  switch (ch) {
    case ' ': case '\t': case '.': case ',': case '+': case '-': case '*': case '/': case '^':
    case '(': case ')': case '[': case ']': case '%': case '$': case '€': case '£':
      return true;
    case 'x': case 'X': {
      // "3 x 4", "3x4", "$2000x 10/100"; but not "3x + 4" or "2x = 10", where x is a variable.
      const before = text[i - 1];
      if (!(before === ' ' || isDigit(before) || before === ')')) return false;
      let j = i + 1;
      while (text[j] === ' ') j++;
      const next = text[j];
      return j - i <= 2 && (isDigit(next) || next === '(' || next === '$');
    }
    default:
      return false;
  }
}

/** Positions inside an LHS where a claim may start if the whole LHS does not parse. */
function retryStarts(text: string, from: number, to: number): number[] {
  const starts: number[] = [];
  for (let i = from; i < to && starts.length < 4; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') starts.push(i + 1);
    else if ((ch === '.' || ch === ',') && text[i + 1] === ' ') starts.push(i + 1);
  }
  return starts;
}

/**
 * Whether a left side starting at `i` begins mid-expression: "9 hours * 2/3 = 6"
 * leaves "* 2/3", whose real left operand is behind the words. A minus sign
 * glued to its number ("-3 + 5") is a sign, one followed by a space is not.
 */
function startsWithDanglingOperator(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '+' || ch === '*' || ch === '/' || ch === '^' || ch === 'x' || ch === 'X') return true;
  return ch === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t');
}

/** Markdown bold around a claim: "**3 + 4 = 7**". */
function skipMarkdown(text: string, i: number, to: number): number {
  return text[i] === '*' && text[i + 1] === '*' && i + 2 < to && (isDigit(text[i + 2]) || text[i + 2] === '(' || text[i + 2] === '$') ? i + 2 : i;
}

function skipSpaces(text: string, i: number, to: number): number {
  while (i < to && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** Drops sentence punctuation, spaces and unbalanced brackets from the end of a right side. */
function trimRight(text: string, start: number, end: number): number {
  let depth = 0;
  for (let i = start; i < end; i++) {
    if (text[i] === '(' || text[i] === '[') depth++;
    else if (text[i] === ')' || text[i] === ']') depth--;
  }
  for (;;) {
    const ch = text[end - 1];
    if (end <= start) return end;
    if (ch === ' ' || ch === '\t' || ch === '.' || ch === ',' || ch === '$') end--;
    else if ((ch === ')' || ch === ']') && depth < 0) {
      depth++;
      end--;
    } else if ((ch === '(' || ch === '[') && depth > 0) {
      depth--;
      end--;
    } else return end;
  }
}

interface Side {
  readonly start: number;
  readonly end: number;
  readonly result: Extract<ArithmeticResult, { ok: true }>;
}

function leftSide(text: string, equals: number): Side | null {
  let k = equals;
  while (k > 0 && equals - k < MAX_SIDE && isArithmeticChar(text, k - 1)) k--;
  const end = trimRight(text, k, equals);
  const first = skipSpaces(text, k, end);
  if (first >= end) return null;
  // A run glued to a word ("item2 + 3", "\foo2") is part of a name, not a claim.
  const glued = first === k && k > 0 && (isLetter(text[k - 1]) || text[k - 1] === '_' || text[k - 1] === '\\');
  const candidates = glued ? retryStarts(text, first, end) : [first, ...retryStarts(text, first, end)];
  for (const candidate of candidates) {
    const start = skipMarkdown(text, skipSpaces(text, candidate, end), end);
    if (start >= end) continue;
    if (startsWithDanglingOperator(text, start)) return null;
    const result = tryEvaluateArithmetic(text.slice(start, end));
    if (result.ok) return { start, end, result };
  }
  return null;
}

function rightSide(text: string, equals: number): Side | null {
  const start = skipSpaces(text, equals + 1, text.length);
  let j = start;
  while (j < text.length && j - equals < MAX_SIDE && isArithmeticChar(text, j)) j++;
  // "= 10km", "= 5x", "= 3rd", "= (5/2)x": the number is glued to a word.
  if (isLetter(text[j]) && j > start && (isDigit(text[j - 1]) || text[j - 1] === ')')) return null;
  const end = trimRight(text, start, j);
  if (end <= start) return null;
  const result = tryEvaluateArithmetic(text.slice(start, end));
  return result.ok ? { start, end, result } : null;
}

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
    const pairs: Array<[ArithmeticResult, ArithmeticResult]> = [[lhsLabel, rhs.result], [lhs.result, rhsLabel], [lhsLabel, rhsLabel]];
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

/** All arithmetic claims in `output`, prose and annotations, in text order. */
export function findClaims(output: string): FindClaimsResult {
  const view = mathView(output);
  const text = view.text;
  const claims: Claim[] = [];
  let truncated = false;
  for (const span of view.annotations) {
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
  for (let p = 0; p < text.length; p++) {
    const ch = text[p];
    if (ch !== '=' && ch !== '≈') continue;
    if (++examined > MAX_CLAIMS) {
      truncated = true;
      break;
    }
    const before = text[p - 1];
    const after = text[p + 1];
    // ==, <=, >=, !=, :=, +=, =>: code and comparisons, not claims
    if (after === '=' || after === '>' || (before !== undefined && '=<>!:+-*/'.includes(before))) continue;
    const lhs = leftSide(text, p);
    if (lhs === null) continue;
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
