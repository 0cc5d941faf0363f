import { Rational } from '../exact/rational.js';
import { MIXED_PLUS, REPEATING } from './latex-chars.js';

/**
 * The tokenizer for answers, after latexToPlain has turned them into plain
 * text. One pass, no regular expressions. Numbers are read here, with their
 * thousands separators and the number of decimals they show, because both
 * matter later: `1,234` is one number and not a pair, and `0.33` shows two
 * decimals, which is what the rounding tolerance looks at.
 */

export type Token = NumberToken | WordToken | SymbolToken;

interface TokenBase {
  readonly start: number;
  readonly end: number;
  /** Whether whitespace comes right before the token. */
  readonly space: boolean;
}

export interface NumberToken extends TokenBase {
  readonly t: 'num';
  readonly value: Rational;
  /** Decimals shown, after any exponent: `12.50` → 2, `1.5e3` → 0. */
  readonly places: number;
  /** Written with neither a point nor an exponent. */
  readonly integer: boolean;
  /** Digits before the point, as written without separators. */
  readonly whole: string;
  /** Digits after the point, as written. */
  readonly fraction: string;
  readonly hasExponent: boolean;
  /** Written with thousands separators (`1,234` or `1 234`). */
  readonly grouped: boolean;
  /** Significant digits shown, used to recognise printed floating-point values. */
  readonly significant: number;
  /** Written with repeating digits (`0.1\overline{6}`): exact, and showing no fixed number of decimals. */
  readonly repeating: boolean;
}

export interface WordToken extends TokenBase {
  readonly t: 'word';
  readonly text: string;
}

export interface SymbolToken extends TokenBase {
  readonly t: 'sym';
  /** One of + - * / ^ % ( ) [ ] { } , = ≈ ± ! | and MIXED_PLUS, or any other single character. */
  readonly text: string;
}

export interface TokenizeOptions {
  /** Read `1,234` as a number. Default true; false reads it as the pair 1, 234. */
  readonly thousands?: boolean;
  /** Most digits in one number; longer runs make the answer unparseable. Default 200. */
  readonly maxDigits?: number;
  /**
   * Read a comma that cannot be a thousands separator as a decimal comma:
   * `1,22` and `0,111` are 1.22 and 0.111, while `1,222` stays 1222. Default false.
   */
  readonly decimalComma?: boolean;
}

export const MAX_NUMBER_DIGITS = 200;

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** Tokens of `text`, or null when a number is too long to read safely. */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] | null {
  const thousands = options.thousands ?? true;
  const maxDigits = options.maxDigits ?? MAX_NUMBER_DIGITS;
  const decimalComma = options.decimalComma === true;
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let space = false;
  while (i < n) {
    const ch = text[i]!;
    if (isSpace(ch)) {
      space = true;
      i++;
      continue;
    }
    if (isDigit(ch) || (ch === '.' && isDigit(text[i + 1]))) {
      const token = readNumber(text, i, space, thousands, maxDigits, decimalComma);
      if (token === null) return null;
      tokens.push(token);
      i = token.end;
    } else if (isLetter(ch)) {
      let j = i + 1;
      // Letters, and apostrophes inside words (can't): answers such as "can't be determined".
      while (j < n && (isLetter(text[j]) || (text[j] === "'" && isLetter(text[j + 1])))) j++;
      tokens.push({ t: 'word', text: text.slice(i, j), start: i, end: j, space });
      i = j;
    } else if (ch === '*' && text[i + 1] === '*') {
      tokens.push({ t: 'sym', text: '^', start: i, end: i + 2, space });
      i += 2;
    } else if (text[i + 1] === '=' && (ch === '<' || ch === '>' || (ch === '!' && !isDigit(text[i - 1]) && text[i - 1] !== ')'))) {
      // <=, >= and != as one relation (but 5!=120 is a factorial and an equals sign)
      tokens.push({ t: 'sym', text: ch === '<' ? '≤' : ch === '>' ? '≥' : '≠', start: i, end: i + 2, space });
      i += 2;
    } else {
      tokens.push({ t: 'sym', text: ch, start: i, end: i + 1, space });
      i++;
    }
    space = false;
  }
  return mergeSpaceGroups(tokens, maxDigits);
}

