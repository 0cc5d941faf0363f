import { Rational } from '../exact/rational.js';

/**
 * How a claimed value relates to the exact value of what was computed. Shared
 * by the GSM8K annotation checker and the chain-of-thought step checker, so
 * "right" means the same thing in both.
 *
 * - `exact`: the same rational number.
 * - `rounded`: the exact value rounded half away from zero to the decimals the
 *   claim shows (10/3 = 3.33, 2/3 = 0.67, 7/2 = 4), and the exact value has
 *   more decimals than that.
 * - `truncated`: the exact value cut toward zero at the decimals shown
 *   (2/3 = 0.66, 25/4 = 6).
 * - `wrong`: anything else.
 */
export type ClaimAccuracy = 'exact' | 'rounded' | 'truncated' | 'wrong';

/** Decimals shown by a plain literal such as `3.50` or `-0.125%`; null for anything else. */
export function decimalsShown(literal: string): number | null {
  let text = literal.trim();
  while (text.startsWith('$') || text.startsWith('-') || text.startsWith('+') || text.startsWith('\u2212')) text = text.slice(1).trimStart();
  if (text.endsWith('%')) text = text.slice(0, -1).trimEnd();
  let places = -1;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch >= '0' && ch <= '9') {
      digits++;
      if (places >= 0) places++;
    } else if (ch === '.' && places < 0) places = 0;
    else if (ch === ',' && places < 0) continue;
    else return null;
  }
  if (digits === 0) return null;
  return places < 0 ? 0 : places;
}

/** Compares a claimed value showing `places` decimals (null: not a plain decimal) with the exact value. */
export function claimAccuracy(claimed: Rational, exact: Rational, places: number | null): ClaimAccuracy {
  if (claimed.equals(exact)) return 'exact';
  if (places === null || places > 64) return 'wrong';
  const exactPlaces = exact.decimalPlaces();
  if (exactPlaces !== null && exactPlaces <= places) return 'wrong'; // it could have been written exactly
  if (exact.roundTo(places).equals(claimed)) return 'rounded';
  if (truncateTo(exact, places).equals(claimed)) return 'truncated';
  return 'wrong';
}

function truncateTo(value: Rational, places: number): Rational {
  const scale = Rational.of(10n ** BigInt(places));
  const scaled = value.mul(scale);
  const whole = scaled.sign() < 0 ? scaled.ceil() : scaled.floor();
  return whole.div(scale);
}
