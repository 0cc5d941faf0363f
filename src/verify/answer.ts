import { Rational } from '../exact/rational.js';
import { evaluateRational } from './evaluate.js';
import { dropPrefix, dropUnits, percentWords } from './answer-words.js';
import { isArithmetic, parseExpression, type Expr } from './expression.js';
import { renderExpression } from './expression-render.js';
import { latexToPlain, needsLatexRewrite } from './latex.js';
import { isSymbol, tokenize, type NumberToken, type Token } from './tokens.js';
import { isUnanswerableAnswer } from './unanswerable.js';

/**
 * An answer as a value: what `parseAnswer` makes of the text a model or a
 * dataset gives, after normalisation (LaTeX, separators, currency, units,
 * percent words, `x =`, trailing punctuation).
 */
export type ParsedAnswer =
  | NumberAnswer
  | ExpressionAnswer
  | TupleAnswer
  | SetAnswer
  | { readonly kind: 'unanswerable' }
  | TextAnswer;

export interface NumberAnswer {
  readonly kind: 'number';
  /** The value as written: for `25%` this is 25, and `percent` is true. */
  readonly value: Rational;
  /** Decimals shown (`0.50` → 2), or null for fractions and computed values, which show none. */
  readonly places: number | null;
  readonly percent: boolean;
  /** Significant digits shown, when written as one decimal literal (0 otherwise). */
  readonly significant: number;
  /** Written with thousands separators, so `1,234` might have been the pair (1, 234). */
  readonly grouped: boolean;
  /** The normalised text it was read from, for the rare re-reading without thousands separators. */
  readonly source: string;
}

export interface ExpressionAnswer {
  readonly kind: 'expression';
  readonly expr: Expr;
}

export interface TupleAnswer {
  readonly kind: 'tuple';
  /** '' for a bare list such as `2, 3`, which compares in any order. */
  readonly open: '(' | '[' | '';
  readonly close: ')' | ']' | '';
  readonly items: readonly ParsedAnswer[];
}

export interface SetAnswer {
  readonly kind: 'set';
  readonly items: readonly ParsedAnswer[];
}

export interface TextAnswer {
  readonly kind: 'text';
  readonly text: string;
  /** Too long to keep; never equal to anything. */
  readonly truncated: boolean;
}

export interface ParseAnswerOptions {
  /** Read `1,234` as a number (default). False reads it as the pair 1, 234. */
  readonly thousands?: boolean;
}

/** Answers longer than this are not parsed: they are kept as (truncated) text. */
export const MAX_ANSWER_LENGTH = 4000;
const MAX_TOKENS = 1000;
const MAX_ITEMS = 64;
const MAX_NESTING = 3;

export function parseAnswer(text: string, options: ParseAnswerOptions = {}): ParsedAnswer {
  if (typeof text !== 'string') text = text === null || text === undefined ? '' : String(text);
  const fast = fastNumber(text);
  if (fast !== null) return fast;
  if (text.length > MAX_ANSWER_LENGTH) return { kind: 'text', text: `${text.slice(0, 200)}…`, truncated: true };
  const plain = needsLatexRewrite(text) ? latexToPlain(text).text : text;
  return parsePlain(plain, options.thousands ?? true, 0);
}

/** The normalised text of an answer: `\$1{,}234.50` → `1234.50`, `\frac{2}{4}` → `1/2`, `x = 5` → `5`. */
export function normalizeAnswer(text: string, options?: ParseAnswerOptions): string {
  return renderAnswer(parseAnswer(text, options));
}

/** Prints a parsed answer; parsing the result gives the same answer back. */
export function renderAnswer(answer: ParsedAnswer): string {
  switch (answer.kind) {
    case 'number': {
      const body = answer.places === null ? answer.value.toFractionString() : answer.value.toFixed(answer.places);
      return answer.percent ? `${body}%` : body;
    }
    case 'expression':
      return renderExpression(answer.expr);
    case 'tuple':
      return `${answer.open}${answer.items.map(renderAnswer).join(', ')}${answer.close}`;
    case 'set':
      return `{${answer.items.map(renderAnswer).join(', ')}}`;
    case 'unanswerable':
      return 'unanswerable';
    case 'text':
      // Braces and & are escaped so that reading the text again keeps them as they are.
      return answer.text.replace(/[{}&]/g, '\\$&');
  }
}

/** `18`, `-3`, `12.5`: most answers, read without the general machinery. */
function fastNumber(text: string): NumberAnswer | null {
  const n = text.length;
  if (n === 0 || n > 15) return null;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n) return null;
  let point = -1;
  for (let k = i; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 && point < 0 && k > i && k < n - 1) point = k;
    else if (c < 48 || c > 57) return null;
  }
  const places = point < 0 ? 0 : n - point - 1;
  const digits = point < 0 ? text.slice(i) : text.slice(i, point) + text.slice(point + 1);
  let num = BigInt(digits);
  if (i === 1) num = -num;
  const value = places === 0 ? Rational.of(num) : Rational.of(num, 10n ** BigInt(places));
  const significant = digits.replace(/^0+/, '').length;
  return { kind: 'number', value, places, percent: false, significant, grouped: false, source: text };
}

function text(raw: string): TextAnswer {
  return { kind: 'text', text: raw.replace(/\s+/g, ' ').trim(), truncated: false };
}

/** Drops what surrounds an answer but is not part of it: spaces, markdown, quotes, sentence punctuation. */
function strippable(ch: string, atEnd: boolean): boolean {
  return (
    ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '*' || ch === '_' || ch === '`' || ch === '"' ||
    ch === '\u201c' || ch === '\u201d' || (atEnd && (ch === '.' || ch === ',' || ch === ';' || ch === ':' || ch === '!' || ch === '?'))
  );
}

