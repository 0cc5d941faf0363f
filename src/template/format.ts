import * as N from '../exact/num.js';

/**
 * How a variable shows its value: as computed, with fixed decimal places, as
 * a fraction (7/2), as a mixed number (3 1/2) or in words (three and a half).
 */
export type NumberFormat =
  | { readonly kind: 'plain' }
  | { readonly kind: 'fixed'; readonly places: number }
  | { readonly kind: 'fraction' }
  | { readonly kind: 'mixed' }
  | { readonly kind: 'fraction-words' };

export const PLAIN: NumberFormat = { kind: 'plain' };

/** A number the text cannot show honestly (money of 1/3 dollar, say) is a template bug, not a rounding. */
export class DisplayError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'DisplayError';
  }
}

function fixed(value: N.Num, places: number, filter: string): string {
  const exactPlaces = N.decimalPlaces(value);
  if (exactPlaces === null || exactPlaces > places) {
    throw new DisplayError(`${filter} cannot show ${N.canonical(value)} with ${places} decimal places without rounding`);
  }
  return N.toFixed(value, places);
}

/**
 * A decimal variable shows whole values as whole numbers and the rest with its
 * step's places, as prices and lengths are written: $5 and $2.80, 16 metres
 * and 16.5 metres.
 */
export function formatNumber(value: N.Num, format: NumberFormat): string {
  if (format.kind === 'plain' || typeof value === 'number') return N.canonical(value);
  switch (format.kind) {
    case 'fraction':
      return N.fractionString(value);
    case 'mixed':
      return mixedNumber(value);
    case 'fraction-words':
      return fractionWords(value) ?? mixedNumber(value);
    case 'fixed':
      return fixed(value, format.places, 'a decimal variable');
  }
}

/** `3 1/2` for 7/2, `2/3` below one; negative values are not quantities a story states. */
export function mixedNumber(value: N.Num): string {
  if (N.sign(value) < 0) throw new DisplayError(`a mixed number cannot show ${N.canonical(value)}`);
  const whole = N.floor(value);
  const rest = N.sub(value, whole);
  if (N.sign(rest) === 0) return N.canonical(whole);
  return N.sign(whole) === 0 ? N.fractionString(rest) : `${N.canonical(whole)} ${N.fractionString(rest)}`;
}

const PART_WORDS: Readonly<Record<string, readonly [alone: string, after: string]>> = {
  '1/2': ['half', 'a half'],
  '1/3': ['one third', 'one third'],
  '2/3': ['two thirds', 'two thirds'],
  '1/4': ['one quarter', 'a quarter'],
  '3/4': ['three quarters', 'three quarters'],
};

/** `two and a half`, `three quarters`: halves, thirds and quarters of whole numbers up to 100; null otherwise. */
function fractionWords(value: N.Num): string | null {
  if (N.sign(value) < 0) return null;
  const whole = N.floor(value);
  const words = PART_WORDS[N.fractionString(N.sub(value, whole))];
  if (words === undefined || typeof whole !== 'number' || whole > 100) return null;
  return whole === 0 ? words[0] : `${numberWords(whole)} and ${words[1]}`;
}

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

export function numberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 100) throw new DisplayError(`words only covers whole numbers from 0 to 100, not ${n}`);
  if (n === 100) return 'one hundred';
  if (n < 20) return ONES[n]!;
  const tens = TENS[Math.floor(n / 10)]!;
  return n % 10 === 0 ? tens : `${tens}-${ONES[n % 10]}`;
}

function ordinal(value: N.Num): string {
  if (typeof value !== 'number' || value < 0) throw new DisplayError(`ordinal needs a whole number, not ${N.canonical(value)}`);
  const lastTwo = value % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[value % 10] ?? 'th');
  return `${value}${suffix}`;
}

function wholeNumber(value: N.Num, filter: string): number {
  if (typeof value !== 'number') throw new DisplayError(`${filter} needs a whole number, not ${N.canonical(value)}`);
  return value;
}

/** `2 hours 15 minutes`, `45 minutes`, `1 hour`: a count of small units as whole big units and the rest. */
function twoUnits(value: N.Num, filter: string, size: number, big: readonly [string, string], small: readonly [string, string]): string {
  const total = wholeNumber(value, filter);
  if (total < 0) throw new DisplayError(`${filter} needs a quantity, not ${total}`);
  const whole = Math.floor(total / size);
  const rest = total % size;
  const part = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;
  if (whole === 0) return part(rest, small);
  return rest === 0 ? part(whole, big) : `${part(whole, big)} ${part(rest, small)}`;
}

/** `9:05 a.m.`, `12:30 p.m.`, `noon`, `midnight`: minutes after midnight on a 12-hour clock (any day). */
function clock(value: N.Num): string {
  const minutes = ((wholeNumber(value, 'clock') % 1440) + 1440) % 1440;
  if (minutes === 0) return 'midnight';
  if (minutes === 720) return 'noon';
  const hour = Math.floor(minutes / 60);
  const shown = hour % 12 === 0 ? 12 : hour % 12;
  return `${shown}:${String(minutes % 60).padStart(2, '0')} ${hour < 12 ? 'a.m.' : 'p.m.'}`;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Number filters for {var|filter} and {var|filter:arg}. */
export const FILTERS: Readonly<Record<string, (value: N.Num, argument: number | undefined) => string>> = {
  /** Whole amounts without cents (`5`), others with two places (`3.50`), as prices are written. */
  money: (value) => (typeof value === 'number' ? String(value) : fixed(value, 2, 'money')),
  fixed: (value, places) => fixed(value, places ?? 2, 'fixed'),
  frac: (value) => N.fractionString(value),
  percent: (value) => `${N.canonical(value)}%`,
  words: (value) => {
    if (typeof value !== 'number') throw new DisplayError(`words needs a whole number, not ${N.canonical(value)}`);
    return numberWords(value);
  },
  ordinal,
  times: (value) => (value === 1 ? 'once' : value === 2 ? 'twice' : `${N.canonical(value)} times`),
  /** Minutes as hours and minutes. */
  hm: (value) => twoUnits(value, 'hm', 60, ['hour', 'hours'], ['minute', 'minutes']),
  /** Centimetres as metres and centimetres. */
  mcm: (value) => twoUnits(value, 'mcm', 100, ['metre', 'metres'], ['centimetre', 'centimetres']),
  /** Grams as kilograms and grams. */
  kgg: (value) => twoUnits(value, 'kgg', 1000, ['kilogram', 'kilograms'], ['gram', 'grams']),
  clock,
  /** 0 is Monday, counting on through the weeks. */
  weekday: (value) => WEEKDAYS[((wholeNumber(value, 'weekday') % 7) + 7) % 7]!,
  /** 1 is January, counting on through the years. */
  month: (value) => MONTHS[(((wholeNumber(value, 'month') - 1) % 12) + 12) % 12]!,
};
