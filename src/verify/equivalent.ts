import { Rational } from '../exact/rational.js';
import { parseAnswer, type NumberAnswer, type ParsedAnswer } from './answer.js';
import { compareExpressions, constantValue } from './evaluate.js';
import type { Expr } from './expression.js';
import { renderExpression } from './expression-render.js';

/**
 * Equivalence of two answers. The first argument is the candidate (what the
 * model said), the second the reference. Everything is symmetric except the
 * rounding tolerance, which accepts a candidate that is the reference rounded,
 * never the other way round.
 */
export interface EquivalenceOptions {
  /**
   * How far a number may be from the reference:
   * - `'rounded'` (default): exact, or the candidate is the reference rounded
   *   (half away from zero) to the decimals the candidate shows, when it shows
   *   at least `minRoundedPlaces` of them and the reference cannot be written
   *   in that many (1/3 accepts 0.33 and 0.333; 12.5 does not accept 13 or
   *   12.50001); or the candidate is a printed binary double (15 or more
   *   significant digits, such as 14.666666666666666) within a relative 1e-12.
   * - `'exact'`: exact rational equality only.
   * - `{ relative, absolute }`: |candidate − reference| ≤ max(absolute, relative·|reference|).
   */
  readonly tolerance?: 'rounded' | 'exact' | { readonly relative?: number; readonly absolute?: number };
  /** The fewest decimals a rounded candidate must show under `'rounded'`. Default 2. */
  readonly minRoundedPlaces?: number;
  /**
   * What a `%` on one side only means:
   * - `'either'` (default): 25% matches 25 (percent as a label, the GSM8K
   *   convention for "what percent ...?") and 0.25 (percent as a value).
   * - `'label'`: 25% matches 25 only.
   * - `'value'`: 25% matches 0.25 only.
   * With % on both sides, the numbers are compared as written.
   */
  readonly percent?: 'either' | 'label' | 'value';
}

export type MatchReason =
  | 'exact'
  | 'rounded'
  | 'float'
  | 'tolerance'
  | 'symbolic'
  | 'numeric'
  | 'elementwise'
  | 'unanswerable'
  | 'text'
  | 'different-value'
  | 'different-kind'
  | 'different-length';

export interface Match {
  readonly equivalent: boolean;
  readonly reason: MatchReason;
  /** Set when a % sign was read to make the match. */
  readonly percent?: 'label' | 'value';
}

const HUNDRED = Rational.of(100n);
const FLOAT_SIGNIFICANT_DIGITS = 15;
const FLOAT_RELATIVE = Rational.of(1n, 10n ** 12n);

const parseCache = new Map<string, ParsedAnswer>();
const PARSE_CACHE_SIZE = 4096;

/**
 * parseAnswer with a small cache: a reward loop compares many outputs against
 * the same few references. Parsed answers are immutable, so sharing is safe.
 */
export function parseAnswerCached(text: string): ParsedAnswer {
  let parsed = parseCache.get(text);
  if (parsed === undefined) {
    parsed = parseAnswer(text);
    if (parseCache.size >= PARSE_CACHE_SIZE) parseCache.clear();
    parseCache.set(text, parsed);
  }
  return parsed;
}

/** Whether `candidate` is an acceptable answer when `reference` is right. Total: never throws. */
export function equivalent(candidate: string, reference: string, options: EquivalenceOptions = {}): boolean {
  return compareAnswers(candidate, reference, options).equivalent;
}

/** Like equivalent, with the reason. */
export function compareAnswers(candidate: string, reference: string, options: EquivalenceOptions = {}): Match {
  try {
    const a = parseAnswer(typeof candidate === 'string' ? candidate : String(candidate));
    const b = parseAnswerCached(typeof reference === 'string' ? reference : String(reference));
    return compareParsed(a, b, options);
  } catch {
    return { equivalent: false, reason: 'different-kind' };
  }
}