function trimAnswer(raw: string): string {
  let start = 0;
  let end = raw.length;
  while (start < end && strippable(raw[start]!, false)) start++;
  while (end > start && strippable(raw[end - 1]!, true)) end--;
  return raw.slice(start, end);
}

function parsePlain(plain: string, thousands: boolean, nesting: number): ParsedAnswer {
  const trimmed = trimAnswer(plain);
  if (trimmed.length === 0) return text('');
  const fast = fastNumber(trimmed);
  if (fast !== null) return fast;
  if (isUnanswerableAnswer(trimmed)) return { kind: 'unanswerable' };
  const tokens = tokenize(trimmed, { thousands });
  if (tokens === null || tokens.length > MAX_TOKENS) return text(trimmed);
  const cleaned = dropUnits(dropPrefix(percentWords(tokens)));
  const parsed = parseTokens(cleaned, 0, cleaned.length, trimmed, thousands, nesting);
  return parsed ?? text(trimmed);
}

/** Splits tokens[from, to) at commas outside brackets; null when there are none. */
function splitTopLevel(tokens: readonly Token[], from: number, to: number): Array<[number, number]> | null {
  let depth = 0;
  let start = from;
  const parts: Array<[number, number]> = [];
  for (let k = from; k < to; k++) {
    const token = tokens[k]!;
    if (token.t !== 'sym') continue;
    if (token.text === '(' || token.text === '[' || token.text === '{') depth++;
    else if (token.text === ')' || token.text === ']' || token.text === '}') depth--;
    else if ((token.text === ',' || token.text === ';') && depth === 0) {
      parts.push([start, k]);
      start = k + 1;
    }
  }
  if (parts.length === 0) return null;
  parts.push([start, to]);
  return parts;
}

/** The index of the bracket closing tokens[open], or -1. */
function matchingClose(tokens: readonly Token[], open: number, to: number): number {
  let depth = 0;
  for (let k = open; k < to; k++) {
    const token = tokens[k]!;
    if (token.t !== 'sym') continue;
    if (token.text === '(' || token.text === '[' || token.text === '{') depth++;
    else if (token.text === ')' || token.text === ']' || token.text === '}') {
      depth--;
      if (depth === 0) return k;
    }
  }
  return -1;
}

function parseItems(tokens: readonly Token[], parts: ReadonlyArray<[number, number]>, source: string, thousands: boolean, nesting: number): ParsedAnswer[] | null {
  if (parts.length > MAX_ITEMS || nesting >= MAX_NESTING) return null;
  const items: ParsedAnswer[] = [];
  for (const [from, to] of parts) {
    const item = parseTokens(tokens, from, to, source, thousands, nesting + 1);
    if (item === null) return null;
    items.push(item);
  }
  return items;
}

function parseTokens(tokens: readonly Token[], from: number, to: number, source: string, thousands: boolean, nesting: number): ParsedAnswer | null {
  if (from >= to) return null;
  const parts = splitTopLevel(tokens, from, to);
  if (parts !== null) {
    const items = parseItems(tokens, parts, source, thousands, nesting);
    return items === null ? null : { kind: 'tuple', open: '', close: '', items };
  }
  const first = tokens[from]!;
  const last = tokens[to - 1]!;
  if (first.t === 'sym' && last.t === 'sym' && matchingClose(tokens, from, to) === to - 1) {
    const inner = splitTopLevel(tokens, from + 1, to - 1);
    if (first.text === '{' && last.text === '}') {
      const items = parseItems(tokens, inner ?? [[from + 1, to - 1]], source, thousands, nesting);
      return items === null ? null : { kind: 'set', items };
    }
    if (inner !== null && (first.text === '(' || first.text === '[') && (last.text === ')' || last.text === ']')) {
      const items = parseItems(tokens, inner, source, thousands, nesting);
      return items === null ? null : { kind: 'tuple', open: first.text, close: last.text, items };
    }
  }
  // An equation or approximation: keep what follows the last = or ≈ ("x = 5", "2 + 3 = 5").
  for (let k = to - 1; k > from; k--) {
    const token = tokens[k]!;
    if (token.t === 'sym' && (token.text === '=' || token.text === '≈')) return parseTokens(tokens, k + 1, to, source, thousands, nesting);
  }
  return parseSingle(tokens, from, to, source);
}

function parseSingle(tokens: readonly Token[], from: number, to: number, source: string): ParsedAnswer | null {
  const simple = simpleNumber(tokens, from, to, source);
  if (simple !== null) return simple;
  const expr = parseExpression(tokens, from, to);
  if (expr === null) return null;
  if (isArithmetic(expr)) {
    const value = evaluateRational(expr);
    if (value !== null) {
      const grouped = tokens.slice(from, to).some((t) => t.t === 'num' && t.grouped);
      return { kind: 'number', value, places: null, percent: false, significant: 0, grouped, source };
    }
  }
  return { kind: 'expression', expr };
}

/** `[-] number [%]`: an answer that shows its decimals. */
function simpleNumber(tokens: readonly Token[], from: number, to: number, source: string): NumberAnswer | null {
  let k = from;
  let negative = false;
  if (isSymbol(tokens[k], '-')) {
    negative = true;
    k++;
  } else if (isSymbol(tokens[k], '+')) k++;
  const token = tokens[k];
  if (token === undefined || token.t !== 'num') return null;
  const number: NumberToken = token;
  k++;
  let percent = false;
  if (isSymbol(tokens[k], '%')) {
    percent = true;
    k++;
  }
  if (k !== to) return null;
  return {
    kind: 'number',
    value: negative ? number.value.neg() : number.value,
    places: number.places,
    percent,
    significant: number.significant,
    grouped: number.grouped,
    source,
  };
}
