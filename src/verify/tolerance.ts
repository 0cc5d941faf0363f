import { Rational } from '../exact/rational.js';
import type { NumberAnswer } from './answer-types.js';
import { constantValue } from './expression-compare.js';
import type { Expr } from './expression-tree.js';
import type { EquivalenceOptions, Match } from './match.js';
import { approximatesReference, mayBeRounded, roundsToReference } from './rounded-reference.js';

/**
 * The numeric policy: exact equality first, then the rounding tolerance (a
 * candidate that is the reference rounded to the decimals it shows), a
 * reference that may be rounded (option `reference`), printed doubles, an
 * explicit tolerance, and the two readings of a percent sign.
 */
const HUNDRED = Rational.of(100n);
const FLOAT_SIGNIFICANT_DIGITS = 15;
const FLOAT_RELATIVE = Rational.of(1n, 10n ** 12n);
const DIFFERENT_VALUE: Match = { equivalent: false, reason: 'different-value' };

export function compareNumbers(a: NumberAnswer, b: NumberAnswer, options: EquivalenceOptions): Match {
  if (a.percent === b.percent) return matchValue(a.value, a, b.value, options, b.places);
  const mode = options.percent ?? 'either';
  // Read the % side both ways, as allowed; the % side may be either one.
  const [withPercent, other] = a.percent ? [a, b] : [b, a];
  const candidates: Array<'label' | 'value'> = mode === 'either' ? ['label', 'value'] : [mode];
  for (const reading of candidates) {
    const read = reading === 'label' ? withPercent.value : withPercent.value.div(HUNDRED);
    const readPlaces = withPercent.places === null ? null : reading === 'label' ? withPercent.places : withPercent.places + 2;
    const match =
      withPercent === a
        ? matchValue(read, { places: readPlaces, significant: a.significant }, other.value, options, other.places)
        : matchValue(a.value, a, read, options, readPlaces);
    if (match.equivalent) return { ...match, percent: reading };
  }
  return DIFFERENT_VALUE;
}

/** The tolerance policy, for a candidate value showing `shown.places` decimals against a reference showing `referencePlaces`. */
export function matchValue(
  candidate: Rational,
  shown: { places: number | null; significant: number },
  reference: Rational,
  options: EquivalenceOptions,
  referencePlaces: number | null = null,
): Match {
  if (candidate.equals(reference)) return { equivalent: true, reason: 'exact' };
  if (options.reference === 'rounded' && mayBeRounded(referencePlaces) && roundsToReference(candidate, reference, referencePlaces)) {
    return { equivalent: true, reason: 'rounded-reference' };
  }
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

export function roundedToConstant(a: NumberAnswer, expr: Expr, options: EquivalenceOptions): Match | null {
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

/** An irrational candidate such as √19 against a reference that may be rounded (option `reference`). */
export function constantToRoundedReference(expr: Expr, b: NumberAnswer, options: EquivalenceOptions): Match | null {
  if (options.reference !== 'rounded' || b.percent || !mayBeRounded(b.places)) return null;
  const exact = constantValue(expr);
  return exact !== null && approximatesReference(exact, b.value, b.places) ? { equivalent: true, reason: 'rounded-reference' } : null;
}
