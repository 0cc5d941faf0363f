import { CONSTANT_NAMES, FUNCTION_NAMES, VARIABLE_WORDS } from './expression-tree.js';
import { isSymbol, type Token } from './tokens.js';

/**
 * The words around an answer's number: currency words and signs and hedges
 * before it ("about $12"), units and prose after it ("18 dollars", "5 m",
 * "42 I hope this helps"), percent spelled out. Works on tokens, so a word is
 * a word and never part of a number.
 */
/** Words dropped in front of an answer: "about 12", "approximately $5", "a total of 40". */
const PREFIX_WORDS: ReadonlySet<string> = new Set([
  'about',
  'approximately',
  'approx',
  'around',
  'roughly',
  'nearly',
  'almost',
  'exactly',
  'only',
  'just',
  'total',
  'of',
  'equals',
  'is',
  'be',
  'was',
  'are',
  'rs',
  'inr',
  'usd',
  'us',
  'eur',
  'gbp',
  'cad',
  'aud',
]);
const CURRENCY_SIGNS: ReadonlySet<string> = new Set(['$', '€', '£', '¥', '₹', '₩', '¢', '≈', '~', ':', '=']);
/** Single letters read as units after a number and a space ("5 m", "3 h"), not as variables. */
const LETTER_UNITS: ReadonlySet<string> = new Set(['m', 'g', 'h', 's', 'l', 'L', 'K', 'C', 'F', 'W', 'J', 'V', 'A']);
const PERCENT_WORDS: ReadonlySet<string> = new Set(['percent', 'percentage', 'pct']);

/** Short words glued to a number that are units or ordinals, not products of variables: 5km, 3rd. */
const GLUED_WORDS: ReadonlySet<string> = new Set([
  'km',
  'cm',
  'mm',
  'nm',
  'kg',
  'mg',
  'ml',
  'ft',
  'in',
  'yd',
  'mi',
  'hr',
  'hrs',
  'min',
  'mins',
  'sec',
  'secs',
  'lb',
  'lbs',
  'oz',
  'mph',
  'kmh',
  'gal',
  'qt',
  'pt',
  'sq',
  'cu',
  'st',
  'nd',
  'rd',
  'th',
  'am',
  'pm',
  'kw',
  'kwh',
  'mb',
  'gb',
  'usd',
  'eur',
  'rs',
  'pct',
  'and',
  'or',
  'per',
  'each',
  'days',
  'day',
  'yr',
  'yrs',
  'year',
  'week',
  'wk',
  'ms',
  'deg',
  'rad',
  'cents',
]);
const SPLIT_AFTER: ReadonlySet<string> = new Set(['+', '-', '*', '/', '^', '(', '=', ',', '<', '>', '≤', '≥', '≠']);

/**
 * `2pq`, `(p+q)^2 - 2pq`, `x = ab`: a short word written where a factor stands
 * (right after a number, a bracket or an operator, with no space) is a product
 * of one-letter variables. Units glued to a number (`5km`) and longer words stay
 * words.
 */
export function splitLetterWords(tokens: Token[]): Token[] {
  let out: Token[] | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    const previous = tokens[k - 1];
    const split =
      token.t === 'word' &&
      token.text.length >= 2 &&
      token.text.length <= 4 &&
      previous !== undefined &&
      !GLUED_WORDS.has(token.text.toLowerCase()) &&
      !FUNCTION_NAMES.has(token.text.toLowerCase()) &&
      !CONSTANT_NAMES.has(token.text.toLowerCase()) &&
      !VARIABLE_WORDS.has(token.text) &&
      !PERCENT_WORDS.has(token.text.toLowerCase()) &&
      ((!token.space && (previous.t === 'num' || isSymbol(previous, ')') || (previous.t === 'word' && previous.text.length === 1))) ||
        (previous.t === 'sym' && SPLIT_AFTER.has(previous.text) && tokens[k + 1]?.t !== 'word'));
    if (!split) {
      out?.push(token);
      continue;
    }
    out ??= tokens.slice(0, k);
    for (let i = 0; i < token.text.length; i++) {
      out.push({ t: 'word', text: token.text[i]!, start: token.start + i, end: token.start + i + 1, space: i === 0 ? token.space : false });
    }
  }
  return out ?? tokens;
}