const DIFFERENT_KIND: Match = { equivalent: false, reason: 'different-kind' };
const DIFFERENT_VALUE: Match = { equivalent: false, reason: 'different-value' };

/** Compares two parsed answers. */
export function compareParsed(a: ParsedAnswer, b: ParsedAnswer, options: EquivalenceOptions = {}, depth = 0): Match {
  if (a.kind === 'number' && b.kind === 'number') return compareNumbers(a, b, options);
  if (a.kind === 'unanswerable' || b.kind === 'unanswerable') {
    return a.kind === b.kind ? { equivalent: true, reason: 'unanswerable' } : DIFFERENT_KIND;
  }
  // `1,234` against a pair: the comma was a separator between two items after all.
  if (a.kind === 'number' && a.grouped && (b.kind === 'tuple' || b.kind === 'set')) {
    return compareParsed(parseAnswer(a.source, { thousands: false }), b, options, depth);
  }
  if (b.kind === 'number' && b.grouped && (a.kind === 'tuple' || a.kind === 'set')) {
    return compareParsed(a, parseAnswer(b.source, { thousands: false }), options, depth);
  }
  if ((a.kind === 'tuple' || a.kind === 'set') && (b.kind === 'tuple' || b.kind === 'set')) return compareCollections(a, b, options, depth);
  if (a.kind === 'text' || b.kind === 'text') {
    if (a.kind !== 'text' || b.kind !== 'text') return DIFFERENT_KIND;
    if (a.truncated || b.truncated) return DIFFERENT_VALUE;
    return a.text.toLowerCase() === b.text.toLowerCase() ? { equivalent: true, reason: 'text' } : DIFFERENT_VALUE;
  }
  const exprA = asExpression(a);
  const exprB = asExpression(b);
  if (exprA === null || exprB === null) return DIFFERENT_KIND;
  // A decimal against an irrational constant such as 2√2 or π/2: the rounding tolerance.
  if (a.kind === 'number' && b.kind === 'expression') {
    const rounded = roundedToConstant(a, b.expr, options);
    if (rounded !== null) return rounded;
  }
  const result = compareExpressions(exprA, exprB);
  if (result === 'symbolic' || result === 'numeric') return { equivalent: true, reason: result };
  // Neither exact nor floating-point evaluation could decide (infinity, a huge power): same text or nothing.
  if (result === 'undecided' && renderExpression(exprA) === renderExpression(exprB)) return { equivalent: true, reason: 'text' };
  return DIFFERENT_VALUE;
}

function asExpression(answer: ParsedAnswer): Expr | null {
  if (answer.kind === 'expression') return answer.expr;
  if (answer.kind === 'number') {
    const value = answer.percent ? answer.value.div(HUNDRED) : answer.value;
    return { k: 'num', value };
  }
  return null;
}

function compareNumbers(a: NumberAnswer, b: NumberAnswer, options: EquivalenceOptions): Match {
  if (a.percent === b.percent) return matchValue(a.value, a, b.value, options);
  const mode = options.percent ?? 'either';
  // Read the % side both ways, as allowed; the % side may be either one.
  const [withPercent, other] = a.percent ? [a, b] : [b, a];
  const candidates: Array<'label' | 'value'> = mode === 'either' ? ['label', 'value'] : [mode];
  for (const reading of candidates) {
    const read = reading === 'label' ? withPercent.value : withPercent.value.div(HUNDRED);
    const readPlaces = withPercent.places === null ? null : reading === 'label' ? withPercent.places : withPercent.places + 2;
    const match =
      withPercent === a
        ? matchValue(read, { places: readPlaces, significant: a.significant }, other.value, options)
        : matchValue(a.value, a, read, options);
    if (match.equivalent) return { ...match, percent: reading };
  }
  return DIFFERENT_VALUE;
}