function readNumber(text: string, start: number, space: boolean, thousands: boolean, maxDigits: number, decimalComma: boolean): NumberToken | null {
  let i = start;
  while (isDigit(text[i])) i++;
  let whole = text.slice(start, i);
  let grouped = false;
  // A number never starts with a 0 group: 0,111 is not 111.
  if (thousands && whole.length >= 1 && whole.length <= 3 && whole[0] !== '0') {
    let j = i;
    let groups = '';
    while (text[j] === ',' && isDigit(text[j + 1]) && isDigit(text[j + 2]) && isDigit(text[j + 3]) && !isDigit(text[j + 4])) {
      groups += text.slice(j + 1, j + 4);
      j += 4;
      if (groups.length > maxDigits) return null;
    }
    if (j > i) {
      whole += groups;
      grouped = true;
      i = j;
    }
  }
  let fraction = '';
  let point = false;
  if ((text[i] === '.' || (decimalComma && !grouped && text[i] === ',')) && (isDigit(text[i + 1]) || text[i + 1] === REPEATING)) {
    const from = i + 1;
    i = from;
    while (isDigit(text[i])) i++;
    fraction = text.slice(from, i);
    point = true;
  }
  // 0.1\overline{6}: digits that repeat for ever
  let repeat = '';
  if (point && text[i] === REPEATING) {
    const from = i + 1;
    let j = from;
    while (isDigit(text[j])) j++;
    if (j === from || j - from > 20) return null;
    repeat = text.slice(from, j);
    i = j;
  }
  if (whole.length + fraction.length > maxDigits) return null;
  let exponent = 0;
  let hasExponent = false;
  if (repeat === '' && (text[i] === 'e' || text[i] === 'E')) {
    // 1e5, 2.5E-3; but not "2eggs" or a bare "5e"
    let j = i + 1;
    let sign = 1;
    if (text[j] === '-' || text[j] === '+') {
      if (text[j] === '-') sign = -1;
      j++;
    }
    const from = j;
    while (isDigit(text[j])) j++;
    if (j > from && j - from <= 4 && !isLetter(text[j])) {
      exponent = sign * Number(text.slice(from, j));
      hasExponent = true;
      i = j;
    }
  }
  const mantissa = BigInt((whole || '0') + fraction);
  const scale = exponent - fraction.length;
  let value = scale >= 0 ? Rational.of(mantissa * 10n ** BigInt(scale)) : Rational.of(mantissa, 10n ** BigInt(-scale));
  if (repeat !== '') {
    // W.F(R) with R repeating is (WFR − WF) / (10^|F| · (10^|R| − 1)): 0.1(6) = (16 − 1)/90 = 1/6
    const nines = 10n ** BigInt(repeat.length) - 1n;
    value = Rational.of(BigInt((whole || '0') + fraction + repeat) - mantissa, 10n ** BigInt(fraction.length) * nines);
  }
  const digits = (whole + fraction).replace(/^0+/, '');
  return {
    t: 'num',
    value,
    places: Math.max(0, -scale),
    integer: !point && !hasExponent,
    whole,
    fraction,
    hasExponent,
    grouped,
    significant: repeat === '' ? digits.length : 0,
    repeating: repeat !== '',
    start,
    end: i,
    space,
  };
}

/**
 * `1 234 567` (a space, a thin space or `\,` as the thousands separator) is
 * one number when the groups are right: 1 to 3 digits, then groups of exactly
 * three. `2 1/2` is not touched: the fraction bar rules it out.
 */
function mergeSpaceGroups(tokens: Token[], maxDigits: number): Token[] {
  let merged: Token[] | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const first = tokens[k]!;
    const previous = tokens[k - 1];
    if (first.t !== 'num' || !first.integer || first.grouped || first.whole.length > 3 || previous?.t === 'num') {
      merged?.push(first);
      continue;
    }
    let last = k;
    for (;;) {
      const next = tokens[last + 1];
      if (next === undefined || next.t !== 'num' || !next.space || next.grouped || next.whole.length !== 3) break;
      if (next.hasExponent || (last - k + 2) * 3 > maxDigits) break;
      last++;
      if (!next.integer) break; // the decimals end the number
    }
    const after = tokens[last + 1];
    if (last === k || (after?.t === 'sym' && after.text === '/')) {
      merged?.push(first);
      continue;
    }
    merged ??= tokens.slice(0, k);
    let text = first.whole;
    for (let m = k + 1; m <= last; m++) text += (tokens[m] as NumberToken).whole;
    const tail = tokens[last] as NumberToken;
    const fraction = tail.fraction;
    const value = Rational.of(BigInt(text + fraction), 10n ** BigInt(fraction.length));
    merged.push({
      t: 'num',
      value,
      places: tail.places,
      integer: tail.integer,
      whole: text,
      fraction,
      hasExponent: false,
      grouped: true,
      significant: (text + fraction).replace(/^0+/, '').length,
      repeating: false,
      start: first.start,
      end: tail.end,
      space: first.space,
    });
    k = last;
  }
  return merged ?? tokens;
}

export function isSymbol(token: Token | undefined, text: string): boolean {
  return token !== undefined && token.t === 'sym' && token.text === text;
}

export function isMixedPlus(token: Token | undefined): boolean {
  return isSymbol(token, MIXED_PLUS);
}