/** "50 percent", "12 per cent": the words become a % sign. */
export function percentWords(tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.t === 'word')) return tokens;
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (token.t === 'word') {
      const lower = token.text.toLowerCase();
      const next = tokens[k + 1];
      if (PERCENT_WORDS.has(lower)) {
        out.push({ t: 'sym', text: '%', start: token.start, end: token.end, space: token.space });
        continue;
      }
      if (lower === 'per' && next?.t === 'word' && next.text.toLowerCase() === 'cent') {
        out.push({ t: 'sym', text: '%', start: token.start, end: next.end, space: token.space });
        k++;
        continue;
      }
    }
    out.push(token);
  }
  return out;
}

/** `30^\circ`, `30^{\circ}`, `30°`: the degree sign is a unit, and goes (as its `^` does). */
export function dropDegrees(tokens: Token[]): Token[] {
  if (!tokens.some((t) => isSymbol(t, '°'))) return tokens;
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (isSymbol(token, '^') && isSymbol(tokens[k + 1], '°')) k++;
    else if (isSymbol(token, '^') && isSymbol(tokens[k + 1], '(') && isSymbol(tokens[k + 2], '°') && isSymbol(tokens[k + 3], ')')) k += 3;
    else if (!isSymbol(token, '°')) out.push(token);
  }
  return out;
}

/** Drops what comes before an answer's number: currency, "about", "a total of". */
export function dropPrefix(tokens: Token[]): Token[] {
  let lastNumber = -1;
  for (let k = tokens.length - 1; k >= 0 && lastNumber < 0; k--) if (tokens[k]!.t === 'num') lastNumber = k;
  let k = 0;
  for (;;) {
    const token = tokens[k];
    if (token === undefined) break;
    if (token.t === 'sym' && CURRENCY_SIGNS.has(token.text)) k++;
    else if (token.t === 'word' && PREFIX_WORDS.has(token.text.toLowerCase()) && k < lastNumber) k++;
    else if (
      token.t === 'word' &&
      token.text.toLowerCase() === 'a' &&
      tokens[k + 1]?.t === 'word' &&
      (tokens[k + 1] as { text: string }).text.toLowerCase() === 'total'
    )
      k++;
    else if (k > 0 && isSymbol(token, '.') && tokens[k - 1]!.t === 'word')
      k++; // "Rs. 50"
    else break;
  }
  // A currency sign after a minus: -$5
  if (isSymbol(tokens[k], '-') && tokens[k + 1]?.t === 'sym' && CURRENCY_SIGNS.has((tokens[k + 1] as { text: string }).text)) {
    return [tokens[k]!, ...tokens.slice(k + 2)];
  }
  return k === 0 ? tokens : tokens.slice(k);
}

function isUnitWord(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k]!;
  if (token.t !== 'word') return false;
  const lower = token.text.toLowerCase();
  if (FUNCTION_NAMES.has(lower) || CONSTANT_NAMES.has(lower) || VARIABLE_WORDS.has(token.text)) return false;
  if (token.text.length >= 2) return true;
  const previous = tokens[k - 1];
  return LETTER_UNITS.has(token.text) && token.space && previous !== undefined && (previous.t === 'num' || isSymbol(previous, '%'));
}

/** "18 dollars", "5 hours", "12 per day", "3 m": a number followed by words keeps the number. */
export function dropUnits(tokens: Token[]): Token[] {
  let firstNumber = -1;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (token.t === 'num' && firstNumber < 0) firstNumber = k;
    if (firstNumber >= 0 && k > firstNumber && isUnitWord(tokens, k)) {
      let end = k;
      // Single letters standing as words before the prose are prose too: "42 I hope", "5 m long".
      while (end - 1 > firstNumber && tokens[end - 1]!.t === 'word' && tokens[end - 1]!.space && (tokens[end - 1] as { text: string }).text.length === 1) end--;
      // and drop what the words leave dangling: "18 (dollars", "5 - ", "12,"
      while (end > 0) {
        const last = tokens[end - 1]!;
        if (
          last.t === 'sym' &&
          (last.text === '(' || last.text === '[' || last.text === ',' || last.text === '-' || last.text === '.' || last.text === ':' || last.text === '/')
        )
          end--;
        else if (last.t === 'word' && (last.text === 'and' || last.text === 'or')) end--;
        else break;
      }
      return tokens.slice(0, end);
    }
  }
  return tokens;
}