/** The tolerance policy, for a candidate value showing `shown.places` decimals. */
function matchValue(candidate: Rational, shown: { places: number | null; significant: number }, reference: Rational, options: EquivalenceOptions): Match {
  if (candidate.equals(reference)) return { equivalent: true, reason: 'exact' };
  const tolerance = options.tolerance ?? 'rounded';
  if (tolerance === 'exact') return DIFFERENT_VALUE;
  if (typeof tolerance === 'object') {
    const difference = candidate.sub(reference).abs().toNumber();
    const allowed = Math.max(tolerance.absolute ?? 0, (tolerance.relative ?? 0) * Math.abs(reference.toNumber()));
    return difference <= allowed ? { equivalent: true, reason: 'tolerance' } : DIFFERENT_VALUE;
  }
  const places = shown.places;
  if (places !== null && places >= (options.minRoundedPlaces ?? 2) && places <= 64) {
    // Rounding is accepted only when the reference has no exact form with that many decimals.
    if (!isExactAt(reference, places) && reference.roundTo(places).equals(candidate)) return { equivalent: true, reason: 'rounded' };
  }
  if (shown.significant >= FLOAT_SIGNIFICANT_DIGITS) {
    // A printed double: 14.666666666666666 for 44/3, 0.30000000000000004 for 3/10.
    const error = candidate.sub(reference).abs();
    if (error.compare(reference.abs().mul(FLOAT_RELATIVE)) <= 0) return { equivalent: true, reason: 'float' };
  }
  return DIFFERENT_VALUE;
}

function isExactAt(value: Rational, places: number): boolean {
  const decimals = value.decimalPlaces();
  return decimals !== null && decimals <= places;
}

function roundedToConstant(a: NumberAnswer, expr: Expr, options: EquivalenceOptions): Match | null {
  if ((options.tolerance ?? 'rounded') !== 'rounded' || a.percent || a.places === null) return null;
  if (a.places < (options.minRoundedPlaces ?? 2)) return null;
  const exact = constantValue(expr);
  if (exact === null) return null;
  // The reference is irrational here (a rational one would have been a number), so it has no
  // exact decimal form; a double holds it to about 1e-16 relative, far finer than any rounding we accept.
  const halfUnit = 0.5 * 10 ** -a.places;
  const difference = Math.abs(a.value.toNumber() - exact);
  return difference <= halfUnit * (1 + 1e-9) ? { equivalent: true, reason: 'rounded' } : null;
}

function compareCollections(
  a: Extract<ParsedAnswer, { kind: 'tuple' | 'set' }>,
  b: Extract<ParsedAnswer, { kind: 'tuple' | 'set' }>,
  options: EquivalenceOptions,
  depth: number,
): Match {
  if (a.items.length !== b.items.length) return { equivalent: false, reason: 'different-length' };
  const bracketedA = a.kind === 'tuple' && a.open !== '';
  const bracketedB = b.kind === 'tuple' && b.open !== '';
  if ((bracketedA && b.kind === 'set') || (bracketedB && a.kind === 'set')) return DIFFERENT_KIND;
  if (a.kind === 'tuple' && b.kind === 'tuple' && bracketedA && bracketedB) {
    if (a.open !== b.open || a.close !== b.close) return DIFFERENT_KIND;
    for (let k = 0; k < a.items.length; k++) {
      if (!compareParsed(a.items[k]!, b.items[k]!, options, depth + 1).equivalent) return DIFFERENT_VALUE;
    }
    return { equivalent: true, reason: 'elementwise' };
  }
  // A set, or a bare list such as "2, 3": any order, each item used once.
  const used = new Array<boolean>(b.items.length).fill(false);
  for (const item of a.items) {
    let found = false;
    for (let k = 0; k < b.items.length && !found; k++) {
      if (!used[k] && compareParsed(item, b.items[k]!, options, depth + 1).equivalent) {
        used[k] = true;
        found = true;
      }
    }
    if (!found) return DIFFERENT_VALUE;
  }
  return { equivalent: true, reason: 'elementwise' };
}
