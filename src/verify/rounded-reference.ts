import type { Rational } from '../exact/rational.js';

/**
 * A reference that may itself be rounded (GSM-Plus writes 4.33 for 26/6): the
 * candidate's exact value, rounded half away from zero to the decimals the
 * reference shows, must give the reference. Only a reference with at least
 * MIN_ROUNDED_REFERENCE_PLACES decimals is read this way: an integer or a
 * one-decimal reference is taken as exact.
 */
export const MIN_ROUNDED_REFERENCE_PLACES = 2;
/** Beyond this many decimals a reference is not a rounding anyone wrote; it is compared exactly. */
const MAX_ROUNDED_REFERENCE_PLACES = 64;

/** Whether a reference showing `places` decimals is read as possibly rounded. */
export function mayBeRounded(places: number | null): places is number {
  return places !== null && places >= MIN_ROUNDED_REFERENCE_PLACES && places <= MAX_ROUNDED_REFERENCE_PLACES;
}

/** Whether `candidate`, rounded to the reference's `places` decimals, is the reference. */
export function roundsToReference(candidate: Rational, reference: Rational, places: number): boolean {
  return candidate.roundTo(places).equals(reference);
}

/**
 * The same for a candidate known only as a double (an irrational constant such
 * as √19): within half a unit of the reference's last decimal. A double holds
 * it to about 1e-16 relative, far finer than any rounding accepted here.
 */
export function approximatesReference(candidate: number, reference: Rational, places: number): boolean {
  if (!Number.isFinite(candidate)) return false;
  const halfUnit = 0.5 * 10 ** -places;
  return Math.abs(candidate - reference.toNumber()) <= halfUnit * (1 + 1e-9);
}
