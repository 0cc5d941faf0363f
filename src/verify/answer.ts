import { Rational } from '../exact/rational.js';
import { renderAnswer } from './answer-render.js';
import { parseStructure } from './answer-structure.js';
import type { NumberAnswer, ParseAnswerOptions, ParsedAnswer, TextAnswer } from './answer-types.js';
import { dropDegrees, dropPrefix, dropUnits, percentWords, splitLetterWords } from './answer-words.js';
import { latexToPlain, needsLatexRewrite } from './latex.js';
import { tokenize } from './tokens.js';
import { isUnanswerableAnswer } from './unanswerable.js';

/**
 * parseAnswer: from the text of an answer to a value (see answer-types.ts for
 * the kinds), through LaTeX rewriting, tokens and the structure parser.
 */
export type * from './answer-types.js';
export { renderAnswer } from './answer-render.js';

/** Answers longer than this are not parsed: they are kept as (truncated) text. */
export const MAX_ANSWER_LENGTH = 4000;
const MAX_TOKENS = 1000;

export function parseAnswer(text: string, options: ParseAnswerOptions = {}): ParsedAnswer {
  return parseIn(text, options, false);
}

/**
 * An answer written in math mode (the content of a `\boxed{}` or of `$...$`),
 * where a final `!` is a factorial (`\boxed{5!}`), not an exclamation.
 */
export function parseMathAnswer(text: string, options: ParseAnswerOptions = {}): ParsedAnswer {
  return parseIn(text, options, true);
}

function parseIn(text: string, options: ParseAnswerOptions, math: boolean): ParsedAnswer {
  if (typeof text !== 'string') text = text === null || text === undefined ? '' : String(text);
  const fast = fastNumber(text);
  if (fast !== null) return fast;
  if (text.length > MAX_ANSWER_LENGTH) return { kind: 'text', text: `${text.slice(0, 200)}…`, truncated: true };
  const plain = needsLatexRewrite(text) ? latexToPlain(text).text : text;
  return parsePlain(plain, options, math);
}

/** The normalised text of an answer: `\$1{,}234.50` → `1234.50`, `\frac{2}{4}` → `1/2`, `x = 5` → `5`. */
export function normalizeAnswer(text: string, options?: ParseAnswerOptions): string {
  return renderAnswer(parseAnswer(text, options));
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
function strippable(ch: string, atEnd: boolean, math: boolean): boolean {
  return (
    ch === ' ' ||
    ch === '\t' ||
    ch === '\n' ||
    ch === '\r' ||
    ch === '*' ||
    ch === '_' ||
    ch === '`' ||
    ch === '"' ||
    ch === '\u201c' ||
    ch === '\u201d' ||
    (atEnd && (ch === '.' || ch === ',' || ch === ';' || ch === ':' || (ch === '!' && !math) || ch === '?'))
  );
}

function trimAnswer(raw: string, math: boolean): string {
  let start = 0;
  let end = raw.length;
  while (start < end && strippable(raw[start]!, false, math)) start++;
  while (end > start && strippable(raw[end - 1]!, true, math)) end--;
  return raw.slice(start, end);
}

/** Whole answers that name the real line in words. */
const REAL_LINE_WORDS: ReadonlySet<string> = new Set(['all real numbers', 'all reals', 'the real numbers', 'any real number', 'ℝ']);

function parsePlain(plain: string, options: ParseAnswerOptions, math: boolean): ParsedAnswer {
  const trimmed = trimAnswer(plain, math);
  if (trimmed.length === 0) return text('');
  const fast = fastNumber(trimmed);
  if (fast !== null) return fast;
  if (isUnanswerableAnswer(trimmed)) return { kind: 'unanswerable' };
  if (REAL_LINE_WORDS.has(trimmed.toLowerCase())) return parsePlain('(-inf, inf)', options, math);
  const tokens = tokenize(trimmed, { thousands: options.thousands ?? true, decimalComma: options.decimalComma === true });
  if (tokens === null || tokens.length > MAX_TOKENS) return text(trimmed);
  const words = splitLetterWords(dropDegrees(percentWords(tokens)));
  // Structure first (lists, relations, sets, matrices); then, for prose around a value, the value alone.
  const parsed = parseStructure(words, trimmed) ?? parseStructure(dropUnits(dropPrefix(words)), trimmed);
  return parsed ?? text(trimmed);
}
